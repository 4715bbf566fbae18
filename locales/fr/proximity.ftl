## Proximity : textes en français (traduits de l'italien, la langue principale).
## Phrases courtes, mots simples. Chaque mot technique a une explication.

## Welcome and consent

welcome =
    Bonjour ! Je suis l'assistant de PROXIMITY.CR. 👋
    Le projet aide les personnes qui cherchent du travail. Il les aide à trouver des cours, des stages et du soutien.

    Avant de commencer, lis comment j'utilise tes données :
    • Je garde seulement ce qui sert à t'aider.
    • Seuls les agents du projet les voient.
    • Tu peux voir ou effacer tes données quand tu veux.

    Es-tu d'accord ?
consent-needed =
    Avant de t'aider, j'ai besoin de ton accord.
    Je garde seulement ce qui sert. Seuls les agents du projet le voient.
    Es-tu d'accord ?
consent-renewed =
    Nous avons changé les règles sur la vie privée.
    Lis les nouvelles règles, s'il te plaît. Es-tu d'accord ?
consent-notice = { consent-needed }
consent-thanks = Merci ! Maintenant, nous pouvons commencer.
consent-declined =
    D'accord, pas de problème.
    Sans ton accord, je ne peux pas t'aider ici.
    Tu peux parler avec une personne :
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }

## Menu

menu = Que veux-tu faire ? Choisis un bouton ou écris-moi.
welcome-back = Bon retour ! Que veux-tu faire ?
help =
    Je peux t'aider à :
    • savoir si tu peux entrer dans le projet ;
    • prendre un rendez-vous ;
    • trouver un cours ;
    • parler avec une personne.
    Choisis un bouton ou écris avec tes mots.
cancelled = D'accord, j'ai annulé. Que veux-tu faire ?
button-expired = Ce bouton ne marche plus. Voici le menu.
unknown-command = Je ne connais pas cette commande. Voici le menu.

## Short answers

greet = Bonjour ! Comment puis-je t'aider ?
goodbye = Au revoir, à bientôt ! Si tu as besoin, écris-moi quand tu veux.
thanks = De rien ! Je peux faire autre chose pour toi ?
ack = D'accord. Que veux-tu faire ?
inform-noted = Merci, j'ai compris. Que veux-tu faire maintenant ?
bot-challenge =
    Je suis un assistant automatique, pas une personne.
    Une personne peut t'aider quand tu veux : appuie sur « Parler avec une personne ».

## When I do not understand

clarify = Je n'ai pas bien compris. Tu veux dire une de ces choses ?
still-not-understood =
    Pardon, je n'arrive pas à comprendre.
    Tu veux parler avec une personne ? Ou utilise les boutons du menu.
nlu-down =
    En ce moment, j'ai du mal à lire les messages.
    Utilise les boutons ci-dessous, s'il te plaît.
too-long =
    Le message est très long et je ne peux pas tout comprendre.
    Écris en quelques mots ce dont tu as besoin, ou utilise les boutons.
non-text =
    { $kind ->
        [voice] Je ne peux pas écouter les messages vocaux.
        [video_note] Je ne peux pas regarder les vidéos.
        [video] Je ne peux pas regarder les vidéos.
        [audio] Je ne peux pas écouter les fichiers audio.
        [sticker] Merci pour l'autocollant ! 🙂
        [photo] Je ne peux pas regarder les photos.
        [document] Je ne peux pas ouvrir les fichiers.
        [location] Je n'utilise pas ta position.
        [contact] Je n'utilise pas les contacts.
       *[other] Je peux lire seulement les messages écrits.
    }
    Écris-moi ce dont tu as besoin, ou utilise les boutons.
edited =
    Tu as changé un message. Je ne lis pas les messages changés.
    Écris-moi encore, s'il te plaît.

## A person and emergency numbers

