## Seis meses después del final del recorrido: una pregunta, solo con consentimiento (dialogs/followup.py)

fu-question =
    ¡Hola! Han pasado 6 meses desde el final de tu recorrido con nosotros.
    ¿Cómo va ahora el trabajo? Elige una respuesta.
    «Mejor que antes» quiere decir: estudias, haces un curso o tienes un trabajo a la vista.
    Responder no es una obligación: puedes usar el bot como siempre.
btn-fu-employed = Trabajo para alguien
btn-fu-self_employed = Trabajo por mi cuenta
btn-fu-better_situation = Mejor que antes
btn-fu-no_change = Nada nuevo
btn-fu-unknown = Prefiero no decirlo
fu-thanks = ¡Gracias por tu respuesta! Nos ayuda a mejorar el proyecto. Aquí estoy si me necesitas: elige un botón o escríbeme.
