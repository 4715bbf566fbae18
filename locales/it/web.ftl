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
       *[other] Qualcosa non ha funzionato
    }
web-error-body =
    { $status ->
        [403] Questa pagina non è per il tuo ruolo, oppure il modulo era vecchio. Torna indietro e riprova.
        [404] L'indirizzo non esiste. Controlla il link.
       *[other] Riprova tra poco. Se succede ancora, avvisa chi gestisce la console.
    }
web-error-home = Torna alla pagina iniziale
