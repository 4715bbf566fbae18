"""Reading questionnaire answers out of free text: ages, birth years and simple choices."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dialogs.keywords import normalise

OLDEST_PLAUSIBLE = 100
YOUNGEST_PLAUSIBLE = 14


@dataclass(frozen=True)
class Implausible:
    """A number that can't be an adult's age ("7", "140"): asked again, kindly."""

    said: str


def parse_age(text: str, today: date) -> str | Implausible | None:
    """ "ho 52 anni" → "52"; "sono nato nel 1971" → "born:1971"; None when no number."""
    plain = normalise(text)
    year = re.search(r"\b(19\d\d|20\d\d)\b", plain)
    if year:
        born = int(year.group(1))
        if not YOUNGEST_PLAUSIBLE <= today.year - born <= OLDEST_PLAUSIBLE:
            return Implausible(year.group(1))
        return f"born:{born}"
    number = re.search(r"\b(\d{1,3})\b", plain)
    if number:
        age = int(number.group(1))
        if not YOUNGEST_PLAUSIBLE <= age <= OLDEST_PLAUSIBLE:
            return Implausible(number.group(1))
        return str(age)
    return None


_UNSURE = ("don't know", "dont know", "prefer not", "nu stiu", "je ne sais pas", "no se", "لا اعرف")
_NO_PERMIT = (
    "non ho il permesso",
    "senza permesso",
    "scaduto",
    "no permit",
    "don't have a permit",
    "without papers",
    "expired",
    "nu am permis",
    "expirat",
    "sans papiers",
    "pas de titre de sejour",
    "expire",
    "sin papeles",
    "no tengo permiso",
    "caducad*",
    "بدون اوراق",
    "ليس لدي اقامة",
)
_PERMIT = (
    "residence permit",
    "permesso di soggiorno",
    "permis de sedere",
    "permis de sejour",
    "titre de sejour",
    "carte de sejour",
    "permiso de residencia",
    "tarjeta de residencia",
    "اقامة",
)
# Citizens of Italy or another EU country, as people say it: "sono cittadina rumena".
_EU_CITIZEN = (
    "cittadin* italian*", "cittadin* europe*", "cittadin* rumen*", "cittadin* romen*",
    "sono italian*", "sono rumen*", "sono romen*", "sono polacc*", "sono bulgar*",
    "eu citizen", "european citizen", "i am romanian", "i'm romanian", "i am italian",
    "i'm italian", "romanian citizen", "italian citizen",
    "cetatean* roman*", "cetatean* ue", "sunt roman*", "cetatenie romana",
    "citoyen* europe*", "je suis roumain*", "je suis italien*",
    "ciudadan* europe*", "soy rumano", "soy rumana", "soy italian*", "ciudadan* rumano",
    "ciudadan* rumana", "مواطن اوروبي",
    "cittadinanza italiana", "cittadinanza europea", "cittadinanza rumena",
    "cittadinanza romena", "nationalite italienne", "nationalite europeenne",
    "nationalite roumaine", "nacionalidad italiana", "nacionalidad rumana",
    "nacionalidad europea", "الجنسية الايطالية", "الجنسية الاوروبية",
)  # fmt: skip

# Phrases people use for each choice, normalised (lowercase, no accents). First match wins,
# so the negations come before the words they contain ("non lavoro" before "lavoro").
# A phrase is matched as whole words; a trailing * makes it a stem ("disoccupat*").
_CHOICES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "work": (
        ("unknown", ("preferisco non", "non so", *_UNSURE)),
        (
            "not_working",
            (
                "non lavoro", "disoccupat*", "senza lavoro", "nessun lavoro", "niente",
                "not working", "unemployed", "no job", "don't work", "dont work", "jobless",
                "nu lucrez", "somer*", "fara loc de munca", "fara serviciu",
                "travaille pas", "sans emploi", "chomage", "chomeu*",
                "no trabajo", "desemplead*", "parad*", "sin trabajo", "sin empleo",
                "لا اعمل", "ما خدامش", "عاطل", "بدون عمل",
            ),
        ),
        (
            "occasional",
            (
                "ogni tanto", "saltuari*", "qualche lavoretto", "a chiamata", "in nero",
                "sometimes", "occasional*", "odd jobs", "uneori", "ocazional", "parfois",
                "de temps en temps", "a veces", "de vez en cuando", "احيانا",
            ),
        ),
        (
            "training",
            (
                "corso", "studio", "formazione", "scuola", "course", "training", "studying",
                "curs", "scoala", "formation", "curso", "estudio", "دورة", "تكوين",
            ),
        ),
        (
            "working",
            (
                "lavoro", "impiegat*", "occupat*", "contratto", "i work", "working",
                "employed", "have a job", "lucrez", "angajat*", "je travaille", "trabajo",
                "emplead*", "اعمل", "خدام",
            ),
        ),
    ),
    "services": (
        ("unknown", ("preferisco non", "non so", *_UNSURE)),
        ("no", ("no", "nessuno", "non sono seguit*", "nobody", "no one", "none", "nimeni",
                "personne", "nadie", "ninguno", "لا احد")),
        ("yes", ("si", "assistente sociale", "servizi", "sert", "cps", "seguit*",
                 "social worker", "social services", "asistent* social*", "servicii sociale",
                 "assistant* social*", "services sociaux", "trabajador* social*",
                 "servicios sociales", "مساعدة اجتماعية")),
    ),
    "permit": (
        ("unknown", ("preferisco non", "non so", *_UNSURE)),
        # A bare "no" is not here: "no, I have a permit" and "no, I have none" both start so.
        ("no_permit", _NO_PERMIT),
        ("valid_permit", ("permesso", "carta di soggiorno", *_PERMIT)),
        ("eu_citizen", ("italian*", "europe*", "comunitari*", "romen*", "si", *_EU_CITIZEN)),
    ),
    "did": (
        ("unknown", ("preferisco non", "non so", "cos'e", "cosa e", *_UNSURE)),
        ("no", ("no", "non l'ho", "non ce l'ho", "i don't have", "i dont have", "nu am",
                "je ne l'ai pas", "no la tengo", "no lo tengo")),
        ("yes", ("si", "ce l'ho", "fatta", "fatto", "i have it", "am facut", "je l'ai",
                 "la tengo", "lo tengo")),
    ),
}  # fmt: skip

# Facts people state on their own ("sono disoccupata", "sono cittadina rumena", "ho il
# permesso di soggiorno"): stricter than the answers above, because no question was asked.
_VOLUNTEERED: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "work": (
        (
            "not_working",
            (
                "non lavoro", "disoccupat*", "senza lavoro", "unemployed", "don't work",
                "nu lucrez", "somer*", "sans emploi", "ne travaille pas", "chomeu*", "no trabajo",
                "desemplead*", "لا اعمل", "عاطل",
            ),
        ),
    ),
    "permit": (
        ("no_permit", _NO_PERMIT),
        ("valid_permit", ("permesso di soggiorno", "carta di soggiorno", *_PERMIT)),
        ("eu_citizen", _EU_CITIZEN),
    ),
}  # fmt: skip


def volunteered(text: str) -> dict[str, str]:
    """The work situation and citizenship a person states in passing, if any."""
    plain = normalise(text)
    found = {}
    for question, choices in _VOLUNTEERED.items():
        for choice, phrases in choices:
            if any(re.search(_pattern(p), plain) for p in phrases):
                found[question] = choice
                break
    return found


def parse_choice(question: str, text: str) -> str | None:
    plain = normalise(text)
    for choice, phrases in _CHOICES.get(question, ()):
        if any(re.search(_pattern(p), plain) for p in phrases):
            return choice
    return None


def _pattern(phrase: str) -> str:
    """Whole words; a word ending in * is a stem ("cittadin* rumen*")."""
    words = [
        re.escape(w.removesuffix("*")) + (r"\w*" if w.endswith("*") else "") for w in phrase.split()
    ]
    tail = "" if phrase.endswith("*") else r"\b"
    return r"\b" + r"\s+".join(words) + tail


_CORRECTIONS = (
    ("age", ("eta", "anni", "nato", "nata")),
    ("residence", ("comune", "abito", "paese", "residenza", "vivo")),
    ("work", ("lavoro",)),
    ("services", ("servizi", "seguito", "seguita")),
    ("permit", ("permesso", "cittadin")),
    ("did", ("did", "disponibilita")),
)


def correction_target(text: str) -> str | None:
    """ "ho sbagliato l'età" → "age": which answer the person wants to change, if any."""
    plain = normalise(text)
    if not re.search(r"\b(sbagliat|correggere|correggi|cambiare|errore|modificare)", plain):
        return None
    return next((q for q, words in _CORRECTIONS if any(w in plain for w in words)), None)
