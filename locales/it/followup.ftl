## Sei mesi dopo la fine del percorso: una domanda, solo con il consenso (dialogs/followup.py)

fu-question =
    Ciao! Sono passati 6 mesi dalla fine del tuo percorso con noi.
    Come va adesso con il lavoro? Scegli una risposta.
    «Sto meglio di prima» vuol dire: studio, faccio un corso o ho un lavoro in vista.
    Rispondere non è un obbligo: puoi usare il bot come sempre.
btn-fu-employed = Lavoro per qualcuno
btn-fu-self_employed = Lavoro in proprio
btn-fu-better_situation = Sto meglio di prima
btn-fu-no_change = Niente di nuovo
btn-fu-unknown = Preferisco non dire
fu-thanks = Grazie per la risposta! Ci aiuta a fare meglio il progetto. Se vuoi, sono qui: scegli un pulsante o scrivimi.
