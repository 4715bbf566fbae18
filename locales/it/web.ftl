## La console web degli operatori (solo in italiano: gli operatori leggono l'italiano).
## Le altre lingue usano questi testi italiani (tests/unit/test_catalogue.py, ITALIAN_ONLY_FILES).

web-title = Proximity, console operatori
web-skip = Vai al contenuto
web-role =
    { $role ->
        [admin] Amministrazione
        [coordinator] Coordinamento
       *[operator] Sportello
    }
web-signed-in = Hai fatto l'accesso come
web-role-label = Ruolo
web-nav-label = Sezioni
web-logout = Esci
web-logout-everywhere = Esci da tutti i dispositivi
web-logout-everywhere-hint = Chiude la sessione su tutti i computer, tablet e telefoni, anche su questo.
web-error-summary = C'è un problema

## Accesso

web-login-heading = Accedi alla console
web-login-name = Nome utente
web-login-password = Password
web-login-code = Codice dell'app di autenticazione
web-login-code-hint = Sono 6 cifre. Se non usi l'app, lascia vuoto.
web-login-submit = Accedi
web-login-failed = Accesso non riuscito. Controlla nome, password e codice. Dopo 5 tentativi sbagliati l'accesso resta bloccato per 15 minuti.
web-login-expired = La sessione è scaduta. Accedi di nuovo.
web-login-ready = Il tuo account è pronto. Ora puoi accedere.
web-login-bye = Hai chiuso la sessione.

## Preparazione dell'account (link che si usa una volta)

web-setup-heading = Prepara il tuo account
web-setup-intro = Nome utente: { $name }. Ruolo: { $role }. Questo link vale una volta sola.
web-setup-password = Nuova password
web-setup-password-hint =
    { $totp ->
        [required] Almeno 12 caratteri. Va bene una frase di più parole.
       *[optional] Almeno 12 caratteri se usi l'app, 15 se non la usi. Va bene una frase di più parole.
    }
web-setup-repeated = Scrivi di nuovo la password
web-setup-totp-heading = Secondo controllo con l'app
web-setup-totp-required = Per il tuo ruolo serve un'app sul telefono che dà un codice. Per esempio Aegis, FreeOTP o Google Authenticator.
web-setup-totp-optional = Ti consigliamo un'app sul telefono che dà un codice. Per esempio Aegis, FreeOTP o Google Authenticator. Se non la vuoi, lascia vuoto il codice.
web-setup-totp-scan = Apri l'app e inquadra questo codice QR. Se non puoi, scrivi nell'app questa chiave:
web-setup-totp-uri = Indirizzo per l'app
web-setup-code = Codice di 6 cifre che vedi nell'app
web-setup-code-optional = Codice di 6 cifre che vedi nell'app (se la usi)
web-setup-submit = Salva e vai all'accesso
web-setup-error-short = La password deve avere almeno { $min } caratteri.
web-setup-error-long = La password può avere al massimo { $max } caratteri.
web-setup-error-common = Questa password è facile da indovinare. Scegline un'altra.
web-setup-error-different = Le due password non sono uguali.
web-setup-error-code = Il codice non è giusto. Scrivi il codice che l'app mostra adesso.
web-setup-error-code-missing = Scrivi il codice di 6 cifre che vedi nell'app.
web-setup-invalid-heading = Il link non vale più
web-setup-invalid = Il link è scaduto o è già stato usato. Chiedi un nuovo link a chi gestisce gli account.

## Pagine iniziali

web-dashboard-welcome = Ciao, { $name }.
web-dashboard-soon =
    { $level ->
        [admin] Qui troverai gli account e il registro delle attività.
        [coordinator] Qui troverai l'agenda, i corsi, le risposte pronte, i report e le cancellazioni.
       *[operator] Qui troverai le persone in attesa e i loro casi.
    }
web-account-heading = Il tuo account

## Errori

web-error-heading =
    { $status ->
        [403] Non puoi aprire questa pagina
        [404] Pagina non trovata
        [413] Il file è troppo grande
        [503] Riprova tra qualche secondo
       *[other] Qualcosa non ha funzionato
    }
web-error-body =
    { $status ->
        [403] Questa pagina non è per il tuo ruolo, oppure il modulo era vecchio. Torna indietro e riprova.
        [404] L'indirizzo non esiste. Controlla il link.
        [413] Un allegato può essere al massimo di 10 MB. Torna indietro e scegli un file più piccolo.
        [503] Il database è occupato in questo momento. Non è stato salvato niente. Torna indietro con il pulsante del browser e invia di nuovo tra qualche secondo.
       *[other] Riprova tra poco. Se succede ancora, avvisa chi gestisce la console.
    }
web-error-home = Torna alla pagina iniziale

## Persone: ricerca, scheda, esportazione e cancellazione (web/person_pages.py)

web-nav-people = Persone
web-people-heading = Cerca una persona
web-people-text = Nome o numero Telegram
web-people-text-hint = Basta una parte del nome. Il numero Telegram va scritto intero.
web-people-comune = Comune
web-people-comune-hint = Il comune dell'ultimo questionario.
web-people-submit = Cerca
web-people-error-short = Scrivi almeno 2 lettere del nome.
web-people-error-id = Il numero Telegram ha al massimo 15 cifre.
web-people-none = Nessuna persona trovata. Prova con meno lettere o con un altro comune.
web-people-results = { $count ->
        [one] 1 persona in questa pagina
       *[other] { $count } persone in questa pagina
    }
web-people-col-name = Nome
web-people-col-id = Numero Telegram
web-people-col-language = Lingua
web-people-col-seen = Ultima attività
web-people-no-name = Senza profilo
web-people-previous = Pagina precedente
web-people-next = Pagina successiva
web-people-erased = I dati della persona sono stati cancellati.
web-person-heading = { $name }
web-person-no-profile = Persona senza profilo (numero { $id })
web-person-back = Torna alla ricerca
web-person-profile = Profilo
web-person-id = Numero Telegram
web-person-language = Lingua
web-person-created = Profilo creato il
web-person-seen = Ultima attività
web-person-unreachable = Non raggiungibile dal
web-person-in-charge = In carico ai servizi dal
web-person-none = Nessuno
web-person-no-profile-hint = Non ha detto sì all'informativa. Teniamo solo il numero, la chat e le richieste di aiuto.
web-person-consents = Consensi all'informativa
web-person-consent-version = Versione
web-person-consent-answer = Risposta
web-person-consent-accepted = { $accepted ->
        [yes] Accettata
       *[no] Non accettata
    }
