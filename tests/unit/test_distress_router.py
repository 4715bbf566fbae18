"""Distress through `step`: the alarm, the gentle check question and its two answers,
and what 1522 is for a person afraid of the police."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from dialogs import ButtonPressed, Env, State, TextSaid, Turn, Understanding, distress, step
from dialogs.effects import OpenHandoff, RelayToOperators
from dialogs.eligibility import Rules
from dialogs.model import Office
from dialogs.places import Gazetteer

CONFIG = Path(__file__).resolve().parents[2] / "config"
ENV = Env(
    now=datetime(2026, 11, 25, 10, tzinfo=UTC),
    office=Office("Sportello", "Via 1, Crema", "9-13", "0373 1", "a@b.it"),
    notice_version="v1",
    rules=Rules.from_mapping(yaml.safe_load((CONFIG / "eligibility.yaml").read_text())),
    places=Gazetteer.from_csv(CONFIG / "comuni_ambito.csv", CONFIG / "comuni_italia.csv"),
    operators_available=True,
)
NEW = State()
CONSENTED = State(consent_version="v1")
YES = ButtonPressed("distress", "yes")
NO = ButtonPressed("distress", "no")


def said(text: str, intent: str = "inform", confidence: float = 0.9) -> TextSaid:
    return TextSaid(text, Understanding(intent, confidence, ((intent, confidence),)))


def keys(turn: Turn) -> list[str]:
    return [r.key for r in turn.replies]


def actions(turn: Turn) -> set[tuple[str, str]]:
    return {(b.action, b.arg) for r in turn.replies for row in r.buttons for b in row}


def alarmed(turn: Turn) -> bool:
    return keys(turn)[:2] == ["distress-numbers", "distress-person"] and any(
        isinstance(e, OpenHandoff) and e.urgent for e in turn.effects
    )


@pytest.mark.parametrize("state", [NEW, CONSENTED], ids=["before-consent", "after-consent"])
def test_a_clear_sentence_raises_the_alarm(state: State) -> None:
    turn = step(state, said("mio marito mi picchia"), ENV)
    assert alarmed(turn) and RelayToOperators() in turn.effects


@pytest.mark.parametrize("state", [NEW, CONSENTED], ids=["before-consent", "after-consent"])
def test_an_ambiguous_sentence_gets_the_check_question(state: State) -> None:
    turn = step(state, said("sono a casa senza lavoro", "distress", 0.93), ENV)
    assert keys(turn) == ["distress-check"]
    assert {("distress", "yes"), ("distress", "no"), ("go", "person")} <= actions(turn)
    assert not any(isinstance(e, OpenHandoff) for e in turn.effects)
    assert turn.state == state.with_(prompt=turn.state.prompt)


@pytest.mark.parametrize("state", [NEW, CONSENTED], ids=["before-consent", "after-consent"])
def test_yes_raises_the_alarm_without_relaying_the_bots_own_question(state: State) -> None:
    turn = step(state, YES, ENV)
    assert alarmed(turn) and RelayToOperators() not in turn.effects


def test_no_goes_back_to_the_menu() -> None:
    asked = step(CONSENTED, said("sono disperato"), ENV)
    turn = step(asked.state, NO, ENV)
    assert keys(turn) == ["distress-fine", "menu"] and not turn.state.handoff


def test_no_before_consent_shows_the_notice_again() -> None:
    asked = step(NEW, said("sono disperato"), ENV)
    assert keys(step(asked.state, NO, ENV)) == ["distress-fine", "consent-needed"]


def test_no_in_the_pre_screening_offers_to_go_on_where_it_was() -> None:
    turn = step(CONSENTED, ButtonPressed("go", "eligibility"), ENV)
    turn = step(turn.state, said("ho 45 anni", "inform"), ENV)
    asking = turn.state.asking
    assert asking is not None
    asked = step(turn.state, said("sono a casa senza lavoro", "distress", 0.93), ENV)
    assert keys(asked) == ["distress-check"]
    back = step(asked.state, NO, ENV)
    assert keys(back) == ["distress-fine", "pre-resume"]
    resumed = step(back.state, ButtonPressed("pre", "resume"), ENV)
    assert resumed.state.asking == asking


def test_no_at_the_first_question_asks_it_again() -> None:
    started = step(CONSENTED, ButtonPressed("go", "eligibility"), ENV)
    asked = step(started.state, said("non ce la faccio", "inform", 0.4), ENV)
    assert keys(asked) == ["distress-check"]
    back = step(asked.state, NO, ENV)
    assert keys(back)[0] == "distress-fine" and back.state.asking == started.state.asking


def test_the_check_question_is_relayed_during_a_handoff() -> None:
    waiting = CONSENTED.with_(handoff=True)
    turn = step(waiting, said("sono disperata"), ENV)
    assert keys(turn) == ["distress-check"] and RelayToOperators() in turn.effects


def test_an_ordinary_sentence_goes_on_as_usual() -> None:
    turn = step(CONSENTED, said("cerco casa in affitto a crema", "out_of_scope", 0.9), ENV)
    assert "distress-check" not in keys(turn) and not alarmed(turn)


@pytest.mark.parametrize("state", [NEW, CONSENTED], ids=["before-consent", "after-consent"])
@pytest.mark.parametrize(
    "text", ["ho paura della polizia", "I'm afraid of the police", "mi tolgono il permesso?"]
)
def test_fear_of_the_police_gets_what_1522_is(state: State, text: str) -> None:
    turn = step(state, said(text), ENV)
    assert keys(turn) == ["distress-police"]
    assert {("go", "person"), ("go", "menu")} <= actions(turn)
    assert RelayToOperators() not in turn.effects


def test_fear_of_the_police_during_a_handoff_is_relayed_too() -> None:
    turn = step(CONSENTED.with_(handoff=True), said("non voglio denunciare"), ENV)
    assert keys(turn) == ["distress-police"] and RelayToOperators() in turn.effects


def test_danger_and_fear_of_the_police_get_both() -> None:
    turn = step(CONSENTED, said("mi picchia ma ho paura della polizia"), ENV)
    assert alarmed(turn) and keys(turn)[-1] == "distress-police"


def test_a_stale_distress_button_gets_the_menu() -> None:
    assert keys(step(CONSENTED, ButtonPressed("distress", "maybe"), ENV)) == ["button-expired"]


def test_a_typed_yes_to_the_check_question_raises_the_alarm() -> None:
    asked = step(CONSENTED, said("sono disperato"), ENV)
    assert alarmed(step(asked.state, said("si", "affirm"), ENV))
    # A bare "no" may mean "no, I'm not fine": the question again; "no, sto bene" goes on.
    assert keys(step(asked.state, said("no", "deny"), ENV)) == ["distress-check"]
    assert keys(step(asked.state, said("no sto bene", "deny"), ENV)) == ["distress-fine", "menu"]


def test_a_bare_no_to_the_check_question_asks_again_instead_of_guessing() -> None:
    """ "Stai bene? Ti serve aiuto subito?" — "no" may mean either: the buttons decide."""
    from dataclasses import replace

    from app.catalogue import Catalogue
    from dialogs import prompt
    from tests.unit.test_screens import ENV, ROOT

    env = replace(ENV, label_text=Catalogue.load(ROOT / "locales").label_text)
    asked = distress.check(State(consent_version=env.notice_version))
    state = asked.state.with_(prompt=prompt.choices(asked.replies, "it", env.label_text))
    again = step(state, TextSaid("no", None), env)
    assert [r.key for r in again.replies] == ["distress-check"]
    fine = step(state, TextSaid("no, sto bene", None), env)
    assert "distress-check" not in [r.key for r in fine.replies]
    assert not any(isinstance(e, OpenHandoff) for e in fine.effects)


def test_a_short_answer_is_never_an_alarm_on_the_model_alone() -> None:
    sure = Understanding("distress", 0.95, (("distress", 0.95),))
    assert distress.assess("si, eso mismo", sure) is not distress.Level.CLEAR
    assert distress.assess("sì", sure) is distress.Level.NONE
