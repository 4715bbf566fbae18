## O îndoială de pericol: o întrebare blândă și ce este 1522

distress-check =
    Te întreb ceva, ca să înțeleg mai bine.
    Ești în siguranță? Ai nevoie de ajutor acum?
btn-distress-yes = 🆘 Da, ajutor acum
btn-distress-no = 🙂 Nu, sunt bine
distress-fine = Bine. Dacă ai nevoie de ajutor, suntem aici pentru tine.
distress-police =
    1522 nu este poliția.
    📞 1522: este gratuit și anonim. Nu trebuie să spui cum te cheamă.
    Răspunde 24 de ore din 24, și în alte limbi.
    Nu trebuie să faci o plângere. Tu decizi ce faci.
    Poți vorbi și cu o persoană de la biroul nostru.
