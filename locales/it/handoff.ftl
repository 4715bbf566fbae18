## Parlare con una persona

handoff-started =
    { $urgent ->
        [yes] Ho avvisato subito un operatore. Ti scriverà qui, in questa chat.
       *[no] Ho chiesto a un operatore di risponderti. Ti scriverà qui, in questa chat.
    }
    Puoi scrivere adesso: leggerà i tuoi messaggi.
handoff-closed-office =
    Adesso l'ufficio è chiuso.
    Un operatore ti risponderà a partire da { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Puoi già scrivere qui il tuo messaggio.
    { $urgent ->
        [yes] Se sei in pericolo, chiama subito il 112. Per la violenza chiama il 1522.
       *[no] Se è urgente, chiama il 112.
    }
handoff-already-open = Un operatore ha già la tua richiesta. Ti risponderà qui.
handoff-ended = L'operatore ha chiuso la conversazione. Adesso ti risponde di nuovo l'assistente.
handoff-left = Va bene. Adesso ti risponde di nuovo l'assistente.
btn-back-to-menu = 🏠 Torna al menu
handoff-failed =
    Scusa, in questo momento non riesco a raggiungere gli operatori.
    Chiama l'ufficio: 📞 { $phone } ({ $hours }).
    Se sei in pericolo, chiama subito il 112.
