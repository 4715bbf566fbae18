## Cursos: catálogo, inscripción, lista de espera, dejar un curso.
## $start es la fecha de la primera clase, ya en la zona horaria de Roma.
## Los títulos de los cursos ($title) y las descripciones vienen de los datos, traducidos allí; sin traducción
## queda el texto italiano (co-detail-in-italian lo dice). Entre «».
## Un «incontro» del curso es una «clase»; un «posto» es una «plaza».
## co-status-name es corto («inscripción confirmada»): va después de «En este curso:» y de «{ $title }:».
## La persona: sin género («inscripción confirmada», «has dejado el curso»), nunca «inscrito».
## En btn-co-course el número va después de los dos puntos («plazas: 1» también se lee bien).

co-category-name =
    { $category ->
        [informatica] 💻 Informática
        [logistica] 📦 Almacén y logística
        [pulizie] 🧽 Limpieza y desinfección
        [ristorazione] 🍽️ Restaurantes
        [lingua_italiana] 🇮🇹 Lengua italiana
        [sicurezza] 🦺 Seguridad en el trabajo
        [competenze_trasversali] 🤝 Cómo buscar trabajo
       *[other] 📚 Otros cursos
    }
co-status-name =
    { $status ->
        [enrolled] inscripción confirmada
        [offered] hay una plaza para ti
       *[waiting] estás en la lista de espera, con el número { $position }
    }

## Browsing

co-categories = ¿Qué curso buscas? Elige un tema.
btn-co-category = { co-category-name } ({ $count })
co-list = Estos son los cursos. Presiona un curso para leer más.
btn-co-course =
    { $left ->
        [0] { $title } · lista de espera
       *[other] { $title } · plazas: { $left }
    }
co-none-open =
    Ahora no hay cursos abiertos.
    A menudo llegan cursos nuevos. Una persona puede darte otras ideas.
co-which = He encontrado varios cursos. ¿Cuál te interesa?
co-gone = Este curso ya no existe, o las inscripciones están cerradas.
btn-co-all = 📚 Todos los cursos
btn-co-mine = 🎓 Mis cursos

## The course page

co-detail =
    📚 { $title }
    { $description }
    📍 { $place_name }, { $address }
    💶 Precio: { $cost ->
        [gratuito] gratis
       *[other] { $cost }
    }
co-detail-in-italian = 🇮🇹 (en italiano: este curso aún no tiene texto en español)
co-detail-sessions =
    🗓️ Clases:
    { $list }
co-detail-seats =
    { $left ->
        [0] 🪑 El curso está lleno. Puedes apuntarte a la lista de espera.
        [one] 🪑 Queda una plaza.
       *[other] 🪑 Todavía quedan { $left } plazas.
    }
co-detail-italian = 🗣️ Necesitas italiano de nivel { $level }. Si tienes dudas, pregunta a una persona.
co-detail-deadline = ⏳ Inscripciones hasta el { DATETIME($when, dateStyle: "full") }.
co-detail-status = ✅ En este curso: { co-status-name }.
btn-co-sign-up = ✍️ Inscríbeme
btn-co-leave = 🚪 Dejar el curso

## Signing up

co-ask =
    ¿Quieres inscribirte en el curso «{ $title }»?
    La primera clase es el { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
co-ask-waiting =
    El curso «{ $title }» está lleno.
    ¿Quieres apuntarte a la lista de espera? Si queda una plaza libre, te escribo.
btn-co-yes = ✅ Sí, inscríbeme
co-enrolled =
    ¡Hecho! Tu inscripción en el curso «{ $title }» está confirmada. ✅
    📍 { $place_name }, { $address }
co-sessions =
    🗓️ Las clases:
    { $list }
co-waiting =
    El curso «{ $title }» está lleno.
    Estás en la lista de espera: tienes el número { $position }.
    Si queda una plaza libre, te escribo enseguida.
co-already = Ya estás en la lista del curso «{ $title }».
co-ics-caption = 📅 Las clases del curso. Abre el archivo para ponerlas en tu calendario.
co-ics-cancel-caption = 📅 Has dejado el curso. Abre el archivo para quitar las clases de tu calendario.
co-needs-prescreening =
    Para el curso «{ $title }», primero responde a unas pocas preguntas.
    Sirven para saber si el proyecto es para ti. Solo son dos minutos.
co-needs-not-eligible =
    Por lo que me has dicho, este curso no es para ti.
    Una persona puede escucharte y darte otras ideas.
co-needs-in-charge =
    Para el curso «{ $title }», primero necesitas una entrevista con nosotros.
    Una persona puede ayudarte a pedirla.

## My courses and leaving

co-mine =
    { $count ->
        [one] Este es tu curso:
       *[other] Estos son tus { $count } cursos:
    }
co-mine-item = • { $title }: { co-status-name }
co-mine-none = Ahora no tienes ningún curso.
btn-co-leave-one = 🚪 Dejar { $title }
co-leave-ask =
    ¿De verdad quieres dejar el curso «{ $title }»?
    Tu plaza será para otra persona.
btn-co-leave-yes = 🚪 Sí, dejo el curso
btn-co-stay = ⬅️ No, me quedo
co-left = Has dejado el curso «{ $title }». Si cambias de idea, puedes inscribirte otra vez.

## A free seat from the waiting list

co-offer =
    🎉 ¡Buenas noticias! Hay una plaza libre en el curso «{ $title }».
    La primera clase es el { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    ¿La quieres? Responde antes del { DATETIME($until, dateStyle: "full", timeStyle: "short") }.
btn-co-accept = ✅ Acepto la plaza
btn-co-decline = ❌ No la quiero
co-offer-accepted = ¡Hecho! La plaza en el curso «{ $title }» es tuya. ✅
co-offer-declined = Muy bien. La plaza será para otra persona. Gracias por decírmelo.
co-offer-gone = Lo siento, esta oferta ya no existe. Quizás se acabó el tiempo para responder.

## Changes and reminders

co-changed =
    ℹ️ El curso «{ $title }» ha cambiado.
    La primera clase es el { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    📍 { $place_name }, { $address }
co-course-cancelled =
    😔 Lo sentimos: el curso «{ $title }» está cancelado.
    Si quieres, mira los otros cursos o habla con una persona.
co-removed-by-office =
    La oficina te ha quitado del curso «{ $title }».
    Las clases ya no son para ti.
    ¿Quieres saber por qué? Habla con una persona.
co-reminder =
    ⏰ Recordatorio: tienes el curso «{ $title }» el { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    📍 { $place_name }, { $address }

## En el archivo «Mis datos»

export-courses = Cursos
export-field-course = Curso