person-contacts =
    Tu peux parler avec une personne du bureau :
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }
distress-numbers =
    Cela me fait beaucoup de peine. Nous sommes là avec toi.
    Si tu es en danger, appelle tout de suite le 112.
    📞 112 : urgences, toujours ouvert.
    📞 1522 : aide contre la violence. C'est gratuit, 24 heures sur 24, aussi dans d'autres langues.
    📞 02 2327 2327 : Telefono Amico, pour parler avec quelqu'un.
distress-person =
    Si tu as besoin de nourriture ou d'un logement, appelle les services sociaux de ta commune.
    Tu peux aussi nous appeler :
    📞 { $phone }
    🕘 { $hours }

## Privacy

privacy-short =
    Tes données :
    • Je garde ton nom sur Telegram et tes réponses.
    • Je les utilise seulement pour t'aider dans le projet.
    • Seuls les agents du projet les voient.
    • Tu peux voir ou effacer tes données quand tu veux.
    Pour demander : ✉️ { $email }
privacy-full =
    Qui traite les données : Comunità Sociale Cremasca, pour le projet PROXIMITY.CR.
    Pourquoi : pour te donner des informations et des rendez-vous, et pour te suivre dans le projet.
    La base est ton accord. Il y a aussi les missions des services sociaux.
    Ce que je garde : ton nom sur Telegram, ta langue et les réponses que tu me donnes.
    Combien de temps : les messages 90 jours au maximum. Le reste 2 ans au maximum après le dernier contact.
    Qui les voit : seulement les agents du projet.
    Telegram : les messages passent par Telegram. Telegram ne les chiffre pas de bout en bout.
    Tes droits : tu peux voir, corriger et effacer tes données. Tu peux aussi dire non.
    Nous répondons dans un délai d'un mois. Tu peux faire une réclamation au Garante della privacy (l'autorité italienne de protection des données).
    Écris à : ✉️ { $email }

## Frequent questions

faq-project =
    PROXIMITY.CR aide les personnes qui cherchent du travail à se former et à travailler de nouveau.
    C'est pour les personnes de 30 à 60 ans qui habitent dans une des 48 communes de la région de Crema.
    Le projet propose :
    • des rencontres pour comprendre ce que tu veux faire ;
    • le bilan de compétences (bilancio di competenze), c'est-à-dire comprendre ce que tu sais faire ;
    • un tuteur qui te suit ;
    • des cours pour apprendre un métier ;
    • des stages, c'est-à-dire une période de travail dans une entreprise pour apprendre.
    C'est gratuit.
faq-internship =
    Le stage (tirocinio) est une période dans une entreprise pour apprendre un travail.
    Un tuteur te suit du début à la fin.
    Combien de temps ? Ton projet le décide. En général jusqu'à 12 mois, parfois jusqu'à 24.
    Argent : ton projet dit si tu reçois une indemnité (indennità) chaque mois, et combien.
    Ce n'est pas un salaire et ce n'est pas un contrat de travail.
    Tu as l'assurance INAIL, si tu te blesses en travaillant.
faq-documents =
    Pour le premier rendez-vous, apporte, si tu les as :
    • une pièce d'identité ;
    • le code fiscal (codice fiscale) ou la carte de santé (tessera sanitaria) ;
    • l'ISEE, c'est-à-dire le papier sur les revenus de la famille ;
    • la DID, c'est-à-dire la déclaration de disponibilité pour travailler. Elle se fait au Centro per l'Impiego (l'agence publique pour l'emploi) ;
    • le titre de séjour (permesso di soggiorno), si tu viens d'un pays hors de l'Union européenne ;
    • ton CV, si tu en as un.
    S'il te manque quelque chose, viens quand même.
faq-contacts =
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }

## Errors and special cases

error-generic = Pardon, quelque chose n'a pas marché. Réessaie dans un moment, s'il te plaît.
busy-retry = Pardon, je mets du temps à répondre en ce moment. Réessaie dans une minute, s'il te plaît.
group-not-supported =
    Bonjour ! Je parle seulement en conversation privée.
    Ouvre la conversation avec moi et écris-moi là.

