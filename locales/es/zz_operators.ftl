## Texts for the operators (the operators' group works in Italian). Translated so that every
## catalogue has every key; op-signature and op-caption reach the person.

op-card =
    { $urgent ->
        [yes] 🆘 URGENTE
       *[no] 🙋 Solicitud de contacto
    }
    Nombre: { $name }
    Idioma: { $language }
    Motivo: { $reason ->
        [distress] situación de emergencia (ha recibido los números de emergencia)
        [operator] una persona del proyecto escribió primero
        [misunderstood] el bot no entendió dos veces
        [appointment] pide una cita que fija una persona del proyecto
       *[asked] pidió hablar con una persona
    }
    Requisitos: { $prescreening }
    Citas y cursos: { $bookings }
    Últimos mensajes:
    { $recent }
op-card-claimed = ✋ La atiende { $operator }.
op-card-closed = ✅ Cerrada por { $operator }.
op-claimed-by-other = La solicitud ya la tiene { $operator }.
op-not-operator = Esta función es solo para el personal del proyecto.
op-reannounce = ⏰ Esta solicitud todavía espera a una persona del proyecto.
op-edited = ✏️ Mensaje cambiado: { $text }
op-no-handoff = En este tema no hay ninguna conversación abierta.
op-scrivi-usage = Escribe /scrivi y después el número de la persona, por ejemplo /scrivi 12345.
op-scrivi-unknown = No encuentro a esta persona, o no ha dado su permiso.
op-opened = Conversación abierta. Escribe aquí: la persona recibirá tus mensajes.
op-closed-by-beneficiary = La persona ha vuelto al menú. Conversación cerrada.
op-signature = 👤 { $operator }: { $text }
op-caption = — 👤 { $operator }
op-none = ninguno
op-prescreening = { $outcome ->
        [likely_eligible] parece que sí
        [to_check] por comprobar
        [not_eligible] parece que no
       *[other] no hecha
    } { $date }
op-erased = La persona ha borrado sus datos. Esta conversación está cerrada.
btn-claim = ✋ La atiendo yo
btn-close = ✅ Cerrar
op-details =
    📋 Respuestas a la verificación de requisitos:
    { $answers }
btn-details = 📋 Más detalles

op-cases =
    Solicitudes abiertas: { $count }
    { $lines }
op-case-line = { $urgent ->
        [yes] 🆘
       *[no] •
    } { $name } (id { $id }): { $status ->
        [claimed] la sigue { $operator }
       *[open] en espera
    }, desde hace { $minutes } minutos

## Citas: avisos en el grupo de operadores y pregunta sobre la asistencia.
op-ap-someone = persona sin nombre
op-ap-booked = 📅 Reservada: { $name } (id { $id }), { $kind }, { $when }, { $place }, con { $operator }.
op-ap-moved = 🔁 Cambiada: { $name } (id { $id }), { $kind }, ahora { $when }, { $place }, con { $operator }.
op-ap-cancelled = ❌ Anulada: { $name } (id { $id }), { $kind }, { $when }, { $place }, con { $operator }.
op-ap-unreachable = ⚠️ Recordatorio no entregado, ha bloqueado el bot: { $name } (id { $id }), { $kind }, { $when }, { $place }, con { $operator }.
op-ap-unconfirmed = ❓ Sin confirmación en el último recordatorio: { $name } (id { $id }), { $kind }, { $when }, { $place }, con { $operator }.
op-att-question = 👥 ¿Vino { $name } (id { $id }) a la cita del { $when }? { $kind }, { $place }, con { $operator }.
op-att-marked = { $status ->
        [attended] ✅ Presente
       *[no_show] ❌ No presente
    } (marcado por { $operator })
op-att-already = La asistencia ya la marcó { $operator }.
op-att-too-early = La cita todavía no ha empezado.
op-att-gone = Esta cita ya no existe: anulada, o la persona borró sus datos.
btn-att-present = ✅ Presente
btn-att-absent = ❌ No presente

## Cursos: avisos en el grupo del personal.
op-co-enrolled = 🎓 Inscrito: { $name } (id { $id }), curso «{ $course }». Plazas ocupadas: { $taken } de { $seats }.
op-co-waiting = ⏳ En lista de espera: { $name } (id { $id }), curso «{ $course }».
op-co-withdrawn = 🚪 Se retiró: { $name } (id { $id }), curso «{ $course }». La plaza pasa al primero de la lista, si lo hay.
op-co-accepted = ✅ Aceptó la plaza liberada: { $name } (id { $id }), curso «{ $course }».
op-card-released = ↩️ { $operator } la dejó: espera a un operador.
op-web-reply = 💻 { $operator }: { $text }
op-web-note = 📝 Nota de { $operator }, la persona no la ve: { $text }
