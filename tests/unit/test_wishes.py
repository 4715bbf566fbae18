"""Time wishes in every language the bot speaks, read through the Italian reader."""

from __future__ import annotations

from datetime import date, time

import pytest

from dialogs.preferences import DayPeriod
from dialogs.wishes import parse_wish

TODAY = date(2026, 11, 25)  # a Wednesday
MORNING, AFTERNOON = DayPeriod.MORNING, DayPeriod.AFTERNOON


@pytest.mark.parametrize(
    ("text", "weekday", "period"),
    [
        ("martedì mattina", 1, MORNING),
        ("tuesday morning", 1, MORNING),
        ("I can come on friday afternoon", 4, AFTERNOON),
        ("mardi après-midi", 1, AFTERNOON),
        ("jeudi matin", 3, MORNING),
        ("martes por la tarde", 1, AFTERNOON),
        ("el lunes por la mañana", 0, MORNING),
        ("marți dimineața", 1, MORNING),
        ("vineri după-amiază", 4, AFTERNOON),
    ],
)
def test_weekday_and_part_of_the_day(text: str, weekday: int, period: DayPeriod) -> None:
    wish = parse_wish(text, TODAY)
    assert wish is not None
    assert wish.weekdays == frozenset({weekday})
    assert wish.periods == frozenset({period})


@pytest.mark.parametrize(
    ("text", "after"),
    [("dopo le 15", time(15)), ("after 3 pm", time(15)), ("après 15h", time(15)),
     ("después de las 16", time(16)), ("după ora 14", time(14))],
)  # fmt: skip
def test_after_an_hour(text: str, after: time) -> None:
    wish = parse_wish(text, TODAY)
    assert wish is not None and wish.after == after


@pytest.mark.parametrize(
    ("text", "day"),
    [("domani", date(2026, 11, 26)), ("tomorrow", date(2026, 11, 26)),
     ("demain", date(2026, 11, 26)), ("mañana", date(2026, 11, 26)),
     ("mâine", date(2026, 11, 26))],
)  # fmt: skip
def test_tomorrow(text: str, day: date) -> None:
    wish = parse_wish(text, TODAY)
    assert wish is not None and wish.days == frozenset({day})


@pytest.mark.parametrize("text", ["hello", "merci beaucoup", "no thanks", "mulțumesc", "gracias"])
def test_no_wish_in_everyday_words(text: str) -> None:
    assert parse_wish(text, TODAY) is None
