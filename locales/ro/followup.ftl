## La 6 luni după sfârșitul parcursului: o întrebare, doar cu acord (dialogs/followup.py)

fu-question =
    Bună! Au trecut 6 luni de când ai terminat parcursul cu noi.
    Cum merge acum cu munca? Alege un răspuns.
    «Mai bine ca înainte» înseamnă: studiezi, faci un curs sau ai o slujbă în curând.
    Nu e obligatoriu să răspunzi: poți folosi botul ca de obicei.
btn-fu-employed = Lucrez pentru cineva
btn-fu-self_employed = Lucrez pe cont propriu
btn-fu-better_situation = Mai bine ca înainte
btn-fu-no_change = Nimic nou
btn-fu-unknown = Prefer să nu spun
fu-thanks = Mulțumesc pentru răspuns! Ne ajută să facem proiectul mai bun. Sunt aici dacă ai nevoie: alege un buton sau scrie-mi.
