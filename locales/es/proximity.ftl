## Proximity: textos en español (traducidos del italiano, la lengua principal).
## Frases cortas, palabras comunes. Cada palabra técnica tiene una explicación.

## Welcome and consent

welcome =
    ¡Hola! Soy el asistente de PROXIMITY.CR. 👋
    El proyecto ayuda a las personas que buscan trabajo. Les ayuda a encontrar cursos, prácticas y apoyo.

    Antes de empezar, lee cómo uso tus datos:
    • Guardo solo lo que necesito para ayudarte.
    • Solo el personal del proyecto los ve.
    • Puedes ver o borrar tus datos cuando quieras.

    ¿Estás de acuerdo?
consent-needed =
    Antes de ayudarte, necesito tu permiso.
    Guardo solo lo que necesito. Solo el personal del proyecto lo ve.
    ¿Estás de acuerdo?
consent-renewed =
    Cambiamos las reglas sobre la privacidad.
    Lee las nuevas reglas, por favor. ¿Estás de acuerdo?
consent-notice = { consent-needed }
consent-thanks = ¡Gracias! Ahora podemos empezar.
consent-declined =
    Muy bien, no hay problema.
    Sin tu permiso no puedo ayudarte aquí.
    Puedes hablar con una persona:
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }

## Menu

menu = ¿Qué quieres hacer? Elige un botón o escríbeme.
welcome-back = ¡Hola de nuevo! ¿Qué quieres hacer?
help =
    Puedo ayudarte a:
    • saber si puedes entrar en el proyecto;
    • pedir una cita;
    • encontrar un curso;
    • hablar con una persona.
    Elige un botón o escribe con tus palabras.
cancelled = Muy bien, lo he cancelado. ¿Qué quieres hacer?
button-expired = Este botón ya no funciona. Aquí tienes el menú.
unknown-command = No conozco este comando. Aquí tienes el menú.

## Short answers

greet = ¡Hola! ¿Cómo puedo ayudarte?
goodbye = ¡Adiós, hasta pronto! Si lo necesitas, escríbeme cuando quieras.
thanks = ¡De nada! ¿Puedo hacer algo más por ti?
ack = Muy bien. ¿Qué quieres hacer?
inform-noted = Gracias, lo he entendido. ¿Qué quieres hacer ahora?
bot-challenge =
    Soy un asistente automático, no una persona.
    Una persona puede ayudarte cuando quieras: presiona «Hablar con una persona».

## When I do not understand

clarify = No lo he entendido bien. ¿Quieres decir una de estas cosas?
still-not-understood =
    Perdona, no consigo entender.
    ¿Quieres hablar con una persona? O usa los botones del menú.
nlu-down =
    Ahora mismo me cuesta leer los mensajes.
    Usa los botones de abajo, por favor.
too-long =
    El mensaje es muy largo y no puedo entenderlo todo.
    Escribe en pocas palabras qué necesitas, o usa los botones.
non-text =
    { $kind ->
        [voice] No puedo escuchar los mensajes de voz.
        [video_note] No puedo ver los videos.
        [video] No puedo ver los videos.
        [audio] No puedo escuchar los archivos de audio.
        [sticker] ¡Gracias por el sticker! 🙂
        [photo] No puedo ver las fotos.
        [document] No puedo abrir los archivos.
        [location] No uso tu ubicación.
        [contact] No uso los contactos.
       *[other] Solo puedo leer los mensajes escritos.
    }
    Escríbeme qué necesitas, o usa los botones.
edited =
    Cambiaste un mensaje. No leo los mensajes cambiados.
    Escríbeme otra vez, por favor.

## A person and emergency numbers

person-contacts =
    Puedes hablar con una persona de la oficina:
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }
distress-numbers =
    Lo siento mucho. Estamos aquí contigo.
    Si estás en peligro, llama ahora mismo al 112.
    📞 112: emergencias, siempre activo.
    📞 1522: ayuda contra la violencia. Es gratis, 24 horas al día, también en otros idiomas.
    📞 02 2327 2327: Telefono Amico, para hablar con alguien.
distress-person =
    Si necesitas comida o una casa, llama a los servicios sociales de tu municipio.
    También puedes llamarnos a nosotros:
    📞 { $phone }
    🕘 { $hours }

## Privacy

privacy-short =
    Tus datos:
    • Guardo tu nombre de Telegram y tus respuestas.
    • Los uso solo para ayudarte en el proyecto.
    • Solo los ve el personal del proyecto.
    • Puedes ver o borrar tus datos cuando quieras.
    Para preguntar: ✉️ { $email }
privacy-full =
    Quién trata los datos: Comunità Sociale Cremasca, para el proyecto PROXIMITY.CR.
    Por qué: para darte información y citas, y para acompañarte en el proyecto.
    La base es tu permiso. También están las tareas de los servicios sociales.
    Qué guardo: tu nombre de Telegram, el idioma y las respuestas que me das.
    Cuánto tiempo: los mensajes, 90 días como máximo. El resto, 2 años como máximo después del último contacto.
    Quién los ve: solo el personal del proyecto.
    Telegram: los mensajes pasan por Telegram. Telegram no los cifra de extremo a extremo.
    Tus derechos: puedes ver, corregir y borrar tus datos. También puedes decir que no.
    Respondemos en un mes como máximo. Puedes reclamar ante el Garante della privacy (la autoridad italiana de protección de datos).
    Escribe a: ✉️ { $email }

