## Texts for the operators (the operators' group works in Italian). Translated so that every
## catalogue has every key; op-signature and op-caption reach the person.

op-card =
    { $urgent ->
        [yes] 🆘 URGENT
       *[no] 🙋 Demande de contact
    }
    Nom : { $name }
    Langue : { $language }
    Motif : { $reason ->
        [distress] situation d'urgence (a reçu les numéros d'urgence)
        [operator] un agent a écrit en premier
        [misunderstood] le bot n'a pas compris deux fois
        [appointment] demande un rendez-vous fixé par un agent
       *[asked] a demandé une personne
    }
    Conditions : { $prescreening }
    Rendez-vous et cours : { $bookings }
    Derniers messages :
    { $recent }
op-card-claimed = ✋ { $operator } la prend.
op-card-closed = ✅ Fermée par { $operator }.
op-claimed-by-other = La demande est déjà à { $operator }.
op-not-operator = Cette fonction est seulement pour les agents du projet.
op-reannounce = ⏰ Cette demande attend encore un agent.
op-edited = ✏️ Message modifié : { $text }
op-no-handoff = Il n'y a pas de conversation ouverte dans ce sujet.
op-scrivi-usage = Écris /scrivi suivi du numéro de la personne, par exemple /scrivi 12345.
op-scrivi-unknown = Je ne trouve pas cette personne, ou elle n'a pas donné son accord.
op-opened = Conversation ouverte. Écris ici : la personne recevra tes messages.
op-closed-by-beneficiary = La personne est revenue au menu. Conversation fermée.
op-signature = 👤 { $operator }: { $text }
op-caption = — 👤 { $operator }
op-none = aucun
op-prescreening = { $outcome ->
        [likely_eligible] semble que oui
        [to_check] à vérifier
        [not_eligible] semble que non
       *[other] pas faite
    } { $date }
op-erased = La personne a effacé ses données. Cette conversation est fermée.
btn-claim = ✋ Je la prends
btn-close = ✅ Fermer
op-details =
    📋 Réponses à la vérification des conditions :
    { $answers }
btn-details = 📋 Plus de détails

op-cases =
    Demandes ouvertes : { $count }
    { $lines }
op-case-line = { $urgent ->
        [yes] 🆘
       *[no] •
    } { $name } (id { $id }): { $status ->
        [claimed] suivie par { $operator }
       *[open] en attente
    }, depuis { $minutes } minutes

## Rendez-vous : avis dans le groupe des opérateurs et question sur la présence.
op-ap-someone = personne sans nom
op-ap-booked = 📅 Réservé : { $name } (id { $id }), { $kind }, { $when }, { $place }, avec { $operator }.
op-ap-moved = 🔁 Déplacé : { $name } (id { $id }), { $kind }, maintenant { $when }, { $place }, avec { $operator }.
op-ap-cancelled = ❌ Annulé : { $name } (id { $id }), { $kind }, { $when }, { $place }, avec { $operator }.
op-ap-unreachable = ⚠️ Rappel non remis, le bot est bloqué : { $name } (id { $id }), { $kind }, { $when }, { $place }, avec { $operator }.
op-ap-unconfirmed = ❓ Pas de confirmation au dernier rappel : { $name } (id { $id }), { $kind }, { $when }, { $place }, avec { $operator }.
op-att-question = 👥 { $name } (id { $id }) est-il ou elle venu au rendez-vous du { $when } ? { $kind }, { $place }, avec { $operator }.
op-att-marked = { $status ->
        [attended] ✅ Présent
       *[no_show] ❌ Absent
    } (noté par { $operator })
op-att-already = La présence a déjà été notée par { $operator }.
op-att-too-early = Le rendez-vous n'a pas encore commencé.
op-att-gone = Ce rendez-vous n'existe plus : annulé, ou la personne a effacé ses données.
btn-att-present = ✅ Présent
btn-att-absent = ❌ Absent

## Cours : avis dans le groupe des agents.
op-co-enrolled = 🎓 Inscrit : { $name } (id { $id }), cours «{ $course }». Places prises : { $taken } sur { $seats }.
op-co-waiting = ⏳ En liste d'attente : { $name } (id { $id }), cours «{ $course }».
op-co-withdrawn = 🚪 Retiré : { $name } (id { $id }), cours «{ $course }». La place va au premier de la liste, s'il y en a un.
op-co-accepted = ✅ A accepté la place libérée : { $name } (id { $id }), cours «{ $course }».
op-card-released = ↩️ { $operator } l'a laissée : elle attend un opérateur.
op-web-reply = 💻 { $operator } : { $text }
op-web-note = 📝 Note de { $operator }, la personne ne la voit pas : { $text }
