## Talk to a person

handoff-started =
    { $urgent ->
        [yes] J'ai tout de suite prévenu le bureau. Quelqu'un va t'écrire ici, dans cette conversation.
       *[no] J'ai demandé au bureau de te répondre. Quelqu'un va t'écrire ici, dans cette conversation.
    }
    Tu peux écrire maintenant : tes messages seront lus.
handoff-closed-office =
    Le bureau est fermé maintenant.
    On te répondra à partir du { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Tu peux déjà écrire ton message ici.
    { $urgent ->
        [yes] Si tu es en danger, appelle tout de suite le 112. Pour la violence, appelle le 1522.
       *[no] Si c'est urgent, appelle le 112.
    }
handoff-already-open = Le bureau a déjà ta demande. Quelqu'un va te répondre ici.
handoff-ended = Le bureau a fermé la conversation. Maintenant, c'est de nouveau l'assistant qui te répond.
handoff-left = D'accord. Maintenant, c'est de nouveau l'assistant qui te répond.
btn-back-to-menu = 🏠 Retour au menu
handoff-failed =
    Pardon, je n'arrive pas à transmettre ta demande en ce moment.
    Appelle le bureau : 📞 { $phone } ({ $hours }).
    Si tu es en danger, appelle tout de suite le 112.

## While the request waits

handoff-waiting = Ta demande reste dans la file d'attente : quelqu'un du bureau te répond dès que possible.
handoff-waiting-closed =
    Ta demande reste dans la file d'attente. Le bureau est fermé.
    On te répondra à partir du { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
handoff-waiting-urgent = Si tu es en danger, appelle tout de suite le 112. Pour la violence, appelle le 1522 : c'est gratuit, jour et nuit.
handoff-claimed = Quelqu'un du bureau a pris ta demande. Cette personne t'écrit ici, dans cette conversation.
handoff-still-waiting = D'accord, ta demande reste dans la file d'attente. Tu peux écrire ton message ici.
handoff-leave-confirm = Tu veux revenir au menu ? Ta demande reste ouverte : quelqu'un du bureau t'écrira quand même.
handoff-left-open =
    D'accord. Ta demande reste ouverte : quelqu'un du bureau t'écrit ici dès que possible.
    Maintenant, c'est de nouveau l'assistant qui te répond.
btn-handoff-leave-yes = Oui, retour au menu
btn-handoff-leave-no = Non, j'attends
op-person-left-open = 🏠 La personne est revenue au menu, mais la demande URGENTE reste ouverte : contactez-la quand même.