## Frequent questions

faq-project =
    PROXIMITY.CR ayuda a las personas que buscan trabajo a volver a formarse y a trabajar.
    Es para quien tiene entre 30 y 60 años y vive en uno de los 48 municipios de la zona de Crema.
    El proyecto ofrece:
    • encuentros para entender qué quieres hacer;
    • el balance de competencias (bilancio di competenze), es decir, entender qué sabes hacer;
    • un tutor que te acompaña;
    • cursos para aprender un oficio;
    • prácticas, es decir, un tiempo de trabajo en una empresa para aprender.
    Es gratis.
faq-internship =
    Las prácticas (tirocinio) son un tiempo en una empresa para aprender un trabajo.
    Un tutor te acompaña desde el principio hasta el final.
    ¿Cuánto duran? Lo decide tu proyecto. Normalmente hasta 12 meses, a veces hasta 24.
    Dinero: tu proyecto dice si recibes una ayuda (indennità) cada mes, y cuánto.
    No es un sueldo y no es un contrato de trabajo.
    Tienes el seguro del INAIL, si te haces daño mientras trabajas.
faq-documents =
    Para la primera cita trae, si los tienes:
    • un documento de identidad;
    • el código fiscal (codice fiscale) o la tarjeta sanitaria (tessera sanitaria);
    • el ISEE, es decir, el papel sobre los ingresos de la familia;
    • la DID, es decir, la declaración de disponibilidad para trabajar. Se hace en el Centro per l'Impiego (la oficina pública de empleo);
    • el permiso de residencia (permesso di soggiorno), si vienes de un país de fuera de la Unión Europea;
    • tu currículum, si lo tienes.
    Si te falta algo, ven igualmente.
faq-contacts =
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }

## Errors and special cases

error-generic = Perdona, algo no ha funcionado. Inténtalo de nuevo dentro de un rato, por favor.
busy-retry = Perdona, ahora tardo un poco en responder. Inténtalo de nuevo dentro de un minuto, por favor.
group-not-supported =
    ¡Hola! Solo hablo en chat privado.
    Abre el chat conmigo y escríbeme allí.

## Buttons

btn-menu = 🏠 Menú
btn-person = 🙋 Hablar con una persona
btn-eligibility = ✅ ¿Puedo participar?
btn-appointments = 📅 Citas
btn-courses = 📚 Cursos
btn-project = ℹ️ El proyecto
btn-documents = 📄 Documentos
btn-privacy = 🔒 Privacidad
btn-language = 🌍 Idioma
btn-accept = ✅ Acepto
btn-decline = ❌ No acepto
btn-read-all = 📖 Leer todo
btn-changed-mind = 🔄 He cambiado de opinión
btn-back = ⬅️ Atrás

## Choices when I do not understand: one for each intent

intent-greet = Saludar
intent-goodbye = Despedirme y salir
intent-thanks = Dar las gracias
intent-affirm = Sí
intent-deny = No
intent-help = ¿Qué sabes hacer?
intent-check_eligibility = ¿Puedo participar?
intent-inform = Darte una información
intent-book_appointment = Pedir una cita
intent-cancel_appointment = Cancelar una cita
intent-reschedule_appointment = Cambiar la fecha de una cita
intent-my_appointments = Mis citas
intent-list_courses = Ver los cursos
intent-enroll_course = Inscribirme en un curso
intent-withdraw_course = Dejar un curso
intent-ask_human = Hablar con una persona
intent-faq_internship = ¿Qué son las prácticas?
intent-faq_project = ¿Qué es el proyecto?
intent-faq_documents = ¿Qué documentos necesito?
intent-faq_contacts = Horarios y dirección
intent-privacy = Mis datos y la privacidad
intent-delete_my_data = Borrar mis datos
intent-change_language = Cambiar de idioma
intent-bot_challenge = ¿Eres un robot?
intent-distress = Necesito ayuda urgente
intent-out_of_scope = Otra cosa

## Commands (Telegram's command menu)

cmd-start = Empezar
cmd-help = Qué puedo hacer
cmd-requisiti = ¿Puedo participar?
cmd-appuntamenti = Mis citas
cmd-corsi = Los cursos
cmd-operatore = Hablar con una persona
cmd-privacy = Tus datos
cmd-lingua = Cambiar de idioma
cmd-annulla = Cancelar y volver al menú

## Can I join? (pre-check of the requirements)

pre-intro =
    Te hago unas preguntas cortas, 6 como máximo.
    No es una decisión: una persona del proyecto lo revisa siempre.
    Puedes parar cuando quieras con /annulla.
