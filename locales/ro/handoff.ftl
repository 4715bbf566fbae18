## Talk to a person

handoff-started =
    { $urgent ->
        [yes] Am anunțat imediat biroul. Cineva îți va scrie aici, în acest chat.
       *[no] Am cerut biroului să îți răspundă. Cineva îți va scrie aici, în acest chat.
    }
    Poți scrie acum: mesajele tale vor fi citite.
handoff-closed-office =
    Acum biroul este închis.
    Îți vom răspunde începând cu { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Poți scrie deja aici mesajul tău.
    { $urgent ->
        [yes] Dacă ești în pericol, sună imediat la 112. Pentru violență sună la 1522.
       *[no] Dacă este urgent, sună la 112.
    }
handoff-already-open = Biroul are deja cererea ta. Cineva îți va răspunde aici.
handoff-ended = Biroul a închis conversația. Acum îți răspunde din nou asistentul.
handoff-left = Bine. Acum îți răspunde din nou asistentul.
btn-back-to-menu = 🏠 Înapoi la meniu
handoff-failed =
    Îmi pare rău, acum nu pot transmite cererea ta.
    Sună la birou: 📞 { $phone } ({ $hours }).
    Dacă ești în pericol, sună imediat la 112.

## While the request waits

handoff-waiting = Cererea ta rămâne la rând: cineva din birou îți răspunde cât mai repede.
handoff-waiting-closed =
    Cererea ta rămâne la rând. Biroul este închis.
    Îți vom răspunde începând cu { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
handoff-waiting-urgent = Dacă ești în pericol, sună imediat la 112. Pentru violență sună la 1522: este gratuit, zi și noapte.
handoff-claimed = Cineva din birou a preluat cererea ta. Îți scrie aici, în acest chat.
handoff-still-waiting = Bine, cererea ta rămâne la rând. Poți scrie aici mesajul tău.
handoff-leave-confirm = Vrei să te întorci la meniu? Cererea ta rămâne deschisă: cineva din birou îți va scrie oricum.
handoff-left-open =
    Bine. Cererea ta rămâne deschisă: cineva din birou îți scrie aici cât mai repede.
    Acum îți răspunde din nou asistentul.
btn-handoff-leave-yes = Da, înapoi la meniu
btn-handoff-leave-no = Nu, aștept în continuare
op-person-left-open = 🏠 Persoana s-a întors la meniu, dar cererea URGENTĂ rămâne deschisă: contactați-o oricum.
