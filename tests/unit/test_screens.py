"""Walks every screen the user can reach: each renders, fits Telegram, and is no dead end."""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from app.catalogue import Catalogue
from app.texts import TELEGRAM_TEXT_LIMIT, split_text
from bot.render import CALLBACK_DATA_LIMIT, encode_callback, render
from dialogs import (
    ButtonPressed,
    CommandIssued,
    Env,
    NonTextSent,
    Started,
    State,
    TextSaid,
    Turn,
    step,
)
from dialogs.course_view import MyEnrolment
from dialogs.effects import AnswerOffer, EnrolCourse
from dialogs.eligibility import Rules
from dialogs.events import EnrolmentDone, OfferAnswered
from dialogs.intents import INTENTS
from dialogs.model import Office
from dialogs.places import Gazetteer
from dialogs.router import COMMAND_SCREENS
from tests.unit.agenda_samples import BOOKED, CONFIG, slot
from tests.unit.course_samples import OPEN

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Catalogue.load(ROOT / "locales")
ENV = Env(
    now=datetime(2026, 11, 25, 10, tzinfo=UTC),
    office=Office("Sportello", "Via 1, Crema", "9-13", "0373 1", "a@b.it"),
    notice_version="v1",
    operators_available=True,
    rules=Rules.from_mapping(yaml.safe_load((ROOT / "config" / "eligibility.yaml").read_text())),
    places=Gazetteer.from_csv(
        ROOT / "config" / "comuni_ambito.csv", ROOT / "config" / "comuni_italia.csv"
    ),
    # Someone taken in charge with two bookings (one booking per kind, so a free time of a
    # third kind is what a new booking can take): every appointment screen is reachable.
    agenda_config=CONFIG,
    agenda=replace(BOOKED, free=(*BOOKED.free, slot(300, 3, 9, kind="skills_assessment"))),
    # Signed up for one course, waiting for another, offered a seat in a third.
    courses=replace(
        OPEN,
        mine=(
            MyEnrolment(11, 1, "enrolled"),
            MyEnrolment(12, 4, "waiting", 3),
            MyEnrolment(13, 3, "offered", offer_expires=datetime(2026, 11, 26, 10, tzinfo=UTC)),
        ),
    ),
)


FOLLOW_UPS = {
    EnrolCourse: lambda e: (
        EnrolmentDone(e.course_id, "enrolled"),
        EnrolmentDone(e.course_id, "waiting", 2),
    ),
    AnswerOffer: lambda e: (OfferAnswered(3, "accepted"), OfferAnswered(3, "gone")),
}


def reachable_turns() -> list[Turn]:
    """Breadth-first over every button from every entry point, before and after consent."""
    entry_events = [
        Started("it"),
        *(CommandIssued(name) for name in [*COMMAND_SCREENS, "annulla", "unknown"]),
        *(TextSaid("x", _understood(intent)) for intent in INTENTS),
        TextSaid("x", None),
        NonTextSent("voice"),
    ]
    queue = deque(
        (state, event) for state in (State(), State(consent_version="v1")) for event in entry_events
    )
    # The questionnaire asking for the comune, answered with an ambiguous name.
    asking_place = State(consent_version="v1", flow="prescreening", asking="residence")
    queue.append((asking_place, TextSaid("casaletto", _understood("inform"))))
    seen: set[tuple[State, ButtonPressed | object]] = set()
    turns: list[Turn] = []
    while queue:
        state, event = queue.popleft()
        # Which questions were answered matters for the screens, not what was answered.
        shape = state.with_(answers=tuple((q, "") for q, _ in state.answers), noted=(), prompt=())
        if (shape, event) in seen:
            continue
        seen.add((shape, event))
        turn = step(state, event, ENV)
        turns.append(turn)
        # The shell answers these effects with the database's decision: walk that too.
        for effect in turn.effects:
            for follow_up in FOLLOW_UPS.get(type(effect), lambda e: ())(effect):
                queue.append((turn.state, follow_up))
        for reply in turn.replies:
            for row in reply.buttons:
                for b in row:
                    queue.append(
                        (turn.state.with_(misunderstood=0), ButtonPressed(b.action, b.arg))
                    )
    return turns


