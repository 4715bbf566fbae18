## Cours : catalogue, inscription, liste d'attente, départ.
## $start est la date de la première séance, déjà à l'heure de Rome.
## Les titres des cours ($title) et les descriptions viennent des données, traduits là ; sans traduction,
## le texte italien reste (co-detail-in-italian le dit). Entre « ».
## Un « incontro » du cours est une « séance » ; un « posto » est une « place ».
## co-status-name est court (« inscription confirmée ») : il suit « Pour ce cours : » et « { $title } : ».
## La personne : sans genre (« inscription confirmée », « tu as quitté le cours »), jamais « inscrit ».
## Dans btn-co-course, le nombre suit les deux-points (« places : 1 » se lit bien aussi).

co-category-name =
    { $category ->
        [informatica] 💻 Informatique
        [logistica] 📦 Entrepôt et logistique
        [pulizie] 🧽 Nettoyage et désinfection
        [ristorazione] 🍽️ Restauration
        [lingua_italiana] 🇮🇹 Langue italienne
        [sicurezza] 🦺 Sécurité au travail
        [competenze_trasversali] 🤝 Comment chercher du travail
       *[other] 📚 Autres cours
    }
co-status-name =
    { $status ->
        [enrolled] inscription confirmée
        [offered] il y a une place pour toi
       *[waiting] tu es sur la liste d'attente, numéro { $position }
    }

## Browsing

co-categories = Quel cours cherches-tu ? Choisis un thème.
btn-co-category = { co-category-name } ({ $count })
co-list = Voici les cours. Appuie sur un cours pour en savoir plus.
btn-co-course =
    { $left ->
        [0] { $title } · liste d'attente
       *[other] { $title } · places : { $left }
    }
co-none-open =
    En ce moment, il n'y a pas de cours ouvert.
    Il y en a souvent de nouveaux. Une personne peut te donner d'autres idées.
co-which = J'ai trouvé plusieurs cours. Lequel t'intéresse ?
co-gone = Ce cours n'existe plus, ou les inscriptions sont fermées.
btn-co-all = 📚 Tous les cours
btn-co-mine = 🎓 Mes cours

## The course page

co-detail =
    📚 { $title }
    { $description }
    📍 { $place_name }, { $address }
    💶 Prix : { $cost ->
        [gratuito] gratuit
       *[other] { $cost }
    }
co-detail-in-italian = 🇮🇹 (en italien : ce cours n'a pas encore de texte en français)
co-detail-sessions =
    🗓️ Séances :
    { $list }
co-detail-seats =
    { $left ->
        [0] 🪑 Le cours est complet. Tu peux t'inscrire sur la liste d'attente.
        [one] 🪑 Il reste une place.
       *[other] 🪑 Il reste encore { $left } places.
    }
co-detail-italian = 🗣️ Il faut parler italien au niveau { $level }. En cas de doute, demande à une personne.
co-detail-deadline = ⏳ Inscriptions jusqu'au { DATETIME($when, dateStyle: "full") }.
co-detail-status = ✅ Pour ce cours : { co-status-name }.
btn-co-sign-up = ✍️ Inscris-moi
btn-co-leave = 🚪 Quitter le cours

## Signing up

co-ask =
    Veux-tu t'inscrire au cours « { $title } » ?
    La première séance est le { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
co-ask-waiting =
    Le cours « { $title } » est complet.
    Veux-tu t'inscrire sur la liste d'attente ? Si une place se libère, je t'écris.
btn-co-yes = ✅ Oui, inscris-moi
co-enrolled =
    C'est fait ! Ton inscription au cours « { $title } » est confirmée. ✅
    📍 { $place_name }, { $address }
co-sessions =
    🗓️ Les séances :
    { $list }
co-waiting =
    Le cours « { $title } » est complet.
    Tu es sur la liste d'attente : tu as le numéro { $position }.
    Si une place se libère, je t'écris tout de suite.
co-already = Tu es déjà sur la liste du cours « { $title } ».
co-ics-caption = 📅 Les séances du cours. Ouvre le fichier pour les ajouter à ton calendrier.
co-ics-cancel-caption = 📅 Tu as quitté le cours. Ouvre le fichier pour enlever les séances de ton calendrier.
co-needs-prescreening =
    Pour le cours « { $title } », réponds d'abord à quelques questions.
    Elles servent à savoir si le projet est fait pour toi. Ça prend deux minutes.
co-needs-not-eligible =
    D'après ce que tu m'as dit, ce cours n'est pas pour toi.
    Une personne peut t'écouter et te donner d'autres idées.
co-needs-in-charge =
    Pour le cours « { $title } », il faut d'abord un entretien avec nous.
    Une personne peut t'aider à le fixer.

## My courses and leaving

co-mine =
    { $count ->
        [one] Voici ton cours :
       *[other] Voici tes { $count } cours :
    }
co-mine-item = • { $title } : { co-status-name }
co-mine-none = Tu n'as aucun cours en ce moment.
btn-co-leave-one = 🚪 Quitter { $title }
co-leave-ask =
    Veux-tu vraiment quitter le cours « { $title } » ?
    Ta place ira à une autre personne.
btn-co-leave-yes = 🚪 Oui, je quitte le cours
btn-co-stay = ⬅️ Non, je reste
co-left = Tu as quitté le cours « { $title } ». Si tu changes d'avis, tu peux t'inscrire de nouveau.

## A free seat from the waiting list

co-offer =
    🎉 Bonne nouvelle ! Une place s'est libérée dans le cours « { $title } ».
    La première séance est le { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    Tu la veux ? Réponds au plus tard le { DATETIME($until, dateStyle: "full", timeStyle: "short") }.
btn-co-accept = ✅ J'accepte la place
btn-co-decline = ❌ Je laisse la place
co-offer-accepted = C'est fait ! La place dans le cours « { $title } » est à toi. ✅
co-offer-declined = D'accord. La place ira à une autre personne. Merci de me l'avoir dit.
co-offer-gone = Pardon, cette offre n'existe plus. Le temps pour répondre est peut-être fini.

## Changes and reminders

co-changed =
    ℹ️ Le cours « { $title } » a changé.
    La première séance est le { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    📍 { $place_name }, { $address }
co-course-cancelled =
    😔 Mauvaise nouvelle : le cours « { $title } » est annulé.
    Si tu veux, regarde les autres cours ou parle avec une personne.
co-removed-by-office =
    Le bureau t'a retiré du cours « { $title } ».
    Les leçons ne sont plus pour toi.
    Tu veux savoir pourquoi ? Parle avec une personne.
co-reminder =
    ⏰ Rappel : tu as le cours « { $title } » le { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    📍 { $place_name }, { $address }

## Dans le fichier « Mes données »

export-courses = Cours
export-field-course = Cours
