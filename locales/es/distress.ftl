## Una duda de peligro: una pregunta amable, y qué es el 1522

distress-check =
    Te pregunto algo, para entender mejor.
    ¿Estás a salvo? ¿Necesitas ayuda ahora mismo?
btn-distress-yes = 🆘 Sí, ayuda ahora
btn-distress-no = 🙂 No, estoy bien
distress-fine = Bien. Si necesitas ayuda, estamos aquí para ti.
distress-police =
    El 1522 no es la policía.
    📞 1522: es gratis y anónimo. No tienes que decir tu nombre.
    Contesta 24 horas al día, también en otros idiomas.
    No tienes que poner una denuncia. Tú decides qué hacer.
    También puedes hablar con una persona de nuestra oficina.