pre-resume = Ya habías empezado las preguntas. ¿Quieres seguir desde donde estabas?
pre-stopped = He parado las preguntas. ¿Qué quieres hacer?
pre-again = Perdona, no he entendido la respuesta.
pre-correct = Muy bien, vamos a corregir.
pre-place-unsure = No lo he entendido bien. ¿Quieres decir uno de estos municipios?
pre-place-unknown = No encuentro este municipio. Intenta escribirlo otra vez, por favor.
pre-edit = ¿Qué respuesta quieres cambiar?

q-age =
    Pregunta { $number } de { $total }.
    ¿Cuántos años tienes?
    Puedes escribir tu edad, por ejemplo 45, o el año en que naciste.
q-residence =
    Pregunta { $number } de { $total }.
    ¿En qué municipio vives? Escribe el nombre del pueblo o de la ciudad.
q-work =
    Pregunta { $number } de { $total }.
    ¿Trabajas ahora?
q-services =
    Pregunta { $number } de { $total }.
    ¿Ya te ayuda algún servicio?
    Por ejemplo el trabajador social, un servicio de salud o un educador.
q-permit =
    Pregunta { $number } de { $total }.
    ¿Tienes la nacionalidad italiana o la de otro país de la Unión Europea?
q-did =
    Pregunta { $number } de { $total }.
    ¿Has hecho la DID?
    Es la declaración de disponibilidad para trabajar. Se hace en el Centro per l'Impiego (la oficina pública de empleo).

pre-result =
    { $outcome ->
        [likely_eligible] ¡Parece que puedes participar! Una persona del proyecto lo confirmará.
        [to_check] Hay algunas cosas que comprobar. Una persona del proyecto te ayudará.
       *[not_eligible] Por lo que me dices, el proyecto no es para ti. Te explico por qué:
    }
pre-line-age =
    { $status ->
        [met] ✅ Edad: está bien.
        [not_met] { $reason ->
            [under] ❌ Edad: el proyecto es para quien tiene 30 años o más.
           *[over] ❌ Edad: el proyecto es para quien tiene 60 años o menos.
        }
       *[to_check] { $reason ->
            [birthday] ❓ Edad: depende del día de tu cumpleaños. Lo revisa una persona del proyecto.
           *[other] ❓ Edad: no la sé. Lo revisa una persona del proyecto.
        }
    }
pre-line-residence =
    { $status ->
        [met] ✅ Municipio: { $place } está en la zona de Crema.
        [not_met] ❌ Municipio: { $place } no es uno de los 48 municipios de la zona de Crema.
       *[to_check] ❓ Municipio: no lo sé. Lo revisa una persona del proyecto.
    }
pre-line-work =
    { $status ->
        [met] ✅ Trabajo: ahora no trabajas.
        [not_met] ❌ Trabajo: el proyecto es para quien ahora no trabaja.
       *[to_check] { $reason ->
            [occasional] ❓ Trabajo: trabajas de vez en cuando. Lo revisa una persona del proyecto.
            [training] ❓ Trabajo: estás haciendo un curso. Lo revisa una persona del proyecto.
           *[other] ❓ Trabajo: no lo sé. Lo revisa una persona del proyecto.
        }
    }
pre-line-services =
    { $status ->
        [met] ✅ Servicios: ya te ayuda un servicio.
        [not_met] ❌ Servicios: el proyecto es para quien recibe ayuda de un servicio.
       *[to_check] ❓ Servicios: lo hablarás con una persona del proyecto.
    }
pre-line-permit =
    { $status ->
        [met] ✅ Documentos: está bien.
        [not_met] ❌ Documentos: para las prácticas necesitas un permiso de residencia válido.
       *[to_check] ❓ Documentos: para las prácticas necesitas un permiso de residencia válido. Lo hablarás con una persona del proyecto.
    }
pre-did-info =
    💡 La DID es útil. Puedes hacerla gratis en el Centro per l'Impiego (la oficina pública de empleo) o por internet. Una persona del proyecto puede ayudarte.
pre-elsewhere =
    Puedes pedir ayuda a los servicios sociales de tu municipio o al Centro per l'Impiego (la oficina pública de empleo).
    Si quieres, habla con una persona del proyecto.

btn-continue = ▶️ Seguir
btn-restart = 🔄 Empezar de nuevo
btn-prefer-not = 🤐 No sé / prefiero no decirlo
btn-place = 📍 { $name }
btn-none-of-these = ✏️ Ninguno de estos
btn-book-orientation = 📅 Pedir una cita
btn-correct = ✏️ Corregir una respuesta

ans-age-under = Menos de 30 años
ans-age-in = De 30 a 60 años
ans-age-over = Más de 60 años
ans-residence-crema = 📍 Crema
ans-work-not-working = No, no trabajo
ans-work-working = Sí, trabajo
ans-work-occasional = Trabajo de vez en cuando
ans-work-training = Estoy haciendo un curso
ans-services-yes = Sí
ans-services-no = No
ans-permit-eu-citizen = Sí
ans-permit-valid-permit = No, tengo permiso de residencia
ans-permit-no-permit = No, y no tengo permiso
ans-did-yes = Sí
ans-did-no = No

edit-age = La edad
edit-residence = El municipio
edit-work = El trabajo
edit-services = Los servicios
edit-permit = La nacionalidad
edit-did = La DID
