## Domande frequenti: sussidi, patente, documenti, dopo il colloquio; dove altro andare.
## Le cifre cambiano con le leggi: nessuna risposta promette soldi, e c'è sempre una persona.

faq-income-support =
    Ricevi l'Assegno di Inclusione (ADI) o il Supporto per la Formazione e il Lavoro (SFL)?
    Di solito puoi fare anche il progetto. Può essere parte del patto che hai firmato.
    Un tirocinio può cambiare i soldi che ricevi? Dipende dal tuo caso.
    Lo controlla un operatore, prima di iniziare.
    Le regole cambiano spesso. Per questo chiedi sempre a una persona.
faq-driving-licence =
    No, la patente non serve per fare il progetto.
    Va bene anche se non hai l'auto.
    Come arrivare al tirocinio si decide nel tuo progetto.
    Gli operatori pensano anche ai treni e ai bus del Cremasco.
faq-expired-documents =
    Hai un documento scaduto, o ti manca qualcosa? Vieni lo stesso.
    Porta quello che hai. L'operatore ti dice cosa manca.
    Il permesso di soggiorno è in rinnovo? Porta la ricevuta, se ce l'hai.
    Dove rinnovare i documenti:
    • la carta d'identità: all'anagrafe del tuo Comune;
    • la tessera sanitaria: all'Agenzia delle Entrate;
    • l'ISEE: lo fai gratis in un CAF.
faq-after-interview =
    Dopo il colloquio, l'operatore e i servizi decidono insieme se puoi entrare nel progetto.
    Se entri, scegliete insieme un percorso. Può avere:
    • il bilancio di competenze, cioè capire cosa sai fare;
    • un tutor che ti segue;
    • un corso;
    • un tirocinio in un'azienda.
    L'ordine dipende da te e da quello che ti serve.

## Dove altro chiedere aiuto (niente numeri inventati: i contatti sono quelli dell'ufficio)

elsewhere =
    Ecco dove puoi chiedere aiuto:
    • il Centro per l'Impiego di Crema, per cercare lavoro e per fare la DID;
    • i servizi sociali del tuo Comune: chiedi in Comune;
    • un CAF, per fare l'ISEE gratis.
    Non sai dove andare? Chiama noi: 📞 { $phone }
    Oppure parla con una persona del progetto.
btn-elsewhere = 🗺️ Dove posso andare?

## Quando non so rispondere, o mancano i dati

dont-know =
    Non lo so, ma un operatore sì. 🙋
    Premi «Parla con una persona» e fai la tua domanda.
    Io so rispondere su progetto, corsi e appuntamenti.
unavailable =
    { $feature ->
        [eligibility] Adesso non riesco a farti le domande sui requisiti.
        [appointments] Adesso non trovo gli orari degli appuntamenti.
        [courses] Adesso non trovo l'elenco dei corsi.
       *[other] Adesso non trovo queste informazioni.
    }
    Chiama l'ufficio: 📞 { $phone }
    Oppure parla con una persona.

## Scelte quando non capisco

intent-faq_income_support = ADI, SFL e altri aiuti
intent-faq_driving_licence = Serve la patente?
intent-faq_expired_documents = Ho un documento scaduto
intent-faq_after_interview = Cosa succede dopo il colloquio?
