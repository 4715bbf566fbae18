## في ملف "بياناتي": دروس الدورة التي حضرها الشخص

export-field-lessons = الدروس التي حضرتها
export-lessons-value = { $attended } من { $held } دروس أقيمت
