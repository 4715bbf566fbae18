"""No dead end, end to end: an old time button after a booking offers a move, never a
second booking, and the move goes through the database like any other."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.people import Person
from tests.e2e.processes import BotProcess
from tests.e2e.test_appointment_journeys import (  # noqa: F401 (fixture)
    appointments,
    booking_bot,
    labels,
)
from tests.emulator.server import BotApiEmulator

pytestmark = pytest.mark.e2e

# The pre-screening's questions, by a word of each, and how Anna answers them. Whatever she
# already said is not asked again, so the test answers what it is asked, in any order.
ANSWERS = (
    ("anni", ("say", "45")),
    ("Comune", ("say", "abito a crema")),
    ("lavori", ("press", "No, non lavoro")),
    ("servizio", ("press", "Sì")),
    ("Unione Europea", ("press", "Sì")),
    ("DID", ("press", "No")),
)


@pytest.fixture
async def eligible(booking_bot: BotProcess, anna: Person) -> Person:  # noqa: F811
    await anna.command("/start")
    await anna.press("Accetto")
    await anna.expect(1)
    message = await anna.command("/requisiti")
    for _ in range(12):
        if "Sembra che tu possa partecipare" in message.text:
            return anna
        how = next((a for word, a in ANSWERS if word in message.text), None)
        if how is None:  # the introduction before the first question
            message = await anna.reply()
            continue
        message = await (anna.say(how[1]) if how[0] == "say" else anna.press(how[1]))
    raise AssertionError(message.text)


async def test_an_old_time_button_moves_the_booking_instead_of_booking_twice(
    eligible: Person,
    emulator: BotApiEmulator,
    tmp_path: Path,
) -> None:
    anna = eligible
    listing = await anna.press("Prenota un colloquio")
    first, third = labels(listing)[0], labels(listing)[2]
    await anna.press(first)
    booked = await anna.press("Sì, prenota")
    assert "Fatto!" in booked.text
    await anna.reply()  # the calendar file
    [(booking_id, slot_id, status, _, _)] = appointments(tmp_path)
    assert (slot_id, status) == (1, "booked")

    # Later, Anna scrolls up and presses another time on the old list.
    offer = await anna.press(third)
    assert "Ne puoi avere uno solo" in offer.text
    assert any("Sposta qui" in label for label in labels(offer))
    assert any("Tieni quello che ho" in label for label in labels(offer))
    assert appointments(tmp_path)[0][1:3] == (1, "booked") and len(appointments(tmp_path)) == 1

    moved = await anna.press("Sposta qui")
    assert "Ho spostato" in moved.text
    await anna.reply()  # the updated calendar file
    assert appointments(tmp_path) == [(booking_id, 3, "booked", None, 1)]