## Buttons

btn-menu = 🏠 Menu
btn-person = 🙋 Parler avec une personne
btn-eligibility = ✅ Puis-je participer ?
btn-appointments = 📅 Rendez-vous
btn-courses = 📚 Cours
btn-project = ℹ️ Le projet
btn-documents = 📄 Documents
btn-privacy = 🔒 Vie privée
btn-language = 🌍 Langue
btn-accept = ✅ J'accepte
btn-decline = ❌ Je n'accepte pas
btn-read-all = 📖 Tout lire
btn-changed-mind = 🔄 J'ai changé d'avis
btn-back = ⬅️ Retour

## Choices when I do not understand: one for each intent

intent-greet = Dire bonjour
intent-goodbye = Dire au revoir et partir
intent-thanks = Dire merci
intent-affirm = Oui
intent-deny = Non
intent-help = Que sais-tu faire ?
intent-check_eligibility = Puis-je participer ?
intent-inform = Te donner une information
intent-book_appointment = Prendre un rendez-vous
intent-cancel_appointment = Annuler un rendez-vous
intent-reschedule_appointment = Déplacer un rendez-vous
intent-my_appointments = Mes rendez-vous
intent-list_courses = Voir les cours
intent-enroll_course = M'inscrire à un cours
intent-withdraw_course = Quitter un cours
intent-ask_human = Parler avec une personne
intent-faq_internship = C'est quoi, le stage ?
intent-faq_project = C'est quoi, le projet ?
intent-faq_documents = Quels documents faut-il ?
intent-faq_contacts = Horaires et adresse
intent-privacy = Mes données et la vie privée
intent-delete_my_data = Effacer mes données
intent-change_language = Changer de langue
intent-bot_challenge = Tu es un robot ?
intent-distress = J'ai besoin d'aide urgente
intent-out_of_scope = Autre chose

## Commands (Telegram's command menu)

cmd-start = Commencer
cmd-help = Ce que je peux faire
cmd-requisiti = Puis-je participer ?
cmd-appuntamenti = Mes rendez-vous
cmd-corsi = Les cours
cmd-operatore = Parler avec une personne
cmd-privacy = Tes données
cmd-lingua = Changer de langue
cmd-annulla = Annuler et revenir au menu

## Can I join? (pre-check of the requirements)

pre-intro =
    Je vais te poser quelques questions courtes, 6 au maximum.
    Ce n'est pas une décision : un agent vérifie toujours.
    Tu peux t'arrêter quand tu veux avec /annulla.
pre-resume = Tu avais déjà commencé les questions. Tu veux continuer là où tu étais ?
pre-stopped = J'ai arrêté les questions. Que veux-tu faire ?
pre-again = Pardon, je n'ai pas compris la réponse.
pre-correct = D'accord, corrigeons.
pre-place-unsure = Je n'ai pas bien compris. Tu veux dire une de ces communes ?
pre-place-unknown = Je ne trouve pas cette commune. Essaie de l'écrire encore, s'il te plaît.
pre-edit = Quelle réponse veux-tu changer ?

q-age =
    Question { $number } sur { $total }.
    Quel âge as-tu ?
    Tu peux écrire ton âge, par exemple 45, ou ton année de naissance.
q-residence =
    Question { $number } sur { $total }.
    Dans quelle commune habites-tu ? Écris le nom de la ville ou du village.
q-work =
    Question { $number } sur { $total }.
    Est-ce que tu travailles maintenant ?
q-services =
    Question { $number } sur { $total }.
    Est-ce qu'un service te suit déjà ?
    Par exemple l'assistant social, un service de santé ou un éducateur.
q-permit =
    Question { $number } sur { $total }.
    As-tu la nationalité italienne ou celle d'un autre pays de l'Union européenne ?
