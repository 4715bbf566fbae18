"""The appointments data file: what the agency may change without a developer."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from store.agenda_config import BadAgendaFile, agenda_config_from
from tests.unit.agenda_samples import CONFIG


def test_the_shipped_file_reads_as_documented() -> None:
    assert set(CONFIG.kinds) == {"orientation", "skills_assessment", "tutoring", "social_worker"}
    assert CONFIG.kinds["orientation"].open_to == "prescreened"
    assert CONFIG.reminders.offsets == (timedelta(hours=24), timedelta(hours=2))
    assert (CONFIG.reminders.quiet_start, CONFIG.reminders.quiet_end) == (time(21), time(8))
    assert CONFIG.offer_window == timedelta(hours=24)
    assert all(len(v.short) <= 16 for v in CONFIG.venues.values())  # button labels


def test_settings_change_the_behaviour() -> None:
    config = agenda_config_from(
        {
            "course_offer_hours": 6,
            "reminders": {"offsets_hours": [48], "quiet_hours": "22:00-07:30"},
        }
    )
    assert config.offer_window == timedelta(hours=6)
    assert config.reminders.offsets == (timedelta(hours=48),)
    assert config.reminders.quiet_end == time(7, 30)


@pytest.mark.parametrize(
    "data",
    [
        {"types": {"yoga": {"minutes": 30}}},
        {"types": {"orientation": {"open_to": "everyone"}}},
        {"reminders": {"offsets_hours": [-2]}},
        {"reminders": {"quiet_hours": "late"}},
    ],
)
def test_mistakes_in_the_file_are_named(data: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(BadAgendaFile):
        agenda_config_from(data)
