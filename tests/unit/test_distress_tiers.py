"""The keyword tiers over the labelled sets in tests/data/distress/, without the NLU.

Without the NLU (the server down) every true distress message must still get the alarm,
and no hard negative may: the net alone has recall 1.00 and raises no false alarm here.
Cue words in hard negatives may get the gentle check question; `pytest -s` prints how
many. The NLU's part is measured in tests/e2e/test_distress_quality.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dialogs.distress import Level, assess
from dialogs.events import Understanding
from dialogs.keywords import fears_police

SETS = Path(__file__).resolve().parents[1] / "data" / "distress"
LANGUAGES = ("it", "en", "ro", "ar", "fr", "es")
MIN_EXAMPLES = 40


def labelled(language: str) -> dict[str, list[str]]:
    return yaml.safe_load((SETS / f"{language}.yml").read_text())


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_enough_examples(language: str) -> None:
    sets = labelled(language)
    assert len(sets["distress"]) >= MIN_EXAMPLES and len(sets["negative"]) >= MIN_EXAMPLES
    assert not set(sets["distress"]) & set(sets["negative"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_true_distress_is_clear_without_the_nlu(language: str) -> None:
    missed = [t for t in labelled(language)["distress"] if assess(t, None) is not Level.CLEAR]
    assert missed == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_hard_negative_raises_the_alarm_without_the_nlu(language: str) -> None:
    negatives = labelled(language)["negative"]
    alarms = [t for t in negatives if assess(t, None) is Level.CLEAR]
    asked = [t for t in negatives if assess(t, None) is Level.AMBIGUOUS]
    print(f"\n{language}: {len(asked)}/{len(negatives)} hard negatives get the check question")
    assert alarms == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_confident_ordinary_reading_lets_weak_cue_words_go(language: str) -> None:
    """With the NLU sure of an everyday request, fewer negatives are asked about."""
    sure = Understanding("inform", 0.95, (("inform", 0.95),))
    negatives = labelled(language)["negative"]
    without = sum(assess(t, None) is Level.AMBIGUOUS for t in negatives)
    with_nlu = sum(assess(t, sure) is Level.AMBIGUOUS for t in negatives)
    assert with_nlu < without or without == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_fear_of_the_police_is_recognised(language: str) -> None:
    sets = labelled(language)
    assert [t for t in sets["police"] if not fears_police(t)] == []
    assert [t for t in sets["police_negative"] if fears_police(t)] == []
    assert [t for t in sets["negative"] if fears_police(t)] == []


@pytest.mark.parametrize(
    ("text", "understanding", "level"),
    [
        # The NLU sure of distress with nothing ordinary around: the alarm.
        ("mio marito mi ha rotto il naso", Understanding("distress", 0.93), Level.CLEAR),
        # Sure of distress, but the words are about work: ask first.
        ("sono a casa senza lavoro", Understanding("distress", 0.93), Level.AMBIGUOUS),
        # Sure, ordinary words, but a strong cue: the alarm.
        ("sono disperata, ho perso il lavoro", Understanding("distress", 0.9), Level.CLEAR),
        # Leaning to distress, not sure: ask.
        ("mah vediamo un po", Understanding("inform", 0.5, (("inform", 0.5), ("distress", 0.4))),
         Level.AMBIGUOUS),
        # A bare answer ("non so", "sì") is never distress by itself, whatever the model.
        ("non so", Understanding("inform", 0.5, (("inform", 0.5), ("distress", 0.4))),
         Level.NONE),
        # A strong cue is asked about even when the NLU reads something else.
        ("sono disperato", Understanding("inform", 0.9), Level.AMBIGUOUS),
        # A weak cue with the NLU sure of an ordinary request: nothing.
        ("ho paura del colloquio", Understanding("book_appointment", 0.9), Level.NONE),
        # The same weak cue with the NLU down: ask.
        ("ho paura del colloquio", None, Level.AMBIGUOUS),
        # Idioms are not danger.
        ("mi ammazzo di lavoro", None, Level.NONE),
        ("work is killing me", None, Level.NONE),
        # An idiom does not hide danger said beside it.
        ("mi ammazzo di lavoro e voglio farla finita", None, Level.CLEAR),
        ("vorrei un corso di informatica", Understanding("list_courses", 0.9), Level.NONE),
    ],
)  # fmt: skip
def test_tiers(text: str, understanding: Understanding | None, level: Level) -> None:
    assert assess(text, understanding) is level
