## Dans le fichier "Mes données" : les leçons du cours suivies par la personne

export-field-lessons = Leçons suivies
export-lessons-value = { $attended } sur { $held } leçons données