web-person-when = Quando
web-person-screenings = Questionario sui requisiti
web-person-outcome = Esito
web-person-outcome-value = { $outcome ->
        [likely_eligible] Ha probabilmente i requisiti
        [not_eligible] Non ha i requisiti
        [to_check] Da verificare
       *[other] { $outcome }
    }
web-person-rules = Regole
web-person-answers = Risposte
web-person-answers-hint = Le risposte sono dati delicati. Guardale solo se servono: il registro scrive chi le ha viste.
web-person-answers-show = Mostra le risposte
web-person-answers-shown = Risposte mostrate. La visione è scritta nel registro.
web-person-answer-question = Domanda
web-person-answer-value = Risposta
web-person-appointments = Appuntamenti
web-person-type = Tipo
web-person-place = Luogo
web-person-status = Stato
web-person-status-value = { $status ->
        [booked] Prenotato
        [attended] Presente
        [no_show] Assente
        [cancelled] Annullato
        [enrolled] Iscritta o iscritto
        [waiting] In lista d'attesa
        [offered] Posto offerto
        [withdrawn] Ritirata o ritirato
        [course_off] Corso annullato
        [declined] Posto rifiutato
        [expired] Offerta scaduta
        [open] Aperta
        [claimed] Presa in carico
        [closed] Chiusa
       *[other] { $status }
    }
web-person-courses = Corsi
web-person-course = Corso
web-person-position = Posto in lista
web-person-first-lesson = Prima lezione
web-person-handoffs = Richieste di parlare con una persona
web-person-reason = Motivo
web-person-reason-value = { $reason ->
        [distress] Emergenza
        [operator] Ha scritto un operatore
        [misunderstood] Il bot non ha capito
        [appointment] Appuntamento da fissare
        [asked] Ha chiesto una persona
       *[other] { $reason }
    }
web-person-urgent = Urgente
web-person-claimed-by = Presa da
web-person-closed = Chiusa il
web-person-nothing = Niente.
web-person-actions = Richieste sui dati
web-person-actions-hint = Se la persona chiede allo sportello i suoi dati o di cancellarli.
web-person-actions-coordinator = Solo il coordinamento può scaricare o cancellare i dati.
web-person-export-html = Scarica i dati (pagina da leggere)
web-person-export-json = Scarica i dati (file JSON)
web-person-erase = Cancella i dati della persona
web-person-missing-heading = Persona non trovata
web-person-missing = Non teniamo dati con questo numero. La persona non ha mai scritto, oppure i suoi dati sono stati cancellati.
web-erase-heading = Cancellare i dati di questa persona?
web-erase-intro = Togliamo tutti i suoi dati. È come se la persona scrive /cancellami. Togliamo:
web-erase-what-profile = profilo, consensi e risposte al questionario;
web-erase-what-appointments = appuntamenti: i posti tornano liberi e i promemoria non partono;
web-erase-what-courses = posti nei corsi: passano alla prima persona in lista d'attesa;
web-erase-what-handoffs = richieste, messaggi inoltrati e conversazione con il bot.
web-erase-cannot-undo = Non si può annullare. Restano solo conteggi anonimi e una riga nel registro senza il nome.
web-erase-export-first = Se la persona vuole una copia dei suoi dati, scaricala prima.
web-erase-continue = Ho capito, continua
web-erase-cancel = Annulla e torna alla scheda
web-erase-confirm-heading = Conferma la cancellazione
web-erase-confirm-field = Per confermare, scrivi il numero Telegram { $id }
web-erase-confirm-hint = Serve a non cancellare la persona sbagliata.
web-erase-confirm-error = Il numero non è uguale. Scrivi { $id }.
web-erase-confirm-submit = Cancella tutti i dati

## Registro delle attività (web/audit_pages.py)

