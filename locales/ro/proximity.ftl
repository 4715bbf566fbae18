## Proximity: texte în limba română (traduse din italiană, limba principală).
## Propoziții scurte, cuvinte simple. Fiecare termen tehnic are o explicație.

## Welcome and consent

welcome =
    Bună! Sunt asistentul PROXIMITY.CR. 👋
    Proiectul ajută persoanele care caută de lucru. Le ajută să găsească cursuri, stagii și sprijin.

    Înainte să începem, citește cum folosesc datele tale:
    • Păstrez doar ce îmi trebuie ca să te ajut.
    • Le văd doar operatorii proiectului.
    • Poți vedea sau șterge datele tale oricând vrei.

    Ești de acord?
consent-needed =
    Înainte să te ajut, am nevoie de acordul tău.
    Păstrez doar ce îmi trebuie. Doar operatorii proiectului văd aceste date.
    Ești de acord?
consent-renewed =
    Am schimbat regulile despre datele personale.
    Te rog, citește regulile noi. Ești de acord?
consent-notice = { consent-needed }
consent-thanks = Mulțumesc! Acum putem începe.
consent-declined =
    Bine, nicio problemă.
    Fără acordul tău nu te pot ajuta aici.
    Poți vorbi cu o persoană:
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }

## Menu

menu = Ce vrei să faci? Alege un buton sau scrie-mi.
welcome-back = Bine ai revenit! Ce vrei să faci?
help =
    Te pot ajuta să:
    • afli dacă poți intra în proiect;
    • faci o programare;
    • găsești un curs;
    • vorbești cu o persoană.
    Alege un buton sau scrie cu cuvintele tale.
cancelled = Bine, am anulat. Ce vrei să faci?
button-expired = Acest buton nu mai merge. Iată meniul.
unknown-command = Nu cunosc această comandă. Iată meniul.

## Short answers

greet = Bună! Cu ce te pot ajuta?
goodbye = La revedere, pe curând! Dacă ai nevoie, scrie-mi oricând.
thanks = Cu plăcere! Mai pot face ceva pentru tine?
ack = Bine. Ce vrei să faci?
inform-noted = Mulțumesc, am înțeles. Ce vrei să faci acum?
bot-challenge =
    Sunt un asistent automat, nu o persoană.
    O persoană te poate ajuta oricând: apasă „Vorbește cu o persoană”.

## When I do not understand

clarify = Nu am înțeles bine. Vrei să spui unul dintre aceste lucruri?
still-not-understood =
    Scuze, nu reușesc să înțeleg.
    Vrei să vorbești cu o persoană? Sau folosește butoanele din meniu.
nlu-down =
    Acum îmi este greu să citesc mesajele.
    Te rog, folosește butoanele de mai jos.
too-long =
    Mesajul este foarte lung și nu îl pot înțelege tot.
    Scrie în câteva cuvinte de ce ai nevoie sau folosește butoanele.
non-text =
    { $kind ->
        [voice] Nu pot asculta mesajele vocale.
        [video_note] Nu pot vedea videoclipuri.
        [video] Nu pot vedea videoclipuri.
        [audio] Nu pot asculta fișiere audio.
        [sticker] Mulțumesc pentru sticker! 🙂
        [photo] Nu pot vedea fotografii.
        [document] Nu pot deschide fișiere.
        [location] Nu folosesc locul unde ești.
        [contact] Nu folosesc contactele.
       *[other] Pot citi doar mesajele scrise.
    }
    Scrie-mi de ce ai nevoie sau folosește butoanele.
edited =
    Ai schimbat un mesaj. Nu citesc mesajele schimbate.
    Te rog, scrie-mi din nou.

## A person and emergency numbers

person-contacts =
    Poți vorbi cu o persoană de la birou:
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }
distress-numbers =
    Îmi pare foarte rău. Suntem aici cu tine.
    Dacă ești în pericol, sună imediat la 112.
    📞 112: urgențe, activ mereu.
    📞 1522: ajutor împotriva violenței. Este gratuit, 24 de ore din 24, și în alte limbi.
    📞 02 2327 2327: Telefono Amico, ca să vorbești cu cineva.
distress-person =
    Dacă ai nevoie de mâncare sau de o casă, sună la serviciile sociale ale primăriei tale.
    Ne poți suna și pe noi:
    📞 { $phone }
    🕘 { $hours }

## Privacy

privacy-short =
    Datele tale:
    • Păstrez numele tău de pe Telegram și răspunsurile tale.
    • Le folosesc doar ca să te ajut în proiect.
    • Le văd doar operatorii proiectului.
    • Poți vedea sau șterge datele tale oricând vrei.
    Ca să întrebi: ✉️ { $email }
