## În fișierul "Datele mele": lecțiile cursului la care persoana a fost prezentă

export-field-lessons = Lecții frecventate
export-lessons-value = { $attended } din { $held } lecții ținute