web-nav-audit = Registro
web-audit-heading = Registro delle attività
web-audit-intro = Chi ha fatto cosa, e sui dati di chi. Le righe più nuove sono in alto.
web-audit-filters = Filtri
web-audit-actor = Chi
web-audit-actor-hint = Il nome dell'account. Oppure self: è la persona. Oppure retention: sono i dati vecchi tolti di notte.
web-audit-action = Azione
web-audit-action-any = Tutte le azioni
web-audit-person = Numero Telegram della persona
web-audit-since = Dal giorno
web-audit-until = Al giorno
web-audit-submit = Filtra
web-audit-csv = Scarica queste righe (CSV)
web-audit-error-actor = Nessun account con questo nome.
web-audit-error-person = Scrivi solo le cifre del numero Telegram.
web-audit-error-date = Scrivi la data come 31/12/2026.
web-audit-error-range = Il primo giorno viene dopo l'ultimo.
web-audit-none = Nessuna riga con questi filtri.
web-audit-col-when = Quando
web-audit-col-actor = Chi
web-audit-col-action = Azione
web-audit-col-person = Persona
web-audit-erased-person = Cancellata o nessuna
web-audit-action-value = { $action ->
        [web-person-viewed] Ha aperto la scheda
        [web-answers-viewed] Ha visto le risposte al questionario
        [web-erase-asked] Ha aperto la cancellazione
        [web-erase-confirming] Ha aperto la conferma della cancellazione
        [exported] Ha scaricato i dati
        [erased] Ha cancellato i dati
        [claimed] Ha preso la richiesta
        [closed] Ha chiuso la richiesta
        [released] Ha lasciato la richiesta ad altri
        [replied] Ha risposto alla persona
        [note] Ha scritto una nota interna
        [viewed_handoff] Ha aperto la conversazione
        [viewed_file] Ha aperto un allegato della conversazione
        [viewed_details] Ha visto i dettagli nel gruppo
        [taken_in_charge] Presa in carico
        [care-intake-changed] Ha cambiato i dati del percorso
        [care-step-added] Ha aggiunto un passo al percorso
        [care-step-changed] Ha cambiato un passo del percorso
        [care-exit-recorded] Ha scritto l'uscita dal percorso
        [care-followup-recorded] Ha scritto com'è andata sei mesi dopo l'uscita
        [web-care-followup-viewed] Ha aperto com'è andata sei mesi dopo l'uscita
        [web-care-special-viewed] Ha visto i dati particolari
        [web-care-form-viewed] Ha aperto i dati del percorso
        [course_people_viewed] Ha aperto le persone di un corso
        [course_export] Ha scaricato l'elenco di un corso
        [course_person_withdrawn] Ha tolto la persona da un corso
        [lesson_register_viewed] Ha aperto il registro di una lezione
        [lesson_marked] Ha segnato la presenza a una lezione
        [lesson_mark_changed] Ha cambiato la presenza a una lezione
        [web-agenda-booking-viewed] Ha visto chi ha prenotato un orario
        [web-agenda-today-viewed] Ha visto gli appuntamenti del giorno
        [agenda-booked-for] Ha prenotato un appuntamento per la persona
        [agenda-moved-for] Ha spostato un appuntamento della persona
        [agenda-cancelled-for] Ha annullato un appuntamento della persona
        [attendance_attended] Ha segnato: presente
        [attendance_no_show] Ha segnato: assente
        [report-period-closed] Ha chiuso un periodo dei dati per il finanziatore
        [report-exported] Ha scaricato i dati per il finanziatore
        [report-pdf-made] Ha fatto il PDF per il finanziatore
        [web-login] Accesso
        [web-login-failed] Accesso non riuscito
        [web-logout] Uscita
        [web-logout-everywhere] Uscita da tutti i dispositivi
        [web-audit-exported] Ha scaricato il registro
        [web-account-created] Account creato
        [web-account-reset] Nuovo link per l'account
        [web-account-disabled] Account bloccato
        [web-account-enabled] Account sbloccato
        [web-setup-done] Account pronto
       *[other] { $action }
    }
web-audit-actor-self = la persona stessa
web-audit-actor-retention = cancellazione automatica

## Persone in attesa e conversazione (web/handoff_pages.py)

web-nav-inbox = Persone in attesa
web-inbox-heading = Persone in attesa
web-inbox-filters = Quali richieste
web-inbox-filter =
    { $filter ->
        [mine] Le mie
        [unclaimed] Da prendere
        [closed_today] Chiuse oggi
       *[open] Tutte aperte
    }
web-inbox-caption = Prima le urgenti, poi chi aspetta da più tempo.
web-inbox-col-person = Persona
web-inbox-col-language = Lingua
web-inbox-col-reason = Motivo
web-inbox-col-since = Aspetta da
web-inbox-col-closed = Chiusa alle
web-inbox-col-claimed = Chi la segue
web-inbox-urgent = Urgente
web-inbox-no-name = Senza nome (id { $id })
web-inbox-nobody = Nessuno
web-inbox-minutes = { $minutes } min
web-inbox-empty =
    { $filter ->
        [mine] Non segui nessuna richiesta.
        [unclaimed] Non ci sono richieste da prendere.
        [closed_today] Oggi nessuna richiesta è stata chiusa.
       *[open] Nessuno aspetta.
    }
web-inbox-live = La lista si aggiorna da sola.
web-reason =
    { $reason ->
        [distress] Emergenza
        [operator] Ha scritto per primo un operatore
        [misunderstood] Il bot non ha capito
        [appointment] Appuntamento da fissare
       *[asked] Vuole parlare con una persona
    }
web-language-name =
    { $code ->
        [it] italiano
        [en] inglese
        [ro] rumeno
        [ar] arabo
        [fr] francese
        [es] spagnolo
       *[other] { $code }
    }
web-handoff-back = Torna alle persone in attesa
web-handoff-status =
    { $status ->
        [claimed] La segue { $operator }.
        [closed] Richiesta chiusa.
       *[open] Aspetta un operatore.
    }
web-handoff-summary = Cosa ha chiesto
web-handoff-opened = Richiesta delle { $time }
web-handoff-recent = Ultimi messaggi scritti al bot
web-handoff-thread = Conversazione
web-handoff-empty-thread = Ancora nessun messaggio.
web-handoff-from =
    { $kind ->
        [in] Messaggio della persona
        [note] Nota di { $author }
       *[out] Risposta di { $author }
    }
web-handoff-not-text = (non è un testo, oppure il testo è stato tolto dopo il tempo previsto)
web-handoff-actions = Azioni
web-handoff-claim = Prendo io
web-handoff-release = Lascio ad altri
web-handoff-close = Chiudi: la persona torna al bot
web-handoff-reply = Risposta alla persona
web-handoff-reply-hint = Arriva su Telegram con la firma { $name }.
web-handoff-reply-send = Invia alla persona
web-handoff-note = Nota interna
web-handoff-note-hint = Solo per gli operatori. La persona non la vede mai.
web-handoff-note-save = Salva la nota
web-handoff-no-telegram = Il bot ora non è collegato a Telegram: da qui non puoi scrivere alla persona.
web-handoff-attachment = Allegato (se serve)
web-handoff-attachment-hint = Una foto, un PDF o un documento Office, fino a { $mb } MB. Il testo sopra diventa la didascalia (al massimo { $chars } caratteri) e si può lasciare vuoto.
web-file-kind =
    { $kind ->
        [photo] Foto
        [voice] Messaggio vocale
        [audio] Audio
        [video] Video
        [video_note] Videomessaggio
        [animation] Animazione
        [sticker] Adesivo
       *[document] Documento
    }
web-file-photo-alt =
    { $from ->
        [in] Foto mandata dalla persona
       *[out] Foto mandata da { $author }
    }
