## Six mois après la fin du parcours : une question, seulement avec l'accord (dialogs/followup.py)

fu-question =
    Bonjour ! Cela fait 6 mois que tu as fini ton parcours avec nous.
    Comment ça va avec le travail ? Choisis une réponse.
    « Mieux qu'avant » veut dire : tu étudies, tu suis une formation ou un travail est en vue.
    Répondre n'est pas une obligation : tu peux utiliser le bot comme d'habitude.
btn-fu-employed = Je travaille pour quelqu'un
btn-fu-self_employed = Je travaille à mon compte
btn-fu-better_situation = Mieux qu'avant
btn-fu-no_change = Rien de nouveau
btn-fu-unknown = Je préfère ne pas dire
fu-thanks = Merci pour ta réponse ! Elle nous aide à améliorer le projet. Je suis là si tu veux : choisis un bouton ou écris-moi.
