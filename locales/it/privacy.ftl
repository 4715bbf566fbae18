## Lingua

lang-choose = In che lingua vuoi parlare?
lang-changed = Va bene, da adesso parlo italiano.
lang-name-it = 🇮🇹 Italiano
lang-name-en = 🇬🇧 English
lang-name-ro = 🇷🇴 Română
lang-name-ar = 🇸🇦 العربية
lang-name-fr = 🇫🇷 Français
lang-name-es = 🇪🇸 Español

## I miei dati

data-menu =
    Puoi vedere i dati che ho su di te, o cancellarli.
    Puoi anche leggere le regole complete sulla privacy.
export-ready =
    Ecco i tuoi dati in due file.
    Il file .html si apre con il telefono. Il file .json serve ai computer.
export-caption = I tuoi dati salvati da Proximity
erase-confirm =
    Vuoi cancellare tutti i tuoi dati?
    • Cancello le tue risposte e i tuoi messaggi.
    • Non potrò più ricordare a che punto eri.
    • Se vuoi tornare, dovrai ricominciare da capo.
    Non si può tornare indietro.
erase-done =
    Fatto. Ho cancellato tutti i tuoi dati.
    Se vuoi, puoi scrivermi di nuovo quando vuoi.
erase-kept = Va bene, non ho cancellato niente.

btn-my-data = 📦 I miei dati
btn-erase = 🗑 Cancella i miei dati
btn-erase-yes = 🗑 Sì, cancella tutto
btn-erase-no = ↩️ No, torna indietro
btn-start-again = 👋 Ricomincia

## Comandi in più

cmd-imieidati = Vedi i tuoi dati
cmd-cancellami = Cancella i tuoi dati

## Il documento con i tuoi dati

export-title = I tuoi dati in Proximity
export-intro = Questi sono tutti i dati che Proximity ha su di te, il { $date }.
export-profile = Profilo
export-consents = Consenso alla privacy
export-prescreenings = Verifica dei requisiti
export-conversation = A che punto è la conversazione
export-none = Nessun dato.
export-field-telegram-id = Numero Telegram
export-field-name = Nome
export-field-language = Lingua
export-field-created = Primo contatto
export-field-last-seen = Ultimo contatto
export-field-unreachable = Non raggiungibile dal
export-field-version = Versione delle regole
export-field-accepted = Accettato
export-field-date = Data
export-field-outcome = Risultato
export-field-answers = Risposte
export-care = Percorso con i servizi
export-field-care-start = In carico ai servizi dal
export-field-care-services = Servizi
export-field-care-details = Dati per il finanziatore
export-field-care-steps = Percorso
export-field-care-exit = Fine del percorso
export-field-care-changes = Modifiche
export-rights = Per domande o per correggere i dati scrivi a { $email }.