web-file-download = Scarica il file
web-file-not-shown = { $kind }: il bot ora non è collegato a Telegram, quindi non si può mostrare.
web-file-gone = { $kind } tolto dopo il tempo previsto.
web-file-missing-heading = Il file non si può mostrare
web-file-missing-body =
    { $connected ->
        [yes] Telegram non lo ha più, oppure è più grande di 20 MB e il bot non lo può scaricare. Chiedi alla persona di mandarlo di nuovo.
       *[no] Il bot ora non è collegato a Telegram: i file della conversazione si vedono solo quando lo è.
    }
web-file-missing-back = Torna alla conversazione
web-handoff-done =
    { $what ->
        [claim] Ora segui tu questa richiesta.
        [release] Hai lasciato la richiesta ad altri.
        [close] Richiesta chiusa. La persona torna al bot.
        [reply] Risposta inviata.
        [note] Nota salvata.
       *[other] Fatto.
    }
web-handoff-problem =
    { $problem ->
        [gone] Questa richiesta è già chiusa.
        [claimed_by_other] Questa richiesta la segue già { $operator }.
        [not_claimed] Nessuno segue questa richiesta.
        [no_telegram] Il bot ora non è collegato a Telegram: il messaggio non è partito.
        [empty] Scrivi un testo.
        [too_long] Il testo è troppo lungo. Dividilo in più messaggi.
        [not_delivered] Il messaggio non è arrivato alla persona. Riprova tra poco.
        [file_empty] Il file scelto è vuoto. Scegli un altro file.
        [file_too_big] Il file è troppo grande: al massimo 10 MB.
        [file_type] Puoi mandare solo foto (JPG, PNG, WebP, GIF), PDF e documenti Office o LibreOffice.
        [caption_too_long] Con un allegato il testo può avere al massimo 900 caratteri.
       *[other] Qualcosa non ha funzionato.
    }

## Risposte pronte (web/canned_pages.py)

web-nav-canned = Risposte pronte
web-canned-heading = Risposte pronte
web-canned-lead = Testi brevi che gli operatori mandano con un clic. Scrivi { "{" }nome{ "}" } dove va il nome della persona.
web-canned-count = { $count ->
        [one] Una risposta pronta
       *[other] { $count } risposte pronte
    }
web-canned-none = Non ci sono ancora risposte pronte.
web-canned-new = Nuova risposta pronta
web-canned-title = Titolo
web-canned-title-hint = Lo vede solo chi lavora allo sportello. Per esempio: Documenti per il colloquio.
web-canned-text = Testo
web-canned-text-hint = Lo riceve la persona, con la tua firma. { "{" }nome{ "}" } diventa il suo nome.
web-canned-add = Aggiungi
web-canned-save = Salva
web-canned-delete = Cancella questa risposta
web-canned-back = Tutte le risposte pronte
web-canned-edit-heading = Cambia la risposta pronta
web-canned-done = { $what ->
        [added] Risposta aggiunta.
        [saved] Risposta salvata.
       *[deleted] Risposta cancellata.
    }
web-canned-error-title-empty = Scrivi un titolo.
web-canned-error-title-long = Il titolo è troppo lungo: al massimo { $max_title } caratteri.
web-canned-error-text-empty = Scrivi il testo.
web-canned-error-text-long = Il testo è troppo lungo: al massimo { $max_text } caratteri.
web-canned-error-slot = Tra parentesi graffe puoi scrivere solo { "{" }nome{ "}" }.
web-canned-pick = Risposta pronta
web-canned-pick-hint = Il nome della persona è già al suo posto.
web-canned-send = Invia la risposta pronta

## Corsi (web/course_pages.py, app/course_admin.py; gli errori anche per `proximity courses import`)

web-nav-courses = Corsi
web-courses-heading = Corsi
web-courses-lead = I corsi del catalogo, con iscrizioni e lista d'attesa. Le persone nel corso ricevono dal bot ogni cambio di date o di luogo, con il calendario aggiornato.
web-courses-show-all = Mostra anche i corsi chiusi e ritirati
web-courses-show-open = Mostra solo i corsi aperti
web-courses-new = Nuovo corso
web-courses-none = Nessun corso da mostrare.
web-courses-col-title = Corso
web-courses-col-first = Prima lezione
web-courses-col-place = Luogo
web-courses-col-seats = Posti occupati
web-courses-col-waiting = In attesa
web-courses-col-state = Stato
web-courses-seats = { $taken } su { $seats }
web-course-state = { $state ->
        [withdrawn] Ritirato
        [closed] Iscrizioni chiuse
        [waiting] Aperto, con lista d'attesa
       *[open] Aperto
    }
web-course-back = Tutti i corsi
web-course-code = Codice
web-course-details = Dettagli
web-course-category = Categoria
web-course-category-value = { $category ->
        [informatica] Informatica
        [logistica] Logistica
        [pulizie] Pulizie
        [ristorazione] Ristorazione
        [lingua_italiana] Lingua italiana
        [sicurezza] Sicurezza sul lavoro
       *[competenze_trasversali] Competenze trasversali
    }
web-course-place = Luogo
web-course-seats = Posti
web-course-seats-value = { $seats } posti, { $free } liberi
web-course-requirement = Chi può iscriversi
web-course-requirement-value = { $requirement ->
        [prescreened] Chi ha fatto il questionario con esito probabile o da verificare
        [in_charge] Chi è in carico ai servizi
       *[none] Tutti
    }
web-course-italian = Livello di italiano richiesto
web-course-italian-none = Nessun livello richiesto
web-course-cost = Costo
web-course-contact = Referente
web-course-deadline = Iscrizioni entro
web-course-deadline-none = Fino all'inizio della prima lezione
web-course-remind = Promemoria
web-course-remind-value = { $each ->
        [yes] Prima di ogni lezione
       *[no] Prima della prima lezione
    }
web-course-description = Descrizione
web-course-lessons = Lezioni
web-course-lesson-when = { $day }, dalle { $start } alle { $end }
web-course-enrolled = Iscrizioni confermate ({ $count })
web-course-waiting = Lista d'attesa ({ $count })
web-course-left = Non più nel corso ({ $count })
web-course-nobody = Nessuno.
web-course-audited = Chi apre questa pagina resta nel registro, per ogni persona mostrata.
web-course-col-position = Posizione
web-course-col-name = Nome
web-course-col-telegram = Numero Telegram
web-course-col-since = Iscrizione
web-course-col-status = Stato
web-course-col-changed = Ultimo cambio
web-course-col-action = Azione
web-course-status = { $status ->
        [enrolled] Iscrizione confermata
        [offered] Posto offerto, risposta entro { $until }
        [waiting] In attesa
        [withdrawn] Ritiro
        [course_off] Corso annullato
        [declined] Rinuncia al posto
       *[expired] Offerta scaduta
    }