q-did =
    Question { $number } sur { $total }.
    As-tu fait la DID ?
    C'est la déclaration de disponibilité pour travailler. Elle se fait au Centro per l'Impiego (l'agence publique pour l'emploi).

pre-result =
    { $outcome ->
        [likely_eligible] On dirait que tu peux participer ! Un agent va le confirmer.
        [to_check] Certaines choses sont à vérifier. Un agent va t'aider.
       *[not_eligible] D'après ce que tu me dis, le projet n'est pas pour toi. Voici pourquoi :
    }
pre-line-age =
    { $status ->
        [met] ✅ Âge : c'est bon.
        [not_met] { $reason ->
            [under] ❌ Âge : le projet est pour les personnes de 30 ans au moins.
           *[over] ❌ Âge : le projet est pour les personnes de 60 ans au plus.
        }
       *[to_check] { $reason ->
            [birthday] ❓ Âge : cela dépend du jour de ton anniversaire. Un agent va vérifier.
           *[other] ❓ Âge : je ne le sais pas. Un agent va vérifier.
        }
    }
pre-line-residence =
    { $status ->
        [met] ✅ Commune : { $place } est dans la région de Crema.
        [not_met] ❌ Commune : { $place } ne fait pas partie des 48 communes de la région de Crema.
       *[to_check] ❓ Commune : je ne sais pas. Un agent va vérifier.
    }
pre-line-work =
    { $status ->
        [met] ✅ Travail : tu ne travailles pas en ce moment.
        [not_met] ❌ Travail : le projet est pour les personnes qui ne travaillent pas en ce moment.
       *[to_check] { $reason ->
            [occasional] ❓ Travail : tu travailles de temps en temps. Un agent va vérifier.
            [training] ❓ Travail : tu suis un cours. Un agent va vérifier.
           *[other] ❓ Travail : je ne sais pas. Un agent va vérifier.
        }
    }
pre-line-services =
    { $status ->
        [met] ✅ Services : un service te suit déjà.
        [not_met] ❌ Services : le projet est pour les personnes suivies par un service.
       *[to_check] ❓ Services : tu en parleras avec un agent.
    }
pre-line-permit =
    { $status ->
        [met] ✅ Documents : c'est bon.
        [not_met] ❌ Documents : pour le stage, il faut un titre de séjour valable.
       *[to_check] ❓ Documents : pour le stage, il faut un titre de séjour valable. Tu en parleras avec un agent.
    }
pre-did-info =
    💡 La DID est utile. Tu peux la faire gratuitement au Centro per l'Impiego (l'agence publique pour l'emploi) ou sur internet. Un agent peut t'aider.
pre-elsewhere =
    Tu peux demander de l'aide aux services sociaux de ta commune ou au Centro per l'Impiego (l'agence publique pour l'emploi).
    Si tu veux, parle avec une personne du projet.

btn-continue = ▶️ Continuer
btn-restart = 🔄 Recommencer
btn-prefer-not = 🤐 Je ne sais pas / je ne veux pas dire
btn-place = 📍 { $name }
btn-none-of-these = ✏️ Aucune de celles-ci
btn-book-orientation = 📅 Prendre rendez-vous
btn-correct = ✏️ Corriger une réponse

ans-age-under = Moins de 30 ans
ans-age-in = De 30 à 60 ans
ans-age-over = Plus de 60 ans
ans-residence-crema = 📍 Crema
ans-work-not-working = Non, je ne travaille pas
ans-work-working = Oui, je travaille
ans-work-occasional = Je travaille de temps en temps
ans-work-training = Je suis en formation
ans-services-yes = Oui
ans-services-no = Non
ans-permit-eu-citizen = Oui
ans-permit-valid-permit = Non, j'ai un titre de séjour
ans-permit-no-permit = Non, et je n'ai pas de titre
ans-did-yes = Oui
ans-did-no = Non

edit-age = L'âge
edit-residence = La commune
edit-work = Le travail
edit-services = Les services
edit-permit = La nationalité
edit-did = La DID
