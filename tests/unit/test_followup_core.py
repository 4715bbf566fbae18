"""The six-month follow-up in the pure core (dialogs/followup.py): the question's buttons,
and each answer pressed in Italian and in English: thanked in that language, recorded as
one `RecordFollowUp`, back to the menu; a forged value records nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.catalogue import Catalogue
from dialogs import followup
from dialogs.effects import NoteEvent, RecordFollowUp
from dialogs.events import ButtonPressed
from dialogs.model import Env, Office, State
from dialogs.router import step
from store.settings import PROJECT_ROOT

OFFICE = Office("Sportello", "Via 1, Crema", "9-13", "0373 1", "a@b.it")
ENV = Env(
    now=datetime(2026, 11, 30, 9, tzinfo=UTC),
    office=OFFICE,
    notice_version="v2",
    languages=("it", "en", "ro", "ar", "fr", "es"),
)
CATALOGUE = Catalogue.load(PROJECT_ROOT / "locales")
THANKS = {"it": "Grazie per la risposta!", "en": "Thank you for your answer!"}
LABELS = {
    "it": {
        "employed": "Lavoro per qualcuno",
        "self_employed": "Lavoro in proprio",
        "better_situation": "Sto meglio di prima",
        "no_change": "Niente di nuovo",
        "unknown": "Preferisco non dire",
    },
    "en": {
        "employed": "I work for someone",
        "self_employed": "I work for myself",
        "better_situation": "Better than before",
        "no_change": "Nothing new",
        "unknown": "I'd rather not say",
    },
}


@pytest.mark.parametrize("language", ["it", "en"])
def test_the_question_has_one_button_per_answer_and_a_person(language: str) -> None:
    reply = followup.question()
    buttons = [b for row in reply.buttons for b in row]
    shown = {b.arg: CATALOGUE.render(b.label, language) for b in buttons if b.action == "followup"}
    assert shown == LABELS[language]
    assert [CATALOGUE.render(b.label, language) for b in buttons if b.action == "go"] == [
        CATALOGUE.render("btn-menu", language),
        CATALOGUE.render("btn-person", language),
    ]
    assert "6" in CATALOGUE.render(reply.key, language)


@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize("status", followup.STATUSES)
def test_each_answer_is_thanked_and_recorded(language: str, status: str) -> None:
    state = State(language=language, consent_version="v2", misunderstood=1)
    turn = step(state, ButtonPressed("followup", status), ENV)
    assert turn.effects == (RecordFollowUp(status), NoteEvent("followup_answered", status))
    (thanks,) = turn.replies
    assert CATALOGUE.render(thanks.key, language).startswith(THANKS[language])
    # The menu comes with it: the person can go on with anything.
    assert ("go", "person") in {(b.action, b.arg) for row in thanks.buttons for b in row}
    assert turn.state.language == language and turn.state.misunderstood == 0


def test_an_answer_before_a_new_notice_is_kept_then_the_notice() -> None:
    turn = step(State(consent_version="v1"), ButtonPressed("followup", "employed"), ENV)
    assert [r.key for r in turn.replies] == ["fu-thanks", "consent-renewed"]
    assert RecordFollowUp("employed") in turn.effects


def test_an_answer_during_a_request_to_a_person_is_kept() -> None:
    state = State(consent_version="v2", handoff=True, handoff_claimed=True)
    turn = step(state, ButtonPressed("followup", "no_change"), ENV)
    assert RecordFollowUp("no_change") in turn.effects
    assert turn.state.handoff  # the request stays open


@pytest.mark.parametrize("forged", ["", "rich", "employed;drop", "EMPLOYED"])
def test_a_forged_answer_records_nothing(forged: str) -> None:
    turn = step(State(consent_version="v2"), ButtonPressed("followup", forged), ENV)
    assert not any(isinstance(e, RecordFollowUp) for e in turn.effects)
    assert turn.replies[0].key == "button-expired"
