## Texts for the operators (the operators' group works in Italian). Translated so that every
## catalogue has every key; op-signature and op-caption reach the person.

op-card =
    { $urgent ->
        [yes] 🆘 URGENT
       *[no] 🙋 Contact request
    }
    Name: { $name }
    Language: { $language }
    Reason: { $reason ->
        [distress] emergency (got the emergency numbers)
        [operator] a staff member wrote first
        [misunderstood] the bot did not understand twice
        [appointment] asks for an appointment that staff book
       *[asked] asked for a person
    }
    Requirements: { $prescreening }
    Appointments and courses: { $bookings }
    Last messages:
    { $recent }
op-card-claimed = ✋ { $operator } takes it.
op-card-closed = ✅ Closed by { $operator }.
op-claimed-by-other = { $operator } already has this request.
op-not-operator = This is only for the project staff.
op-reannounce = ⏰ This request is still waiting for a staff member.
op-edited = ✏️ Message changed: { $text }
op-no-handoff = There is no open conversation in this topic.
op-scrivi-usage = Write /scrivi and then the person's number, for example /scrivi 12345.
op-scrivi-unknown = I cannot find this person, or they did not give consent.
op-opened = Conversation open. Write here: the person will get your messages.
op-closed-by-beneficiary = The person went back to the menu. Conversation closed.
op-signature = 👤 { $operator }: { $text }
op-caption = — 👤 { $operator }
op-none = none
op-prescreening = { $outcome ->
        [likely_eligible] looks like yes
        [to_check] to be checked
        [not_eligible] looks like no
       *[other] not done
    } { $date }
op-erased = The person deleted their data. This conversation is closed.
btn-claim = ✋ I take it
btn-close = ✅ Close
op-details =
    📋 Answers to the eligibility check:
    { $answers }
btn-details = 📋 More details

op-cases =
    Open requests: { $count }
    { $lines }
op-case-line = { $urgent ->
        [yes] 🆘
       *[no] •
    } { $name } (id { $id }): { $status ->
        [claimed] followed by { $operator }
       *[open] waiting
    }, for { $minutes } minutes

## Appointments: notices in the operators' group and the attendance question.
op-ap-someone = person without a name
op-ap-booked = 📅 Booked: { $name } (id { $id }), { $kind }, { $when }, { $place }, with { $operator }.
op-ap-moved = 🔁 Moved: { $name } (id { $id }), { $kind }, now { $when }, { $place }, with { $operator }.
op-ap-cancelled = ❌ Cancelled: { $name } (id { $id }), { $kind }, { $when }, { $place }, with { $operator }.
op-ap-unreachable = ⚠️ Reminder not delivered, the bot is blocked: { $name } (id { $id }), { $kind }, { $when }, { $place }, with { $operator }.
op-ap-unconfirmed = ❓ No confirmation at the last reminder: { $name } (id { $id }), { $kind }, { $when }, { $place }, with { $operator }.
op-att-question = 👥 Did { $name } (id { $id }) come to the appointment on { $when }? { $kind }, { $place }, with { $operator }.
op-att-marked = { $status ->
        [attended] ✅ Present
       *[no_show] ❌ Not present
    } (marked by { $operator })
op-att-already = Attendance was already marked by { $operator }.
op-att-too-early = The appointment has not started yet.
op-att-gone = This appointment no longer exists: cancelled, or the person deleted their data.
btn-att-present = ✅ Present
btn-att-absent = ❌ Not present

## Courses: notices in the operators' group.
op-co-enrolled = 🎓 Signed up: { $name } (id { $id }), course «{ $course }». Seats taken: { $taken } of { $seats }.
op-co-waiting = ⏳ On the waiting list: { $name } (id { $id }), course «{ $course }».
op-co-withdrawn = 🚪 Left: { $name } (id { $id }), course «{ $course }». The seat goes to the first in line, if any.
op-co-accepted = ✅ Took the freed seat: { $name } (id { $id }), course «{ $course }».
op-card-released = ↩️ { $operator } let it go: it waits for an operator.
op-web-reply = 💻 { $operator }: { $text }
op-web-note = 📝 Note by { $operator }, the person does not see it: { $text }
