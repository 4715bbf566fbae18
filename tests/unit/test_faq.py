"""The questions people really ask, where else to turn, and an honest "I don't know"."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from app.catalogue import Catalogue
from app.texts import reply_text
from dialogs import ButtonPressed, CommandIssued, Env, State, TextSaid, Turn, Understanding, step
from dialogs.agenda import Agenda
from dialogs.appointments import HANDOFF_REASON
from dialogs.eligibility import Rules
from dialogs.events import Entity
from dialogs.faq import FAQ_SCREENS
from dialogs.model import Office
from dialogs.places import Gazetteer
from dialogs.router import INTENT_SCREENS
from dialogs.screens import SCREENS
from tests.unit.agenda_samples import CONFIG, FREE, NOW

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Catalogue.load(ROOT / "locales")
LANGUAGES = ("it", "en", "ro", "ar", "fr", "es")
OFFICE = Office("Sportello", "Via 1, Crema", "9-13", "0373 123456", "a@b.it")
ENV = Env(now=NOW, office=OFFICE, notice_version="v1")
CONSENTED = State(consent_version="v1")
NEW_FAQ = ("faq_income_support", "faq_driving_licence", "faq_expired_documents")
NEW_FAQ += ("faq_after_interview",)


def said(intent: str, words: str = "…", **entities: str) -> TextSaid:
    found = tuple(Entity(k, v) for k, v in entities.items())
    return TextSaid(words, Understanding(intent, 0.95, ((intent, 0.95),), found))


def keys(turn: Turn) -> list[str]:
    return [r.key for r in turn.replies]


def pressable(turn: Turn) -> list[tuple[str, str]]:
    return [(b.action, b.arg) for r in turn.replies for row in r.buttons for b in row]


def text_of(turn: Turn, language: str = "it") -> str:
    return "\n".join(reply_text(r, CATALOGUE, language) for r in turn.replies)


# --- answers --------------------------------------------------------------------------------


@pytest.mark.parametrize("intent", NEW_FAQ)
def test_each_new_question_gets_its_own_answer_and_a_next_step(intent: str) -> None:
    turn = step(CONSENTED, said(intent), ENV)
    assert keys(turn) == [intent.replace("_", "-")]
    buttons = pressable(turn)
    assert ("go", "person") in buttons and ("go", "menu") in buttons
    # The next step comes first, above the way back and the way to a person.
    assert buttons[0] in {("go", "appointments"), ("go", "eligibility")}


def test_every_faq_is_an_intent_screen_and_a_button_screen() -> None:
    for screen in FAQ_SCREENS:
        assert INTENT_SCREENS[screen] == screen
        assert screen in SCREENS
        assert keys(step(CONSENTED, ButtonPressed("go", screen), ENV)) == [screen.replace("_", "-")]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("screen", FAQ_SCREENS)
def test_every_answer_renders_in_every_language(screen: str, language: str) -> None:
    turn = step(CONSENTED.with_(language=language), ButtonPressed("go", screen), ENV)
    assert len(text_of(turn, language)) > 40


@pytest.mark.parametrize("language", LANGUAGES)
def test_income_support_promises_no_money_and_says_an_operator_checks(language: str) -> None:
    answer = text_of(step(CONSENTED, said("faq_income_support"), ENV), language)
    assert "ADI" in answer and "SFL" in answer
    assert "€" not in answer and not re.search(r"\d", answer)


def test_internship_says_length_and_pay_honestly() -> None:
    answer = text_of(step(CONSENTED, said("faq_internship"), ENV))
    assert "12 mesi" in answer and "24" in answer
    assert "INAIL" in answer and "non è uno stipendio" in answer.lower()
    assert "€" not in answer


def test_expired_documents_say_come_anyway_and_where_to_renew() -> None:
    answer = text_of(step(CONSENTED, said("faq_expired_documents"), ENV))
    assert "Vieni lo stesso" in answer
    assert all(place in answer for place in ("anagrafe", "Agenzia delle Entrate", "CAF"))
    assert ("go", "faq_documents") in pressable(step(CONSENTED, said("faq_expired_documents"), ENV))


def test_driving_licence_is_not_needed() -> None:
    answer = text_of(step(CONSENTED, said("faq_driving_licence"), ENV))
    assert answer.startswith("No, la patente non serve")


# --- where else to turn ---------------------------------------------------------------------


def test_elsewhere_names_the_places_and_only_the_offices_own_number() -> None:
    turn = step(CONSENTED, ButtonPressed("go", "elsewhere"), ENV)
    assert keys(turn) == ["elsewhere"]
    shown = text_of(turn)
    assert "Centro per l'Impiego di Crema" in shown and "CAF" in shown and "Comune" in shown
    # No invented phone numbers: the only number is the office's, from the programme data.
    assert re.findall(r"\d[\d ]{5,}\d", shown) == [OFFICE.phone]
    assert pressable(turn)[0] == ("go", "person")


def test_a_not_eligible_result_offers_where_else_to_turn() -> None:
    config = ROOT / "config"
    env = Env(
        now=datetime(2026, 11, 25, 10, tzinfo=UTC),
        office=OFFICE,
        notice_version="v1",
        rules=Rules.from_mapping(yaml.safe_load((config / "eligibility.yaml").read_text())),
        places=Gazetteer.from_csv(config / "comuni_ambito.csv", config / "comuni_italia.csv"),
    )
    turn = Turn((), CONSENTED)
    for event in (
        CommandIssued("requisiti"),
        said("inform", "ne ho 63"),
        said("inform", "sto a Cremona"),
        ButtonPressed("ans", "work=working"),
        ButtonPressed("ans", "services=no"),
        ButtonPressed("ans", "permit=eu_citizen"),
        ButtonPressed("ans", "did=yes"),
    ):
        turn = step(turn.state, event, env)
    assert turn.replies[0].params["outcome"] == "not_eligible"
    assert pressable(turn)[0] == ("go", "elsewhere")
    assert ("go", "person") in pressable(turn)
    after = step(turn.state, ButtonPressed("go", "elsewhere"), env)
    assert keys(after) == ["elsewhere"]


def test_appointments_closed_after_not_eligible_offer_where_else_too() -> None:
    agenda = Agenda(free=FREE, prescreening_outcome="not_eligible")
    env = Env(now=NOW, office=OFFICE, notice_version="v1", agenda_config=CONFIG, agenda=agenda)
    turn = step(CONSENTED, CommandIssued("appuntamenti"), env)
    assert keys(turn) == ["ap-not-open"]
    assert pressable(turn)[0] == ("go", "elsewhere")


# --- an honest "I don't know" ---------------------------------------------------------------


@pytest.mark.parametrize("intent", ["out_of_scope", "an_intent_the_core_does_not_know"])
def test_questions_outside_what_the_bot_knows_get_i_dont_know_and_a_person_first(
    intent: str,
) -> None:
    turn = step(CONSENTED, said(intent, "quanto costa un biglietto del treno per Milano?"), ENV)
    assert keys(turn) == ["dont-know"]
    assert pressable(turn)[0] == ("go", "person")
    assert ("go", "menu") in pressable(turn)
    assert text_of(turn).startswith("Non lo so, ma un operatore sì.")


# --- no placeholder left --------------------------------------------------------------------


@pytest.mark.parametrize("command", ["requisiti", "appuntamenti", "corsi"])
def test_missing_data_is_said_honestly_with_the_phone_and_a_person(command: str) -> None:
    turn = step(CONSENTED, CommandIssued(command), ENV)  # no agenda, rules nor courses here
    assert keys(turn) == ["unavailable"]
    shown = text_of(turn)
    assert OFFICE.phone in shown and "non sono ancora pronti" not in shown
    assert pressable(turn)[0] == ("go", "person")


def test_the_not_ready_placeholder_is_gone_from_every_language() -> None:
    for path in (ROOT / "locales").rglob("*.ftl"):
        assert not re.search(r"^not-ready =", path.read_text(), re.M), path


@pytest.mark.parametrize(
    ("words", "intent"),
    [
        ("dove posso andare allora?", "goodbye"),
        ("e allora dove vado?", "out_of_scope"),
        ("where can I go then?", "out_of_scope"),
    ],
)
def test_asking_where_to_go_after_a_not_eligible_result_gets_the_places(
    words: str, intent: str
) -> None:
    """The words of the "where can I go?" button on screen count as pressing it."""
    config = ROOT / "config"
    env = Env(
        now=datetime(2026, 11, 25, 10, tzinfo=UTC),
        office=OFFICE,
        notice_version="v1",
        rules=Rules.from_mapping(yaml.safe_load((config / "eligibility.yaml").read_text())),
        places=Gazetteer.from_csv(config / "comuni_ambito.csv", config / "comuni_italia.csv"),
        label_text=CATALOGUE.render,
    )
    turn = Turn((), CONSENTED.with_(language="en" if words.startswith("where") else "it"))
    for event in (
        CommandIssued("requisiti"),
        said("inform", "ne ho 63"),
        said("inform", "sto a Cremona"),
        ButtonPressed("ans", "work=working"),
        ButtonPressed("ans", "services=no"),
        ButtonPressed("ans", "permit=eu_citizen"),
        ButtonPressed("ans", "did=yes"),
    ):
        turn = step(turn.state, event, env)
    assert turn.replies[0].params["outcome"] == "not_eligible"
    assert keys(step(turn.state, said(intent, words), env)) == ["elsewhere"]


def test_the_operators_card_says_the_person_asks_for_an_appointment() -> None:
    params = {"urgent": "no", "name": "A", "language": "it", "prescreening": "-"}
    params |= {"bookings": "-", "recent": "-", "reason": HANDOFF_REASON}
    assert "chiede un appuntamento" in CATALOGUE.render("op-card", "it", params)
