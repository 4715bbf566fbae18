"""Rebuilds nlu/language_model.tsv.gz from py3langid's shipped model.

    .venv/bin/python nlu/tools/language_model.py

py3langid (BSD, a maintained fork of langid.py) ships a naive Bayes model of byte n-grams
for 97 languages. Loaded as is, it costs the bot about 100 MB of memory (numpy and the
full model), over the bot's budget. The bot only tells apart the Latin-script languages it
speaks (Arabic is decided by its script), so this keeps their columns and the n-grams that
separate them, and writes them as a small text file that nlu/language.py reads without
numpy. The scoring there follows py3langid's own (see `nlu.language`); the test
tests/adapters/test_language.py checks both give the same language on the held-out texts.
"""

from __future__ import annotations

import collections
import gzip
import sys
from pathlib import Path

from py3langid.langid import MODEL_DIR, MODEL_FILE
from py3langid.modelio import load_model

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from nlu.language import LATIN_LANGUAGES, MODEL_PATH  # noqa: E402

# An n-gram whose weights differ less than this between our languages hardly moves a
# decision; dropping them keeps the file and the memory small (accuracy measured unchanged).
MIN_SPREAD = 1.0


def feature_strings(nextmove: object, rows: object, output: object) -> dict[int, bytes]:
    """The byte string of each feature, read off the tokenizer's automaton.

    A state's shortest path from the start spells the text it stands for, and a state's
    output is the longest feature ending there, so the first path found names it.
    """
    rowbase = [r << 8 for r in rows]  # type: ignore[attr-defined]
    paths = {0: b""}
    queue = collections.deque([0])
    while queue:
        state = queue.popleft()
        base, path = rowbase[state], paths[state]
        for byte in range(256):
            following = nextmove[base + byte]  # type: ignore[index]
            if following not in paths:
                paths[following] = path + bytes([byte])
                queue.append(following)
    features: dict[int, bytes] = {}
    for state, path in paths.items():
        feature = output[state]  # type: ignore[index]
        if feature >= 0:
            features.setdefault(feature, path)
    return features


def main() -> None:
    ptc, pc, classes, nextmove, rows, output = load_model(MODEL_DIR / MODEL_FILE)
    columns = [classes.index(code) for code in LATIN_LANGUAGES]
    features = feature_strings(nextmove, rows, output)
    lines = [
        "# " + "\t".join(LATIN_LANGUAGES),
        "# " + "\t".join(f"{float(pc[c]):.4f}" for c in columns),
    ]
    kept = 0
    for index, text in sorted(features.items()):
        weights = [float(ptc[index, c]) for c in columns]
        low = min(weights)
        if max(weights) - low <= MIN_SPREAD:
            continue
        # Adding the same number to every language changes no decision: store from zero.
        lines.append(text.hex() + "\t" + "\t".join(f"{w - low:.2f}" for w in weights))
        kept += 1
    # mtime=0: the same model gives the same bytes, so a rebuild shows no diff.
    with gzip.GzipFile(MODEL_PATH, "wb", compresslevel=9, mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("ascii"))
    print(f"{kept} of {len(features)} n-grams kept in {MODEL_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