web-course-no-name = (senza nome)
web-course-edit = Cambia il corso
web-course-withdraw = Ritira il corso
web-course-withdraw-person = Togli dal corso
web-course-export = Scarica l'elenco
web-course-export-hint = Nomi, numeri Telegram, stato e date di tutte le persone del corso. Ogni download resta nel registro.
web-course-export-csv = Scarica CSV
web-course-export-xlsx = Scarica Excel (XLSX)
web-course-done = { $what ->
        [created] Corso creato.
        [saved] Corso salvato. Chi è nel corso riceverà dal bot le nuove date o il nuovo luogo, con il calendario aggiornato.
        [unchanged] Nessun cambiamento da salvare.
        [offered] Persona tolta dal corso. Il posto è offerto alla prima persona in lista d'attesa, che riceve il messaggio dal bot.
        [freed] Persona tolta dal corso. Il posto ora è libero.
        [absent] Questa persona non era più nel corso.
        [withdrawn] Corso ritirato. Chi era nel corso riceverà un messaggio dal bot.
       *[other] Fatto.
    }
web-course-withdrawn-note = Questo corso è ritirato: non si può più cambiare.

## Corsi: il modulo

web-course-new-heading = Nuovo corso
web-course-edit-heading = Cambia il corso
web-course-form-lead = I campi con la data e l'ora sono nell'ora italiana. Dopo il salvataggio, chi è nel corso riceve dal bot le nuove date o il nuovo luogo.
web-course-f-title = Titolo
web-course-f-title-hint = Lo vedono le persone sul bot. Per esempio: Informatica di base.
web-course-f-code = Codice (facoltativo)
web-course-f-code-hint = Lettere minuscole, cifre e _. Se lo lasci vuoto, lo ricaviamo dal titolo. Dopo non cambia più.
web-course-f-description = Descrizione
web-course-f-description-hint = Per chi è, cosa si impara, cosa si riceve alla fine.
web-course-f-category = Categoria
web-course-f-place = Luogo
web-course-f-seats = Posti
web-course-f-seats-hint = Un numero intero. Non meno delle persone che hanno già un posto.
web-course-f-requirement = Chi può iscriversi
web-course-f-italian = Livello di italiano richiesto
web-course-f-italian-none = Nessuno
web-course-f-cost = Costo
web-course-f-cost-hint = Per esempio: gratuito.
web-course-f-contact = Referente
web-course-f-deadline = Iscrizioni entro (facoltativo)
web-course-f-deadline-hint = Senza data, le iscrizioni restano aperte fino alla prima lezione. Senza ora, fino alle 23:59.
web-course-f-deadline-date = Giorno
web-course-f-deadline-time = Ora
web-course-f-remind = Manda il promemoria prima di ogni lezione (altrimenti solo prima della prima)
web-course-f-lessons = Lezioni
web-course-f-lessons-hint = Una riga per lezione. Le righe vuote non contano. Per togliere una lezione, spunta «Togli».
web-course-f-lesson = Lezione { $n }
web-course-f-lesson-date = Giorno
web-course-f-lesson-start = Dalle
web-course-f-lesson-end = Alle
web-course-f-lesson-drop = Togli
web-course-f-more = Aggiungi altre righe
web-course-f-save = Salva il corso
web-course-f-cancel = Annulla

web-course-error-title-empty = Scrivi il titolo del corso.
web-course-error-title-long = Il titolo è troppo lungo: al massimo { $max } caratteri.
web-course-error-description-empty = Scrivi una descrizione.
web-course-error-description-long = La descrizione è troppo lunga: al massimo { $max } caratteri.
web-course-error-category = Scegli una categoria.
web-course-error-place = Scegli un luogo dell'elenco.
web-course-error-seats-number = Scrivi il numero dei posti in cifre, per esempio 12.
web-course-error-seats-range = I posti vanno da 1 a { $max }.
web-course-error-seats-below = { $taken } persone hanno già un posto: i posti non possono essere meno di { $taken }.
web-course-error-requirement = Scegli chi può iscriversi.
web-course-error-italian = Scegli un livello dell'elenco.
web-course-error-cost-long = Il costo è troppo lungo: al massimo { $max } caratteri.
web-course-error-contact-empty = Scrivi il nome del referente.
web-course-error-contact-long = Il nome del referente è troppo lungo: al massimo { $max } caratteri.
web-course-error-code = Il codice può avere solo lettere minuscole, cifre e _, e inizia con una lettera.
web-course-error-code-taken = Questo codice è già di un altro corso. Scrivine un altro.
web-course-error-date = Scrivi la data come 31/12/2026.
web-course-error-time = Scrivi l'ora come 09:30.
web-course-error-time-skipped = Quest'ora non esiste quel giorno (cambio dell'ora legale). Scegline un'altra.
web-course-error-deadline-date-missing = Scrivi anche il giorno, oppure lascia vuota l'ora.
web-course-error-deadline-after-start = La scadenza delle iscrizioni deve venire prima della prima lezione.
web-course-error-deadline-past = La scadenza delle iscrizioni è già passata.
web-course-error-lesson-order = La lezione deve finire dopo l'inizio.
web-course-error-lesson-past = Questa lezione sarebbe nel passato.
web-course-error-lessons-none = Scrivi almeno una lezione: giorno, inizio e fine.

## Corsi: le conferme

web-course-withdraw-heading = Ritirare il corso?
web-course-withdraw-lead = Il corso esce dal catalogo. Le iscrizioni e la lista d'attesa finiscono: { $people ->
        [0] nessuno è nel corso.
        [one] una persona riceverà un messaggio dal bot.
       *[other] { $people } persone riceveranno un messaggio dal bot.
    } Chi aveva un posto riceve anche il calendario con le lezioni annullate. Non si può tornare indietro.
