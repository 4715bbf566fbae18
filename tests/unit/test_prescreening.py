"""The questionnaire as a person lives it, through the pure core."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from dialogs import ButtonPressed, CommandIssued, Env, State, TextSaid, Turn, Understanding, step
from dialogs.answers import parse_choice, volunteered
from dialogs.effects import RecordPrescreening
from dialogs.eligibility import Rules
from dialogs.events import Entity
from dialogs.model import Office
from dialogs.places import Gazetteer

CONFIG = Path(__file__).resolve().parents[2] / "config"
ENV = Env(
    now=datetime(2026, 11, 25, 10, tzinfo=UTC),
    office=Office("Sportello", "Via 1, Crema", "9-13", "0373 1", "a@b.it"),
    notice_version="v1",
    rules=Rules.from_mapping(yaml.safe_load((CONFIG / "eligibility.yaml").read_text())),
    places=Gazetteer.from_csv(CONFIG / "comuni_ambito.csv", CONFIG / "comuni_italia.csv"),
)
CONSENTED = State(consent_version="v1")


def text(said: str, intent: str = "inform", confidence: float = 0.9, **entities: str) -> TextSaid:
    found = tuple(Entity(k, v) for k, v in entities.items())
    return TextSaid(said, Understanding(intent, confidence, ((intent, confidence),), found))


def press(arg: str, action: str = "ans") -> ButtonPressed:
    return ButtonPressed(action, arg)


def keys(turn: Turn) -> list[str]:
    return [r.key for r in turn.replies]


def run(state: State, *events) -> Turn:  # type: ignore[no-untyped-def]
    turn = Turn((), state)
    for event in events:
        turn = step(turn.state, event, ENV)
    return turn


def recorded(turn: Turn) -> RecordPrescreening:
    found = [e for e in turn.effects if isinstance(e, RecordPrescreening)]
    assert len(found) == 1, turn.effects
    return found[0]


def test_from_the_menu_the_first_question_is_the_age() -> None:
    turn = step(CONSENTED, ButtonPressed("go", "eligibility"), ENV)
    assert keys(turn) == ["pre-intro", "q-age"]
    assert turn.replies[1].params == {"number": 1, "total": 6}
    buttons = {b.arg for row in turn.replies[1].buttons for b in row}
    assert {"age=range:in", "age=unknown", "menu", "person"} <= buttons


def test_eligible_path_with_free_text_and_buttons() -> None:
    turn = run(
        CONSENTED,
        CommandIssued("requisiti"),
        text("ho 52 anni"),
        text("abito a rivolta"),
        press("work=not_working"),
        press("services=yes"),
        press("permit=eu_citizen"),
        press("did=no"),
    )
    assert keys(turn) == ["pre-result"]
    assert turn.replies[0].params["outcome"] == "likely_eligible"
    effect = recorded(turn)
    assert dict(effect.answers) == {
        "age": "52", "residence": "in:Rivolta d'Adda", "work": "not_working",
        "services": "yes", "permit": "eu_citizen", "did": "no",
    }  # fmt: skip
    assert effect.rules_version == ENV.rules.version  # type: ignore[union-attr]
    parts = [key for key, _ in turn.replies[0].parts]
    assert "pre-did-info" in parts and "pre-elsewhere" not in parts
    assert ("go", "appointments") in {
        (b.action, b.arg) for r in turn.replies for row in r.buttons for b in row
    }
    assert turn.state.flow is None


def test_ineligible_path_says_why_and_where_else_to_turn() -> None:
    turn = run(
        CONSENTED,
        CommandIssued("requisiti"),
        text("ne ho 63"),
        text("sto a Cremona"),
        press("work=working"),
        press("services=no"),
        press("permit=eu_citizen"),
        press("did=yes"),
    )
    assert turn.replies[0].params["outcome"] == "not_eligible"
    lines = dict(turn.replies[0].parts)
    assert lines["pre-line-age"]["status"] == "not_met"
    assert lines["pre-line-residence"]["place"] == "Cremona (CR)"
    assert "pre-elsewhere" in lines and "pre-did-info" not in lines


def test_what_was_said_before_is_not_asked_again() -> None:
    asked = step(
        CONSENTED,
        text(
            "ho 45 anni e abito a crema, posso partecipare?",
            "check_eligibility",
            age="45",
            comune="Crema",
        ),
        ENV,
    )
    assert keys(asked) == ["pre-intro", "q-work"]
    assert dict(asked.state.answers) == {"age": "45", "residence": "in:Crema"}


def test_facts_mentioned_in_passing_are_remembered() -> None:
    turn = run(CONSENTED, text("ho 58 anni", age="58"), CommandIssued("requisiti"))
    assert keys(turn) == ["pre-intro", "q-residence"]


@pytest.mark.parametrize("said", ["7", "ho 140 anni", "sono nato nel 1890"])
def test_implausible_ages_are_asked_again_kindly(said: str) -> None:
    turn = run(CONSENTED, CommandIssued("requisiti"), text(said))
    assert keys(turn) == ["pre-again", "q-age"]
    assert turn.state.asking == "age"


def test_a_birth_year_is_an_answer() -> None:
    turn = run(CONSENTED, CommandIssued("requisiti"), text("sono nato nel 1971"))
    assert dict(turn.state.answers)["age"] == "born:1971"


def test_an_unsure_comune_offers_candidates_and_only_those_are_believed() -> None:
    unsure = run(CONSENTED, CommandIssued("requisiti"), press("age=range:in"), text("casaletto"))
    assert keys(unsure) == ["pre-place-unsure"]
    offered = [b.arg for row in unsure.replies[0].buttons for b in row if b.action == "place"]
    assert "Casaletto Vaprio" in offered
    chosen = step(unsure.state, press("Casaletto Vaprio", "place"), ENV)
    assert dict(chosen.state.answers)["residence"] == "in:Casaletto Vaprio"
    forged = step(unsure.state, press("Milano", "place"), ENV)
    assert "residence" not in dict(forged.state.answers)


def test_an_unknown_comune_is_asked_again() -> None:
    turn = run(CONSENTED, CommandIssued("requisiti"), press("age=range:in"), text("xyzzy"))
    assert keys(turn) == ["pre-place-unknown", "q-residence"]


def test_a_correction_goes_back_to_that_question() -> None:
    turn = run(
        CONSENTED, CommandIssued("requisiti"), text("ho 45 anni"), text("scusa ho sbagliato l'età")
    )
    assert keys(turn) == ["pre-correct", "q-age"]
    fixed = step(turn.state, text("46"), ENV)
    assert dict(fixed.state.answers)["age"] == "46"


def test_interruption_and_resume() -> None:
    paused = run(
        CONSENTED,
        CommandIssued("requisiti"),
        press("age=range:in"),
        text("voglio parlare con un operatore", "ask_human", 0.95),
    )
    # The other request is answered, then a way back to the questions.
    assert keys(paused) == ["person-contacts", "pre-paused"]
    assert paused.state.flow == "prescreening" and paused.state.asking is None
    assert keys(step(paused.state, press("resume", "pre"), ENV)) == ["q-residence"]
    offer = step(paused.state, CommandIssued("requisiti"), ENV)
    assert keys(offer) == ["pre-resume"]
    resumed = step(offer.state, press("resume", "pre"), ENV)
    assert keys(resumed) == ["q-residence"]
    restarted = step(offer.state, press("restart", "pre"), ENV)
    assert keys(restarted) == ["pre-intro", "q-age"]


def test_annulla_stops_and_forgets_the_answers() -> None:
    turn = run(
        CONSENTED, CommandIssued("requisiti"), press("age=range:in"), CommandIssued("annulla")
    )
    assert keys(turn) == ["pre-stopped"]
    assert (turn.state.flow, turn.state.answers) == (None, ())


def test_every_dont_know_gives_to_check() -> None:
    turn = run(
        CONSENTED,
        CommandIssued("requisiti"),
        *(press(f"{q}=unknown") for q in ("age", "residence", "work", "services", "permit", "did")),
    )
    assert recorded(turn).outcome == "to_check"


def test_the_result_can_be_corrected_and_replaces_the_outcome() -> None:
    done = run(
        CONSENTED,
        CommandIssued("requisiti"),
        press("age=range:in"),
        press("residence=in:Crema"),
        press("work=working"),
        press("services=yes"),
        press("permit=eu_citizen"),
        press("did=yes"),
    )
    assert recorded(done).outcome == "not_eligible"
    menu = step(done.state, press("edit", "pre"), ENV)
    assert keys(menu) == ["pre-edit"]
    again = run(done.state, press("edit=work", "pre"), press("work=not_working"))
    assert recorded(again).outcome == "likely_eligible"


@pytest.mark.parametrize(
    "arg", ["work=fired", "nope=1", "residence=in:Milano", "residence=out:Crema"]
)
def test_forged_answers_are_refused(arg: str) -> None:
    turn = run(CONSENTED, CommandIssued("requisiti"), press(arg))
    assert turn.state.answers == ()


@pytest.mark.parametrize(
    ("question", "words", "choice"),
    [
        ("permit", "sono cittadina rumena", "eu_citizen"),
        ("permit", "ho la cittadinanza italiana", "eu_citizen"),
        ("permit", "sunt româncă", "eu_citizen"),
        ("permit", "j'ai la nationalité italienne", "eu_citizen"),
        ("permit", "ho il permesso di soggiorno", "valid_permit"),
        ("permit", "I have a residence permit", "valid_permit"),
        ("permit", "non ho il permesso di soggiorno", "no_permit"),
        ("permit", "no", None),  # "no, I have one" or "no, I have none": asked again
        ("work", "Nu, nu lucrez", "not_working"),
        ("work", "je ne travaille pas", "not_working"),
        ("work", "no trabajo", "not_working"),
        ("work", "lavoro ogni tanto", "occasional"),
    ],
)
def test_answers_in_words_in_six_languages(question: str, words: str, choice: str | None) -> None:
    assert parse_choice(question, words) == choice


@pytest.mark.parametrize(
    ("words", "facts"),
    [
        ("ho 45 anni e sono disoccupata", {"work": "not_working"}),
        ("sono cittadina rumena, posso partecipare?", {"permit": "eu_citizen"}),
        ("vorrei fare un corso di informatica", {}),  # wanting a course is not attending one
        ("lavoro", {}),  # too loose when no question was asked
    ],
)
def test_facts_stated_in_passing(words: str, facts: dict[str, str]) -> None:
    assert volunteered(words) == facts
