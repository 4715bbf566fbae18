"""Which of the bot's languages a text is written in, when that is clear.

Arabic is told by its script alone. The Latin-script languages (Italian, English,
Romanian, French, Spanish) are told by py3langid's naive Bayes model of byte n-grams,
kept to those five languages by nlu/tools/language_model.py and scored here the way
py3langid scores it, without numpy: the whole detector costs the bot a few megabytes
instead of about a hundred (bench/language.py has the figures).

A short text says little about its language ("ok", "sì grazie", a comune's name), so only
texts with enough letters and words get an answer, and only when the model is sure. The
shell puts the answer on `TextSaid`; the core decides what to do with it.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "language_model.tsv.gz"
LATIN_LANGUAGES = ("it", "en", "ro", "fr", "es")

# Below these a text is too short to tell ("va bene", "ok grazie"): no answer.
MIN_LETTERS = 12
MIN_WORDS = 2
# How sure the model must be. Tuned on the NLU's held-out texts (bench/language.py): 3
# wrong answers in 934 texts, while four texts in five get one. A wrong answer costs an
# offer the person declines once; a missing one costs nothing more than today.
MIN_CONFIDENCE = 0.8

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|@\w+")
_LONGEST_NGRAM = 6  # bytes


@dataclass(frozen=True)
class Detected:
    language: str
    confidence: float


class LanguageDetector:
    def __init__(
        self,
        languages: Iterable[str],
        model_path: Path = MODEL_PATH,
        *,
        min_confidence: float = MIN_CONFIDENCE,
    ) -> None:
        self._languages = frozenset(languages)
        self._min_confidence = min_confidence
        self._columns, self._prior, self._index, self._weights = _load(model_path)
        # Only the columns of languages the bot speaks take part in the decision.
        self._used = [i for i, code in enumerate(self._columns) if code in self._languages]

    def detect(self, text: str) -> Detected | None:
        """The language of `text` when it is clear, else None."""
        text = _NOISE.sub(" ", text)
        letters = sum(ch.isalpha() for ch in text)
        arabic = len(_ARABIC.findall(text))
        if "ar" in self._languages and arabic >= 3 and 2 * arabic >= letters:
            return Detected("ar", 1.0)
        if letters - arabic < MIN_LETTERS or len(_WORD.findall(text)) < MIN_WORDS:
            return None
        ranked = self.probabilities(text)
        if not ranked:
            return None
        language, confidence = max(ranked.items(), key=lambda item: item[1])
        if confidence < self._min_confidence:
            return None
        return Detected(language, round(confidence, 3))

    def probabilities(self, text: str) -> dict[str, float]:
        """The model's probability for each Latin-script language the bot speaks."""
        if not self._used:
            return {}
        if text.isupper():  # py3langid's own rule: shouting is scored as lower case
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf-8", errors="surrogatepass")
        counts: dict[int, int] = {}
        index, longest = self._index, _LONGEST_NGRAM
        # At each byte, the longest known n-gram ending there counts (py3langid's tokenizer).
        for end in range(1, len(data) + 1):
            for size in range(min(longest, end), 1, -1):
                found = index.get(data[end - size : end])
                if found is not None:
                    counts[found] = counts.get(found, 0) + 1
                    break
        scores = [self._prior[i] for i in self._used]
        weights, width = self._weights, len(self._columns)
        for row, count in counts.items():
            damped = math.log1p(count)
            base = row * width
            for k, column in enumerate(self._used):
                scores[k] += damped * weights[base + column]
        # py3langid's calibration: a softmax at temperature √(bytes).
        scale = 1.0 / math.sqrt(len(data) or 1)
        top = max(scores) * scale
        exps = [math.exp(s * scale - top) for s in scores]
        total = sum(exps)
        return {self._columns[c]: e / total for c, e in zip(self._used, exps, strict=True)}


def _load(path: Path) -> tuple[tuple[str, ...], list[float], dict[bytes, int], array[float]]:
    with gzip.open(path, "rt", encoding="ascii") as lines:
        columns = tuple(next(lines)[2:].split())
        prior = [float(p) for p in next(lines)[2:].split()]
        index: dict[bytes, int] = {}
        weights = array("f")
        for row, line in enumerate(lines):
            hexed, *values = line.split("\t")
            index[bytes.fromhex(hexed)] = row
            weights.extend(float(v) for v in values)
    return columns, prior, index, weights
