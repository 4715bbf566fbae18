## Talk to a person

handoff-started =
    { $urgent ->
        [yes] He avisado enseguida a una persona del proyecto. Te escribirá aquí, en este chat.
       *[no] He pedido a una persona del proyecto que te responda. Te escribirá aquí, en este chat.
    }
    Puedes escribir ahora: leerá tus mensajes.
handoff-closed-office =
    Ahora la oficina está cerrada.
    Una persona del proyecto te responderá a partir del { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Ya puedes escribir aquí tu mensaje.
    { $urgent ->
        [yes] Si estás en peligro, llama ahora mismo al 112. En caso de violencia, llama al 1522.
       *[no] Si es urgente, llama al 112.
    }
handoff-already-open = Una persona del proyecto ya tiene tu solicitud. Te responderá aquí.
handoff-ended = La persona del proyecto ha cerrado la conversación. Ahora te responde otra vez el asistente.
handoff-left = Muy bien. Ahora te responde otra vez el asistente.
btn-back-to-menu = 🏠 Volver al menú
handoff-failed =
    Lo siento, ahora no puedo contactar con los operadores.
    Llama a la oficina: 📞 { $phone } ({ $hours }).
    Si estás en peligro, llama ahora al 112.
