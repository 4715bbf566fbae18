## Preguntas frecuentes: ayudas, carné de conducir, documentos, después de la entrevista; adónde más ir.
## Las cantidades cambian con la ley: ninguna respuesta promete dinero, y siempre hay una persona.

faq-income-support =
    ¿Recibes el Assegno di Inclusione (ADI) o el Supporto per la Formazione e il Lavoro (SFL)?
    Normalmente puedes participar también en el proyecto. Puede ser parte del acuerdo (patto) que firmaste.
    ¿Unas prácticas pueden cambiar el dinero que recibes? Depende de tu caso.
    Una persona del proyecto lo comprueba antes de empezar.
    Las reglas cambian a menudo. Por eso pregunta siempre a una persona.
faq-driving-licence =
    No, el carné de conducir no hace falta para el proyecto.
    No pasa nada si no tienes coche.
    Cómo llegar a las prácticas se decide en tu proyecto.
    El equipo también piensa en los trenes y autobuses de la zona de Crema.
faq-expired-documents =
    ¿Tienes un documento caducado o te falta algo? Ven igualmente.
    Trae lo que tengas. La persona del proyecto te dice qué falta.
    ¿Tu permiso de residencia (permesso di soggiorno) está en renovación? Trae el resguardo, si lo tienes.
    Dónde renovar los documentos:
    • el documento de identidad (carta d'identità): en el registro (anagrafe) de tu municipio;
    • la tarjeta sanitaria (tessera sanitaria): en la Agenzia delle Entrate (Hacienda);
    • el ISEE: gratis en un CAF (centro de ayuda fiscal).
faq-after-interview =
    Después de la entrevista, el equipo y los servicios deciden juntos si puedes entrar en el proyecto.
    Si entras, elegís juntos un camino. Puede tener:
    • el balance de competencias (bilancio di competenze): saber lo que sabes hacer;
    • un tutor que te acompaña;
    • un curso;
    • unas prácticas en una empresa.
    El orden depende de ti y de lo que necesitas.

## Adónde más pedir ayuda (sin números inventados: los contactos son los de la oficina)

elsewhere =
    Aquí puedes pedir ayuda:
    • el Centro per l'Impiego di Crema (la oficina pública de empleo), para buscar trabajo y hacer la DID;
    • los servicios sociales de tu municipio: pregunta en el ayuntamiento;
    • un CAF (centro de ayuda fiscal), para hacer el ISEE gratis.
    ¿No sabes adónde ir? Llámanos: 📞 { $phone }
    O habla con una persona del proyecto.
btn-elsewhere = 🗺️ ¿Adónde puedo ir?

## Cuando no sé responder, o faltan los datos

dont-know =
    No lo sé, pero una persona del proyecto sí. 🙋
    Pulsa «Hablar con una persona» y haz tu pregunta.
    Yo puedo responder sobre el proyecto, los cursos y las citas.
unavailable =
    { $feature ->
        [eligibility] Ahora no puedo hacerte las preguntas sobre los requisitos.
        [appointments] Ahora no encuentro las horas de las citas.
        [courses] Ahora no encuentro la lista de cursos.
       *[other] Ahora no encuentro esta información.
    }
    Llama a la oficina: 📞 { $phone }
    O habla con una persona.

## Opciones cuando no entiendo

intent-faq_income_support = ADI, SFL y otras ayudas
intent-faq_driving_licence = ¿Hace falta el carné de conducir?
intent-faq_expired_documents = Tengo un documento caducado
intent-faq_after_interview = ¿Qué pasa después de la entrevista?
