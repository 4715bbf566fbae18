## Courses: catalogue, signing up, waiting list, leaving.
## $start is the date of the first lesson, already in the Rome time zone.
## Course titles ($title) and descriptions come from the data, translated there; when a course
## has no English text the Italian one is shown, and co-detail-in-italian says so.
## An "incontro" of a course is a "lesson"; a "posto" is a "seat".
## co-status-name is a short sentence ("you are signed up"), so it can follow "This course:"
## and "{ $title }:". In btn-co-course the number follows a colon ("seats: 1" reads right too).

co-category-name =
    { $category ->
        [informatica] 💻 Computers
        [logistica] 📦 Warehouse and logistics
        [pulizie] 🧽 Cleaning and sanitising
        [ristorazione] 🍽️ Restaurants
        [lingua_italiana] 🇮🇹 Italian language
        [sicurezza] 🦺 Safety at work
        [competenze_trasversali] 🤝 How to look for work
       *[other] 📚 Other courses
    }
co-status-name =
    { $status ->
        [enrolled] you are signed up
        [offered] there is a seat for you
       *[waiting] you are on the waiting list, number { $position }
    }

## Browsing

co-categories = What course are you looking for? Choose a topic.
btn-co-category = { co-category-name } ({ $count })
co-list = Here are the courses. Press a course to read more.
btn-co-course =
    { $left ->
        [0] { $title } · waiting list
       *[other] { $title } · seats: { $left }
    }
co-none-open =
    Right now there are no open courses.
    New ones come often. A person can give you other ideas.
co-which = I found more than one course. Which one do you want?
co-gone = This course is not there any more, or sign-up is closed.
btn-co-all = 📚 All courses
btn-co-mine = 🎓 My courses

## The course page

co-detail =
    📚 { $title }
    { $description }
    📍 { $place_name }, { $address }
    💶 Cost: { $cost ->
        [gratuito] free
       *[other] { $cost }
    }
co-detail-in-italian = 🇮🇹 (in Italian: this course has no English text yet)
co-detail-sessions =
    🗓️ Lessons:
    { $list }
co-detail-seats =
    { $left ->
        [0] 🪑 The course is full. You can join the waiting list.
        [one] 🪑 There is one seat left.
       *[other] 🪑 There are still { $left } seats.
    }
co-detail-italian = 🗣️ You need Italian at level { $level }. If you are not sure, ask a person.
co-detail-deadline = ⏳ Sign up by { DATETIME($when, dateStyle: "full") }.
co-detail-status = ✅ This course: { co-status-name }.
btn-co-sign-up = ✍️ Sign me up
btn-co-leave = 🚪 Leave the course

## Signing up

co-ask =
    Do you want to sign up for the course “{ $title }”?
    The first lesson is on { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
co-ask-waiting =
    The course “{ $title }” is full.
    Do you want to join the waiting list? If a seat becomes free, I will write to you.
btn-co-yes = ✅ Yes, sign me up
co-enrolled =
    Done! You are signed up for the course “{ $title }”. ✅
    📍 { $place_name }, { $address }
co-sessions =
    🗓️ The lessons:
    { $list }
co-waiting =
    The course “{ $title }” is full.
    You are on the waiting list: you are number { $position }.
    If a seat becomes free, I will write to you right away.
co-already = You are already on the list for the course “{ $title }”.
co-ics-caption = 📅 The lessons of the course. Open the file to put them in your calendar.
co-ics-cancel-caption = 📅 You left the course. Open the file to remove the lessons from your calendar.
co-needs-prescreening =
    For the course “{ $title }”, first answer a few questions.
    They help us see if the project is right for you. It takes two minutes.
co-needs-not-eligible =
    From what you told me, this course is not for you.
    A person can listen to you and give you other ideas.
co-needs-in-charge =
    For the course “{ $title }”, you first need a meeting with us.
    A person can help you book it.

## My courses and leaving

co-mine =
    { $count ->
        [one] Here is your course:
       *[other] Here are your { $count } courses:
    }
co-mine-item = • { $title }: { co-status-name }
co-mine-none = You are not signed up for any course.
btn-co-leave-one = 🚪 Leave { $title }
co-leave-ask =
    Do you really want to leave the course “{ $title }”?
    Your seat will go to another person.
btn-co-leave-yes = 🚪 Yes, I want to leave
btn-co-stay = ⬅️ No, I'll stay
co-left = You left the course “{ $title }”. If you change your mind, you can sign up again.

## A free seat from the waiting list

co-offer =
    🎉 Good news! A seat is free in the course “{ $title }”.
    The first lesson is on { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    Do you want it? Answer by { DATETIME($until, dateStyle: "full", timeStyle: "short") }.
btn-co-accept = ✅ I take the seat
btn-co-decline = ❌ No, I don't want it
co-offer-accepted = Done! The seat in the course “{ $title }” is yours. ✅
co-offer-declined = OK. The seat will go to another person. Thank you for telling me.
co-offer-gone = Sorry, this offer is not there any more. Maybe the time to answer is over.

## Changes and reminders

co-changed =
    ℹ️ The course “{ $title }” has changed.
    The first lesson is on { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    📍 { $place_name }, { $address }
co-course-cancelled =
    😔 We are sorry: the course «{ $title }» is cancelled.
    If you like, look at the other courses or talk to a person.
co-removed-by-office =
    The office took you off the course «{ $title }».
    The lessons are no longer for you.
    Do you want to know why? Talk to a person.
co-reminder =
    ⏰ Reminder: you have the course “{ $title }” on { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    📍 { $place_name }, { $address }

## In the "My data" file

export-courses = Courses
export-field-course = Course
