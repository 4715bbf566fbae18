## Parlare con una persona

handoff-started =
    { $urgent ->
        [yes] Ho avvisato subito l'ufficio. Ti scriverà qui una persona, in questa chat.
       *[no] Ho chiesto all'ufficio di risponderti. Ti scriverà qui una persona, in questa chat.
    }
    Puoi scrivere adesso: leggerà i tuoi messaggi.
handoff-closed-office =
    Adesso l'ufficio è chiuso.
    Ti risponderemo a partire da { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Puoi già scrivere qui il tuo messaggio.
    { $urgent ->
        [yes] Se sei in pericolo, chiama subito il 112. Per la violenza chiama il 1522.
       *[no] Se è urgente, chiama il 112.
    }
handoff-already-open = L'ufficio ha già la tua richiesta. Una persona ti risponderà qui.
handoff-ended = L'ufficio ha chiuso la conversazione. Adesso ti risponde di nuovo l'assistente.
handoff-left = Va bene. Adesso ti risponde di nuovo l'assistente.
btn-back-to-menu = 🏠 Torna al menu
handoff-failed =
    Scusa, in questo momento non riesco a far arrivare la tua richiesta.
    Chiama l'ufficio: 📞 { $phone } ({ $hours }).
    Se sei in pericolo, chiama subito il 112.

## Mentre la richiesta aspetta

handoff-waiting = La tua richiesta resta in coda: una persona dell'ufficio ti risponde appena può.
handoff-waiting-closed =
    La tua richiesta resta in coda. L'ufficio è chiuso.
    Ti risponderemo a partire da { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
handoff-waiting-urgent = Se sei in pericolo, chiama subito il 112. Per la violenza chiama il 1522: è gratis, giorno e notte.
handoff-claimed = Una persona dell'ufficio ha preso la tua richiesta. Ti scrive qui, in questa chat.
handoff-still-waiting = Va bene, la tua richiesta resta in coda. Puoi scrivere qui il tuo messaggio.
handoff-leave-confirm = Vuoi tornare al menu? La tua richiesta resta aperta: una persona dell'ufficio ti scrive lo stesso.
handoff-left-open =
    Va bene. La tua richiesta resta aperta: una persona dell'ufficio ti scrive qui appena può.
    Adesso ti risponde di nuovo l'assistente.
btn-handoff-leave-yes = Sì, torna al menu
btn-handoff-leave-no = No, resto in attesa
op-person-left-open = 🏠 La persona è tornata al menu, ma la richiesta URGENTE resta aperta: contattala comunque.
