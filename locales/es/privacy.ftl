## Language

lang-choose = ¿En qué idioma quieres hablar?
lang-changed = De acuerdo, desde ahora hablo español.
lang-name-it = 🇮🇹 Italiano
lang-name-en = 🇬🇧 English
lang-name-ro = 🇷🇴 Română
lang-name-ar = 🇸🇦 العربية
lang-name-fr = 🇫🇷 Français
lang-name-es = 🇪🇸 Español

## My data

data-menu =
    Puedes ver los datos que tengo sobre ti, o borrarlos.
    También puedes leer todas las reglas sobre la privacidad.
export-ready =
    Aquí tienes tus datos en dos archivos.
    El archivo .html se abre con el teléfono. El archivo .json es para las computadoras.
export-caption = Tus datos guardados por Proximity
erase-confirm =
    ¿Quieres borrar todos tus datos?
    • Borro tus respuestas y tus mensajes.
    • Ya no podré recordar dónde te quedaste.
    • Si quieres volver, tendrás que empezar desde el principio.
    No se puede deshacer.
erase-done =
    Hecho. He borrado todos tus datos.
    Si quieres, puedes escribirme otra vez cuando quieras.
erase-kept = Muy bien, no he borrado nada.

btn-my-data = 📦 Mis datos
btn-erase = 🗑 Borrar mis datos
btn-erase-yes = 🗑 Sí, borrar todo
btn-erase-no = ↩️ No, volver atrás
btn-start-again = 👋 Empezar de nuevo

## More commands

cmd-imieidati = Ver tus datos
cmd-cancellami = Borrar tus datos

## The document with your data

export-title = Tus datos en Proximity
export-intro = Estos son todos los datos que Proximity tiene sobre ti, el { $date }.
export-profile = Perfil
export-consents = Permiso para la privacidad
export-prescreenings = Comprobación de los requisitos
export-conversation = En qué punto está la conversación
export-none = No hay datos.
export-field-telegram-id = Número de Telegram
export-field-name = Nombre
export-field-language = Idioma
export-field-created = Primer contacto
export-field-last-seen = Último contacto
export-field-unreachable = No se puede contactar desde
export-field-version = Versión de las reglas
export-field-accepted = Aceptado
export-field-date = Fecha
export-field-outcome = Resultado
export-field-answers = Respuestas
export-care = Tu recorrido con los servicios
export-field-care-start = Con los servicios desde
export-field-care-services = Servicios
export-field-care-details = Datos para el financiador
export-field-care-steps = Recorrido
export-field-care-exit = Fin del recorrido
export-field-care-changes = Cambios
export-rights = Para preguntas o para corregir tus datos, escribe a { $email }.
