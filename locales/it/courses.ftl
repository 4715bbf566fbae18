## Corsi: catalogo, iscrizione, lista d'attesa, ritiro.
## $start è la data del primo incontro, già nel fuso di Roma.

co-category-name =
    { $category ->
        [informatica] 💻 Informatica
        [logistica] 📦 Magazzino e logistica
        [pulizie] 🧽 Pulizie e sanificazione
        [ristorazione] 🍽️ Ristorazione
        [lingua_italiana] 🇮🇹 Lingua italiana
        [sicurezza] 🦺 Sicurezza sul lavoro
        [competenze_trasversali] 🤝 Come cercare lavoro
       *[other] 📚 Altri corsi
    }
co-status-name =
    { $status ->
        [enrolled] iscrizione confermata
        [offered] c'è un posto per te
       *[waiting] in lista d'attesa, numero { $position }
    }

## Sfogliare

co-categories = Che corso cerchi? Scegli un argomento.
btn-co-category = { co-category-name } ({ $count })
co-list = Ecco i corsi. Premi un corso per leggere di più.
btn-co-course =
    { $left ->
        [0] { $title } · lista d'attesa
       *[other] { $title } · posti: { $left }
    }
co-none-open =
    Adesso non ci sono corsi aperti.
    Ne arrivano di nuovi spesso. Una persona può darti altre idee.
co-which = Ho trovato più corsi. Quale ti interessa?
co-gone = Questo corso non c'è più, oppure le iscrizioni sono chiuse.
btn-co-all = 📚 Tutti i corsi
btn-co-mine = 🎓 I miei corsi

## Scheda del corso

co-detail =
    📚 { $title }
    { $description }
    📍 { $place_name }, { $address }
    💶 Costo: { $cost ->
        [gratuito] gratuito
       *[other] { $cost }
    }
co-detail-in-italian = 🇮🇹 (in italiano)
co-detail-sessions =
    🗓️ Incontri:
    { $list }
co-detail-seats =
    { $left ->
        [0] 🪑 Il corso è pieno. Puoi metterti in lista d'attesa.
        [one] 🪑 È rimasto un posto.
       *[other] 🪑 Ci sono ancora { $left } posti.
    }
co-detail-italian = 🗣️ Serve l'italiano di livello { $level }. Se hai dubbi, chiedi a una persona.
co-detail-deadline = ⏳ Iscrizioni entro { DATETIME($when, dateStyle: "full") }.
co-detail-status = ✅ Per questo corso: { co-status-name }.
btn-co-sign-up = ✍️ Iscrivimi
btn-co-leave = 🚪 Ritirati

## Iscriversi

co-ask =
    Vuoi iscriverti al corso «{ $title }»?
    Il primo incontro è { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
co-ask-waiting =
    Il corso «{ $title }» è pieno.
    Vuoi metterti in lista d'attesa? Se si libera un posto, ti scrivo.
btn-co-yes = ✅ Sì, iscrivimi
co-enrolled =
    Fatto! L'iscrizione al corso «{ $title }» è confermata. ✅
    📍 { $place_name }, { $address }
co-sessions =
    🗓️ Gli incontri:
    { $list }
co-waiting =
    Il corso «{ $title }» è pieno.
    Sei in lista d'attesa: sei il numero { $position }.
    Se si libera un posto, ti scrivo subito.
co-already = Sei già nella lista del corso «{ $title }».
co-ics-caption = 📅 Gli incontri del corso. Apri il file per metterli nel calendario.
co-ics-cancel-caption = 📅 Hai lasciato il corso. Apri il file per togliere gli incontri dal calendario.
co-needs-prescreening =
    Per il corso «{ $title }» prima servono poche domande.
    Servono per capire se il progetto fa per te. Ci vogliono due minuti.
co-needs-not-eligible =
    Da quello che mi hai detto, questo corso non è per te.
    Una persona può ascoltarti e darti altre idee.
co-needs-in-charge =
    Per il corso «{ $title }» serve prima un colloquio con noi.
    Una persona può aiutarti a fissarlo.

## I miei corsi e ritiro

co-mine =
    { $count ->
        [one] Ecco il tuo corso:
       *[other] Ecco i tuoi { $count } corsi:
    }
co-mine-item = • { $title }: { co-status-name }
co-mine-none = Adesso non hai corsi.
btn-co-leave-one = 🚪 Ritirati da { $title }
co-leave-ask =
    Vuoi davvero ritirarti dal corso «{ $title }»?
    Il tuo posto andrà a un'altra persona.
btn-co-leave-yes = 🚪 Sì, mi ritiro
btn-co-stay = ⬅️ No, resto
co-left = Hai lasciato il corso «{ $title }». Se cambi idea, puoi iscriverti di nuovo.

## Posto libero dalla lista d'attesa

co-offer =
    🎉 Buone notizie! Si è liberato un posto nel corso «{ $title }».
    Il primo incontro è { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    Lo vuoi? Rispondi entro { DATETIME($until, dateStyle: "full", timeStyle: "short") }.
btn-co-accept = ✅ Accetto il posto
btn-co-decline = ❌ Rinuncio
co-offer-accepted = Fatto! Il posto nel corso «{ $title }» è tuo. ✅
co-offer-declined = Va bene. Il posto andrà a un'altra persona. Grazie di avermelo detto.
co-offer-gone = Mi dispiace, questa offerta non c'è più. Forse il tempo per rispondere è finito.

## Cambi e promemoria

co-changed =
    ℹ️ Il corso «{ $title }» è cambiato.
    Il primo incontro è { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    📍 { $place_name }, { $address }
co-course-cancelled =
    😔 Ci dispiace: il corso «{ $title }» è annullato.
    Se vuoi, guarda gli altri corsi o parla con una persona.
co-removed-by-office =
    L'ufficio ti ha tolto dal corso «{ $title }».
    Le lezioni non sono più per te.
    Vuoi sapere perché? Parla con una persona.
co-reminder =
    ⏰ Promemoria: { DATETIME($start, dateStyle: "full", timeStyle: "short") } hai il corso «{ $title }».
    📍 { $place_name }, { $address }

## Nel file "I miei dati"

export-courses = Corsi
export-field-course = Corso
