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


# Phrases people use for each choice, normalised (lowercase, no accents). First match wins,
# so the negations come before the words they contain ("non lavoro" before "lavoro").
# A phrase is matched as whole words; a trailing * makes it a stem ("disoccupat*").
_CHOICES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "work": (
        ("unknown", ("preferisco non", "non so")),
        ("not_working", ("non lavoro", "disoccupat*", "senza lavoro", "nessun lavoro", "niente")),
        ("occasional", ("ogni tanto", "saltuari*", "qualche lavoretto", "a chiamata", "in nero")),
        ("training", ("corso", "studio", "formazione", "scuola")),
        ("working", ("lavoro", "impiegat*", "occupat*", "contratto")),
    ),
    "services": (
        ("unknown", ("preferisco non", "non so")),
        ("no", ("no", "nessuno", "non sono seguit*")),
        ("yes", ("si", "assistente sociale", "servizi", "sert", "cps", "seguit*")),
    ),
    "permit": (
        ("unknown", ("preferisco non", "non so")),
        # A bare "no" is not here: "no, I have a permit" and "no, I have none" both start so.
        ("no_permit", ("non ho il permesso", "senza permesso", "scaduto")),
        ("valid_permit", ("permesso", "carta di soggiorno")),
        ("eu_citizen", ("italian*", "europe*", "comunitari*", "romen*", "si")),
    ),
    "did": (
        ("unknown", ("preferisco non", "non so", "cos'e", "cosa e")),
        ("no", ("no", "non l'ho", "non ce l'ho")),
        ("yes", ("si", "ce l'ho", "fatta", "fatto")),
    ),
}


def parse_choice(question: str, text: str) -> str | None:
    plain = normalise(text)
    for choice, phrases in _CHOICES.get(question, ()):
        if any(re.search(_pattern(p), plain) for p in phrases):
            return choice
    return None


def _pattern(phrase: str) -> str:
    stem = phrase.removesuffix("*")
    return rf"\b{re.escape(stem)}" + ("" if phrase.endswith("*") else r"\b")


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