web-course-withdraw-confirm = Sì, ritira il corso
web-course-withdraw-person-heading = Togliere questa persona dal corso?
web-course-withdraw-person-lead = { $name } ({ $status }) esce dal corso. Se aveva un posto, il posto è offerto alla prima persona in lista d'attesa, che ha { $hours } ore per accettarlo.
web-course-withdraw-person-confirm = Sì, togli dal corso
web-course-keep = No, torna al corso

## Agenda (web/agenda_pages.py)
web-nav-agenda = Agenda
web-agenda-nav-label = Agenda
web-agenda-nav-week = Settimana
web-agenda-nav-today = Oggi
web-agenda-nav-add = Aggiungi orari
web-agenda-heading = Agenda
web-agenda-week-of = Dal { $first } al { $last }
web-agenda-place = Sede
web-agenda-all-places = Tutte le sedi
web-agenda-kind = Tipo di appuntamento
web-agenda-all-kinds = Tutti i tipi
web-agenda-show = Mostra
web-agenda-weeks = Settimane
web-agenda-previous = ◀ Settimana prima
web-agenda-this-week = Questa settimana
web-agenda-next = Settimana dopo ▶
web-agenda-legend = Apri un orario per vedere chi ha prenotato.
web-agenda-state = { $state ->
        [free] Libero
        [booked] Prenotato
        [attended] Presente
        [no_show] Assente
        [past] Passato
       *[withdrawn] Ritirato
    }
web-agenda-day-empty = Nessun orario.
web-agenda-slot-heading = Orario
web-agenda-back = Torna alla settimana
web-agenda-back-slot = Torna all'orario
web-agenda-when = Quando
web-agenda-operator = Operatore
web-agenda-operator-hint = Chi tiene l'incontro. Per esempio: Giulia.
web-agenda-status = Stato
web-agenda-person = Persona
web-agenda-time = Ora
web-agenda-booked-by = Prenotato da
web-agenda-booked-by-value = { $by ->
        [self] la persona, con il bot
       *[other] { $by }
    }
web-agenda-book = Prenota per una persona
web-agenda-move = Sposta
web-agenda-cancel = Annulla la prenotazione
web-agenda-withdraw = Ritira l'orario
web-agenda-done = { $what ->
        [added] Orari aggiunti: { $count }.
        [withdrawn] Orario ritirato.
        [booked] Prenotazione fatta. I promemoria partono come per le prenotazioni dal bot.
        [moved] Prenotazione spostata. I promemoria seguono il nuovo orario.
        [cancelled] Prenotazione annullata. L'orario è di nuovo libero.
        [attended] Segnato: presente.
       *[no_show] Segnato: assente.
    }
web-agenda-told = { $what ->
        [withdrawn] Il bot ha scritto alla persona: le scuse e un nuovo orario da scegliere.
        [booked] La persona ha ricevuto un messaggio dal bot: giorno, ora, luogo e il file per il calendario.
        [moved] La persona ha ricevuto un messaggio dal bot: il nuovo orario e il file per il calendario.
        [cancelled] La persona ha ricevuto un messaggio dal bot: l'appuntamento è annullato.
       *[other] Il bot ha scritto alla persona un messaggio gentile per un nuovo appuntamento.
    }
web-agenda-not-told = Il bot qui non è attivo: la persona NON è stata avvisata. Chiamala tu.
web-agenda-unreachable = Il messaggio non è arrivato: la persona ha bloccato il bot. Chiamala tu.
web-agenda-withdraw-heading = Ritirare un orario prenotato?
web-agenda-withdraw-booked = Questo orario è prenotato da { $name }. La prenotazione sarà annullata.
web-agenda-withdraw-tell = Il bot scrive alla persona: le scuse e un nuovo orario da scegliere. Anche il gruppo degli operatori lo saprà.
web-agenda-withdraw-call = Il bot qui non è attivo: dopo dovrai chiamare la persona.
web-agenda-withdraw-confirm = Sì, ritira e annulla la prenotazione
web-agenda-keep = No, lascia tutto com'è
web-agenda-book-heading = Prenota per una persona
web-agenda-book-search = Nome o numero Telegram della persona
web-agenda-book-search-hint = Almeno 2 lettere del nome, oppure tutto il numero.
web-agenda-book-for = Prenota per { $name }
web-agenda-book-reminders = { $tells ->
        [yes] Il bot scrive alla persona giorno, ora e luogo, con il file per il calendario. Poi arrivano i promemoria, come sempre.
       *[no] Il bot qui non è attivo: la persona non riceve nessun messaggio. Dille tu data e ora al telefono.
    }
web-agenda-move-heading = Sposta la prenotazione
web-agenda-move-now = { $name } ha l'appuntamento il { $when }.
web-agenda-move-choose = Nuovo orario
web-agenda-move-hint = Orari liberi per { $kind }.
web-agenda-move-submit = Sposta qui
web-agenda-move-none = Non ci sono orari liberi di questo tipo. Aggiungine prima di spostare.
web-agenda-day-heading = { $today ->
        [yes] Appuntamenti di oggi
       *[no] Appuntamenti del giorno
    }
web-agenda-day-none = { $today ->
        [yes] Oggi non ci sono appuntamenti.
       *[no] Questo giorno non ci sono appuntamenti.
    }
web-agenda-days = Giorni
web-agenda-previous-day = ◀ Giorno prima
web-agenda-next-day = Giorno dopo ▶
web-agenda-present = Presente
web-agenda-absent = Assente
web-agenda-present-for = Presente: { $name }
web-agenda-absent-for = Assente: { $name }
web-agenda-not-started = Non è ancora iniziato.
web-agenda-marked = { $status ->
        [attended] Presente
        [no_show] Assente
       *[other] { $status }
    } (segnato da { $by })
web-agenda-mark-problem = { $problem ->
        [already] Qualcuno lo aveva già segnato: vale il primo.
        [future] Questo appuntamento non è ancora iniziato.
       *[other] Questo appuntamento non c'è più.
    }
