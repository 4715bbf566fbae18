## Le bureau a réservé, déplacé ou annulé un rendez-vous pour la personne.

ap-office-booked =
    Le bureau a réservé un rendez-vous pour toi. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-office-moved =
    Le bureau a déplacé ton rendez-vous. Voici la nouvelle heure.
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-office-cancelled =
    Le bureau a annulé ton rendez-vous.
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    Si tu veux, tu peux réserver un autre jour.
