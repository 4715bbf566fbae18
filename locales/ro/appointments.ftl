## Programări: a face, a vedea, a muta, a anula; mementouri.
## $when este o dată și o oră deja în fusul orar al Romei. $kind este tipul de programare.
## ap-kind-name are forma cu articol („întâlnirea de orientare”, „bilanțul competențelor”): „pentru { ap-kind-name }”, „la { ap-kind-name }”.
## Pluralul: one (1), few (0, 2–19: „3 ore”), other (20 și mai mult: „24 de ore”).

ap-kind-name =
    { $kind ->
        [orientation] întâlnirea de orientare
        [skills_assessment] bilanțul competențelor
        [tutoring] întâlnirea cu tutorele
        [social_worker] întâlnirea cu asistentul social
       *[other] programarea
    }
ap-weekday =
    { $weekday ->
        [0] lun
        [1] mar
        [2] mie
        [3] joi
        [4] vin
        [5] sâm
       *[6] dum
    }

## Choosing

ap-choose-kind = Ce programare vrei să faci?
btn-ap-kind-orientation = 🧭 Întâlnire de orientare
btn-ap-kind-skills_assessment = 📝 Bilanțul competențelor
btn-ap-kind-tutoring = 🤝 Întâlnire cu tutorele
btn-ap-kind-social_worker = 👥 Asistentul social
ap-slots =
    Iată orele libere pentru { ap-kind-name }.
    Alege ora care ți se potrivește.
ap-slots-filtered =
    Iată orele libere care ți se potrivesc.
    Sunt pentru { ap-kind-name }.
ap-slots-hint = Poți să-mi scrii și când preferi să vii. De exemplu: „marți dimineață” sau „după ora 15”.
ap-none-fits =
    Nu am ore libere pentru „{ $wish }”.
    Îți arăt toate orele libere.
ap-day = 📅 { DATETIME($day, dateStyle: "full") }: { $times }
btn-ap-slot = { ap-weekday } { $day }/{ $month } · { $time } · { $venue }
btn-ap-earlier = ◀️ Mai devreme
btn-ap-later = Mai târziu ▶️
btn-ap-all-times = 📅 Toate orele
ap-no-slots =
    Acum nu sunt ore libere.
    🗓️ { ap-kind-name }
    Un operator îți poate face o programare: apasă „Cere-o unei persoane”.
    Sau sună la birou: 📞 { $phone }

## Confirming

ap-book-ask =
    Vrei să faci această programare?
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
btn-ap-yes = ✅ Da, fac programarea
btn-ap-other-time = ⬅️ Alege altă oră
ap-booked =
    Gata! Programarea ta este făcută. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-directions = 🚌 Cum ajungi: { $directions }
ap-bring = 👜 Adu cu tine: un act de identitate, cardul de sănătate (tessera sanitaria) și, dacă le ai, CV-ul și ISEE.
ap-calendar = Îți trimit și un fișier pentru calendarul din telefon. Înainte de programare îți voi aminti de ea.
ap-ics-caption = 📅 Programarea ta. Deschide fișierul ca s-o pui în calendar.
ap-ics-cancel-caption = 📅 Programare anulată. Deschide fișierul ca s-o scoți din calendar.
ap-slot-gone = Îmi pare rău, această oră nu mai este liberă. Alege alta, te rog.

## My appointments

btn-ap-mine = 📋 Programările mele
ap-list =
    { $count ->
        [one] Ai o programare:
        [few] Ai { $count } programări:
       *[other] Ai { $count } de programări:
    }
ap-list-item = • { DATETIME($when, dateStyle: "full", timeStyle: "short") }: { ap-kind-name }, { $place }
btn-ap-move-one = 🔁 Mută { $day }/{ $month }
btn-ap-cancel-one = ❌ Anulează { $day }/{ $month }
btn-ap-book-another = ➕ Fă încă o programare
ap-none-booked = Nu ai programări.
btn-ap-book = 📅 Fă o programare
ap-gone = Această programare nu mai există. Poate a trecut deja sau a fost anulată.

## Moving

