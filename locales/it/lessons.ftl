## Nel file "I miei dati": le lezioni del corso a cui la persona era presente

export-field-lessons = Lezioni frequentate
export-lessons-value = { $attended } su { $held } lezioni svolte
