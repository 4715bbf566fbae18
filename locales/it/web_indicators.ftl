# The funder's indicators and the monthly PDF (web/indicator_pages.py). Italian only, like web.ftl.
web-indicators-heading = Indicatori per il finanziatore
web-indicators-intro = Qui ci sono i numeri per il Fondo sociale europeo. Chi entra nel programma, chi esce e come sta sei mesi dopo.
web-indicators-link = Indicatori per il finanziatore
web-indicators-funder = Per il finanziatore
web-indicators-back = Torna all'andamento del programma
web-indicators-note-title = Numeri completi, solo per il personale dell'ente
web-indicators-note = In questa pagina vedi tutti i numeri, anche i più piccoli. Nei file scaricati (CSV, Excel) e nel rapporto PDF le celle da 1 a 4 persone sono nascoste (scritte «<5»), e a volte anche una cella vicina (scritta «n.d.»): così nessuno può risalire a una persona.
web-indicators-period = Periodo
web-indicators-period-label = Anno, trimestre o mese
web-indicators-period-hint = Per esempio 2026, 2026-Q1 (gennaio-marzo) o 2026-03.
web-indicators-range = Oppure scegli i giorni
web-indicators-from = Dal giorno
web-indicators-to = Al giorno
web-indicators-day-hint = Per esempio 2026-01-15.
web-indicators-splits = Suddividi anche
web-indicators-split-age = Per fascia d'età
web-indicators-split-comune = Per comune
web-indicators-show = Mostra
web-indicators-error-period = Scrivi il periodo così: 2026, 2026-Q1 o 2026-03.
web-indicators-error-day = Scrivi il giorno così: 2026-01-15.
web-indicators-error-order = Il secondo giorno viene prima del primo.
web-indicators-error-not-over = Il periodo finisce il { $end }: si può chiudere solo dal giorno dopo.
web-indicators-error-closed = Il periodo è già chiuso: chiuso il { $when } da { $who }. I numeri restano quelli di allora.
web-indicators-error-month = Scrivi il mese così: 2026-01.
web-indicators-dates = Dal { $start } al { $end }
web-indicators-state-closed = Periodo chiuso il { $when } da { $who }: i numeri sono congelati e non cambiano più.
web-indicators-state-open = Periodo aperto: i numeri cambiano con le nuove registrazioni.
web-indicators-just-closed = Periodo chiuso. I numeri sono stati congelati.
web-indicators-downloads = Scarica per il finanziatore (celle piccole nascoste)
web-indicators-csv = Scarica CSV
web-indicators-xlsx = Scarica Excel (XLSX)
web-indicators-close = Chiudi il periodo
web-indicators-close-hint = Se chiudi il periodo, i numeri di oggi restano fissi. Non cambiano neanche se poi una persona cancella i suoi dati.
web-indicators-kind = { $kind ->
    [output] Partecipanti all'ingresso
    [result_on_leaving] Risultati all'uscita
   *[result_six_months] Risultati a sei mesi dall'uscita
}
web-indicators-col-code = Codice
web-indicators-col-name = Indicatore
web-indicators-col-total = Totale
web-indicators-col-female = Donne
web-indicators-col-male = Uomini
web-indicators-col-non-binary = Non binari
web-indicators-col-not-stated = Non dichiarato
web-indicators-group = { $group ->
    [age-30-39] Età 30-39
    [age-40-49] Età 40-49
    [age-50-60] Età 50-60
    [age-other] Altra età o non nota
    [comune-unknown] Comune non indicato
   *[other] { $group }
}
web-indicators-comune = Comune di { $name }
web-indicators-closed-heading = Periodi chiusi
web-indicators-closed-none = Nessun periodo chiuso.
web-indicators-col-period = Periodo
web-indicators-col-closed = Chiuso
web-indicators-closed-by = il { $when } da { $who }
web-indicators-see = Vedi i numeri di { $period }
web-indicators-close-heading = Chiudere il periodo?
web-indicators-close-what = Chiudendo il periodo dal { $start } al { $end }, i numeri di oggi vengono congelati. Da quel momento i file e la pagina del periodo leggono solo quelli: nessuna cancellazione o correzione li cambia più.
web-indicators-close-sure = Non si può annullare.
web-indicators-close-yes = Sì, chiudi il periodo
web-indicators-close-cancel = Annulla
web-indicators-close-other = Scegli un altro periodo
web-indicators-pdf-heading = Rapporto mensile (PDF)
web-indicators-pdf-intro = Il rapporto del mese per chi ci finanzia: andamento, grafici e indicatori. Le celle piccole sono nascoste.
web-indicators-pdf-month = Mese del rapporto
web-indicators-pdf-hint = Per esempio 2026-01. Vuoto: il mese scorso.
web-indicators-pdf-button = Scarica il rapporto del mese (PDF)
# In the PDF itself.
web-pdf-title = Rapporto mensile
web-pdf-month = { $month ->
    [1] gennaio
    [2] febbraio
    [3] marzo
    [4] aprile
    [5] maggio
    [6] giugno
    [7] luglio
    [8] agosto
    [9] settembre
    [10] ottobre
    [11] novembre
   *[12] dicembre
} { $year }
web-pdf-made = Fatto il { $when }
web-pdf-state-closed = Indicatori del periodo chiuso il { $when }: numeri congelati.
web-pdf-state-open = Periodo aperto: numeri provvisori.
web-pdf-project = Codice progetto { $code }
web-pdf-trend = Persone per mese, ultimi 12 mesi
web-pdf-indicators = Indicatori del mese
web-pdf-legend = «<5»: da 1 a 4 persone, non mostrato. «n.d.»: 5 o più persone, non mostrato perché un totale non riveli una cella piccola accanto.
web-pdf-page = Pagina
web-pdf-of = di
