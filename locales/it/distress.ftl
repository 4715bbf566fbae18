## Un dubbio di pericolo: una domanda gentile, e cosa è il 1522

distress-check =
    Ti chiedo una cosa, per capire meglio.
    Stai bene? Ti serve aiuto subito?
btn-distress-yes = 🆘 Sì, aiuto subito
btn-distress-no = 🙂 No, sto bene
distress-fine = Bene. Se ti serve aiuto, siamo qui per te.
distress-police =
    Il 1522 non è la polizia.
    📞 1522: è gratis e anonimo. Non devi dire il tuo nome.
    Risponde 24 ore su 24, anche in altre lingue.
    Non devi fare una denuncia. Decidi tu cosa fare.
    Puoi anche parlare con una persona del nostro ufficio.
