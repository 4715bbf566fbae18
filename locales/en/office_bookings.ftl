## The office booked, moved or cancelled for the person (after a phone call, for example).

ap-office-booked =
    The office booked an appointment for you. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-office-moved =
    The office moved your appointment. This is the new time.
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-office-cancelled =
    The office cancelled your appointment.
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    If you want, you can book another day.
