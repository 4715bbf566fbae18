## Talk to a person

handoff-started =
    { $urgent ->
        [yes] Am anunțat imediat un operator. Îți va scrie aici, în acest chat.
       *[no] Am cerut unui operator să îți răspundă. Îți va scrie aici, în acest chat.
    }
    Poți scrie acum: va citi mesajele tale.
handoff-closed-office =
    Acum biroul este închis.
    Un operator îți va răspunde începând cu { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Poți scrie deja aici mesajul tău.
    { $urgent ->
        [yes] Dacă ești în pericol, sună imediat la 112. Pentru violență sună la 1522.
       *[no] Dacă este urgent, sună la 112.
    }
handoff-already-open = Un operator are deja cererea ta. Îți va răspunde aici.
handoff-ended = Operatorul a închis conversația. Acum îți răspunde din nou asistentul.
handoff-left = Bine. Acum îți răspunde din nou asistentul.
btn-back-to-menu = 🏠 Înapoi la meniu
handoff-failed =
    Îmi pare rău, acum nu pot contacta operatorii.
    Sună la birou: 📞 { $phone } ({ $hours }).
    Dacă ești în pericol, sună imediat la 112.
