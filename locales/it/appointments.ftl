## Appuntamenti: prenotare, vedere, spostare, annullare; promemoria.
## $when è una data e ora già nel fuso di Roma. $kind è il tipo di appuntamento.

ap-kind-name =
    { $kind ->
        [orientation] colloquio di orientamento
        [skills_assessment] incontro per il bilancio di competenze
        [tutoring] incontro con il tutor
        [social_worker] incontro con l'assistente sociale
       *[other] appuntamento
    }
ap-weekday =
    { $weekday ->
        [0] lun
        [1] mar
        [2] mer
        [3] gio
        [4] ven
        [5] sab
       *[6] dom
    }

## Scegliere

ap-choose-kind = Che appuntamento vuoi prenotare?
btn-ap-kind-orientation = 🧭 Colloquio di orientamento
btn-ap-kind-skills_assessment = 📝 Bilancio di competenze
btn-ap-kind-tutoring = 🤝 Incontro con il tutor
btn-ap-kind-social_worker = 👥 Assistente sociale
ap-slots =
    Ecco gli orari liberi per il { ap-kind-name }.
    Scegli quello che ti va bene.
ap-slots-filtered =
    Ecco gli orari liberi che vanno bene per te.
    Sono per il { ap-kind-name }.
ap-slots-hint = Puoi anche scrivermi quando preferisci. Per esempio: «martedì mattina» o «dopo le 15».
ap-none-fits =
    Non ho orari liberi per «{ $wish }».
    Ti mostro tutti gli orari liberi.
ap-day = 📅 { DATETIME($day, dateStyle: "full") }: { $times }
btn-ap-slot = { ap-weekday } { $day }/{ $month } · { $time } · { $venue }
btn-ap-earlier = ◀️ Prima
btn-ap-later = Dopo ▶️
btn-ap-all-times = 📅 Tutti gli orari
ap-no-slots =
    Adesso non ci sono orari liberi.
    🗓️ { ap-kind-name }
    Un operatore può fissarti un appuntamento: premi «Chiedilo a una persona».
    Oppure chiama l'ufficio: 📞 { $phone }

## Confermare

ap-book-ask =
    Vuoi prenotare questo appuntamento?
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
btn-ap-yes = ✅ Sì, prenota
btn-ap-other-time = ⬅️ Scegli un altro orario
ap-booked =
    Fatto! Il tuo appuntamento è prenotato. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-directions = 🚌 Come arrivare: { $directions }
ap-bring = 👜 Porta con te: un documento d'identità, la tessera sanitaria e, se li hai, il curriculum e l'ISEE.
ap-calendar = Ti mando anche un file per il calendario del telefono. Ti ricordo l'appuntamento prima.
ap-ics-caption = 📅 Il tuo appuntamento. Apri il file per metterlo nel calendario.
ap-ics-cancel-caption = 📅 Appuntamento annullato. Apri il file per toglierlo dal calendario.
ap-slot-gone = Mi dispiace, questo orario non è più libero. Scegline un altro, per favore.

## I miei appuntamenti

btn-ap-mine = 📋 I miei appuntamenti
ap-list =
    { $count ->
        [one] Hai un appuntamento:
       *[other] Hai { $count } appuntamenti:
    }
ap-list-item = • { DATETIME($when, dateStyle: "full", timeStyle: "short") }: { ap-kind-name }, { $place }
btn-ap-move-one = 🔁 Sposta { $day }/{ $month }
btn-ap-cancel-one = ❌ Annulla { $day }/{ $month }
btn-ap-book-another = ➕ Prenota un altro appuntamento
ap-none-booked = Non hai appuntamenti.
btn-ap-book = 📅 Prenota un appuntamento
ap-gone = Questo appuntamento non c'è più. Forse è già passato o è stato annullato.

## Spostare

ap-move-intro =
    Spostiamo il { ap-kind-name }.
    Adesso è { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Scegli il nuovo orario. Finché non lo scegli, il vecchio resta tuo.
ap-move-ask =
    Vuoi spostare l'appuntamento?
    Prima: { DATETIME($old, dateStyle: "full", timeStyle: "short") }
    Dopo: { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-moved =
    Fatto! Ho spostato il tuo appuntamento. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }

## Annullare

ap-cancel-why =
    Annulliamo l'appuntamento del { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Mi dici perché? Non è obbligatorio.
btn-ap-why-ill = 🤒 Sto male
btn-ap-why-busy = 💼 Ho un altro impegno
btn-ap-why-not_needed = 🙅 Non mi serve più
btn-ap-why-unsaid = 🤐 Preferisco non dirlo
btn-ap-keep = ⬅️ No, lo tengo
ap-cancelled =
    Ho annullato l'appuntamento del { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Se vuoi, puoi prenotare un altro giorno.
btn-ap-book-again = 📅 Prenota un altro giorno
btn-ap-cancel = ❌ Annulla l'appuntamento

## Chi può prenotare

ap-prescreening-first =
    Prima di prenotare, rispondi a poche domande.
    Servono per capire se il progetto fa per te. Ci vogliono due minuti.
ap-not-open =
    Da quello che mi hai detto, il colloquio non è per te.
    Ti dico dove altro puoi chiedere aiuto. Oppure parla con una persona.
ap-kind-closed =
    Questo appuntamento lo fissa un operatore, dopo il primo colloquio.
    { $step ->
        [book] Prima prenota il primo colloquio.
        [booked] Hai già il primo colloquio: lì chiedilo all'operatore. Oppure chiedilo adesso a una persona.
        [questions] Prima rispondi a poche domande. Poi puoi prenotare il primo colloquio.
       *[person] Puoi chiederlo a una persona. Le dico io che ti serve un appuntamento.
    }
ap-already-have =
    Hai già questo appuntamento:
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    Ne puoi avere uno solo. Se vuoi spostarlo, scegli un nuovo orario.
    Finché non lo scegli, resta quello che hai.
ap-move-instead =
    Hai già questo appuntamento. Ne puoi avere uno solo.
    🗓️ { ap-kind-name }
    Adesso: { DATETIME($old, dateStyle: "full", timeStyle: "short") }
    Nuovo orario: { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
    Vuoi spostarlo a questo orario?
btn-ap-move-here = 🔁 Sposta qui
btn-ap-keep-mine = ✅ Tieni quello che ho
btn-ap-ask-person = 🙋 Chiedilo a una persona

## Promemoria

ap-reminder =
    { $lead_hours ->
        [one] ⏰ Promemoria: tra un'ora hai un appuntamento.
       *[other] ⏰ Promemoria: tra { $lead_hours } ore hai un appuntamento.
    }
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
    Vieni? Premi un pulsante.
btn-ap-confirm = ✅ Confermo, ci sarò
btn-ap-cant = 🙁 Non posso venire
btn-ap-move = 🔁 Sposta
ap-confirm-thanks =
    Grazie! Ti aspettiamo. 😊
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-cant-come =
    Nessun problema, capita.
    Vuoi spostare l'appuntamento o annullarlo?
ap-withdrawn =
    Ci dispiace: l'appuntamento del { DATETIME($when, dateStyle: "full", timeStyle: "short") } è annullato.
    L'operatore non può esserci. Scegli un altro giorno, per favore.
ap-missed =
    Ciao! Oggi ti aspettavamo al { ap-kind-name }.
    Può succedere. Se vuoi, scegli un nuovo giorno.

## Nel file "I miei dati"

export-appointments = Appuntamenti
export-field-when = Quando
export-field-place = Dove
export-field-status = Stato
export-field-in-charge = In carico al progetto dal
