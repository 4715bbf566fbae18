## La oficina ha reservado, cambiado o cancelado una cita para la persona.

ap-office-booked =
    La oficina ha reservado una cita para ti. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-office-moved =
    La oficina ha cambiado tu cita. Esta es la nueva hora.
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-office-cancelled =
    La oficina ha cancelado tu cita.
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    Si quieres, puedes pedir cita para otro día.
