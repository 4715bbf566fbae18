## L'ufficio ha prenotato, spostato o annullato per la persona (per esempio dopo una
## telefonata). $when è una data e ora già nel fuso di Roma. $kind è il tipo di appuntamento.

ap-office-booked =
    L'ufficio ha prenotato per te. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-office-moved =
    L'ufficio ha spostato il tuo appuntamento. Ecco il nuovo orario.
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-office-cancelled =
    L'ufficio ha annullato il tuo appuntamento.
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    Se vuoi, puoi prenotare un altro giorno.
