## Rendez-vous : réserver, voir, déplacer, annuler ; rappels.
## $when est une date et une heure déjà à l'heure de Rome. $kind est le type de rendez-vous.
## Tous les types sont des « rendez-vous » (masculin, sans élision) : « le { ap-kind-name } », « au { ap-kind-name } ».

ap-kind-name =
    { $kind ->
        [orientation] rendez-vous d'orientation
        [skills_assessment] rendez-vous pour le bilan de compétences
        [tutoring] rendez-vous avec le tuteur
        [social_worker] rendez-vous avec l'assistant social
       *[other] rendez-vous
    }
ap-weekday =
    { $weekday ->
        [0] lun.
        [1] mar.
        [2] mer.
        [3] jeu.
        [4] ven.
        [5] sam.
       *[6] dim.
    }

## Choosing

ap-choose-kind = Quel rendez-vous veux-tu prendre ?
btn-ap-kind-orientation = 🧭 Rendez-vous d'orientation
btn-ap-kind-skills_assessment = 📝 Bilan de compétences
btn-ap-kind-tutoring = 🤝 Rendez-vous avec le tuteur
btn-ap-kind-social_worker = 👥 Assistant social
ap-slots =
    Voici les horaires libres pour le { ap-kind-name }.
    Choisis celui qui te convient.
ap-slots-filtered =
    Voici les horaires libres qui te conviennent.
    Ils sont pour le { ap-kind-name }.
ap-slots-hint = Tu peux aussi m'écrire quand tu préfères venir. Par exemple : « mardi matin » ou « après 15h ».
ap-none-fits =
    Je n'ai pas d'horaire libre pour « { $wish } ».
    Je te montre tous les horaires libres.
ap-day = 📅 { DATETIME($day, dateStyle: "full") }: { $times }
btn-ap-slot = { ap-weekday } { $day }/{ $month } · { $time } · { $venue }
btn-ap-earlier = ◀️ Plus tôt
btn-ap-later = Plus tard ▶️
btn-ap-all-times = 📅 Tous les horaires
ap-no-slots =
    En ce moment, il n'y a pas d'horaire libre.
    🗓️ { ap-kind-name }
    Un agent peut te donner un rendez-vous : appuie sur « Le demander à une personne ».
    Ou appelle le bureau : 📞 { $phone }

## Confirming

ap-book-ask =
    Veux-tu réserver ce rendez-vous ?
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
btn-ap-yes = ✅ Oui, je réserve
btn-ap-other-time = ⬅️ Choisir un autre horaire
ap-booked =
    C'est fait ! Ton rendez-vous est réservé. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-directions = 🚌 Pour venir : { $directions }
ap-bring = 👜 Apporte : une pièce d'identité, la carte de santé (tessera sanitaria) et, si tu les as, ton CV et l'ISEE.
ap-calendar = Je t'envoie aussi un fichier pour le calendrier de ton téléphone. Je te rappellerai le rendez-vous avant.
ap-ics-caption = 📅 Ton rendez-vous. Ouvre le fichier pour l'ajouter à ton calendrier.
ap-ics-cancel-caption = 📅 Rendez-vous annulé. Ouvre le fichier pour l'enlever de ton calendrier.
ap-slot-gone = Pardon, cet horaire n'est plus libre. Choisis-en un autre, s'il te plaît.

## My appointments

btn-ap-mine = 📋 Mes rendez-vous
ap-list =
    { $count ->
        [one] Tu as un rendez-vous :
       *[other] Tu as { $count } rendez-vous :
    }
ap-list-item = • { DATETIME($when, dateStyle: "full", timeStyle: "short") } : { ap-kind-name }, { $place }
btn-ap-move-one = 🔁 Déplacer le { $day }/{ $month }
btn-ap-cancel-one = ❌ Annuler le { $day }/{ $month }
btn-ap-book-another = ➕ Prendre un autre rendez-vous
ap-none-booked = Tu n'as pas de rendez-vous.
btn-ap-book = 📅 Prendre un rendez-vous
ap-gone = Ce rendez-vous n'existe plus. Il est peut-être déjà passé, ou il a été annulé.

## Moving

