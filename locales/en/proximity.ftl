## Proximity: English texts (translated from Italian, the primary language).
## Short sentences, common words. Every technical word has an explanation.

## Welcome and consent

welcome =
    Hi! I am the PROXIMITY.CR assistant. 👋
    The project helps people who are looking for work. It helps them find courses, internships and support.

    Before we start, read how I use your data:
    • I only keep what I need to help you.
    • Only the project staff can see it.
    • You can see or delete your data at any time.

    Do you agree?
consent-needed =
    Before I can help you, I need your consent.
    I only keep what I need. Only the project staff can see it.
    Do you agree?
consent-renewed =
    We changed our privacy rules.
    Please read the new rules. Do you agree?
consent-notice = { consent-needed }
consent-thanks = Thank you! Now we can start.
consent-declined =
    OK, no problem.
    Without your consent I cannot help you here.
    You can talk to a person:
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }

## Menu

menu = What do you want to do? Choose a button or write to me.
welcome-back = Welcome back! What do you want to do?
help =
    I can help you:
    • find out if you can join the project;
    • book an appointment;
    • find a course;
    • talk to a person.
    Choose a button or write in your own words.
cancelled = OK, I cancelled it. What do you want to do?
button-expired = This button does not work any more. Here is the menu.
unknown-command = I do not know this command. Here is the menu.

## Short answers

greet = Hi! How can I help you?
goodbye = Bye, see you soon! Write to me whenever you need.
thanks = You are welcome! Can I do something else for you?
ack = OK. What do you want to do?
inform-noted = Thank you, I understand. What do you want to do now?
bot-challenge =
    I am an automatic assistant, not a person.
    A person can help you at any time: press “Talk to a person”.

## When I do not understand

clarify = I am not sure I understood. Do you mean one of these things?
still-not-understood =
    Sorry, I cannot understand.
    Do you want to talk to a person? Or use the menu buttons.
nlu-down =
    Right now I have trouble reading messages.
    Please use the buttons below.
too-long =
    Your message is very long. I cannot understand all of it.
    Write what you need in a few words, or use the buttons.
non-text =
    { $kind ->
        [voice] I cannot listen to voice messages.
        [video_note] I cannot watch videos.
        [video] I cannot watch videos.
        [audio] I cannot listen to audio files.
        [sticker] Thank you for the sticker! 🙂
        [photo] I cannot look at photos.
        [document] I cannot open files.
        [location] I do not use your location.
        [contact] I do not use contacts.
       *[other] I can only read written messages.
    }
    Write to me what you need, or use the buttons.
edited =
    You changed a message. I do not read changed messages.
    Please write to me again.

## A person and emergency numbers

person-contacts =
    You can talk to a person at the office:
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }
distress-numbers =
    I am very sorry. You are not alone.
    If you are in danger, call 112 now.
    📞 112: emergencies, always open.
    📞 1522: help against violence. It is free, 24 hours a day, also in other languages.
    📞 02 2327 2327: Telefono Amico, to talk to someone.
distress-person =
    If you need food or a home, call the social services of your town.
    You can also call us:
    📞 { $phone }
    🕘 { $hours }

## Privacy

privacy-short =
    Your data:
    • I keep your Telegram name and your answers.
    • I only use them to help you in the project.
    • Only the project staff can see them.
    • You can see or delete your data at any time.
    To ask: ✉️ { $email }
privacy-full =
    Who handles the data: Comunità Sociale Cremasca, for the PROXIMITY.CR project.
    Why: to give you information and appointments, and to follow you in the project.
    The basis is your consent. The tasks of the social services are a basis too.
    What I keep: your Telegram name, your language and the answers you give me.
    For how long: messages for 90 days at most. The rest for 2 years at most after the last contact.
    Who sees them: only the project staff.
    Telegram: messages go through Telegram. Telegram does not encrypt them from end to end.
    Your rights: you can see, correct and delete your data. You can also say no.
    We answer within one month. You can complain to the Garante della privacy (the Italian data protection authority).
    Write to: ✉️ { $email }

