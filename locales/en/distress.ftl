## A doubt of danger: one gentle question, and what 1522 is

distress-check =
    Let me ask you something, to understand better.
    Are you safe? Do you need help right now?
btn-distress-yes = 🆘 Yes, help now
btn-distress-no = 🙂 No, I am fine
distress-fine = Good. If you need help, we are here for you.
distress-police =
    1522 is not the police.
    📞 1522: it is free and anonymous. You do not have to say your name.
    It answers 24 hours a day, also in other languages.
    You do not have to report anyone. You decide what to do.
    You can also talk to a person from our office.
