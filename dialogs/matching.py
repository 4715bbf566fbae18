"""The one fuzzy matcher: how close two words are, and which known word a typed one is.

People type "magazinere", "spino dada", "martedi" or "acceto": every place that compares
what was typed with what we know (comuni, time words, course titles, button labels) uses
these functions, so a typo is judged the same way everywhere. The scores are rapidfuzz's
normalised Indel similarity (0 to 1, like difflib's ratio but computed in C and exact).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

V = TypeVar("V", bound=Hashable)

# One slip in a word of five or more letters still scores above this; two different
# everyday words rarely do.
TYPO = 0.8
_EPSILON = 1e-9


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """0 to 1; below `cutoff` the answer is 0.

    The cutoff is applied here, not by rapidfuzz: its own cutoff turns a score of exactly
    0.8 (one edit in ten letters) into 0 through rounding.
    """
    score = Indel.normalized_similarity(a, b)
    return score if score >= cutoff - _EPSILON else 0.0


def ranked(query: str, choices: Iterable[str], cutoff: float) -> list[tuple[str, float]]:
    """The choices at least `cutoff` similar to the query, best first, ties in input order."""
    found = process.extract(query, list(choices), scorer=fuzz.ratio, limit=None)
    return [(choice, score / 100) for choice, score, _ in found if score / 100 >= cutoff - _EPSILON]


def closest(word: str, table: Mapping[str, V], cutoff: float = TYPO) -> V | None:
    """The value of the known word that `word` is, or is a small typo of.

    None when nothing is close enough, or when two words with different values are
    equally close: then we cannot tell which one was meant.
    """
    if word in table:
        return table[word]
    scored = ranked(word, table, cutoff)
    if not scored:
        return None
    best = scored[0][1]
    values = {table[known] for known, score in scored if score == best}
    return values.pop() if len(values) == 1 else None


def is_typo_of(word: str, known: str, cutoff: float = TYPO) -> bool:
    return word == known or similarity(word, known, cutoff) > 0
