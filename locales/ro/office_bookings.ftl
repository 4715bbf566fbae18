## Biroul a făcut, a mutat sau a anulat o programare pentru persoană.

ap-office-booked =
    Biroul a făcut o programare pentru tine. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-office-moved =
    Biroul a mutat programarea ta. Aceasta este noua oră.
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-office-cancelled =
    Biroul a anulat programarea ta.
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    Dacă vrei, poți face o programare în altă zi.
