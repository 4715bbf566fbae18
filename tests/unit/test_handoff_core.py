"""Handoffs and office hours in the pure core."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from dialogs import (
    ButtonPressed,
    CommandIssued,
    Env,
    MessageEdited,
    NonTextSent,
    OperatorClosed,
    OperatorJoined,
    State,
    TextSaid,
    Understanding,
    step,
)
from dialogs.effects import CloseHandoff, OpenHandoff, RelayToOperators
from dialogs.model import Office
from dialogs.office_hours import OfficeHours

WEEK = {
    day: ["09:00-13:00", "14:00-17:00"]
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday")
}
HOURS_ZONE = ZoneInfo("Europe/Rome")
HOURS = OfficeHours.from_mapping(WEEK, "Europe/Rome", holidays=[date(2026, 12, 8)])
OFFICE = Office("Sportello", "Via 1, Crema", "9-13", "0373 1", "a@b.it")
WEDNESDAY_10 = datetime(2026, 11, 25, 9, tzinfo=UTC)  # 10:00 in Rome


def env(now: datetime = WEDNESDAY_10) -> Env:
    return Env(now=now, office=OFFICE, notice_version="v1", hours=HOURS, operators_available=True)


CONSENTED = State(consent_version="v1")
IN_HANDOFF = CONSENTED.with_(handoff=True)


def keys(turn) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.key for r in turn.replies]


@pytest.mark.parametrize(
    "event",
    [
        ButtonPressed("go", "person"),
        CommandIssued("operatore"),
        TextSaid("voglio un operatore", Understanding("ask_human", 0.95)),
    ],
)
def test_asking_for_a_person_opens_a_handoff(event) -> None:  # type: ignore[no-untyped-def]
    turn = step(CONSENTED, event, env())
    assert keys(turn) == ["handoff-started"]
    assert turn.effects == (OpenHandoff("asked"),)
    assert turn.state.handoff is True


def test_asking_again_does_not_open_a_second_one() -> None:
    turn = step(IN_HANDOFF, ButtonPressed("go", "person"), env())
    assert keys(turn) == ["handoff-already-open"] and turn.effects == ()


@pytest.mark.parametrize(
    "event",
    [
        TextSaid("ho un problema", Understanding("inform", 0.9)),
        NonTextSent("photo"),
        MessageEdited("ok"),
    ],
)
def test_during_a_handoff_messages_go_to_the_operators_and_the_bot_is_quiet(event) -> None:  # type: ignore[no-untyped-def]
    turn = step(IN_HANDOFF, event, env())
    assert turn.replies == () and turn.effects == (RelayToOperators(),)


def test_buttons_and_commands_still_work_during_a_handoff() -> None:
    assert keys(step(IN_HANDOFF, CommandIssued("help"), env())) == ["help"]


@pytest.mark.parametrize("event", [ButtonPressed("handoff", "close"), CommandIssued("annulla")])
def test_the_person_can_leave(event) -> None:  # type: ignore[no-untyped-def]
    turn = step(IN_HANDOFF, event, env())
    assert keys(turn) == ["handoff-left", "menu"]
    assert turn.effects == (CloseHandoff("beneficiary"),) and turn.state.handoff is False


def test_operators_close_and_open() -> None:
    closed = step(IN_HANDOFF, OperatorClosed(), env())
    assert keys(closed) == ["handoff-ended", "menu"] and closed.effects == ()
    opened = step(CONSENTED, OperatorJoined(), env())
    assert opened.state.handoff is True and opened.replies == ()


@pytest.mark.parametrize(
    "state", [State(), CONSENTED, IN_HANDOFF], ids=["new", "consented", "in-handoff"]
)
def test_distress_is_urgent_and_relayed_whatever_the_state(state: State) -> None:
    turn = step(state, TextSaid("voglio farla finita", None), env())
    assert keys(turn)[:2] == ["distress-numbers", "distress-person"]
    assert (
        OpenHandoff("distress", urgent=True) in turn.effects and RelayToOperators() in turn.effects
    )


def test_out_of_hours_says_when_and_urgent_repeats_the_numbers() -> None:
    friday_night = datetime(2026, 11, 27, 22, tzinfo=UTC)  # 23:00 in Rome
    turn = step(CONSENTED, ButtonPressed("go", "person"), env(friday_night))
    [reply] = turn.replies
    assert reply.key == "handoff-closed-office"
    assert reply.params["when"] == datetime(2026, 11, 30, 9, tzinfo=HOURS_ZONE)
    urgent = step(CONSENTED, TextSaid("mi picchia", None), env(friday_night))
    assert urgent.replies[-1].params["urgent"] == "yes"


def test_without_an_operators_group_the_contacts_are_shown() -> None:
    plain = Env(now=WEDNESDAY_10, office=OFFICE, notice_version="v1")
    assert keys(step(CONSENTED, ButtonPressed("go", "person"), plain)) == ["person-contacts"]


# --- office hours --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("local", "open_"),
    [
        (datetime(2026, 11, 25, 8, 59), False),
        (datetime(2026, 11, 25, 9, 0), True),
        (datetime(2026, 11, 25, 13, 0), False),  # lunch
        (datetime(2026, 11, 25, 16, 59), True),
        (datetime(2026, 11, 28, 10, 0), False),  # Saturday
        (datetime(2026, 12, 8, 10, 0), False),  # Immacolata, a public holiday
    ],
)
def test_is_open(local: datetime, open_: bool) -> None:
    assert HOURS.is_open(local.replace(tzinfo=HOURS_ZONE)) is open_


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        (datetime(2026, 11, 25, 10, 0), datetime(2026, 11, 25, 10, 0)),  # open now
        (datetime(2026, 11, 25, 13, 30), datetime(2026, 11, 25, 14, 0)),
        (datetime(2026, 11, 27, 18, 0), datetime(2026, 11, 30, 9, 0)),  # weekend
        (datetime(2026, 12, 7, 18, 0), datetime(2026, 12, 9, 9, 0)),  # skips the holiday
        (datetime(2026, 3, 27, 18, 0), datetime(2026, 3, 30, 9, 0)),  # over the DST change
    ],
)
def test_next_opening(local: datetime, expected: datetime) -> None:
    opening = HOURS.next_opening(local.replace(tzinfo=HOURS_ZONE))
    assert opening == expected.replace(tzinfo=HOURS_ZONE)
    assert opening.utcoffset() == expected.replace(tzinfo=HOURS_ZONE).utcoffset()


def test_bad_hours_are_refused() -> None:
    with pytest.raises(ValueError):
        OfficeHours.from_mapping({"monday": ["17:00-09:00"]}, "Europe/Rome")


def test_when_the_operators_cannot_be_reached_the_person_gets_the_phone() -> None:
    from dialogs import HandoffFailed

    turn = step(IN_HANDOFF, HandoffFailed(), env())
    assert keys(turn) == ["handoff-failed"]
    assert turn.replies[0].params["phone"] == "0373 1"
    assert turn.state.handoff is False
