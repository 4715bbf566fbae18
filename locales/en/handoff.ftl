## Talk to a person

handoff-started =
    { $urgent ->
        [yes] I told a staff member right away. They will write to you here, in this chat.
       *[no] I asked a staff member to answer you. They will write to you here, in this chat.
    }
    You can write now: they will read your messages.
handoff-closed-office =
    The office is closed now.
    A staff member will answer you from { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    You can already write your message here.
    { $urgent ->
        [yes] If you are in danger, call 112 now. For violence, call 1522.
       *[no] If it is urgent, call 112.
    }
handoff-already-open = A staff member already has your request. They will answer you here.
handoff-ended = The staff member closed the conversation. Now the assistant answers you again.
handoff-left = OK. Now the assistant answers you again.
btn-back-to-menu = 🏠 Back to the menu
handoff-failed =
    Sorry, I can't reach the operators right now.
    Call the office: 📞 { $phone } ({ $hours }).
    If you are in danger, call 112 now.
