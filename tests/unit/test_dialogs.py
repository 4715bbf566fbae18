"""Table-driven tests of the pure conversation core."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dialogs import (
    ButtonPressed,
    CommandIssued,
    Env,
    MessageEdited,
    NonTextSent,
    Started,
    State,
    TextSaid,
    Understanding,
    step,
)
from dialogs.effects import EraseData, ExportData, RecordConsent
from dialogs.events import Entity
from dialogs.intents import INTENTS
from dialogs.model import Office

OFFICE = Office("Sportello", "Via 1, Crema", "9-13", "0373 1", "a@b.it")
ENV = Env(now=datetime(2026, 11, 25, 10, tzinfo=UTC), office=OFFICE, notice_version="v2")
CONSENTED = State(consent_version="v2")


def said(
    intent: str, confidence: float = 0.95, ranking: tuple[tuple[str, float], ...] = ()
) -> TextSaid:
    return TextSaid("…", Understanding(intent, confidence, ranking or ((intent, confidence),)))


def keys(turn) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.key for r in turn.replies]


def actions(turn) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(b.action, b.arg) for r in turn.replies for row in r.buttons for b in row}


# --- consent -------------------------------------------------------------------------


def test_start_without_consent_asks_for_it_and_stores_nothing() -> None:
    turn = step(State(), Started("it"), ENV)
    assert keys(turn) == ["welcome"]
    assert {("consent", "yes"), ("consent", "no"), ("go", "person")} <= actions(turn)
    assert turn.effects == ()


def test_accepting_records_the_notice_version_and_shows_the_menu() -> None:
    turn = step(State(), ButtonPressed("consent", "yes"), ENV)
    assert turn.state.consent_version == "v2"
    assert turn.effects == (RecordConsent("v2", accepted=True),)
    assert keys(turn) == ["consent-thanks", "menu"]


def test_declining_explains_how_to_reach_the_office_and_allows_a_change_of_mind() -> None:
    turn = step(State(), ButtonPressed("consent", "no"), ENV)
    assert keys(turn) == ["consent-declined"]
    assert turn.replies[0].params["phone"] == "0373 1"
    assert ("go", "consent") in actions(turn)
    assert turn.state.consent_version is None
    again = step(turn.state, ButtonPressed("go", "consent"), ENV)
    assert ("consent", "yes") in actions(again)


@pytest.mark.parametrize(
    "event",
    [
        said("list_courses"),
        CommandIssued("corsi"),
        ButtonPressed("go", "courses"),
        NonTextSent("voice"),
    ],
)
def test_nothing_happens_before_consent(event) -> None:  # type: ignore[no-untyped-def]
    turn = step(State(), event, ENV)
    assert keys(turn) == ["consent-needed"]


def test_a_new_notice_version_asks_again() -> None:
    turn = step(State(consent_version="v1"), said("list_courses"), ENV)
    assert keys(turn) == ["consent-renewed"]


def test_contacts_and_full_notice_are_available_before_consent() -> None:
    assert keys(step(State(), ButtonPressed("go", "person"), ENV)) == ["person-contacts"]
    assert keys(step(State(), ButtonPressed("go", "privacy_full"), ENV)) == ["privacy-full"]


# --- distress ------------------------------------------------------------------------


@pytest.mark.parametrize("state", [State(), CONSENTED], ids=["before-consent", "after-consent"])
@pytest.mark.parametrize(
    "event",
    [
        # The model sure of distress in a sentence with no keyword of the net.
        TextSaid("vi prego aiutatemi sono disperata", Understanding("distress", 0.95)),
        TextSaid("mio marito mi picchia", None),
        TextSaid("non ho da mangiare per i bambini", Understanding("inform", 0.9)),
        TextSaid("voglio farla finita", Understanding("nlu_fallback", 0.3)),
        MessageEdited("ho paura, mi hanno sfrattato"),
    ],
)
def test_distress_always_gets_emergency_numbers_and_a_person(state, event) -> None:  # type: ignore[no-untyped-def]
    turn = step(state, event, ENV)
    assert keys(turn) == ["distress-numbers", "distress-person"]
    assert ("go", "person") in actions(turn)


def test_worries_that_are_not_distress_are_not_treated_as_such() -> None:
    turn = step(
        CONSENTED, TextSaid("ho paura del colloquio", Understanding("book_appointment", 0.9)), ENV
    )
    assert "distress-numbers" not in keys(turn)


# --- understanding -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("intent", "expected"),
    [
        ("greet", "greet"),
        ("goodbye", "goodbye"),
        ("thanks", "thanks"),
        ("bot_challenge", "bot-challenge"),
        ("out_of_scope", "dont-know"),
        ("faq_project", "faq-project"),
        ("faq_internship", "faq-internship"),
        ("faq_documents", "faq-documents"),
        ("faq_contacts", "faq-contacts"),
        ("ask_human", "person-contacts"),
        ("privacy", "privacy-short"),
        ("help", "help"),
        ("check_eligibility", "unavailable"),
        ("book_appointment", "unavailable"),
        ("list_courses", "unavailable"),
    ],
)
def test_each_intent_gets_its_answer(intent: str, expected: str) -> None:
    assert keys(step(CONSENTED, said(intent), ENV)) == [expected]


def test_every_intent_is_answered_with_a_way_back_and_to_a_person() -> None:
    for intent in INTENTS:
        turn = step(CONSENTED, said(intent), ENV)
        assert turn.replies, intent
        assert ("go", "person") in actions(turn), intent
        assert ("go", "menu") in actions(turn) or ("go", "eligibility") in actions(turn), intent


def test_low_confidence_offers_the_top_two_intents_and_a_person() -> None:
    ranking = (("list_courses", 0.4), ("book_appointment", 0.35), ("greet", 0.1))
    turn = step(CONSENTED, said("list_courses", 0.4, ranking), ENV)
    assert keys(turn) == ["clarify"]
    assert {
        ("intent", "list_courses"),
        ("intent", "book_appointment"),
        ("go", "person"),
    } <= actions(turn)
    assert ("intent", "greet") not in actions(turn)
    assert turn.state.misunderstood == 1


def test_two_misunderstandings_in_a_row_offer_a_person() -> None:
    first = step(CONSENTED, said("nlu_fallback", 0.3), ENV)
    second = step(first.state, said("nlu_fallback", 0.3), ENV)
    assert keys(second) == ["still-not-understood"]
    assert ("go", "person") in actions(second)


def test_understanding_resets_the_misunderstanding_count() -> None:
    first = step(CONSENTED, said("nlu_fallback", 0.3), ENV)
    understood = step(first.state, said("greet"), ENV)
    assert understood.state.misunderstood == 0


def test_choosing_an_offered_intent_answers_it() -> None:
    assert keys(step(CONSENTED, ButtonPressed("intent", "faq_project"), ENV)) == ["faq-project"]


def test_a_long_text_that_was_not_understood_asks_for_a_short_one() -> None:
    turn = step(
        CONSENTED, TextSaid("x" * 5000, Understanding("nlu_fallback", 0.2), too_long=True), ENV
    )
    assert keys(turn) == ["too-long"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vorrei un corso", "unavailable"),
        ("voglio parlare con un operatore", "person-contacts"),
        ("xyz", "nlu-down"),
    ],
)
def test_without_nlu_keywords_still_help(text: str, expected: str) -> None:
    assert keys(step(CONSENTED, TextSaid(text, None), ENV)) == [expected]


# --- buttons, commands and other input -----------------------------------------------


@pytest.mark.parametrize(
    "event",
    [
        ButtonPressed("admin", "1"),
        ButtonPressed("go", "nowhere"),
        ButtonPressed("intent", "drop_tables"),
    ],
)
def test_forged_or_stale_buttons_get_the_menu(event) -> None:  # type: ignore[no-untyped-def]
    turn = step(CONSENTED, event, ENV)
    assert keys(turn) == ["button-expired"]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("help", "help"),
        ("requisiti", "unavailable"),
        ("appuntamenti", "unavailable"),
        ("corsi", "unavailable"),
        ("operatore", "person-contacts"),
        ("privacy", "privacy-short"),
        ("lingua", "lang-choose"),
        ("imieidati", "export-ready"),
        ("cancellami", "erase-confirm"),
        ("annulla", "cancelled"),
        ("boh", "unknown-command"),
    ],
)
def test_commands(command: str, expected: str) -> None:
    assert keys(step(CONSENTED, CommandIssued(command), ENV)) == [expected]


def test_not_ready_features_say_which_one_honestly() -> None:
    turn = step(CONSENTED, CommandIssued("corsi"), ENV)
    assert turn.replies[0].params["feature"] == "courses"


@pytest.mark.parametrize(
    "kind", ["sticker", "voice", "photo", "document", "location", "contact", "other"]
)
def test_non_text_gets_a_kind_answer(kind: str) -> None:
    turn = step(CONSENTED, NonTextSent(kind), ENV)
    assert keys(turn) == ["non-text"]
    assert turn.replies[0].params["kind"] == kind
    assert turn.state.with_(prompt=()) == CONSENTED


def test_edits_are_not_read_but_answered() -> None:
    assert keys(step(CONSENTED, MessageEdited("ciao"), ENV)) == ["edited"]


def test_start_after_consent_welcomes_back() -> None:
    assert keys(step(CONSENTED, Started("it"), ENV)) == ["welcome-back"]


def test_start_keeps_italian_for_unsupported_languages() -> None:
    assert step(State(), Started("xx"), ENV).state.language == "it"


# --- language ------------------------------------------------------------------------

MULTI = Env(
    now=ENV.now, office=OFFICE, notice_version="v2", languages=("it", "en", "ro", "ar", "fr", "es")
)


def test_start_takes_the_telegram_language_when_supported() -> None:
    assert step(State(), Started("ro-RO"), MULTI).state.language == "ro"
    assert step(State(), Started("de"), MULTI).state.language == "it"


def test_the_language_can_change_before_consent_and_the_notice_follows() -> None:
    menu = step(State(), ButtonPressed("go", "language"), MULTI)
    assert keys(menu) == ["lang-choose"]
    assert ("lang", "ar") in actions(menu) and ("go", "consent") in actions(menu)
    switched = step(State(), ButtonPressed("lang", "ar"), MULTI)
    assert switched.state.language == "ar"
    assert keys(switched) == ["lang-changed", "consent-needed"]


def test_asking_for_a_language_in_words_offers_it_and_does_not_switch() -> None:
    said = TextSaid(
        "can we speak english?",
        Understanding("change_language", 0.9, (), (Entity("language", "en"),)),
    )
    turn = step(CONSENTED, said, MULTI)
    assert (turn.state.language, keys(turn)) == ("it", ["lang-offer"])
    assert turn.replies[0].buttons[0][0].arg == "en"
    unsupported = TextSaid(
        "parliamo tedesco", Understanding("change_language", 0.9, (), (Entity("language", "de"),))
    )
    assert keys(step(CONSENTED, unsupported, MULTI)) == ["lang-choose"]


def test_an_unsupported_language_button_is_refused() -> None:
    turn = step(CONSENTED, ButtonPressed("lang", "xx"), MULTI)
    assert turn.state.language == "it"
    assert keys(turn) == ["button-expired"]


# --- the person's own data -----------------------------------------------------------


def test_export_is_an_effect_with_a_reply() -> None:
    turn = step(CONSENTED, ButtonPressed("data", "export"), ENV)
    assert keys(turn) == ["export-ready"]
    assert turn.effects == (ExportData(),)


def test_erasure_asks_first_then_erases_and_forgets_the_state() -> None:
    asked = step(CONSENTED.with_(language="it", misunderstood=1), CommandIssued("cancellami"), ENV)
    assert keys(asked) == ["erase-confirm"]
    assert asked.effects == ()
    kept = step(asked.state, ButtonPressed("go", "privacy"), ENV)
    assert keys(kept) == ["privacy-short"] and kept.effects == ()
    erased = step(asked.state, ButtonPressed("data", "erase-yes"), ENV)
    assert erased.effects == (EraseData(),)
    assert erased.state.with_(prompt=()) == State(language="it")


def test_delete_my_data_intent_asks_for_confirmation() -> None:
    assert keys(step(CONSENTED, said("delete_my_data"), ENV)) == ["erase-confirm"]