## Frequent questions

faq-project =
    PROXIMITY.CR helps people who look for work to train and work again.
    It is for people aged 30 to 60 who live in one of the 48 towns of the Crema area.
    The project offers:
    • meetings to understand what you want to do;
    • a skills check (bilancio di competenze), to understand what you can do;
    • a tutor who follows you;
    • courses to learn a trade;
    • internships: a time of work in a company, to learn.
    It is free.
faq-internship =
    An internship (tirocinio) is a time in a company to learn a job.
    A tutor follows you from start to end.
    How long is it? Your project decides. Usually up to 12 months, sometimes up to 24.
    Money: your project says if you get a monthly allowance (indennità), and how much.
    It is not a salary and not a work contract.
    You have INAIL insurance, if you get hurt while working.
faq-documents =
    For the first meeting, bring these if you have them:
    • an identity document;
    • your codice fiscale (tax code) or tessera sanitaria (health card);
    • the ISEE: a paper about your family's income;
    • the DID: a statement that you are ready to work. You make it at the Centro per l'Impiego (the public employment office);
    • your residence permit (permesso di soggiorno), if you are not an EU citizen;
    • your CV, if you have one.
    If you do not have something, come anyway.
faq-contacts =
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }

## Errors and special cases

error-generic = Sorry, something went wrong. Please try again in a moment.
busy-retry = Sorry, I am a bit slow right now. Please try again in a minute.
group-not-supported =
    Hi! I only talk in private chats.
    Open a chat with me and write to me there.

## Buttons

btn-menu = 🏠 Menu
btn-person = 🙋 Talk to a person
btn-eligibility = ✅ Can I join?
btn-appointments = 📅 Appointments
btn-courses = 📚 Courses
btn-project = ℹ️ The project
btn-documents = 📄 Documents
btn-privacy = 🔒 Privacy
btn-language = 🌍 Language
btn-accept = ✅ I agree
btn-decline = ❌ I do not agree
btn-read-all = 📖 Read everything
btn-changed-mind = 🔄 I changed my mind
btn-back = ⬅️ Back

## Choices when I do not understand: one for each intent

intent-greet = Say hello
intent-goodbye = Say goodbye and leave
intent-thanks = Say thank you
intent-affirm = Yes
intent-deny = No
intent-help = What can you do?
intent-check_eligibility = Can I join?
intent-inform = Give you some information
intent-book_appointment = Book an appointment
intent-cancel_appointment = Cancel an appointment
intent-reschedule_appointment = Move an appointment
intent-my_appointments = My appointments
intent-list_courses = See the courses
intent-enroll_course = Sign up for a course
intent-withdraw_course = Leave a course
intent-ask_human = Talk to a person
intent-faq_internship = What is an internship?
intent-faq_project = What is the project?
intent-faq_documents = Which documents do I need?
intent-faq_contacts = Opening hours and address
intent-privacy = My data and privacy
intent-delete_my_data = Delete my data
intent-change_language = Change language
intent-bot_challenge = Are you a robot?
intent-distress = I need urgent help
intent-out_of_scope = Something else

## Commands (Telegram's command menu)

cmd-start = Start
cmd-help = What I can do
cmd-requisiti = Can I join?
cmd-appuntamenti = My appointments
cmd-corsi = The courses
cmd-operatore = Talk to a person
cmd-privacy = Your data
cmd-lingua = Change language
cmd-annulla = Cancel and go back to the menu

## Can I join? (pre-check of the requirements)

pre-intro =
    I will ask you a few short questions, 6 at most.
    This is not a decision: a staff member always checks.
    You can stop at any time with /annulla.
pre-resume = You already started the questions. Do you want to go on from where you were?
pre-stopped = I stopped the questions. What do you want to do?
pre-again = Sorry, I did not understand the answer.
pre-correct = OK, let's correct it.
pre-place-unsure = I am not sure. Do you mean one of these towns?
pre-place-unknown = I cannot find this town. Please try to write it again.
pre-edit = Which answer do you want to change?

