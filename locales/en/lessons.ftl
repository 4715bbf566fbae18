## In the "My data" file: the lessons of a course the person attended

export-field-lessons = Lessons attended
export-lessons-value = { $attended } of { $held } lessons held