ap-move-intro =
    Mutăm { ap-kind-name }.
    Data de acum: { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Alege ora nouă. Până nu o alegi, o păstrezi pe cea veche.
ap-move-ask =
    Vrei să muți programarea?
    Înainte: { DATETIME($old, dateStyle: "full", timeStyle: "short") }
    După: { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-moved =
    Gata! Am mutat programarea ta. ✅
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }

## Cancelling

ap-cancel-why =
    Anulăm programarea de { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Îmi spui de ce? Nu este obligatoriu.
btn-ap-why-ill = 🤒 Mă simt rău
btn-ap-why-busy = 💼 Am altceva de făcut
btn-ap-why-not_needed = 🙅 Nu mai am nevoie
btn-ap-why-unsaid = 🤐 Prefer să nu spun
btn-ap-keep = ⬅️ Nu, o păstrez
ap-cancelled =
    Am anulat programarea de { DATETIME($when, dateStyle: "full", timeStyle: "short") }.
    Dacă vrei, poți face o programare în altă zi.
btn-ap-book-again = 📅 Programare în altă zi
btn-ap-cancel = ❌ Anulează programarea

## Who can book

ap-prescreening-first =
    Înainte de programare, răspunde la câteva întrebări.
    Ne ajută să vedem dacă proiectul este pentru tine. Durează două minute.
ap-not-open =
    Din ce mi-ai spus, această întâlnire nu este pentru tine.
    Îți pot spune unde altundeva poți cere ajutor. Sau vorbește cu o persoană.
ap-kind-closed =
    Această programare o face un operator, după prima întâlnire.
    { $step ->
        [book] Mai întâi fă programarea pentru prima întâlnire.
        [booked] Ai deja prima întâlnire: acolo întreabă operatorul. Sau cere-o acum unei persoane.
        [questions] Mai întâi răspunde la câteva întrebări. Apoi poți face programarea pentru prima întâlnire.
       *[person] Poți să o ceri unei persoane. Îi spun eu că ai nevoie de o programare.
    }
ap-already-have =
    Ai deja această programare:
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    Poți avea doar una. Dacă vrei să o muți, alege o oră nouă.
    Până alegi, o păstrezi pe cea pe care o ai.
ap-move-instead =
    Ai deja această programare. Poți avea doar una.
    🗓️ { ap-kind-name }
    Acum: { DATETIME($old, dateStyle: "full", timeStyle: "short") }
    Ora nouă: { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
    Vrei să o muți la această oră?
btn-ap-move-here = 🔁 Mut-o aici
btn-ap-keep-mine = ✅ Păstrez ce am
btn-ap-ask-person = 🙋 Cere-o unei persoane

## Reminders

ap-reminder =
    { $lead_hours ->
        [one] ⏰ Memento: peste o oră ai o programare.
        [few] ⏰ Memento: peste { $lead_hours } ore ai o programare.
       *[other] ⏰ Memento: peste { $lead_hours } de ore ai o programare.
    }
    🗓️ { ap-kind-name }
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
    Vii? Apasă un buton.
btn-ap-confirm = ✅ Confirm, voi fi acolo
btn-ap-cant = 🙁 Nu pot să vin
btn-ap-move = 🔁 Mută
ap-confirm-thanks =
    Mulțumesc! Te așteptăm. 😊
    📅 { DATETIME($when, dateStyle: "full", timeStyle: "short") }
    📍 { $place_name }, { $address }
ap-cant-come =
    Nicio problemă, se întâmplă.
    Vrei să muți programarea sau s-o anulezi?
ap-withdrawn =
    Ne pare rău: programarea de { DATETIME($when, dateStyle: "full", timeStyle: "short") } este anulată.
    Operatorul nu poate fi acolo. Te rog, alege altă zi.
ap-missed =
    Bună! Azi nu ne-am văzut la { ap-kind-name }.
    Se poate întâmpla. Dacă vrei, alege o zi nouă.

## In the "My data" file

export-appointments = Programări
export-field-when = Când
export-field-place = Unde
export-field-status = Starea
export-field-in-charge = În proiect din