web-agenda-add-heading = Aggiungi orari
web-agenda-add-mode = Che orari vuoi aggiungere?
web-agenda-add-one = Un orario solo
web-agenda-add-weekly = Ogni settimana
web-agenda-day = Giorno
web-agenda-start = Ora di inizio
web-agenda-weekdays = Giorni della settimana
web-agenda-weekday = { $n ->
        [0] lunedì
        [1] martedì
        [2] mercoledì
        [3] giovedì
        [4] venerdì
       *[5] sabato
    }
web-agenda-from-time = Dalle ore
web-agenda-to-time = Fino alle ore
web-agenda-first = Primo giorno
web-agenda-last = Ultimo giorno
web-agenda-minutes = Durata in minuti
web-agenda-minutes-hint = Vuoto: la durata solita di questo tipo.
web-agenda-every = Un inizio ogni quanti minuti
web-agenda-every-hint = Vuoto: uno dopo l'altro, senza pause.
web-agenda-add-holidays = I giorni festivi nazionali sono saltati. L'ora resta la stessa anche con l'ora legale.
web-agenda-add-submit = { $mode ->
        [weekly] Aggiungi gli orari
       *[one] Aggiungi l'orario
    }
web-agenda-error-unknown_place = Scegli una sede della lista.
web-agenda-error-unknown_kind = Scegli un tipo della lista.
web-agenda-error-operator_empty = Scrivi chi tiene l'incontro.
web-agenda-error-operator_long = Il nome è troppo lungo: al massimo { $max } caratteri.
web-agenda-error-minutes_range = Scrivi un numero di minuti da 5 a { $max }.
web-agenda-error-not_a_number = Scrivi solo un numero, per esempio 45.
web-agenda-error-not_a_date = Scrivi la data così: 15/12/2026.
web-agenda-error-not_a_time = Scrivi l'ora così: 09:30.
web-agenda-error-day_missing = Scrivi la data.
web-agenda-error-time_missing = Scrivi l'ora.
web-agenda-error-time_skipped = Quest'ora non esiste quel giorno: è il cambio all'ora legale.
web-agenda-error-in_the_past = La data è già passata.
web-agenda-error-weekdays_empty = Scegli almeno un giorno.
web-agenda-error-end_before_start = L'ora di fine deve venire dopo l'ora di inizio.
web-agenda-error-last_before_first = L'ultimo giorno deve venire dopo il primo.
web-agenda-error-too_long = Al massimo { $days } giorni in una volta.
web-agenda-error-rule_empty = Con queste scelte non c'è nessun orario: controlla giorni, ore e durata.
web-agenda-error-overlap = { $operator } ha già un incontro alle { $other }: si sovrappone a quello del { $when }.
web-agenda-error-no_person = Nessuna persona con questo numero. Serve prima il consenso sul bot.
web-agenda-error-taken = L'orario non è più libero. Scegline un altro.
web-agenda-error-has_booking = Questa persona ha già un appuntamento di questo tipo: spostalo.
web-agenda-error-gone = L'appuntamento non c'è più.
web-agenda-error-not_booked = La prenotazione non è più attiva.
web-agenda-error-choose_slot = Scegli un nuovo orario.

## In carico ai servizi: dati, percorso e uscita (web/intake_pages.py, config/intake.yaml)

web-care-heading = In carico ai servizi
web-care-none = Non c'è ancora un percorso con i servizi.
web-care-date = Inizio del percorso
web-care-date-hint = Il giorno in cui i servizi hanno deciso. Non può essere dopo oggi.
web-care-recorded-by = Scritto da
web-care-services = Servizi coinvolti
web-care-services-hint = Scegli tutti i servizi che seguono la persona.
web-care-services-none = Nessuno indicato
web-care-common = Dati per il finanziatore
web-care-special = Dati particolari (facoltativi)
web-care-special-lead = Chiedili solo se la persona vuole dirli. Per ogni dato c'è a cosa serve e la base giuridica. Se non lo chiedi, lascia "Non chiesto".
web-care-special-hint = Sono dati delicati. Guardali solo se servono: il registro scrive chi li ha visti.
web-care-special-show = Mostra i dati particolari
web-care-special-shown = Dati particolari mostrati. La visione è scritta nel registro.
web-care-special-hidden = Nascosti. Si vedono solo su richiesta.
web-care-special-hidden-short = nascosto
web-care-not-asked = Non chiesto
web-care-comune-empty = Non indicato
web-care-comune-from = Se lo lasci vuoto vale { $comune }, dal questionario.
web-care-why = A cosa servono questi dati
web-care-purpose = Perché li chiediamo
web-care-legal = Base giuridica
web-care-path = Percorso
web-care-path-none = Nessun passo nel percorso.
web-care-col-host = Dove
web-care-col-who = Chi
web-care-col-what = Cosa
web-care-col-change = Dettagli
web-care-history = Modifiche ({ $count })
web-care-action = { $action ->
        [taken_in_charge] Inizio del percorso
        [care-intake-changed] Dati cambiati
        [care-step-added] Passo aggiunto
        [care-step-changed] Passo cambiato
        [care-exit-recorded] Uscita
        [care-followup-recorded] Sei mesi dopo
       *[other] { $action }
    }
web-care-earlier = Percorsi chiusi
web-care-take = Registra l'inizio del percorso
web-care-edit = Cambia i dati
web-care-edit-path = Cambia il percorso
web-care-record-exit = Registra l'uscita
web-care-coordinator = Solo il coordinamento scrive il percorso.
web-care-back = Torna alla scheda
web-care-back-path = Torna al percorso
web-care-done = { $what ->
        [opened] Inizio del percorso registrato. Il bot ora offre anche gli altri appuntamenti.
        [saved] Dati salvati.
        [step] Percorso salvato.
        [exit] Uscita registrata.
        [closed] Il percorso è chiuso: non si cambia più.
        [followup] Salvato com'è andata dopo sei mesi.
       *[other] Fatto.
    }
