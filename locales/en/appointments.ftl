## Appointments: book, see, move, cancel; reminders.
## $when is a date and time already in the Rome time zone. $kind is the kind of appointment.

ap-kind-name =
    { $kind ->
        [orientation] orientation meeting
        [skills_assessment] skills check meeting
        [tutoring] meeting with the tutor
        [social_worker] meeting with the social worker
       *[other] appointment
    }
ap-weekday =
    { $weekday ->
        [0] Mon
        [1] Tue
        [2] Wed
        [3] Thu
        [4] Fri
        [5] Sat
       *[6] Sun
    }

## Choosing

ap-choose-kind = Which appointment do you want to book?
btn-ap-kind-orientation = 🧭 Orientation meeting
btn-ap-kind-skills_assessment = 📝 Skills check
btn-ap-kind-tutoring = 🤝 Meeting with the tutor
btn-ap-kind-social_worker = 👥 Social worker
ap-slots =
    Here are the free times for the { ap-kind-name }.
    Choose the one that is good for you.
ap-slots-filtered =
    Here are the free times that are good for you.
    They are for the { ap-kind-name }.
ap-slots-hint = You can also write to me when you would like to come. For example: “Tuesday morning” or “after 15”.
ap-none-fits =
    I have no free times for “{ $wish }”.
    Here are all the free times.
ap-day = 📅 { DATETIME($day, dateStyle: "full") }: { $times }
btn-ap-slot = { ap-weekday } { $day }/{ $month } · { $time } · { $venue }
btn-ap-earlier = ◀️ Earlier
btn-ap-later = Later ▶️
btn-ap-all-times = 📅 All times
ap-no-slots =
    Right now there are no free times.
    🗓️ { ap-kind-name }
    A staff member can book an appointment for you: press “Ask a person for it”.
    Or call the office: 📞 { $phone }

## Confirming

ap-book-ask =
    Do you want to book this appointment?
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
btn-ap-yes = ✅ Yes, book it
btn-ap-other-time = ⬅️ Choose another time
ap-booked =
    Done! Your appointment is booked. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-directions = 🚌 How to get there: { $directions }
ap-bring = 👜 Bring with you: an identity document, your tessera sanitaria (health card) and, if you have them, your CV and the ISEE.
ap-calendar = I am also sending you a file for the calendar on your phone. I will remind you of the appointment before it.
ap-ics-caption = 📅 Your appointment. Open the file to put it in your calendar.
ap-ics-cancel-caption = 📅 Appointment cancelled. Open the file to remove it from your calendar.
ap-slot-gone = Sorry, this time is not free any more. Please choose another one.

## My appointments

btn-ap-mine = 📋 My appointments
ap-list =
    { $count ->
        [one] You have one appointment:
       *[other] You have { $count } appointments:
    }
ap-list-item = • { DATETIME($when, dateStyle: "full", timeStyle: "short") }: { ap-kind-name }, { $place }
btn-ap-move-one = 🔁 Move { $day }/{ $month }
btn-ap-cancel-one = ❌ Cancel { $day }/{ $month }
btn-ap-book-another = ➕ Book another appointment
ap-none-booked = You have no appointments.
btn-ap-book = 📅 Book an appointment
ap-gone = This appointment is not there any more. Maybe it is already over, or it was cancelled.

## Moving

ap-move-intro =
    Let's move the { ap-kind-name }.
    Now it is on { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Choose the new time. Until you choose it, you keep the old one.
ap-move-ask =
    Do you want to move the appointment?
    Before: { DATETIME($old, dateStyle: "full", timeStyle: "short") }
    After: { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-moved =
    Done! I moved your appointment. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }

## Cancelling

ap-cancel-why =
    Let's cancel the appointment on { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Can you tell me why? You do not have to.
btn-ap-why-ill = 🤒 I am ill
btn-ap-why-busy = 💼 I have something else to do
btn-ap-why-not_needed = 🙅 I do not need it any more
btn-ap-why-unsaid = 🤐 I'd rather not say
btn-ap-keep = ⬅️ No, I keep it
ap-cancelled =
    I cancelled the appointment on { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    If you want, you can book another day.
btn-ap-book-again = 📅 Book another day
btn-ap-cancel = ❌ Cancel the appointment

## Who can book

ap-prescreening-first =
    Before you book, answer a few questions.
    They help us see if the project is right for you. It takes two minutes.
ap-not-open =
    From what you told me, this meeting is not for you.
    I can tell you where else to ask for help. Or talk to a person.
ap-kind-closed =
    A staff member books this appointment for you, after the first meeting.
    { $step ->
        [book] First, book the first meeting.
        [booked] You already have the first meeting: ask the staff member there. Or ask a person now.
        [questions] First, answer a few questions. Then you can book the first meeting.
       *[person] You can ask a person for it. I will tell them you need an appointment.
    }
ap-already-have =
    You already have this appointment:
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    You can have only one. If you want to move it, choose a new time.
    Until you choose, you keep the one you have.
ap-move-instead =
    You already have this appointment. You can have only one.
    🗓️ { ap-kind-name }
    Now: { DATETIME($old, dateStyle: "full", timeStyle: "short") }
    New time: { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
    Do you want to move it to this time?
btn-ap-move-here = 🔁 Move it here
btn-ap-keep-mine = ✅ Keep the one I have
btn-ap-ask-person = 🙋 Ask a person for it

## Reminders

ap-reminder =
    { $lead_hours ->
        [one] ⏰ Reminder: you have an appointment in one hour.
       *[other] ⏰ Reminder: you have an appointment in { $lead_hours } hours.
    }
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
    Are you coming? Press a button.
btn-ap-confirm = ✅ Yes, I will be there
btn-ap-cant = 🙁 I cannot come
btn-ap-move = 🔁 Move
ap-confirm-thanks =
    Thank you! See you there. 😊
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-cant-come =
    No problem, it happens.
    Do you want to move the appointment or cancel it?
ap-withdrawn =
    We are sorry: the appointment on { DATETIME($when, dateStyle: "full", timeStyle: "short") } is cancelled.
    The staff member cannot be there. Please choose another day.
ap-missed =
    Hi! We did not see you today at the { ap-kind-name }.
    It can happen. If you want, choose a new day.

## In the "My data" file

export-appointments = Appointments
export-field-when = When
export-field-place = Where
export-field-status = Status
export-field-in-charge = Followed by the project since
