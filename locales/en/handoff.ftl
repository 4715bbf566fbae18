## Talk to a person

handoff-started =
    { $urgent ->
        [yes] I told the office right away. Someone will write to you here, in this chat.
       *[no] I asked the office to answer you. Someone will write to you here, in this chat.
    }
    You can write now: they will read your messages.
handoff-closed-office =
    The office is closed now.
    We will answer you from { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    You can already write your message here.
    { $urgent ->
        [yes] If you are in danger, call 112 now. For violence, call 1522.
       *[no] If it is urgent, call 112.
    }
handoff-already-open = The office already has your request. Someone will answer you here.
handoff-ended = The office closed the conversation. Now the assistant answers you again.
handoff-left = OK. Now the assistant answers you again.
btn-back-to-menu = 🏠 Back to the menu
handoff-failed =
    Sorry, I can't pass on your request right now.
    Call the office: 📞 { $phone } ({ $hours }).
    If you are in danger, call 112 now.

## While the request waits

handoff-waiting = Your request is still in the queue: someone from the office will answer you as soon as they can.
handoff-waiting-closed =
    Your request is still in the queue. The office is closed.
    We will answer you from { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
handoff-waiting-urgent = If you are in danger, call 112 now. For violence, call 1522: it is free, day and night.
handoff-claimed = Someone from the office has taken your request. They will write to you here, in this chat.
handoff-still-waiting = OK, your request stays in the queue. You can write your message here.
handoff-leave-confirm = Do you want to go back to the menu? Your request stays open: someone from the office will still write to you.
handoff-left-open =
    OK. Your request stays open: someone from the office will write to you here as soon as they can.
    Now the assistant answers you again.
btn-handoff-leave-yes = Yes, back to the menu
btn-handoff-leave-no = No, I'll keep waiting
op-person-left-open = 🏠 The person went back to the menu, but the URGENT request stays open: contact them anyway.
