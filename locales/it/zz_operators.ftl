## Testi per gli operatori (solo in italiano: il gruppo degli operatori lavora in italiano).
## La firma dei messaggi inoltrati alla persona è senza parole, perché va bene in ogni lingua.

op-card =
    { $urgent ->
        [yes] 🆘 URGENTE
       *[no] 🙋 Richiesta di contatto
    }
    Nome: { $name }
    Lingua: { $language }
    Motivo: { $reason ->
        [distress] situazione di emergenza (ha ricevuto i numeri di emergenza)
        [operator] un operatore ha scritto per primo
        [misunderstood] il bot non ha capito due volte
        [appointment] chiede un appuntamento che fissa un operatore
       *[asked] ha chiesto una persona
    }
    Requisiti: { $prescreening }
    Appuntamenti e corsi: { $bookings }
    Ultimi messaggi:
    { $recent }
op-card-claimed = ✋ La prende { $operator }.
op-card-closed = ✅ Chiusa da { $operator }.
op-claimed-by-other = La richiesta è già di { $operator }.
op-not-operator = Questa funzione è solo per gli operatori del progetto.
op-reannounce = ⏰ Questa richiesta aspetta ancora un operatore.
op-edited = ✏️ Messaggio modificato: { $text }
op-no-handoff = In questo argomento non c'è una conversazione aperta.
op-scrivi-usage = Scrivi /scrivi seguito dal numero della persona, per esempio /scrivi 12345.
op-scrivi-unknown = Non trovo questa persona, oppure non ha dato il consenso.
op-opened = Conversazione aperta. Scrivi qui: la persona riceverà i tuoi messaggi.
op-closed-by-beneficiary = La persona è tornata al menu. Conversazione chiusa.
op-signature = 👤 { $operator }: { $text }
op-caption = — 👤 { $operator }
op-none = nessuno
op-prescreening = { $outcome ->
        [likely_eligible] sembra di sì
        [to_check] da verificare
        [not_eligible] sembra di no
       *[other] non fatta
    } { $date }
op-erased = La persona ha cancellato i suoi dati. Questa conversazione è chiusa.
btn-claim = ✋ Prendo io
btn-close = ✅ Chiudi
op-details =
    📋 Risposte alla verifica dei requisiti:
    { $answers }
btn-details = 📋 Più dettagli

op-cases =
    Richieste aperte: { $count }
    { $lines }
op-case-line = { $urgent ->
        [yes] 🆘
       *[no] •
    } { $name } (id { $id }): { $status ->
        [claimed] la segue { $operator }
       *[open] in attesa
    }, da { $minutes } minuti

## Appuntamenti: avvisi nel gruppo degli operatori e domanda sulla presenza.
op-ap-someone = persona senza nome
op-ap-booked = 📅 Prenotato: { $name } (id { $id }), { $kind }, { $when }, { $place }, con { $operator }.
op-ap-moved = 🔁 Spostato: { $name } (id { $id }), { $kind }, ora { $when }, { $place }, con { $operator }.
op-ap-cancelled = ❌ Annullato: { $name } (id { $id }), { $kind }, { $when }, { $place }, con { $operator }.
op-ap-unreachable = ⚠️ Promemoria non consegnato, ha bloccato il bot: { $name } (id { $id }), { $kind }, { $when }, { $place }, con { $operator }.
op-ap-unconfirmed = ❓ Nessuna conferma all'ultimo promemoria: { $name } (id { $id }), { $kind }, { $when }, { $place }, con { $operator }.
op-att-question = 👥 { $name } (id { $id }) è venuto/a all'appuntamento di { $when }? { $kind }, { $place }, con { $operator }.
op-att-marked = { $status ->
        [attended] ✅ Presente
       *[no_show] ❌ Non presente
    } (segnato da { $operator })
op-att-already = La presenza è già stata segnata da { $operator }.
op-att-too-early = L'appuntamento non è ancora iniziato.
op-att-gone = Questo appuntamento non c'è più: annullato, oppure la persona ha cancellato i suoi dati.
btn-att-present = ✅ Presente
btn-att-absent = ❌ Non presente

## Corsi: avvisi nel gruppo degli operatori.
op-co-enrolled = 🎓 Iscritto: { $name } (id { $id }), corso «{ $course }». Posti occupati: { $taken } su { $seats }.
op-co-waiting = ⏳ In lista d'attesa: { $name } (id { $id }), corso «{ $course }».
op-co-withdrawn = 🚪 Ritirato: { $name } (id { $id }), corso «{ $course }». Il posto va al primo in lista, se c'è.
op-co-accepted = ✅ Ha accettato il posto liberato: { $name } (id { $id }), corso «{ $course }».
op-card-released = ↩️ { $operator } l'ha lasciata: aspetta un operatore.
op-web-reply = 💻 { $operator }: { $text }
op-web-note = 📝 Nota di { $operator }, la persona non la vede: { $text }
