## Proximity: testi in italiano (lingua principale).
## Frasi brevi, parole comuni. Ogni termine tecnico ha una spiegazione.

## Benvenuto e consenso

welcome =
    Ciao! Sono l'assistente di PROXIMITY.CR. 👋
    Il progetto aiuta chi cerca lavoro a trovare corsi, tirocini e sostegno.

    Prima di iniziare, leggi come uso i tuoi dati:
    • Salvo solo quello che serve per aiutarti.
    • Lo vedono solo gli operatori del progetto.
    • Puoi vedere o cancellare i tuoi dati quando vuoi.

    Sei d'accordo?
consent-needed =
    Prima di aiutarti ho bisogno del tuo consenso.
    Salvo solo quello che serve. Lo vedono solo gli operatori del progetto.
    Sei d'accordo?
consent-renewed =
    Abbiamo cambiato le regole sulla privacy.
    Leggi le nuove regole, per favore. Sei d'accordo?
consent-notice = { consent-needed }
consent-thanks = Grazie! Ora possiamo iniziare.
consent-declined =
    Va bene, nessun problema.
    Senza il tuo consenso non posso aiutarti qui.
    Puoi parlare con una persona:
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }

## Menu

menu = Cosa vuoi fare? Scegli un pulsante o scrivimi.
welcome-back = Ciao di nuovo! Cosa vuoi fare?
help =
    Posso aiutarti a:
    • capire se puoi entrare nel progetto;
    • prendere un appuntamento;
    • trovare un corso;
    • parlare con una persona.
    Scegli un pulsante o scrivi con parole tue.
cancelled = Va bene, ho annullato. Cosa vuoi fare?
button-expired = Questo pulsante non vale più. Ecco il menu.
unknown-command = Non conosco questo comando. Ecco il menu.

## Risposte brevi

greet = Ciao! Come posso aiutarti?
goodbye = Ciao, a presto! Se ti serve, scrivimi quando vuoi.
thanks = Prego! Posso fare altro per te?
ack = Va bene. Cosa vuoi fare?
inform-noted = Grazie, ho capito. Cosa vuoi fare adesso?
bot-challenge =
    Sono un assistente automatico, non una persona.
    Una persona può aiutarti quando vuoi: premi «Parla con una persona».

## Quando non capisco

clarify = Non ho capito bene. Intendi una di queste cose?
still-not-understood =
    Scusa, non riesco a capire.
    Vuoi parlare con una persona? Oppure usa i pulsanti del menu.
nlu-down =
    In questo momento faccio fatica a leggere i messaggi.
    Usa i pulsanti qui sotto, per favore.
too-long =
    Il messaggio è molto lungo e non riesco a capirlo tutto.
    Scrivi in poche parole cosa ti serve, oppure usa i pulsanti.
non-text =
    { $kind ->
        [voice] Non posso ascoltare i messaggi vocali.
        [video_note] Non posso guardare i video.
        [video] Non posso guardare i video.
        [audio] Non posso ascoltare i file audio.
        [sticker] Grazie per l'adesivo! 🙂
        [photo] Non posso guardare le foto.
        [document] Non posso aprire i file.
        [location] Non uso la tua posizione.
        [contact] Non uso i contatti.
       *[other] Posso leggere solo i messaggi scritti.
    }
    Scrivimi cosa ti serve, oppure usa i pulsanti.
edited =
    Hai cambiato un messaggio. Non leggo i messaggi cambiati.
    Scrivimi di nuovo, per favore.

## Persona e numeri di emergenza

person-contacts =
    Puoi parlare con una persona dell'ufficio:
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }
distress-numbers =
    Mi dispiace molto. Siamo qui con te.
    Se sei in pericolo, chiama subito il 112.
    📞 112: emergenze, sempre attivo.
    📞 1522: aiuto contro la violenza. È gratis, 24 ore su 24, anche in altre lingue.
    📞 02 2327 2327: Telefono Amico, per parlare con qualcuno.
distress-person =
    Se ti servono cibo o una casa, chiama i servizi sociali del tuo Comune.
    Puoi anche chiamare noi:
    📞 { $phone }
    🕘 { $hours }

## Privacy

privacy-short =
    I tuoi dati:
    • Salvo il tuo nome su Telegram e le tue risposte.
    • Li uso solo per aiutarti nel progetto.
    • Li vedono solo gli operatori del progetto.
    • Puoi vedere o cancellare i tuoi dati quando vuoi.
    Per chiedere: ✉️ { $email }
