## Cursuri: catalog, înscriere, listă de așteptare, renunțare.
## $start este data primei lecții, deja în fusul orar al Romei.
## Titlurile cursurilor ($title) și descrierile vin din date, traduse acolo; fără traducere rămân în italiană
## (co-detail-in-italian o spune). Stau între „ ”.
## Un „incontro” al cursului este o „lecție”; un „posto” este un „loc”.
## co-status-name este scurt („înscriere confirmată”): merge după „La acest curs:” și după „{ $title }:”.
## Persoana: forme fără gen („te-ai înscris”, „înscriere confirmată”), nu „ești înscris”.
## Pluralul: co-mine are one (1), few (0, 2–19: „3 cursuri”), other (20 și mai mult: „24 de cursuri”).
## btn-co-course și co-detail-seats păstrează variantele din italiană ([0], [one], [other]):
## acolo numărul stă după două puncte („locuri: 24”), ca să fie corect fără „de”.
## Retragerea de la un curs: „renunț la curs” (scurt, pentru butoane), în tot fișierul.

co-category-name =
    { $category ->
        [informatica] 💻 Informatică
        [logistica] 📦 Depozit și logistică
        [pulizie] 🧽 Curățenie și igienizare
        [ristorazione] 🍽️ Restaurante
        [lingua_italiana] 🇮🇹 Limba italiană
        [sicurezza] 🦺 Siguranța la locul de muncă
        [competenze_trasversali] 🤝 Cum să cauți de lucru
       *[other] 📚 Alte cursuri
    }
co-status-name =
    { $status ->
        [enrolled] înscriere confirmată
        [offered] este un loc pentru tine
       *[waiting] ești pe lista de așteptare, numărul { $position }
    }

## Browsing

co-categories = Ce curs cauți? Alege un domeniu.
btn-co-category = { co-category-name } ({ $count })
co-list = Iată cursurile. Apasă pe un curs ca să citești mai mult.
btn-co-course =
    { $left ->
        [0] { $title } · curs plin
       *[other] { $title } · locuri: { $left }
    }
co-none-open =
    Acum nu sunt cursuri deschise.
    Apar des cursuri noi. O persoană îți poate da alte idei.
co-which = Am găsit mai multe cursuri. Care te interesează?
co-gone = Acest curs nu mai există sau înscrierile s-au închis.
btn-co-all = 📚 Toate cursurile
btn-co-mine = 🎓 Cursurile mele

## The course page

co-detail =
    📚 { $title }
    { $description }
    📍 { $place_name }, { $address }
    💶 Cost: { $cost ->
        [gratuito] gratuit
       *[other] { $cost }
    }
co-detail-in-italian = 🇮🇹 (în italiană: cursul nu are încă un text în română)
co-detail-sessions =
    🗓️ Lecții:
    { $list }
co-detail-seats =
    { $left ->
        [0] 🪑 Cursul este plin. Poți să te pui pe lista de așteptare.
        [one] 🪑 A mai rămas un loc.
       *[other] 🪑 Locuri libere: { $left }.
    }
co-detail-italian = 🗣️ Ai nevoie de limba italiană la nivelul { $level }. Dacă ai îndoieli, întreabă o persoană.
co-detail-deadline = ⏳ Te poți înscrie până { DATETIME($when, dateStyle: "full") }.
co-detail-status = ✅ La acest curs: { co-status-name }.
btn-co-sign-up = ✍️ Înscrie-mă
btn-co-leave = 🚪 Renunț la curs

## Signing up

co-ask =
    Vrei să te înscrii la cursul „{ $title }”?
    Prima lecție este { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
co-ask-waiting =
    Cursul „{ $title }” este plin.
    Vrei să te pui pe lista de așteptare? Dacă se eliberează un loc, îți scriu.
btn-co-yes = ✅ Da, înscrie-mă
co-enrolled =
    Gata! Te-ai înscris la cursul „{ $title }”. ✅
    📍 { $place_name }, { $address }
co-sessions =
    🗓️ Lecțiile:
    { $list }
co-waiting =
    Cursul „{ $title }” este plin.
    Ești pe lista de așteptare: ai numărul { $position }.
    Dacă se eliberează un loc, îți scriu imediat.
co-already = Ești deja pe lista cursului „{ $title }”.
co-ics-caption = 📅 Lecțiile cursului. Deschide fișierul ca să le pui în calendar.
co-ics-cancel-caption = 📅 Ai renunțat la curs. Deschide fișierul ca să scoți lecțiile din calendar.
co-needs-prescreening =
    Pentru cursul „{ $title }”, mai întâi răspunde la câteva întrebări.
    Ne ajută să vedem dacă proiectul este pentru tine. Durează două minute.
co-needs-not-eligible =
    Din ce mi-ai spus, acest curs nu este pentru tine.
    O persoană te poate asculta și îți poate da alte idei.
co-needs-in-charge =
    Pentru cursul „{ $title }”, mai întâi ai nevoie de o întâlnire cu noi.
    O persoană te poate ajuta să o programezi.

## My courses and leaving

co-mine =
    { $count ->
        [one] Iată cursul tău:
        [few] Iată cele { $count } cursuri ale tale:
       *[other] Iată cele { $count } de cursuri ale tale:
    }
co-mine-item = • { $title }: { co-status-name }
co-mine-none = Acum nu ai niciun curs.
btn-co-leave-one = 🚪 Renunț la { $title }
co-leave-ask =
    Sigur vrei să renunți la cursul „{ $title }”?
    Locul tău va merge la altă persoană.
btn-co-leave-yes = 🚪 Da, renunț
btn-co-stay = ⬅️ Nu, rămân
co-left = Ai renunțat la cursul „{ $title }”. Dacă te răzgândești, te poți înscrie din nou.

## A free seat from the waiting list

co-offer =
    🎉 Vești bune! S-a eliberat un loc la cursul „{ $title }”.
    Prima lecție este { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    Îl vrei? Răspunde până { DATETIME($until, dateStyle: "full", timeStyle: "short") }.
btn-co-accept = ✅ Accept locul
btn-co-decline = ❌ Nu vreau locul
co-offer-accepted = Gata! Locul la cursul „{ $title }” este al tău. ✅
co-offer-declined = Bine. Locul va merge la altă persoană. Mulțumesc că mi-ai spus.
co-offer-gone = Îmi pare rău, această ofertă nu mai există. Poate s-a terminat timpul de răspuns.

## Changes and reminders

co-changed =
    ℹ️ Cursul „{ $title }” s-a schimbat.
    Prima lecție este { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    📍 { $place_name }, { $address }
co-course-cancelled =
    😔 Ne pare rău: cursul «{ $title }» este anulat.
    Dacă vrei, uită-te la celelalte cursuri sau vorbește cu o persoană.
co-removed-by-office =
    Biroul te-a scos de la cursul «{ $title }».
    Lecțiile nu mai sunt pentru tine.
    Vrei să știi de ce? Vorbește cu o persoană.
co-reminder =
    ⏰ Memento: cursul „{ $title }” are loc { DATETIME($start, dateStyle: "full", timeStyle: "short") }.
    📍 { $place_name }, { $address }

## În fișierul „Datele mele”

export-courses = Cursuri
export-field-course = Curs