privacy-full =
    Cine se ocupă de date: Comunità Sociale Cremasca, pentru proiectul PROXIMITY.CR.
    De ce: ca să îți dăm informații și programări și ca să te însoțim în proiect.
    Baza este acordul tău. Contează și sarcinile serviciilor sociale.
    Ce păstrez: numele tău de pe Telegram, limba și răspunsurile pe care mi le dai.
    Cât timp: mesajele cel mult 90 de zile. Restul cel mult 2 ani după ultimul contact.
    Cine le vede: doar operatorii proiectului.
    Telegram: mesajele trec prin Telegram. Telegram nu le criptează de la un capăt la altul.
    Drepturile tale: poți vedea, corecta și șterge datele tale. Poți și să spui nu.
    Răspundem în cel mult o lună. Poți face plângere la Garante della privacy (autoritatea italiană pentru protecția datelor).
    Scrie la: ✉️ { $email }

## Frequent questions

faq-project =
    PROXIMITY.CR ajută persoanele care caută de lucru să învețe și să lucreze din nou.
    Este pentru cine are între 30 și 60 de ani și locuiește într-una din cele 48 de localități din zona Crema.
    Proiectul oferă:
    • întâlniri ca să înțelegi ce vrei să faci;
    • bilanțul competențelor (bilancio di competenze), adică să înțelegi ce știi să faci;
    • un tutore care te însoțește;
    • cursuri ca să înveți o meserie;
    • stagii, adică o perioadă de lucru într-o firmă, ca să înveți.
    Este gratuit.
faq-internship =
    Stagiul (tirocinio) este o perioadă într-o firmă ca să înveți o meserie.
    Un tutore te însoțește de la început până la sfârșit.
    Cât durează? Hotărăște proiectul tău. De obicei până la 12 luni, uneori până la 24.
    Bani: proiectul tău spune dacă primești o indemnizație (indennità) în fiecare lună și cât.
    Nu este un salariu și nu este un contract de muncă.
    Ai asigurare INAIL, dacă te rănești în timp ce lucrezi.
faq-documents =
    La prima întâlnire adu, dacă le ai:
    • un act de identitate;
    • codul fiscal (codice fiscale) sau cardul de sănătate (tessera sanitaria);
    • ISEE, adică hârtia despre venitul familiei;
    • DID, adică declarația de disponibilitate pentru muncă. Se face la Centro per l'Impiego (biroul public pentru locuri de muncă);
    • permisul de ședere (permesso di soggiorno), dacă vii dintr-o țară din afara Uniunii Europene;
    • CV-ul tău, dacă îl ai.
    Dacă nu ai ceva, vino oricum.
faq-contacts =
    📍 { $office_name }, { $address }
    🕘 { $hours }
    📞 { $phone }
    ✉️ { $email }

## Errors and special cases

error-generic = Scuze, ceva nu a mers. Te rog, încearcă din nou puțin mai târziu.
busy-retry = Scuze, acum merg puțin mai încet. Te rog, încearcă din nou peste un minut.
group-not-supported =
    Bună! Vorbesc doar în chat privat.
    Deschide chatul cu mine și scrie-mi acolo.

## Buttons

btn-menu = 🏠 Meniu
btn-person = 🙋 Vorbește cu o persoană
btn-eligibility = ✅ Pot participa?
btn-appointments = 📅 Programări
btn-courses = 📚 Cursuri
btn-project = ℹ️ Proiectul
btn-documents = 📄 Documente
btn-privacy = 🔒 Date personale
btn-language = 🌍 Limba
btn-accept = ✅ Accept
btn-decline = ❌ Nu accept
btn-read-all = 📖 Citește tot
btn-changed-mind = 🔄 M-am răzgândit
btn-back = ⬅️ Înapoi

## Choices when I do not understand: one for each intent

intent-greet = Să salut
intent-goodbye = Să salut și să plec
intent-thanks = Să mulțumesc
intent-affirm = Da
intent-deny = Nu
intent-help = Ce știi să faci?
intent-check_eligibility = Pot participa?
intent-inform = Să îți dau o informație
intent-book_appointment = Să fac o programare
intent-cancel_appointment = Să anulez o programare
intent-reschedule_appointment = Să mut o programare
intent-my_appointments = Programările mele
intent-list_courses = Să văd cursurile
intent-enroll_course = Să mă înscriu la un curs
intent-withdraw_course = Să mă retrag de la un curs
intent-ask_human = Să vorbesc cu o persoană
intent-faq_internship = Ce este stagiul?
intent-faq_project = Ce este proiectul?
intent-faq_documents = Ce documente trebuie?
intent-faq_contacts = Program și adresă
intent-privacy = Datele mele personale
intent-delete_my_data = Să șterg datele mele
intent-change_language = Să schimb limba
intent-bot_challenge = Ești un robot?
intent-distress = Am nevoie urgent de ajutor
intent-out_of_scope = Altceva

## Commands (Telegram's command menu)

cmd-start = Începe
cmd-help = Ce pot face
cmd-requisiti = Pot participa?
cmd-appuntamenti = Programările mele
cmd-corsi = Cursurile
cmd-operatore = Vorbește cu o persoană
cmd-privacy = Datele tale
cmd-lingua = Schimbă limba
cmd-annulla = Anulează și întoarce-te la meniu

## Can I join? (pre-check of the requirements)

pre-intro =
    Îți pun câteva întrebări scurte, cel mult 6.
    Nu este o decizie: un operator verifică mereu.
    Te poți opri oricând cu /annulla.
