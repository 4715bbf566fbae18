## Language

lang-choose = Which language do you want to speak?
lang-changed = OK, from now on I speak English.
lang-name-it = 🇮🇹 Italiano
lang-name-en = 🇬🇧 English
lang-name-ro = 🇷🇴 Română
lang-name-ar = 🇸🇦 العربية
lang-name-fr = 🇫🇷 Français
lang-name-es = 🇪🇸 Español

## My data

data-menu =
    You can see the data I have about you, or delete it.
    You can also read the full privacy rules.
export-ready =
    Here is your data in two files.
    The .html file opens on your phone. The .json file is for computers.
export-caption = Your data saved by Proximity
erase-confirm =
    Do you want to delete all your data?
    • I delete your answers and your messages.
    • I will not remember where you were.
    • If you want to come back, you will have to start from the beginning.
    You cannot undo this.
erase-done =
    Done. I deleted all your data.
    If you want, you can write to me again at any time.
erase-kept = OK, I did not delete anything.

btn-my-data = 📦 My data
btn-erase = 🗑 Delete my data
btn-erase-yes = 🗑 Yes, delete everything
btn-erase-no = ↩️ No, go back
btn-start-again = 👋 Start again

## More commands

cmd-imieidati = See your data
cmd-cancellami = Delete your data

## The document with your data

export-title = Your data in Proximity
export-intro = This is all the data Proximity has about you, on { $date }.
export-profile = Profile
export-consents = Privacy consent
export-prescreenings = Check of the requirements
export-conversation = Where the conversation is
export-none = No data.
export-field-telegram-id = Telegram number
export-field-name = Name
export-field-language = Language
export-field-created = First contact
export-field-last-seen = Last contact
export-field-unreachable = Not reachable since
export-field-version = Version of the rules
export-field-accepted = Accepted
export-field-date = Date
export-field-outcome = Result
export-field-answers = Answers
export-care = Your path with the services
export-field-care-start = With the services since
export-field-care-services = Services
export-field-care-details = Data for the funder
export-field-care-steps = Path
export-field-care-exit = End of the path
export-field-care-changes = Changes
export-rights = For questions or to correct your data, write to { $email }.
