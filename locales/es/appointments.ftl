## Citas: pedir, ver, cambiar, cancelar; recordatorios.
## $when es una fecha y hora ya en la zona horaria de Roma. $kind es el tipo de cita.
## Todos los tipos son femeninos («la { ap-kind-name }», «a la { ap-kind-name }»).

ap-kind-name =
    { $kind ->
        [orientation] entrevista de orientación
        [skills_assessment] cita para el balance de competencias
        [tutoring] cita con el tutor
        [social_worker] cita con el trabajador social
       *[other] cita
    }
ap-weekday =
    { $weekday ->
        [0] lun
        [1] mar
        [2] mié
        [3] jue
        [4] vie
        [5] sáb
       *[6] dom
    }

## Choosing

ap-choose-kind = ¿Qué cita quieres pedir?
btn-ap-kind-orientation = 🧭 Entrevista de orientación
btn-ap-kind-skills_assessment = 📝 Balance de competencias
btn-ap-kind-tutoring = 🤝 Cita con el tutor
btn-ap-kind-social_worker = 👥 Trabajador social
ap-slots =
    Estas son las horas libres para la { ap-kind-name }.
    Elige la que te venga bien.
ap-slots-filtered =
    Estas son las horas libres que te vienen bien.
    Son para la { ap-kind-name }.
ap-slots-hint = También puedes escribirme cuándo prefieres venir. Por ejemplo: «martes por la mañana» o «después de las 15».
ap-none-fits =
    No tengo horas libres para «{ $wish }».
    Te muestro todas las horas libres.
ap-day = 📅 { DATETIME($day, dateStyle: "full") }: { $times }
btn-ap-slot = { ap-weekday } { $day }/{ $month } · { $time } · { $venue }
btn-ap-earlier = ◀️ Antes
btn-ap-later = Después ▶️
btn-ap-all-times = 📅 Todas las horas
ap-no-slots =
    Ahora no hay horas libres.
    🗓️ { ap-kind-name }
    Una persona del proyecto puede darte una cita: pulsa «Pedírsela a una persona».
    O llama a la oficina: 📞 { $phone }

## Confirming

ap-book-ask =
    ¿Quieres reservar esta cita?
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
btn-ap-yes = ✅ Sí, reservar
btn-ap-other-time = ⬅️ Elegir otra hora
ap-booked =
    ¡Hecho! Tu cita está reservada. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-directions = 🚌 Cómo llegar: { $directions }
ap-bring = 👜 Trae: un documento de identidad, la tarjeta sanitaria (tessera sanitaria) y, si los tienes, tu currículum y el ISEE.
ap-calendar = También te envío un archivo para el calendario del teléfono. Antes de la cita, te la recordaré.
ap-ics-caption = 📅 Tu cita. Abre el archivo para ponerla en tu calendario.
ap-ics-cancel-caption = 📅 Cita cancelada. Abre el archivo para quitarla de tu calendario.
ap-slot-gone = Lo siento, esta hora ya no está libre. Elige otra, por favor.

## My appointments

btn-ap-mine = 📋 Mis citas
ap-list =
    { $count ->
        [one] Tienes una cita:
       *[other] Tienes { $count } citas:
    }
ap-list-item = • { DATETIME($when, dateStyle: "full", timeStyle: "short") }: { ap-kind-name }, { $place }
btn-ap-move-one = 🔁 Cambiar el { $day }/{ $month }
btn-ap-cancel-one = ❌ Cancelar el { $day }/{ $month }
btn-ap-book-another = ➕ Pedir otra cita
ap-none-booked = No tienes citas.
btn-ap-book = 📅 Pedir una cita
ap-gone = Esta cita ya no existe. Quizás ya pasó o se canceló.

## Moving

ap-move-intro =
    Vamos a cambiar la { ap-kind-name }.
    Ahora es el { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Elige la nueva hora. Hasta que la elijas, sigues teniendo la antigua.
ap-move-ask =
    ¿Quieres cambiar la cita?
    Antes: { DATETIME($old, dateStyle: "full", timeStyle: "short") }
    Después: { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-moved =
    ¡Hecho! He cambiado tu cita. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }

## Cancelling

ap-cancel-why =
    Vamos a cancelar la cita del { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    ¿Me dices por qué? No es obligatorio.
btn-ap-why-ill = 🤒 Me encuentro mal
btn-ap-why-busy = 💼 Tengo otro compromiso
btn-ap-why-not_needed = 🙅 Ya no la necesito
btn-ap-why-unsaid = 🤐 Prefiero no decirlo
btn-ap-keep = ⬅️ No, la mantengo
ap-cancelled =
    He cancelado la cita del { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Si quieres, puedes pedir cita para otro día.
btn-ap-book-again = 📅 Pedir cita otro día
btn-ap-cancel = ❌ Cancelar la cita

## Who can book

ap-prescreening-first =
    Antes de pedir la cita, responde a unas pocas preguntas.
    Sirven para saber si el proyecto es para ti. Solo son dos minutos.
ap-not-open =
    Por lo que me has dicho, esta entrevista no es para ti.
    Te puedo decir adónde más pedir ayuda. O habla con una persona.
ap-kind-closed =
    Esta cita la fija una persona del proyecto, después de la primera entrevista.
    { $step ->
        [book] Primero pide la primera entrevista.
        [booked] Ya tienes la primera entrevista: allí pídesela a la persona del proyecto. O pídesela ahora a una persona.
        [questions] Primero responde a unas preguntas. Después puedes pedir la primera entrevista.
       *[person] Puedes pedírsela a una persona. Le digo yo que necesitas una cita.
    }
ap-already-have =
    Ya tienes esta cita:
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    Solo puedes tener una. Si quieres cambiarla, elige una hora nueva.
    Hasta que elijas, sigues teniendo la que tienes.
ap-move-instead =
    Ya tienes esta cita. Solo puedes tener una.
    🗓️ { ap-kind-name }
    Ahora: { DATETIME($old, dateStyle: "full", timeStyle: "short") }
    Hora nueva: { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
    ¿Quieres cambiarla a esta hora?
btn-ap-move-here = 🔁 Cambiarla aquí
btn-ap-keep-mine = ✅ Mantener la que tengo
btn-ap-ask-person = 🙋 Pedírsela a una persona

## Reminders

ap-reminder =
    { $lead_hours ->
        [one] ⏰ Recordatorio: dentro de una hora tienes una cita.
       *[other] ⏰ Recordatorio: dentro de { $lead_hours } horas tienes una cita.
    }
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
    ¿Vienes? Presiona un botón.
btn-ap-confirm = ✅ Confirmo, allí estaré
btn-ap-cant = 🙁 No puedo ir
btn-ap-move = 🔁 Cambiar
ap-confirm-thanks =
    ¡Gracias! Te esperamos. 😊
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-cant-come =
    No pasa nada, a veces ocurre.
    ¿Quieres cambiar la cita o cancelarla?
ap-withdrawn =
    Lo sentimos: la cita del { DATETIME($when, dateStyle: "full", timeStyle: "short") } está cancelada.
    La persona del proyecto no puede ese día. Elige otro día, por favor.
ap-missed =
    ¡Hola! Hoy no nos hemos visto en la { ap-kind-name }.
    Puede pasar. Si quieres, elige un nuevo día.

## In the "My data" file

export-appointments = Citas
export-field-when = Cuándo
export-field-place = Dónde
export-field-status = Estado
export-field-in-charge = En el proyecto desde
