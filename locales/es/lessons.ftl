## En el archivo "Mis datos": las clases del curso a las que asistió la persona

export-field-lessons = Clases asistidas
export-lessons-value = { $attended } de { $held } clases impartidas
