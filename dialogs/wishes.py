"""Time wishes in the other languages we speak ("tuesday morning", "mardi après-midi",
"martes por la tarde", "marți dimineața"): their words turned into the Italian ones the
preference reader knows, then read by it. Italian is tried first and untouched.

Only what people say about appointments: weekdays, morning and afternoon, today and
tomorrow, next week, and "after" / "before" / "at" an hour ("after 3 pm", "après 15h").
"""

from __future__ import annotations

import re
from datetime import date

from dialogs.preferences import Preference, normalise, parse_preference

# Longer phrases first, so "day after tomorrow" is not read as "after" + "tomorrow".
_PHRASES: dict[str, str] = {
    # English
    "day after tomorrow": "dopodomani",
    "in the morning": "mattina",
    "in the afternoon": "pomeriggio",
    "next week": "prossima settimana",
    "this week": "questa settimana",
    "not on": "non il",
    "monday": "lunedi", "tuesday": "martedi", "wednesday": "mercoledi",
    "thursday": "giovedi", "friday": "venerdi", "saturday": "sabato", "sunday": "domenica",
    "morning": "mattina", "afternoon": "pomeriggio", "tomorrow": "domani", "today": "oggi",
    "after": "dopo le", "before": "prima delle",
    # French
    "apres-demain": "dopodomani", "apres demain": "dopodomani",
    "la semaine prochaine": "prossima settimana", "semaine prochaine": "prossima settimana",
    "cette semaine": "questa settimana",
    "l apres-midi": "pomeriggio", "apres-midi": "pomeriggio", "apres midi": "pomeriggio",
    "le matin": "mattina", "matin": "mattina",
    "aujourd hui": "oggi", "demain": "domani",
    "pas le": "non il",
    "lundi": "lunedi", "mardi": "martedi", "mercredi": "mercoledi", "jeudi": "giovedi",
    "vendredi": "venerdi", "samedi": "sabato", "dimanche": "domenica",
    "apres": "dopo le", "avant": "prima delle",
    # Spanish ("mañana" alone is tomorrow; "por la mañana" is the morning)
    "pasado manana": "dopodomani",
    "por la manana": "mattina", "por la tarde": "pomeriggio",
    "la proxima semana": "prossima settimana", "proxima semana": "prossima settimana",
    "la semana que viene": "prossima settimana", "esta semana": "questa settimana",
    "despues de las": "dopo le", "antes de las": "prima delle", "a las": "alle",
    "manana": "domani", "hoy": "oggi", "tarde": "pomeriggio",
    "lunes": "lunedi", "martes": "martedi", "miercoles": "mercoledi", "jueves": "giovedi",
    "viernes": "venerdi", "sabado": "sabato", "domingo": "domenica",
    "despues": "dopo le", "antes": "prima delle",
    # Romanian (without diacritics, as normalised)
    "saptamana viitoare": "prossima settimana", "saptamana asta": "questa settimana",
    "dupa-amiaza": "pomeriggio", "dupa amiaza": "pomeriggio", "dupa-masa": "pomeriggio",
    "dupa masa": "pomeriggio", "dimineata": "mattina",
    "poimaine": "dopodomani", "maine": "domani", "astazi": "oggi", "azi": "oggi",
    "dupa ora": "dopo le", "inainte de ora": "prima delle", "inainte de": "prima delle",
    "la ora": "alle", "dupa": "dopo le",
    "luni": "lunedi", "marti": "martedi", "miercuri": "mercoledi", "joi": "giovedi",
    "vineri": "venerdi", "sambata": "sabato", "duminica": "domenica",
}  # fmt: skip
_PHRASE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(_PHRASES, key=len, reverse=True)) + r")\b"
)
# "3 pm" -> 15, "9am" -> 9, "15h" -> 15, "at 10" -> "alle 10".
_PM = re.compile(r"\b(\d{1,2})\s*pm\b")
_AM = re.compile(r"\b(\d{1,2})\s*am\b")
_H = re.compile(r"\b(\d{1,2})h\b")
_AT = re.compile(r"\b(?:at|a)\s+(\d{1,2})\b")


def parse_wish(text: str, today: date) -> Preference | None:
    """The wish in a message, in Italian or in one of the other languages we speak.

    Both readings are tried: the Italian reader guesses typos, so "marți dimineața" reads
    as Tuesday there, but only the translation also finds the morning. The reading that
    understood more wins; on a tie, the Italian one."""
    italian = parse_preference(text, today)
    translated = to_italian(text)
    other = parse_preference(translated, today) if translated != normalise(text) else None
    if other is not None and (italian is None or _conditions(other) > _conditions(italian)):
        return other
    return italian


def _conditions(wish: Preference) -> int:
    return sum(1 for value in vars(wish).values() if value)


def to_italian(text: str) -> str:
    plain = normalise(text)
    plain = _PM.sub(lambda m: str(int(m.group(1)) % 12 + 12), plain)
    plain = _AM.sub(r"\1", plain)
    plain = _H.sub(r"\1", plain)
    plain = _AT.sub(r"alle \1", plain)
    return _PHRASE_RE.sub(lambda m: _PHRASES[m.group(0)], plain)