def _understood(intent: str):  # type: ignore[no-untyped-def]
    from dialogs import Understanding

    return Understanding(intent, 0.99, ((intent, 0.99),))


TURNS = reachable_turns()


def test_the_walk_reaches_many_screens() -> None:
    reached = {r.key for t in TURNS for r in t.replies}
    assert len(reached) >= 25
    assert {"menu", "privacy-full", "consent-declined", "faq-documents"} <= reached
    assert {"q-age", "q-did", "pre-result", "pre-place-unsure", "pre-edit"} <= reached
    assert {"handoff-started", "handoff-left", "erase-confirm", "lang-choose"} <= reached
    assert {"ap-list", "ap-choose-kind", "ap-slots", "ap-book-ask", "ap-booked"} <= reached
    assert {"ap-move-ask", "ap-moved", "ap-cancel-why", "ap-cancelled", "ap-no-slots"} <= reached
    assert {"co-categories", "co-list", "co-detail", "co-ask", "co-ask-waiting"} <= reached
    assert {"co-mine", "co-leave-ask", "co-left"} <= reached
    assert {"ap-already-have", "elsewhere"} <= reached


def test_every_reply_renders_and_fits_telegram_limits() -> None:
    for turn in TURNS:
        for reply in turn.replies:
            for message in render(reply, CATALOGUE, "it"):
                assert 0 < len(message.text) <= TELEGRAM_TEXT_LIMIT
                for row in message.markup.inline_keyboard if message.markup else ():
                    for button in row:
                        assert len(button.callback_data.encode()) <= CALLBACK_DATA_LIMIT
                        assert button.text.strip()


def test_no_screen_is_a_dead_end() -> None:
    """Each screen offers a way to a person, and a way back unless it is the distress answer."""
    for turn in TURNS:
        if not turn.replies and any(type(e) in FOLLOW_UPS for e in turn.effects):
            continue  # the answer comes with the follow-up event, walked separately
        buttons = {(b.action, b.arg) for r in turn.replies for row in r.buttons for b in row}
        assert buttons, [r.key for r in turn.replies]
        # These screens are the way to a person: contacts, or an operator on the way.
        person_screens = (
            "person-contacts",
            "consent-declined",
            "handoff-started",
            "handoff-already-open",
            # A request is waiting: "No, resto in attesa" / the note keep the person there.
            "handoff-leave-confirm",
            "handoff-still-waiting",
            "handoff-waiting",
            "handoff-waiting-closed",
        )
        shows_contacts = any(r.key in person_screens for r in turn.replies)
        assert shows_contacts or ("go", "person") in buttons, [r.key for r in turn.replies]
        way_back = {
            ("go", "menu"),
            ("go", "consent"),
            ("go", "privacy"),
            ("consent", "yes"),
            ("handoff", "close"),
            ("handoff", "leave"),  # "Sì, torna al menu", leaving an urgent request open
        } | {("go", s) for s in ("eligibility", "appointments", "courses")}
        assert buttons & way_back, [r.key for r in turn.replies]


def test_a_missing_key_is_an_error_not_a_raw_key() -> None:
    with pytest.raises(KeyError):
        CATALOGUE.render("no-such-key")


def test_callback_data_over_64_bytes_is_refused() -> None:
    with pytest.raises(ValueError):
        encode_callback("go", "è" * 40)


@pytest.mark.parametrize("length", [1, 4096, 4097, 9000])
def test_split_text_respects_the_limit_and_keeps_everything(length: int) -> None:
    text = "\n".join(["parola " * 20] * (length // 140 + 1))[:length]
    parts = split_text(text)
    assert all(0 < len(p) <= TELEGRAM_TEXT_LIMIT for p in parts)
    assert "".join(parts).replace("\n", "") == text.replace("\n", "")
