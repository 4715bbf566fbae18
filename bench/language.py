"""Language detection: candidate libraries side by side on the NLU's held-out splits.

    .venv/bin/python bench/language.py

For each candidate, restricted to the six languages the bot speaks, it prints the share of
held-out sentences whose language comes out right (per language), the resident memory the
detector adds to a process, and the time per call. Each candidate runs in its own child
process, so the memory figures do not mix. The last column is the bot's own rule
(`nlu.language.LanguageDetector`): how often it is sure enough to offer a language
("offered"), and how often such an offer is wrong ("wrong offers"), which is what a
person would see.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LANGUAGES = ("it", "en", "ro", "ar", "fr", "es")
CANDIDATES = ("py3langid", "lingua-high", "lingua-low", "proximity")


def held_out() -> dict[str, list[str]]:
    """The examples of nlu/test/*.yml by language, entity annotations removed."""
    samples: dict[str, list[str]] = {}
    for path in sorted((ROOT / "nlu" / "test").glob("test_data*.yml")):
        suffix = path.stem.removeprefix("test_data").lstrip("_")
        language = suffix or "it"
        lines = path.read_text(encoding="utf-8").splitlines()
        texts = [_plain(line[6:]) for line in lines if line.startswith("    - ")]
        samples[language] = [t for t in texts if t.strip()]
    return samples


def _plain(example: str) -> str:
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", example).strip()


def rss_kb() -> int:
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]


def build(candidate: str) -> Callable[[str], str | None]:
    if candidate == "py3langid":
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        identifier.set_languages(list(LANGUAGES))
        return lambda text: identifier.classify(text)[0]
    if candidate.startswith("lingua"):
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
        if candidate == "lingua-low":
            builder = builder.with_low_accuracy_mode()
        detector = builder.with_preloaded_language_models().build()

        def detect(text: str) -> str | None:
            found = detector.detect_language_of(text)
            return found.iso_code_639_1.name.lower() if found else None

        return detect
    from nlu.language import LanguageDetector

    ours = LanguageDetector(LANGUAGES)

    def offered(text: str) -> str | None:
        found = ours.detect(text)
        return found.language if found else None

    return offered


def measure(candidate: str) -> dict[str, object]:
    """Runs in the child process."""
    samples = held_out()
    before = rss_kb()
    started = time.perf_counter()
    detect = build(candidate)
    detect("buongiorno, vorrei un appuntamento")
    load_s = time.perf_counter() - started
    added_mb = (rss_kb() - before) / 1024
    right: dict[str, list[int]] = {}
    timings: list[float] = []
    for language, texts in samples.items():
        counts = [0, 0, 0]  # right, answered, total
        for text in texts:
            t0 = time.perf_counter()
            found = detect(text)
            timings.append(time.perf_counter() - t0)
            counts[2] += 1
            if found is not None:
                counts[1] += 1
                counts[0] += found == language
        right[language] = counts
    return {
        "rss_mb": added_mb,
        "load_s": load_s,
        "p50_us": 1e6 * statistics.median(timings),
        "mean_us": 1e6 * statistics.fmean(timings),
        "per_language": right,
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2])))
        return
    results = {}
    for candidate in CANDIDATES:
        out = subprocess.run(
            [sys.executable, __file__, "--child", candidate], capture_output=True, text=True
        )
        if out.returncode != 0:
            # The libraries compared are not the bot's dependencies:
            # pip install py3langid==0.4.0 lingua-language-detector==2.1.1
            print(f"{candidate}: not measured ({out.stderr.strip().splitlines()[-1]})")
            continue
        results[candidate] = json.loads(out.stdout)
    measured = tuple(results)
    languages = sorted({lang for r in results.values() for lang in r["per_language"]})
    print(f"{'':22}" + "".join(f"{c:>16}" for c in measured))
    for language in languages:
        cells = []
        for candidate in measured:
            ok, answered, total = results[candidate]["per_language"].get(language, [0, 0, 0])
            if candidate == "proximity":
                cells.append(f"{answered / total:5.0%} off {answered - ok:3d} ✗")
            else:
                cells.append(f"{ok / total:6.1%} ({total})")
        print(f"{'accuracy ' + language:22}" + "".join(f"{c:>16}" for c in cells))
    rows = (
        ("added RSS (MB)", "rss_mb", "{:.1f}"),
        ("load time (s)", "load_s", "{:.2f}"),
        ("p50 per call (µs)", "p50_us", "{:.0f}"),
        ("mean per call (µs)", "mean_us", "{:.0f}"),
    )
    for label, key, fmt in rows:
        print(f"{label:22}" + "".join(f"{fmt.format(results[c][key]):>16}" for c in measured))
    print(
        "\nproximity = the bot's rule: share of sentences with an offer ('off'), and how many"
        "\nof those offers named the wrong language (✗)."
    )


if __name__ == "__main__":
    main()
