## Texts for the operators (the operators' group works in Italian). Translated so that every
## catalogue has every key; op-signature and op-caption reach the person.

op-card =
    { $urgent ->
        [yes] 🆘 URGENT
       *[no] 🙋 Cerere de contact
    }
    Nume: { $name }
    Limba: { $language }
    Motiv: { $reason ->
        [distress] situație de urgență (a primit numerele de urgență)
        [operator] un operator a scris primul
        [misunderstood] botul nu a înțeles de două ori
        [appointment] cere o programare pe care o face un operator
       *[asked] a cerut o persoană
    }
    Condiții: { $prescreening }
    Programări și cursuri: { $bookings }
    Ultimele mesaje:
    { $recent }
op-card-claimed = ✋ O preia { $operator }.
op-card-closed = ✅ Închisă de { $operator }.
op-claimed-by-other = Cererea este deja la { $operator }.
op-not-operator = Această funcție este doar pentru operatorii proiectului.
op-reannounce = ⏰ Această cerere încă așteaptă un operator.
op-edited = ✏️ Mesaj modificat: { $text }
op-no-handoff = În acest subiect nu există o conversație deschisă.
op-scrivi-usage = Scrie /scrivi urmat de numărul persoanei, de exemplu /scrivi 12345.
op-scrivi-unknown = Nu găsesc această persoană sau nu și-a dat acordul.
op-opened = Conversație deschisă. Scrie aici: persoana va primi mesajele tale.
op-closed-by-beneficiary = Persoana s-a întors la meniu. Conversație închisă.
op-signature = 👤 { $operator }: { $text }
op-caption = — 👤 { $operator }
op-none = niciunul
op-prescreening = { $outcome ->
        [likely_eligible] se pare că da
        [to_check] de verificat
        [not_eligible] se pare că nu
       *[other] nefăcută
    } { $date }
op-erased = Persoana și-a șters datele. Această conversație este închisă.
btn-claim = ✋ O preiau eu
btn-close = ✅ Închide
op-details =
    📋 Răspunsuri la verificarea cerințelor:
    { $answers }
btn-details = 📋 Mai multe detalii

op-cases =
    Cereri deschise: { $count }
    { $lines }
op-case-line = { $urgent ->
        [yes] 🆘
       *[no] •
    } { $name } (id { $id }): { $status ->
        [claimed] o urmărește { $operator }
       *[open] în așteptare
    }, de { $minutes } minute

## Programări: anunțuri în grupul operatorilor și întrebarea despre prezență.
op-ap-someone = persoană fără nume
op-ap-booked = 📅 Programat: { $name } (id { $id }), { $kind }, { $when }, { $place }, cu { $operator }.
op-ap-moved = 🔁 Mutat: { $name } (id { $id }), { $kind }, acum { $when }, { $place }, cu { $operator }.
op-ap-cancelled = ❌ Anulat: { $name } (id { $id }), { $kind }, { $when }, { $place }, cu { $operator }.
op-ap-unreachable = ⚠️ Memento nelivrat, a blocat botul: { $name } (id { $id }), { $kind }, { $when }, { $place }, cu { $operator }.
op-ap-unconfirmed = ❓ Nicio confirmare la ultimul memento: { $name } (id { $id }), { $kind }, { $when }, { $place }, cu { $operator }.
op-att-question = 👥 A venit { $name } (id { $id }) la programarea din { $when }? { $kind }, { $place }, cu { $operator }.
op-att-marked = { $status ->
        [attended] ✅ Prezent
       *[no_show] ❌ Absent
    } (marcat de { $operator })
op-att-already = Prezența a fost deja marcată de { $operator }.
op-att-too-early = Programarea nu a început încă.
op-att-gone = Această programare nu mai există: anulată, sau persoana și-a șters datele.
btn-att-present = ✅ Prezent
btn-att-absent = ❌ Absent

## Cursuri: anunțuri în grupul operatorilor.
op-co-enrolled = 🎓 Înscris: { $name } (id { $id }), cursul «{ $course }». Locuri ocupate: { $taken } din { $seats }.
op-co-waiting = ⏳ Pe lista de așteptare: { $name } (id { $id }), cursul «{ $course }».
op-co-withdrawn = 🚪 S-a retras: { $name } (id { $id }), cursul «{ $course }». Locul trece la primul de pe listă, dacă există.
op-co-accepted = ✅ A acceptat locul eliberat: { $name } (id { $id }), cursul «{ $course }».
op-card-released = ↩️ { $operator } a lăsat-o: așteaptă un operator.
op-web-reply = 💻 { $operator }: { $text }
op-web-note = 📝 Notă de la { $operator }, persoana nu o vede: { $text }
