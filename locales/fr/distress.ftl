## Un doute de danger : une question douce, et ce qu'est le 1522

distress-check =
    Je te pose une question, pour mieux comprendre.
    Tu es en sécurité ? Tu as besoin d'aide tout de suite ?
btn-distress-yes = 🆘 Oui, de l'aide maintenant
btn-distress-no = 🙂 Non, ça va
distress-fine = D'accord. Si tu as besoin d'aide, nous sommes là pour toi.
distress-police =
    Le 1522 n'est pas la police.
    📞 1522 : c'est gratuit et anonyme. Tu n'as pas à dire ton nom.
    Il répond 24 heures sur 24, aussi dans d'autres langues.
    Tu n'as pas à porter plainte. C'est toi qui décides.
    Tu peux aussi parler avec une personne de notre bureau.
