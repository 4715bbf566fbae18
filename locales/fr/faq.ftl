## Questions fréquentes : aides, permis de conduire, documents, après l'entretien ; où aller ailleurs.
## Les montants changent avec la loi : aucune réponse ne promet d'argent, et il y a toujours une personne.

faq-income-support =
    Tu reçois l'Assegno di Inclusione (ADI) ou le Supporto per la Formazione e il Lavoro (SFL) ?
    En général, tu peux aussi participer au projet. Il peut faire partie de l'accord (patto) que tu as signé.
    Un stage peut-il changer l'argent que tu reçois ? Cela dépend de ta situation.
    Un agent le vérifie avant que tu commences.
    Les règles changent souvent. Alors demande toujours à une personne.
faq-driving-licence =
    Non, le permis de conduire n'est pas nécessaire pour le projet.
    Ce n'est pas grave si tu n'as pas de voiture.
    Comment aller au stage, cela se décide dans ton projet.
    Les agents pensent aussi aux trains et aux bus de la région de Crema.
faq-expired-documents =
    Un document a expiré, ou il te manque quelque chose ? Viens quand même.
    Apporte ce que tu as. L'agent te dit ce qui manque.
    Ton titre de séjour (permesso di soggiorno) est en renouvellement ? Apporte le reçu, si tu l'as.
    Où renouveler les documents :
    • la carte d'identité (carta d'identità) : à l'état civil (anagrafe) de ta commune ;
    • la carte de santé (tessera sanitaria) : à l'Agenzia delle Entrate (les impôts) ;
    • l'ISEE : gratuitement dans un CAF (centre d'aide fiscale).
faq-after-interview =
    Après l'entretien, l'agent et les services décident ensemble si tu peux entrer dans le projet.
    Si tu entres, vous choisissez ensemble un parcours. Il peut avoir :
    • le bilan de compétences (bilancio di competenze) : savoir ce que tu sais faire ;
    • un tuteur qui te suit ;
    • un cours ;
    • un stage dans une entreprise.
    L'ordre dépend de toi et de ce dont tu as besoin.

## Où demander de l'aide ailleurs (pas de numéros inventés : les contacts sont ceux du bureau)

elsewhere =
    Voici où tu peux demander de l'aide :
    • le Centro per l'Impiego di Crema (l'agence publique pour l'emploi), pour chercher du travail et faire la DID ;
    • les services sociaux de ta commune : demande à la mairie ;
    • un CAF (centre d'aide fiscale), pour faire l'ISEE gratuitement.
    Tu ne sais pas où aller ? Appelle-nous : 📞 { $phone }
    Ou parle avec une personne du projet.
btn-elsewhere = 🗺️ Où puis-je aller ?

## Quand je ne sais pas répondre, ou quand les données manquent

dont-know =
    Je ne sais pas, mais un agent le sait. 🙋
    Appuie sur « Parler avec une personne » et pose ta question.
    Je peux répondre sur le projet, les cours et les rendez-vous.
unavailable =
    { $feature ->
        [eligibility] En ce moment, je ne peux pas te poser les questions sur les conditions.
        [appointments] En ce moment, je ne trouve pas les horaires des rendez-vous.
        [courses] En ce moment, je ne trouve pas la liste des cours.
       *[other] En ce moment, je ne trouve pas ces informations.
    }
    Appelle le bureau : 📞 { $phone }
    Ou parle avec une personne.

## Choix quand je ne comprends pas

intent-faq_income_support = ADI, SFL et autres aides
intent-faq_driving_licence = Faut-il le permis de conduire ?
intent-faq_expired_documents = Mon document a expiré
intent-faq_after_interview = Que se passe-t-il après l'entretien ?
