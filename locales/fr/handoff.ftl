## Talk to a person

handoff-started =
    { $urgent ->
        [yes] J'ai tout de suite prévenu un agent. Il va t'écrire ici, dans cette conversation.
       *[no] J'ai demandé à un agent de te répondre. Il va t'écrire ici, dans cette conversation.
    }
    Tu peux écrire maintenant : il lira tes messages.
handoff-closed-office =
    Le bureau est fermé maintenant.
    Un agent te répondra à partir du { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Tu peux déjà écrire ton message ici.
    { $urgent ->
        [yes] Si tu es en danger, appelle tout de suite le 112. Pour la violence, appelle le 1522.
       *[no] Si c'est urgent, appelle le 112.
    }
handoff-already-open = Un agent a déjà ta demande. Il va te répondre ici.
handoff-ended = L'agent a fermé la conversation. Maintenant, c'est de nouveau l'assistant qui te répond.
handoff-left = D'accord. Maintenant, c'est de nouveau l'assistant qui te répond.
btn-back-to-menu = 🏠 Retour au menu
handoff-failed =
    Désolé, je n'arrive pas à joindre les opérateurs en ce moment.
    Appelle le bureau : 📞 { $phone } ({ $hours }).
    Si tu es en danger, appelle tout de suite le 112.
