"""Handoffs and office hours in the pure core."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
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
    handoff,
    step,
)
from dialogs.effects import CloseHandoff, LeaveHandoffOpen, OpenHandoff, RelayToOperators
from dialogs.events import Entity
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
IN_HANDOFF = CONSENTED.with_(handoff=True)  # waiting: nobody has claimed it yet
CLAIMED = IN_HANDOFF.with_(handoff_claimed=True)


def request_of(state: State) -> tuple[object, ...]:
    """What the state says about the request (other features keep their own fields)."""
    return (
        state.handoff,
        state.handoff_claimed,
        state.handoff_urgent,
        state.handoff_noted_at,
        state.language,
        state.consent_version,
    )


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
        TextSaid("dove sono i documenti?", Understanding("faq_documents", 0.95)),
        NonTextSent("photo"),
        MessageEdited("ok"),
    ],
)
def test_once_claimed_messages_go_to_the_operators_and_the_bot_is_quiet(event) -> None:  # type: ignore[no-untyped-def]
    turn = step(CLAIMED, event, env())
    assert turn.replies == () and turn.effects == (RelayToOperators(),)
    assert request_of(turn.state) == request_of(CLAIMED)


def test_buttons_and_commands_still_work_during_a_handoff() -> None:
    assert keys(step(IN_HANDOFF, CommandIssued("help"), env())) == ["help"]


@pytest.mark.parametrize("event", [ButtonPressed("handoff", "close"), CommandIssued("annulla")])
def test_the_person_can_leave(event) -> None:  # type: ignore[no-untyped-def]
    turn = step(IN_HANDOFF, event, env())
    assert keys(turn) == ["handoff-left", "menu"]
    assert turn.effects == (CloseHandoff("beneficiary"),) and turn.state.handoff is False


def test_operators_close_and_claim() -> None:
    closed = step(CLAIMED.with_(handoff_urgent=True), OperatorClosed(), env())
    assert keys(closed) == ["handoff-ended", "menu"] and closed.effects == ()
    assert request_of(closed.state) == request_of(CONSENTED)  # nothing of the request is left
    claimed = step(IN_HANDOFF, OperatorJoined(), env())
    assert (
        request_of(claimed.state) == request_of(CLAIMED) and claimed.replies == ()
    )  # the operator writes next
    written_first = step(CONSENTED, OperatorJoined(), env())
    assert request_of(written_first.state) == request_of(CLAIMED)


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


# --- while a request waits -----------------------------------------------------------

FRIDAY_NIGHT = datetime(2026, 11, 27, 22, tzinfo=UTC)  # 23:00 in Rome: closed till Monday
ANYONE_THERE = TextSaid("c'è qualcuno?", Understanding("ask_human", 0.9))
DOCUMENTS = TextSaid("cosa devo portare?", Understanding("faq_documents", 0.93))


def noted(state: State, at: datetime) -> State:
    return state.with_(handoff_noted_at=at.isoformat())


@pytest.mark.parametrize(
    "event",
    [
        ANYONE_THERE,
        TextSaid("boh", Understanding("nlu_fallback", 0.3)),
        TextSaid("dove sono i documenti?", Understanding("faq_documents", 0.3)),  # unsure
        TextSaid("ciao", Understanding("greet", 0.99)),  # small talk: the operators read it
        TextSaid("ci siete?", None),  # the NLU is down
        NonTextSent("voice"),
    ],
    ids=["ask-human", "fallback", "unsure", "small-talk", "nlu-down", "voice"],
)
def test_waiting_what_is_not_answered_is_relayed_with_the_queue_note(event) -> None:  # type: ignore[no-untyped-def]
    turn = step(IN_HANDOFF, event, env())
    assert keys(turn) == ["handoff-waiting"] and turn.effects == (RelayToOperators(),)
    assert turn.replies[0].buttons == ((handoff.BACK_TO_MENU,),)
    assert request_of(turn.state) == request_of(noted(IN_HANDOFF, WEDNESDAY_10))


def test_waiting_what_is_understood_is_answered_and_relayed() -> None:
    turn = step(IN_HANDOFF, DOCUMENTS, env())
    assert keys(turn) == ["faq-documents", "handoff-waiting"]
    assert turn.effects == (RelayToOperators(),)
    assert turn.state.handoff is True and turn.state.handoff_claimed is False


def test_waiting_an_answer_keeps_the_request_as_it_was() -> None:
    """Asking to change language while waiting: answered, and the request is still the
    same, unclaimed and noted when it was (the note is not due again yet)."""
    earlier = noted(IN_HANDOFF, WEDNESDAY_10 - timedelta(minutes=1))
    said = TextSaid(
        "can we speak english?",
        Understanding("change_language", 0.97, entities=(Entity("language", "en"),)),
    )
    turn = step(earlier, said, Env(**{**env().__dict__, "languages": ("it", "en")}))
    assert turn.replies and "handoff-waiting" not in keys(turn)
    assert request_of(turn.state)[:4] == request_of(earlier)[:4]
    assert turn.effects == (RelayToOperators(),)


def test_before_consent_a_waiting_request_answers_nothing_but_the_note() -> None:
    """Distress opens a request before consent: the assistant stays out of it."""
    urgent = State(handoff=True, handoff_urgent=True)
    turn = step(urgent, DOCUMENTS, env())
    assert keys(turn) == ["handoff-waiting"] and turn.effects == (RelayToOperators(),)


def test_the_queue_note_comes_at_most_every_few_minutes() -> None:
    first = step(IN_HANDOFF, ANYONE_THERE, env())
    soon = step(first.state, ANYONE_THERE, env(WEDNESDAY_10 + timedelta(minutes=4)))
    assert soon.replies == () and soon.effects == (RelayToOperators(),)
    assert request_of(soon.state) == request_of(first.state)
    answered = step(first.state, DOCUMENTS, env(WEDNESDAY_10 + timedelta(minutes=4)))
    assert keys(answered) == ["faq-documents"]  # the answer, without the note
    later = step(first.state, ANYONE_THERE, env(WEDNESDAY_10 + handoff.NOTE_EVERY))
    assert keys(later) == ["handoff-waiting"]
    assert later.state.handoff_noted_at == (WEDNESDAY_10 + handoff.NOTE_EVERY).isoformat()


@pytest.mark.parametrize(
    "stored", ["", "garbage", "2026-11-25T09:00:00", "2099-01-01T00:00:00+00:00"]
)
def test_a_missing_or_odd_note_time_means_note_again(stored: str) -> None:
    turn = step(IN_HANDOFF.with_(handoff_noted_at=stored), ANYONE_THERE, env())
    assert keys(turn) == ["handoff-waiting"]


def test_out_of_hours_the_note_says_when_the_office_opens() -> None:
    [note] = step(IN_HANDOFF, ANYONE_THERE, env(FRIDAY_NIGHT)).replies
    assert note.key == "handoff-waiting-closed"
    assert note.params["when"] == datetime(2026, 11, 30, 9, tzinfo=HOURS_ZONE)
    assert note.parts == ()


@pytest.mark.parametrize("now", [WEDNESDAY_10, FRIDAY_NIGHT], ids=["open", "closed"])
def test_for_an_urgent_request_the_note_repeats_the_numbers(now: datetime) -> None:
    opened = step(CONSENTED, TextSaid("mi picchia", None), env(now))
    assert opened.state.handoff_urgent is True and opened.state.handoff_claimed is False
    [note] = step(opened.state, ANYONE_THERE, env(now)).replies
    assert note.parts == (("handoff-waiting-urgent", {}),)


def test_distress_in_a_waiting_request_makes_it_urgent_and_keeps_its_claim() -> None:
    turn = step(CLAIMED, TextSaid("voglio farla finita", None), env())
    assert turn.state.handoff_urgent is True and turn.state.handoff_claimed is True


def test_a_new_request_starts_unclaimed_and_unnoted() -> None:
    stale = CONSENTED.with_(handoff_claimed=True, handoff_noted_at=WEDNESDAY_10.isoformat())
    turn = step(stale, ButtonPressed("go", "person"), env())
    assert request_of(turn.state) == request_of(IN_HANDOFF)


# --- leaving an urgent request -------------------------------------------------------

URGENT = IN_HANDOFF.with_(handoff_urgent=True, handoff_noted_at=WEDNESDAY_10.isoformat())


@pytest.mark.parametrize("event", [ButtonPressed("handoff", "close"), CommandIssued("annulla")])
def test_leaving_an_urgent_request_asks_first(event) -> None:  # type: ignore[no-untyped-def]
    turn = step(URGENT, event, env())
    assert keys(turn) == ["handoff-leave-confirm"] and turn.effects == ()
    assert request_of(turn.state) == request_of(URGENT)
    [[yes], [no]] = turn.replies[0].buttons
    assert (yes.action, yes.arg, no.action, no.arg) == ("handoff", "leave", "handoff", "stay")


def test_staying_keeps_waiting() -> None:
    turn = step(URGENT, ButtonPressed("handoff", "stay"), env())
    assert keys(turn) == ["handoff-still-waiting"] and turn.effects == ()
    assert request_of(turn.state) == request_of(URGENT)


def test_confirmed_the_person_gets_the_menu_and_the_request_stays_open() -> None:
    turn = step(URGENT, ButtonPressed("handoff", "leave"), env())
    assert keys(turn) == ["handoff-left-open", "menu"]
    assert LeaveHandoffOpen() in turn.effects
    assert not any(isinstance(e, CloseHandoff) for e in turn.effects)
    assert turn.state.handoff is False and turn.state.handoff_urgent is True
    # The assistant answers again, and nothing is relayed.
    back = step(turn.state, DOCUMENTS, env())
    assert keys(back) == ["faq-documents"] and RelayToOperators() not in back.effects


def test_after_leaving_an_urgent_request_asking_again_is_the_same_request() -> None:
    left = step(CLAIMED.with_(handoff_urgent=True), ButtonPressed("handoff", "leave"), env())
    again = step(left.state, ButtonPressed("go", "person"), env())
    assert again.state.handoff_urgent is True and again.state.handoff_claimed is True
    assert again.replies[0].params["urgent"] == "yes"


def test_an_operator_claiming_after_the_person_left_tells_them() -> None:
    left = step(URGENT, ButtonPressed("handoff", "leave"), env()).state
    turn = step(left, OperatorJoined(), env())
    assert keys(turn) == ["handoff-claimed"] and turn.state.handoff_claimed is True
    assert turn.state.handoff is True


def test_a_stale_confirmation_of_a_request_no_longer_urgent_just_closes() -> None:
    turn = step(IN_HANDOFF, ButtonPressed("handoff", "leave"), env())
    assert keys(turn) == ["handoff-left", "menu"] and turn.effects == (CloseHandoff("beneficiary"),)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("sì", "handoff-left-open"), ("1", "handoff-left-open"), ("no", "handoff-still-waiting")],
)
def test_a_typed_answer_to_the_confirmation_counts(typed: str, expected: str) -> None:
    asked = step(URGENT, ButtonPressed("handoff", "close"), env()).state
    turn = step(asked, TextSaid(typed, None), env())
    assert keys(turn)[0] == expected and RelayToOperators() not in turn.effects


def test_without_the_question_on_screen_a_yes_is_for_the_operators() -> None:
    turn = step(URGENT, TextSaid("sì", Understanding("affirm", 0.99)), env())
    assert turn.effects == (RelayToOperators(),) and turn.state.handoff is True