ap-move-intro =
    Déplaçons le { ap-kind-name }.
    Pour l'instant, il est prévu le { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Choisis le nouvel horaire. Tant que tu ne l'as pas choisi, tu gardes l'ancien.
ap-move-ask =
    Veux-tu déplacer le rendez-vous ?
    Avant : { DATETIME($old, dateStyle: "full", timeStyle: "short") }
    Après : { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-moved =
    C'est fait ! J'ai déplacé ton rendez-vous. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }

## Cancelling

ap-cancel-why =
    Nous annulons le rendez-vous du { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Tu peux me dire pourquoi ? Ce n'est pas obligatoire.
btn-ap-why-ill = 🤒 Je suis malade
btn-ap-why-busy = 💼 J'ai autre chose à faire
btn-ap-why-not_needed = 🙅 Je n'en ai plus besoin
btn-ap-why-unsaid = 🤐 Je préfère ne pas le dire
btn-ap-keep = ⬅️ Non, je le garde
ap-cancelled =
    J'ai annulé le rendez-vous du { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Si tu veux, tu peux réserver un autre jour.
btn-ap-book-again = 📅 Réserver un autre jour
btn-ap-cancel = ❌ Annuler le rendez-vous

## Who can book

ap-prescreening-first =
    Avant de réserver, réponds à quelques questions.
    Elles servent à savoir si le projet est fait pour toi. Ça prend deux minutes.
ap-not-open =
    D'après ce que tu m'as dit, ce rendez-vous n'est pas pour toi.
    Je peux te dire où demander de l'aide ailleurs. Ou parle avec une personne.
ap-kind-closed =
    Ce rendez-vous est fixé par un agent, après le premier entretien.
    { $step ->
        [book] D'abord, prends le premier rendez-vous.
        [booked] Tu as déjà le premier rendez-vous : demande-le à l'agent à ce moment-là. Ou demande-le maintenant à une personne.
        [questions] D'abord, réponds à quelques questions. Ensuite, tu peux prendre le premier rendez-vous.
       *[person] Tu peux le demander à une personne. Je lui dis que tu as besoin d'un rendez-vous.
    }
ap-already-have =
    Tu as déjà ce rendez-vous :
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    Tu ne peux en avoir qu'un. Si tu veux le déplacer, choisis un nouvel horaire.
    Tant que tu ne choisis pas, tu gardes celui que tu as.
ap-move-instead =
    Tu as déjà ce rendez-vous. Tu ne peux en avoir qu'un.
    🗓️ { ap-kind-name }
    Maintenant : { DATETIME($old, dateStyle: "full", timeStyle: "short") }
    Nouvel horaire : { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
    Veux-tu le déplacer à cet horaire ?
btn-ap-move-here = 🔁 Le déplacer ici
btn-ap-keep-mine = ✅ Garder celui que j'ai
btn-ap-ask-person = 🙋 Le demander à une personne

## Reminders

ap-reminder =
    { $lead_hours ->
        [one] ⏰ Rappel : tu as un rendez-vous dans une heure.
       *[other] ⏰ Rappel : tu as un rendez-vous dans { $lead_hours } heures.
    }
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
    Tu viens ? Appuie sur un bouton.
btn-ap-confirm = ✅ Je confirme, je serai là
btn-ap-cant = 🙁 Je ne peux pas venir
btn-ap-move = 🔁 Déplacer
ap-confirm-thanks =
    Merci ! Nous t'attendons. 😊
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-cant-come =
    Pas de problème, ça arrive.
    Veux-tu déplacer le rendez-vous ou l'annuler ?
ap-withdrawn =
    Mauvaise nouvelle : le rendez-vous du { DATETIME($when, dateStyle: "full", timeStyle: "short") } est annulé.
    L'agent ne peut pas être là. Choisis un autre jour, s'il te plaît.
ap-missed =
    Bonjour ! Aujourd'hui, nous t'attendions au { ap-kind-name }.
    Ça peut arriver. Si tu veux, choisis un nouveau jour.

## In the "My data" file

export-appointments = Rendez-vous
export-field-when = Quand
export-field-place = Où
export-field-status = État
export-field-in-charge = Dans le projet depuis le
