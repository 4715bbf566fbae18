## Talk to a person

handoff-started =
    { $urgent ->
        [yes] He avisado enseguida a una persona del proyecto. Te escribirá aquí, en este chat.
       *[no] He pedido a una persona del proyecto que te responda. Te escribirá aquí, en este chat.
    }
    Puedes escribir ahora: leerá tus mensajes.
handoff-closed-office =
    Ahora la oficina está cerrada.
    Te responderemos a partir del { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Ya puedes escribir aquí tu mensaje.
    { $urgent ->
        [yes] Si estás en peligro, llama ahora mismo al 112. En caso de violencia, llama al 1522.
       *[no] Si es urgente, llama al 112.
    }
handoff-already-open = Una persona del proyecto ya tiene tu solicitud. Te responderá aquí.
handoff-ended = La oficina ha cerrado la conversación. Ahora te responde otra vez el asistente.
handoff-left = Muy bien. Ahora te responde otra vez el asistente.
btn-back-to-menu = 🏠 Volver al menú
handoff-failed =
    Lo siento, ahora no puedo hacer llegar tu solicitud.
    Llama a la oficina: 📞 { $phone } ({ $hours }).
    Si estás en peligro, llama ahora al 112.

## While the request waits

handoff-waiting = Tu solicitud sigue en la cola: una persona del proyecto te responde lo antes posible.
handoff-waiting-closed =
    Tu solicitud sigue en la cola. La oficina está cerrada.
    Te responderemos a partir del { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
handoff-waiting-urgent = Si estás en peligro, llama ahora mismo al 112. En caso de violencia, llama al 1522: es gratis, de día y de noche.
handoff-claimed = Una persona del proyecto ha tomado tu solicitud. Te escribe aquí, en este chat.
handoff-still-waiting = Muy bien, tu solicitud sigue en la cola. Puedes escribir aquí tu mensaje.
handoff-leave-confirm = ¿Quieres volver al menú? Tu solicitud sigue abierta: una persona del proyecto te escribirá igualmente.
handoff-left-open =
    Muy bien. Tu solicitud sigue abierta: una persona del proyecto te escribe aquí lo antes posible.
    Ahora te responde otra vez el asistente.
btn-handoff-leave-yes = Sí, volver al menú
btn-handoff-leave-no = No, sigo esperando
op-person-left-open = 🏠 La persona ha vuelto al menú, pero la solicitud URGENTE sigue abierta: contactadla igualmente.