q-age =
    Question { $number } of { $total }.
    How old are you?
    You can write your age, for example 45, or the year you were born.
q-residence =
    Question { $number } of { $total }.
    In which town do you live? Write the name of the town.
q-work =
    Question { $number } of { $total }.
    Do you work now?
q-services =
    Question { $number } of { $total }.
    Does a service already help you?
    For example a social worker, a health service or an educator.
q-permit =
    Question { $number } of { $total }.
    Are you a citizen of Italy or of another European Union country?
q-did =
    Question { $number } of { $total }.
    Did you make the DID?
    It is a statement that you are ready to work. You make it at the Centro per l'Impiego (the public employment office).

pre-result =
    { $outcome ->
        [likely_eligible] It looks like you can join! A staff member will confirm it.
        [to_check] Some things need to be checked. A staff member will help you.
       *[not_eligible] From what you tell me, the project is not for you. Here is why:
    }
pre-line-age =
    { $status ->
        [met] ✅ Age: OK.
        [not_met] { $reason ->
            [under] ❌ Age: the project is for people aged 30 or more.
           *[over] ❌ Age: the project is for people aged 60 or less.
        }
       *[to_check] { $reason ->
            [birthday] ❓ Age: it depends on the day of your birthday. A staff member will check.
           *[other] ❓ Age: I do not know it. A staff member will check.
        }
    }
pre-line-residence =
    { $status ->
        [met] ✅ Town: { $place } is in the Crema area.
        [not_met] ❌ Town: { $place } is not one of the 48 towns of the Crema area.
       *[to_check] ❓ Town: I do not know. A staff member will check.
    }
pre-line-work =
    { $status ->
        [met] ✅ Work: you do not work now.
        [not_met] ❌ Work: the project is for people who do not work now.
       *[to_check] { $reason ->
            [occasional] ❓ Work: you work now and then. A staff member will check.
            [training] ❓ Work: you are doing a course. A staff member will check.
           *[other] ❓ Work: I do not know. A staff member will check.
        }
    }
pre-line-services =
    { $status ->
        [met] ✅ Services: a service already helps you.
        [not_met] ❌ Services: the project is for people who get help from a service.
       *[to_check] ❓ Services: you will talk about it with a staff member.
    }
pre-line-permit =
    { $status ->
        [met] ✅ Documents: OK.
        [not_met] ❌ Documents: for the internship you need a valid residence permit.
       *[to_check] ❓ Documents: for the internship you need a valid residence permit. You will talk about it with a staff member.
    }
pre-did-info =
    💡 The DID is useful. You can make it for free at the Centro per l'Impiego (the public employment office) or online. A staff member can help you.
pre-elsewhere =
    You can ask for help at the social services of your town or at the Centro per l'Impiego (the public employment office).
    If you want, talk to a person from the project.

btn-continue = ▶️ Continue
btn-restart = 🔄 Start again
btn-prefer-not = 🤐 I don't know / I'd rather not say
btn-place = 📍 { $name }
btn-none-of-these = ✏️ None of these
btn-book-orientation = 📅 Book a meeting
btn-correct = ✏️ Correct an answer

ans-age-under = Under 30
ans-age-in = From 30 to 60
ans-age-over = Over 60
ans-residence-crema = 📍 Crema
ans-work-not-working = No, I do not work
ans-work-working = Yes, I work
ans-work-occasional = I work now and then
ans-work-training = I am doing a course
ans-services-yes = Yes
ans-services-no = No
ans-permit-eu-citizen = Yes
ans-permit-valid-permit = No, I have a residence permit
ans-permit-no-permit = No, and I have no permit
ans-did-yes = Yes
ans-did-no = No

edit-age = Age
edit-residence = Town
edit-work = Work
edit-services = Services
edit-permit = Citizenship
edit-did = The DID