privacy-full =
    Chi tratta i dati: Comunità Sociale Cremasca, per il progetto PROXIMITY.CR.
    Perché: per darti informazioni e appuntamenti, e per seguirti nel progetto.
    La base è il tuo consenso. Ci sono anche i compiti dei servizi sociali.
    Cosa salvo: il tuo nome su Telegram, la lingua e le risposte che mi dai.
    Per quanto tempo: i messaggi al massimo 90 giorni. Il resto al massimo 2 anni dopo l'ultimo contatto.
    Chi li vede: solo gli operatori del progetto.
    Telegram: i messaggi passano da Telegram, che non li cifra da un capo all'altro.
    I tuoi diritti: puoi vedere, correggere e cancellare i tuoi dati. Puoi anche dire di no.
    Rispondiamo entro un mese. Puoi fare reclamo al Garante della privacy.
    Scrivi a: ✉️ { $email }

## Domande frequenti

faq-project =
    PROXIMITY.CR aiuta chi cerca lavoro a tornare a formarsi e lavorare.
    È per chi ha tra 30 e 60 anni e abita in uno dei 48 Comuni del Cremasco.
    Il progetto offre:
    • incontri per capire cosa vuoi fare;
    • il bilancio di competenze, cioè capire cosa sai fare;
    • un tutor che ti segue;
    • corsi per imparare un mestiere;
    • tirocini, cioè un periodo di lavoro in un'azienda per imparare.
    È gratis.
faq-internship =
    Il tirocinio è un periodo in un'azienda per imparare un lavoro.
    Un tutor ti segue dall'inizio alla fine.
    Quanto dura? Lo decide il tuo progetto. Di solito fino a 12 mesi, a volte fino a 24.
    Soldi: il tuo progetto dice se ricevi un aiuto ogni mese, detto indennità, e quanto.
    Non è uno stipendio e non è un contratto di lavoro.
    Hai l'assicurazione INAIL, se ti fai male mentre lavori.
faq-documents =
    Per il primo incontro porta, se li hai:
    • un documento d'identità;
    • il codice fiscale o la tessera sanitaria;
    • l'ISEE, cioè il foglio sul reddito della famiglia;
    • la DID, cioè la dichiarazione di disponibilità a lavorare. Si fa al Centro per l'Impiego;
    • il permesso di soggiorno, se vieni da un Paese fuori dall'Unione Europea;
    • il tuo curriculum, se ce l'hai.
    Se non hai qualcosa, vieni lo stesso.
faq-contacts =
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }

## Errori e casi speciali

error-generic = Scusa, qualcosa non ha funzionato. Riprova tra poco, per favore.
busy-retry = Scusa, in questo momento ci metto un po' a rispondere. Riprova tra un minuto, per favore.
group-not-supported =
    Ciao! Parlo solo in chat privata.
    Apri la chat con me e scrivimi lì.

## Pulsanti

btn-menu = 🏠 Menu
btn-person = 🙋 Parla con una persona
btn-eligibility = ✅ Posso partecipare?
btn-appointments = 📅 Appuntamenti
btn-courses = 📚 Corsi
btn-project = ℹ️ Il progetto
btn-documents = 📄 Documenti
btn-privacy = 🔒 Privacy
btn-language = 🌍 Lingua
btn-accept = ✅ Accetto
btn-decline = ❌ Non accetto
btn-read-all = 📖 Leggi tutto
btn-changed-mind = 🔄 Ho cambiato idea
btn-back = ⬅️ Indietro

## Scelte quando non capisco: una per intento

intent-greet = Salutare
intent-goodbye = Salutare e uscire
intent-thanks = Ringraziare
intent-affirm = Sì
intent-deny = No
intent-help = Cosa sai fare?
intent-check_eligibility = Posso partecipare?
intent-inform = Darti un'informazione
intent-book_appointment = Prendere un appuntamento
intent-cancel_appointment = Annullare un appuntamento
intent-reschedule_appointment = Spostare un appuntamento
intent-my_appointments = I miei appuntamenti
intent-list_courses = Vedere i corsi
intent-enroll_course = Iscrivermi a un corso
intent-withdraw_course = Ritirarmi da un corso
intent-ask_human = Parlare con una persona
intent-faq_internship = Cos'è il tirocinio?
intent-faq_project = Cos'è il progetto?
intent-faq_documents = Quali documenti servono?
intent-faq_contacts = Orari e indirizzo
intent-privacy = I miei dati e la privacy
intent-delete_my_data = Cancellare i miei dati
intent-change_language = Cambiare lingua
intent-bot_challenge = Sei un robot?
intent-distress = Ho bisogno di aiuto urgente
intent-out_of_scope = Altro

## Comandi (menu dei comandi di Telegram)

cmd-start = Inizia
cmd-help = Cosa posso fare
cmd-requisiti = Posso partecipare?
cmd-appuntamenti = I miei appuntamenti
cmd-corsi = I corsi
cmd-operatore = Parla con una persona
cmd-privacy = I tuoi dati
cmd-lingua = Cambia lingua
cmd-annulla = Annulla e torna al menu

## Posso partecipare? (pre-verifica dei requisiti)

pre-intro =
    Ti faccio alcune domande brevi, al massimo 6.
    Non è una decisione: un operatore controlla sempre.
    Puoi fermarti quando vuoi con /annulla.