pre-resume = Ai început deja întrebările. Vrei să continui de unde ai rămas?
pre-stopped = Am oprit întrebările. Ce vrei să faci?
pre-again = Scuze, nu am înțeles răspunsul.
pre-correct = Bine, să corectăm.
pre-place-unsure = Nu am înțeles bine. Te referi la una dintre aceste localități?
pre-place-unknown = Nu găsesc această localitate. Te rog, încearcă să o scrii din nou.
pre-edit = Ce răspuns vrei să schimbi?

q-age =
    Întrebarea { $number } din { $total }.
    Câți ani ai?
    Poți scrie vârsta, de exemplu 45, sau anul în care te-ai născut.
q-residence =
    Întrebarea { $number } din { $total }.
    În ce localitate locuiești? Scrie numele localității.
q-work =
    Întrebarea { $number } din { $total }.
    Lucrezi acum?
q-services =
    Întrebarea { $number } din { $total }.
    Te ajută deja un serviciu?
    De exemplu asistentul social, un serviciu de sănătate sau un educator.
q-permit =
    Întrebarea { $number } din { $total }.
    Ai cetățenia italiană sau a altei țări din Uniunea Europeană?
q-did =
    Întrebarea { $number } din { $total }.
    Ai făcut DID?
    Este declarația că ești gata să lucrezi. Se face la Centro per l'Impiego (biroul public pentru locuri de muncă).

pre-result =
    { $outcome ->
        [likely_eligible] Se pare că poți participa! Un operator va confirma.
        [to_check] Unele lucruri trebuie verificate. Un operator te va ajuta.
       *[not_eligible] Din ce îmi spui, proiectul nu este pentru tine. Iată de ce:
    }
pre-line-age =
    { $status ->
        [met] ✅ Vârsta: este bine.
        [not_met] { $reason ->
            [under] ❌ Vârsta: proiectul este pentru cine are cel puțin 30 de ani.
           *[over] ❌ Vârsta: proiectul este pentru cine are cel mult 60 de ani.
        }
       *[to_check] { $reason ->
            [birthday] ❓ Vârsta: depinde de ziua ta de naștere. Verifică un operator.
           *[other] ❓ Vârsta: nu o știu. Verifică un operator.
        }
    }
pre-line-residence =
    { $status ->
        [met] ✅ Localitatea: { $place } este în zona Crema.
        [not_met] ❌ Localitatea: { $place } nu este între cele 48 de localități din zona Crema.
       *[to_check] ❓ Localitatea: nu o știu. Verifică un operator.
    }
pre-line-work =
    { $status ->
        [met] ✅ Munca: acum nu lucrezi.
        [not_met] ❌ Munca: proiectul este pentru cine nu lucrează acum.
       *[to_check] { $reason ->
            [occasional] ❓ Munca: lucrezi din când în când. Verifică un operator.
            [training] ❓ Munca: faci un curs. Verifică un operator.
           *[other] ❓ Munca: nu știu. Verifică un operator.
        }
    }
pre-line-services =
    { $status ->
        [met] ✅ Servicii: te ajută deja un serviciu.
        [not_met] ❌ Servicii: proiectul este pentru persoanele ajutate de un serviciu.
       *[to_check] ❓ Servicii: vei vorbi despre asta cu un operator.
    }
pre-line-permit =
    { $status ->
        [met] ✅ Documente: este bine.
        [not_met] ❌ Documente: pentru stagiu trebuie un permis de ședere valabil.
       *[to_check] ❓ Documente: pentru stagiu trebuie un permis de ședere valabil. Vei vorbi despre asta cu un operator.
    }
pre-did-info =
    💡 DID este utilă. O poți face gratuit la Centro per l'Impiego (biroul public pentru locuri de muncă) sau pe internet. Un operator te poate ajuta.
pre-elsewhere =
    Poți cere ajutor la serviciile sociale ale primăriei tale sau la Centro per l'Impiego (biroul public pentru locuri de muncă).
    Dacă vrei, vorbește cu o persoană din proiect.

btn-continue = ▶️ Continuă
btn-restart = 🔄 Începe din nou
btn-prefer-not = 🤐 Nu știu / prefer să nu spun
btn-place = 📍 { $name }
btn-none-of-these = ✏️ Niciuna dintre acestea
btn-book-orientation = 📅 Fă o programare
btn-correct = ✏️ Corectează un răspuns

ans-age-under = Sub 30 de ani
ans-age-in = Între 30 și 60 de ani
ans-age-over = Peste 60 de ani
ans-residence-crema = 📍 Crema
ans-work-not-working = Nu, nu lucrez
ans-work-working = Da, lucrez
ans-work-occasional = Lucrez din când în când
ans-work-training = Fac un curs
ans-services-yes = Da
ans-services-no = Nu
ans-permit-eu-citizen = Da
ans-permit-valid-permit = Nu, am permis de ședere
ans-permit-no-permit = Nu, și nu am permis
ans-did-yes = Da
ans-did-no = Nu

edit-age = Vârsta
edit-residence = Localitatea
edit-work = Munca
edit-services = Serviciile
edit-permit = Cetățenia
edit-did = DID
