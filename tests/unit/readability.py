"""Readability of Italian texts: the Gulpease index (Lucisano and Piemontese, 1988).

    GULPEASE = 89 + (300 × sentences − 10 × letters) / words

The index goes from 0 to 100 (short texts can go above 100). For people with an elementary
school education a text should score 80 or more; for lower secondary school, 60 or more.

How the parts are counted here:

- words: whitespace-separated tokens with at least one letter or digit. An elided article
  stays in its word ("l'assistente" is one word), which is the stricter choice: fewer
  words, a lower index;
- letters: alphabetic characters inside those words (digits and punctuation are no letters);
- sentences: each run of sentence-ending marks (. ! ? …) followed by a space, a closing
  quote or bracket, or the end of the line, plus each non-empty line that ends without
  one of those marks (a line break ends a sentence: a bullet point, a heading, a contact);
  a line counts as non-empty when it has at least one word;
- ignored: emoji, bullets ("•"), Fluent placeholders ("{ $phone }", "{$phone}") and the
  invisible bidi isolation marks Fluent puts around them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SENTENCE_MARKS = ".!?…"
# A run of sentence marks ends a sentence when followed by one of these, or by the line end.
_SENTENCE_END = re.compile(r"[.!?…]+(?=[\s»\"'”’)\]]|$)")
_CLOSERS = "»\"'”’)]"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_INVISIBLE = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u200e\u200f\u200d\ufe0e\ufe0f"))
_EMOJI_CATEGORIES = {"So", "Sk", "Cs", "Co"}
# Emoji modifiers and joiners that are not symbols themselves.
_EMOJI_PARTS = {"\u20e3", "\ufe0f", "\ufe0e", "\u200d"}


@dataclass(frozen=True)
class Counts:
    letters: int
    words: int
    sentences: int


def strip_emoji(text: str) -> str:
    """The text without emoji (symbols, pictographs, flags, keycaps) and bullets."""
    out: list[str] = []
    for i, char in enumerate(text):
        following = text[i + 1] if i + 1 < len(text) else ""
        if char in _EMOJI_PARTS or char == "•":
            continue
        # A character shown as emoji ("ℹ️" is a letter by category) is followed by U+FE0F.
        if following == "\ufe0f" or unicodedata.category(char) in _EMOJI_CATEGORIES:
            continue
        out.append(char)
    return "".join(out)


def emoji_in(text: str) -> list[str]:
    """The emoji of a text in order, each as its base character (without U+FE0F)."""
    found: list[str] = []
    for i, char in enumerate(text):
        following = text[i + 1] if i + 1 < len(text) else ""
        if char in _EMOJI_PARTS:
            continue
        if following == "\ufe0f" or unicodedata.category(char) in {"So", "Cs"}:
            found.append(char)
    return found


def plain(text: str) -> str:
    """The text a reader reads: without placeholders, emoji, bullets and bidi marks."""
    # Emoji first: "ℹ️" is only recognisable as an emoji by the U+FE0F after it.
    return strip_emoji(_PLACEHOLDER.sub(" ", text)).translate(_INVISIBLE)


def is_word(token: str) -> bool:
    return any(c.isalnum() for c in token)


def words_of(text: str) -> list[str]:
    return [token for token in plain(text).split() if is_word(token)]


def counts(text: str) -> Counts:
    letters = words = sentences = 0
    for line in plain(text).splitlines():
        tokens = [token for token in line.split() if is_word(token)]
        if not tokens:
            continue
        words += len(tokens)
        letters += sum(c.isalpha() for token in tokens for c in token)
        ends = _SENTENCE_END.findall(line.rstrip())
        sentences += len(ends)
        if not line.rstrip().rstrip(_CLOSERS).endswith(tuple(SENTENCE_MARKS)):
            sentences += 1  # the line break (or the end of the text) ends this sentence
    return Counts(letters, words, sentences)


def gulpease(text: str) -> float:
    """The Gulpease index of an Italian text. Raises ValueError for a text without words."""
    c = counts(text)
    if c.words == 0:
        raise ValueError("no words to measure")
    return 89 + (300 * c.sentences - 10 * c.letters) / c.words
