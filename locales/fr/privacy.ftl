## Language

lang-choose = Dans quelle langue veux-tu parler ?
lang-changed = D'accord, à partir de maintenant je parle français.
lang-name-it = 🇮🇹 Italiano
lang-name-en = 🇬🇧 English
lang-name-ro = 🇷🇴 Română
lang-name-ar = 🇸🇦 العربية
lang-name-fr = 🇫🇷 Français
lang-name-es = 🇪🇸 Español

## My data

data-menu =
    Tu peux voir les données que j'ai sur toi, ou les effacer.
    Tu peux aussi lire toutes les règles sur la vie privée.
export-ready =
    Voici tes données dans deux fichiers.
    Le fichier .html s'ouvre avec le téléphone. Le fichier .json sert aux ordinateurs.
export-caption = Tes données gardées par Proximity
erase-confirm =
    Veux-tu effacer toutes tes données ?
    • J'efface tes réponses et tes messages.
    • Je ne pourrai plus me rappeler où tu en étais.
    • Si tu veux revenir, tu devras tout recommencer.
    On ne peut pas revenir en arrière.
erase-done =
    C'est fait. J'ai effacé toutes tes données.
    Si tu veux, tu peux m'écrire de nouveau quand tu veux.
erase-kept = D'accord, je n'ai rien effacé.

btn-my-data = 📦 Mes données
btn-erase = 🗑 Effacer mes données
btn-erase-yes = 🗑 Oui, tout effacer
btn-erase-no = ↩️ Non, revenir
btn-start-again = 👋 Recommencer

## More commands

cmd-imieidati = Voir tes données
cmd-cancellami = Effacer tes données

## The document with your data

export-title = Tes données dans Proximity
export-intro = Voici toutes les données que Proximity a sur toi, le { $date }.
export-profile = Profil
export-consents = Accord sur la vie privée
export-prescreenings = Vérification des conditions
export-conversation = Où en est la conversation
export-none = Aucune donnée.
export-field-telegram-id = Numéro Telegram
export-field-name = Nom
export-field-language = Langue
export-field-created = Premier contact
export-field-last-seen = Dernier contact
export-field-unreachable = Injoignable depuis le
export-field-version = Version des règles
export-field-accepted = Accepté
export-field-date = Date
export-field-outcome = Résultat
export-field-answers = Réponses
export-care = Votre parcours avec les services
export-field-care-start = Avec les services depuis le
export-field-care-services = Services
export-field-care-details = Données pour le financeur
export-field-care-steps = Parcours
export-field-care-exit = Fin du parcours
export-field-care-changes = Modifications
export-rights = Pour des questions ou pour corriger tes données, écris à { $email }.
