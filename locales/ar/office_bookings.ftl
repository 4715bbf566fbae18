## المكتب حجز موعدًا للشخص، أو غيّر وقته، أو ألغاه.

ap-office-booked =
    حجز المكتب موعدًا لك. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }، { $address }
ap-office-moved =
    غيّر المكتب وقت موعدك. هذا هو الوقت الجديد.
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }، { $address }
ap-office-cancelled =
    ألغى المكتب موعدك.
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    إذا أردت، يمكنك أن تحجز في يوم آخر.