web-care-form-heading-new = Inizio del percorso con i servizi
web-care-form-heading-edit = Dati del percorso con i servizi
web-care-form-lead = Da oggi il bot offre alla persona anche altri incontri, come il tutor.
web-care-form-lead-edit = Ogni cambio resta nelle modifiche, con chi l'ha fatto e quando.
web-care-save-new = Registra l'inizio del percorso
web-care-save = Salva i dati
web-care-path-heading = Percorso
web-care-path-lead = Ogni cambio resta nelle modifiche, con chi l'ha fatto e quando.
web-care-step-new = Aggiungi un passo
web-care-step-heading = Cambia un passo del percorso
web-care-step-kind = Attività
web-care-step-host = Dove si svolge
web-care-step-host-hint = Per il tirocinio: l'azienda o l'ente che ospita. Serve.
web-care-step-from = Inizio
web-care-step-to = Fine
web-care-step-hours = Ore a settimana
web-care-step-hours-hint = Un numero più di 0 e fino a 40. Va bene anche 7,5.
web-care-step-status = Stato
web-care-step-add = Aggiungi il passo
web-care-step-save = Salva il passo
web-care-step-change = Cambia
web-care-exit-heading = Uscita dal percorso
web-care-exit-lead = Il percorso è iniziato il { $date }. Dopo l'uscita il bot non offre più gli appuntamenti del percorso. I dati restano nella scheda.
web-care-exit-date = Data di uscita
web-care-exit-date-hint = Non prima dell'inizio e non dopo oggi.
web-care-exit-outcome = Esito
web-care-exit-save = Registra l'uscita
web-care-error-date-missing = Scrivi la data.
web-care-error-date = Scrivi una data vera, come 31/12/2026.
web-care-error-future = La data non può essere dopo oggi.
web-care-error-value = Scegli una delle risposte.
web-care-error-service = Scegli solo i servizi della lista.
web-care-error-year = Scrivi l'anno con 4 cifre, dal 1920 a oggi.
web-care-error-comune = Scegli un comune dell'Ambito.
web-care-error-kind = Scegli l'attività.
web-care-error-host = Scrivi dove si svolge il tirocinio.
web-care-error-end-before-start = La fine viene prima dell'inizio.
web-care-error-before-entry = Questo passo inizia prima del percorso.
web-care-error-hours = Scrivi le ore: un numero più di 0 e fino a 40.
web-care-error-status = Scegli lo stato.
web-care-error-exit-before-entry = L'uscita viene prima dell'inizio del percorso.
web-care-error-outcome = Scegli come finisce il percorso.
web-care-error-already = Il percorso è già aperto. Puoi cambiarne i dati.

## Sei mesi dopo l'uscita (web/followup_pages.py, app/followup.py)

web-followup-heading = Sei mesi dopo l'uscita
web-followup-lead = Scrivi come sta la persona sei mesi dopo l'uscita. Se il bot ha già una risposta, la cambi qui e resta nelle modifiche.
web-followup-due = Da chiedere dal
web-followup-consent = Il bot può scrivere tra 6 mesi
web-followup-consent-value = { $value ->
        [yes] Sì
        [no] No
       *[none] Non chiesto
    }
web-followup-consent-yes = Sì, accetta
web-followup-consent-no = No
web-followup-asked = Il bot ha chiesto il
web-followup-status = Com'è andata
web-followup-on = Giorno
web-followup-on-hint = Il giorno a cui si riferisce: non prima dell'uscita e non dopo oggi.
web-followup-by = { $by ->
        [self] detto dalla persona nel bot
       *[other] scritto da { $by }
    }
web-followup-who = Chi l'ha scritto
web-followup-save = Salva
web-followup-record = Scrivi com'è andata
web-followup-pending = { $asked ->
        [yes] Il bot ha chiesto: nessuna risposta per ora.
       *[no] { $consent ->
            [yes] Non ancora. Il bot chiede dal { $due }.
            [no] Non ancora. La persona non vuole messaggi dal bot.
           *[none] Non ancora scritto.
        }
    }
web-followup-error-status = Scegli com'è andata.
web-followup-error-before-exit = Il giorno viene prima dell'uscita.
web-followup-error-consent = Chiedi alla persona e scegli sì o no.

## Registro presenze di una lezione (web/lesson_pages.py)

web-course-register = Registro presenze
web-course-register-for = Registro presenze della lezione di { $day }
web-course-register-marked = { $count ->
        [0] da fare
        [one] 1 persona segnata
       *[other] { $count } persone segnate
    }
web-course-col-hours = Ore frequentate
web-course-hours-value = { $attended } su { $held }
web-lesson-heading = Registro presenze
web-lesson-when = { $course }: { $day }, dalle { $start } alle { $end }
web-lesson-not-started = La lezione non è ancora iniziata. Il registro si apre quando inizia.
web-lesson-nobody = Nessuna persona è iscritta a questo corso.
web-lesson-counts = Presenti: { $present }. Assenti: { $absent }. Da segnare: { $unmarked }.
web-lesson-audited = Chi apre questa pagina resta nel registro, per ogni persona mostrata.
web-lesson-caption = Persone nel registro: { $count }
web-lesson-col-name = Nome
web-lesson-col-mark = Presenza
web-lesson-present = Presente
web-lesson-absent = Assente
web-lesson-mark = { $mark ->
        [present] Presente
       *[absent] Assente
    }
web-lesson-mark-for = Presenza di { $name }
web-lesson-marked-by = Segnato da { $by } il { $at }.
web-lesson-someone = un operatore
web-lesson-change-coordinator = Solo un coordinatore può cambiarlo.
web-lesson-left = Non è più nel corso.
web-lesson-save = Salva il registro
web-lesson-done = { $what ->
        [saved] Registro salvato.
       *[same] Nessun cambiamento: il registro era già così.
    }
web-lesson-error-not-started = La lezione non è ancora iniziata. Non è stato salvato niente.
web-lesson-error-not-enrolled = Una persona del modulo non è iscritta a questo corso. Non è stato salvato niente.
web-lesson-error-value = Scegli Presente o Assente.
web-lesson-error-change = Solo un coordinatore può cambiare una presenza già segnata.
web-lesson-error-nothing = Scegli Presente o Assente per almeno una persona.
