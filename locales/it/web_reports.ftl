# The coordinators' dashboard (web/report_pages.py). Italian only, like web.ftl.
web-nav-reports = Andamento
web-reports-heading = Andamento del programma
web-reports-intro = Numeri anonimi del periodo scelto. Restano giusti anche quando una persona cancella i suoi dati.
web-reports-period = Periodo
web-reports-from = Dal mese
web-reports-to = Al mese
web-reports-month-hint = Per esempio 2026-01.
web-reports-show = Mostra
web-reports-error-month = Scrivi il mese così: 2026-01.
web-reports-error-order = Il secondo mese viene prima del primo.
web-reports-error-long = Scegli al massimo { $months } mesi.
web-reports-funnel = Il percorso delle persone
web-reports-funnel-hint = Quante volte è successo ogni passo nel periodo. Una persona conta in ogni passo che ha fatto nel periodo.
web-reports-months = Persone per mese
web-reports-service = Come risponde il servizio
web-reports-col-step = Passo
web-reports-col-count = Quante
web-reports-col-month = Mese
web-reports-col-answer = Risposta
web-reports-col-language = Lingua
web-reports-col-people = Persone
web-reports-step = { $step ->
    [first_contact] Primo contatto
    [consent] Consenso alla privacy
    [prescreening] Domande di orientamento
    [likely] Probabilmente nel programma
    [orientation_booked] Colloquio prenotato
    [orientation_attended] Colloquio fatto
    [taken_in_charge] Presa in carico
    [course_or_internship] Corso o tirocinio
    [outcome] Uscita con esito
   *[other] { $step }
}
web-reports-no-show = Assenze agli appuntamenti
web-reports-lesson-absences = Assenze alle lezioni dei corsi
web-reports-not-understood = Messaggi che il bot non ha capito
web-reports-rate = { $rate } % ({ $part } su { $whole })
web-reports-wait = Attesa di un operatore, in orario di ufficio
web-reports-wait-value = metà delle persone entro { $median } min, 9 su 10 entro { $p90 } min ({ $taken } richieste)
web-reports-still-waiting = { $count ->
    [one] 1 richiesta ancora senza operatore
   *[other] { $count } richieste ancora senza operatore
}
web-reports-no-data = Ancora nessun dato.
web-reports-reminders = Risposte ai promemoria
web-reports-answer = { $answer ->
    [confirmed] Viene
    [declined] Non può venire
   *[none] Nessuna risposta
}
web-reports-languages = Lingue scelte al consenso
web-reports-language = { $code ->
    [it] Italiano
    [en] Inglese
    [ro] Romeno
    [ar] Arabo
    [fr] Francese
    [es] Spagnolo
   *[other] { $code }
}
