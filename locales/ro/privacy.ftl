## Language

lang-choose = În ce limbă vrei să vorbim?
lang-changed = Bine, de acum vorbesc în limba română.
lang-name-it = 🇮🇹 Italiano
lang-name-en = 🇬🇧 English
lang-name-ro = 🇷🇴 Română
lang-name-ar = 🇸🇦 العربية
lang-name-fr = 🇫🇷 Français
lang-name-es = 🇪🇸 Español

## My data

data-menu =
    Poți vedea datele pe care le am despre tine sau le poți șterge.
    Poți citi și regulile complete despre datele personale.
export-ready =
    Iată datele tale în două fișiere.
    Fișierul .html se deschide pe telefon. Fișierul .json este pentru calculatoare.
export-caption = Datele tale salvate de Proximity
erase-confirm =
    Vrei să ștergi toate datele tale?
    • Șterg răspunsurile și mesajele tale.
    • Nu voi mai ști unde ai rămas.
    • Dacă vrei să revii, va trebui să începi de la capăt.
    Nu se mai poate anula.
erase-done =
    Gata. Am șters toate datele tale.
    Dacă vrei, îmi poți scrie din nou oricând.
erase-kept = Bine, nu am șters nimic.

btn-my-data = 📦 Datele mele
btn-erase = 🗑 Șterge datele mele
btn-erase-yes = 🗑 Da, șterge tot
btn-erase-no = ↩️ Nu, înapoi
btn-start-again = 👋 Începe din nou

## More commands

cmd-imieidati = Vezi datele tale
cmd-cancellami = Șterge datele tale

## The document with your data

export-title = Datele tale în Proximity
export-intro = Acestea sunt toate datele pe care Proximity le are despre tine, la data de { $date }.
export-profile = Profil
export-consents = Acordul pentru datele personale
export-prescreenings = Verificarea condițiilor
export-conversation = Unde a ajuns conversația
export-none = Nicio dată.
export-field-telegram-id = Număr Telegram
export-field-name = Nume
export-field-language = Limba
export-field-created = Primul contact
export-field-last-seen = Ultimul contact
export-field-unreachable = Mesajele nu ajung din
export-field-version = Versiunea regulilor
export-field-accepted = Acceptat
export-field-date = Data
export-field-outcome = Rezultat
export-field-answers = Răspunsuri
export-care = Parcursul cu serviciile
export-field-care-start = Cu serviciile din
export-field-care-services = Servicii
export-field-care-details = Date pentru finanțator
export-field-care-steps = Parcurs
export-field-care-exit = Sfârșitul parcursului
export-field-care-changes = Modificări
export-rights = Pentru întrebări sau ca să corectezi datele, scrie la { $email }.