pre-resume = Avevi già iniziato le domande. Vuoi continuare da dove eri?
pre-stopped = Ho fermato le domande. Cosa vuoi fare?
pre-again = Scusa, non ho capito la risposta.
pre-correct = Va bene, correggiamo.
pre-place-unsure = Non ho capito bene. Intendi uno di questi Comuni?
pre-place-unknown = Non trovo questo Comune. Prova a scriverlo di nuovo, per favore.
pre-edit = Quale risposta vuoi cambiare?

q-age =
    Domanda { $number } di { $total }.
    Quanti anni hai?
    Puoi scrivere l'età, per esempio 45, o l'anno di nascita.
q-residence =
    Domanda { $number } di { $total }.
    In quale Comune abiti? Scrivi il nome del paese.
q-work =
    Domanda { $number } di { $total }.
    Adesso lavori?
q-services =
    Domanda { $number } di { $total }.
    Ti segue già un servizio?
    Per esempio l'assistente sociale, un servizio per la salute o un educatore.
q-permit =
    Domanda { $number } di { $total }.
    Hai la cittadinanza italiana o di un altro Paese dell'Unione Europea?
q-did =
    Domanda { $number } di { $total }.
    Hai fatto la DID?
    È la dichiarazione di disponibilità a lavorare. Si fa al Centro per l'Impiego.

pre-result =
    { $outcome ->
        [likely_eligible] Sembra che tu possa partecipare! Un operatore lo confermerà.
        [to_check] Alcune cose sono da verificare. Un operatore ti aiuterà.
       *[not_eligible] Da quello che mi dici, il progetto non è per te. Ecco perché:
    }
pre-line-age =
    { $status ->
        [met] ✅ Età: va bene.
        [not_met] { $reason ->
            [under] ❌ Età: il progetto è per chi ha almeno 30 anni.
           *[over] ❌ Età: il progetto è per chi ha al massimo 60 anni.
        }
       *[to_check] { $reason ->
            [birthday] ❓ Età: dipende dal giorno del tuo compleanno. Lo controlla un operatore.
           *[other] ❓ Età: non la so. Lo controlla un operatore.
        }
    }
pre-line-residence =
    { $status ->
        [met] ✅ Comune: { $place } è nel Cremasco.
        [not_met] ❌ Comune: { $place } non è tra i 48 Comuni del Cremasco.
       *[to_check] ❓ Comune: non lo so. Lo controlla un operatore.
    }
pre-line-work =
    { $status ->
        [met] ✅ Lavoro: adesso non lavori.
        [not_met] ❌ Lavoro: il progetto è per chi adesso non lavora.
       *[to_check] { $reason ->
            [occasional] ❓ Lavoro: lavori ogni tanto. Lo controlla un operatore.
            [training] ❓ Lavoro: stai facendo un corso. Lo controlla un operatore.
           *[other] ❓ Lavoro: non lo so. Lo controlla un operatore.
        }
    }
pre-line-services =
    { $status ->
        [met] ✅ Servizi: ti segue già un servizio.
        [not_met] ❌ Servizi: il progetto è per persone seguite da un servizio.
       *[to_check] ❓ Servizi: ne parlerai con un operatore.
    }
pre-line-permit =
    { $status ->
        [met] ✅ Documenti: va bene.
        [not_met] ❌ Documenti: per il tirocinio serve un permesso di soggiorno valido.
       *[to_check] ❓ Documenti: per il tirocinio serve un permesso di soggiorno valido. Ne parlerai con un operatore.
    }
pre-did-info =
    💡 La DID è utile. Puoi farla gratis al Centro per l'Impiego o su internet. Un operatore può aiutarti.
pre-elsewhere =
    Puoi chiedere aiuto ai servizi sociali del tuo Comune o al Centro per l'Impiego.
    Se vuoi, parla con una persona del progetto.

btn-continue = ▶️ Continua
btn-restart = 🔄 Ricomincia
btn-prefer-not = 🤐 Non so / preferisco non dirlo
btn-place = 📍 { $name }
btn-none-of-these = ✏️ Nessuno di questi
btn-book-orientation = 📅 Prenota un colloquio
btn-correct = ✏️ Correggi una risposta

ans-age-under = Meno di 30 anni
ans-age-in = Da 30 a 60 anni
ans-age-over = Più di 60 anni
ans-residence-crema = 📍 Crema
ans-work-not-working = No, non lavoro
ans-work-working = Sì, lavoro
ans-work-occasional = Lavoro ogni tanto
ans-work-training = Sto facendo un corso
ans-services-yes = Sì
ans-services-no = No
ans-permit-eu-citizen = Sì
ans-permit-valid-permit = No, ho il permesso di soggiorno
ans-permit-no-permit = No, e non ho il permesso
ans-did-yes = Sì
ans-did-no = No

edit-age = L'età
edit-residence = Il Comune
edit-work = Il lavoro
edit-services = I servizi
edit-permit = La cittadinanza
edit-did = La DID
