"""The conversation's language in the core: offered in the language written, never switched
without a button, and not offered again once the person kept their language."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dialogs import ButtonPressed, State, TextSaid, Understanding, step
from dialogs.events import Entity
from dialogs.model import Env, Office, Reply, Turn

OFFICE = Office("Sportello", "Via 1, Crema", "9-13", "0373 1", "a@b.it")
ENV = Env(
    now=datetime(2026, 11, 25, 10, tzinfo=UTC),
    office=OFFICE,
    notice_version="v2",
    languages=("it", "en", "ro", "ar", "fr", "es"),
)
CONSENTED = State(consent_version="v2")


def written(language: str | None, intent: str = "greet", *entities: Entity) -> TextSaid:
    understood = Understanding(intent, 0.95, ((intent, 0.95),), entities)
    return TextSaid("…", understood, language=language, language_confidence=0.99)


def keys(turn: Turn) -> list[str]:
    return [r.key for r in turn.replies]


def offer(turn: Turn) -> Reply:
    return next(r for r in turn.replies if r.key == "lang-offer")


def buttons(reply: Reply) -> list[tuple[str, str]]:
    return [(b.action, b.arg) for row in reply.buttons for b in row]


def test_a_text_in_another_language_is_answered_and_the_language_offered_in_it() -> None:
    turn = step(CONSENTED, written("ro"), ENV)
    assert keys(turn) == ["greet", "lang-offer"]
    assert turn.state.language == "it"
    assert offer(turn).language == "ro"
    assert buttons(offer(turn)) == [("lang", "ro"), ("lang-keep", "ro")]
    keep = offer(turn).buttons[1][0]
    assert keep.params == {"current": "it"}


@pytest.mark.parametrize("language", [None, "it", "de"])
def test_no_offer_for_the_same_an_unknown_or_an_unclear_language(language: str | None) -> None:
    assert keys(step(CONSENTED, written(language), ENV)) == ["greet"]


def test_pressing_the_offer_switches_and_the_conversation_goes_on_in_that_language() -> None:
    offered = step(CONSENTED, written("ro"), ENV)
    switched = step(offered.state, ButtonPressed("lang", "ro"), ENV)
    assert switched.state.language == "ro"
    assert keys(switched) == ["lang-changed", "menu"]
    # Romanian now: a Romanian text gets no offer, an Italian one gets the Italian offer.
    assert keys(step(switched.state, written("ro"), ENV)) == ["greet"]
    back = step(switched.state, written("it"), ENV)
    assert offer(back).language == "it"


def test_keeping_the_language_is_remembered_and_that_offer_not_made_again() -> None:
    offered = step(CONSENTED, written("ro"), ENV)
    kept = step(offered.state, ButtonPressed("lang-keep", "ro"), ENV)
    assert kept.state.language == "it"
    assert kept.state.lang_declined == ("ro",)
    assert keys(kept) == ["lang-kept"]
    assert ("go", "person") in buttons(kept.replies[0])
    assert keys(step(kept.state, written("ro"), ENV)) == ["greet"]
    # Another language is still offered.
    assert offer(step(kept.state, written("fr"), ENV)).language == "fr"


def test_before_consent_the_offer_comes_first_and_the_notice_follows_switched() -> None:
    turn = step(State(), written("ar"), ENV)
    assert keys(turn) == ["lang-offer", "consent-needed"]
    assert offer(turn).language == "ar"
    switched = step(turn.state, ButtonPressed("lang", "ar"), ENV)
    assert switched.state.language == "ar"
    assert keys(switched) == ["lang-changed", "consent-needed"]


def test_keeping_before_consent_asks_for_consent_again() -> None:
    turn = step(State(), ButtonPressed("lang-keep", "en"), ENV)
    assert keys(turn) == ["lang-kept", "consent-needed"]
    assert turn.state.lang_declined == ("en",)
    assert turn.state.consent_version is None


def test_a_forged_keep_button_remembers_nothing() -> None:
    turn = step(CONSENTED, ButtonPressed("lang-keep", "xx"), ENV)
    assert turn.state.lang_declined == ()


def test_mentioning_a_language_never_switches() -> None:
    # "my Italian is not very good": written in English, naming Italian.
    said = written("en", "change_language", Entity("language", "it"))
    turn = step(CONSENTED, said, ENV)
    assert turn.state.language == "it"
    assert keys(turn) == ["lang-choose"]  # every language, and no second offer beside it
    assert ("lang", "en") in buttons(turn.replies[0])


def test_asking_for_a_language_offers_its_button_first() -> None:
    said = written(None, "change_language", Entity("language", "ro"))
    turn = step(CONSENTED, said, ENV)
    assert turn.state.language == "it"
    reply = offer(turn)
    assert reply.language == "ro"
    assert buttons(reply)[0] == ("lang", "ro")
    assert {("lang", c) for c in ENV.languages} <= set(buttons(reply))
    assert ("go", "menu") in buttons(reply) and ("go", "person") in buttons(reply)


def test_distress_comes_first_and_the_offer_only_after_it() -> None:
    # Someone who cannot read Italian must still get the numbers at once, then a way to
    # read the rest in their language.
    said = written("ro", "distress")
    # The model alone raises the alarm only on a real sentence, not on a few words.
    said = TextSaid("ajutati-ma va rog nu mai pot", said.understanding, language="ro")
    turn = step(CONSENTED, said, ENV)
    assert keys(turn)[0] == "distress-numbers"
    assert keys(turn)[-1] == "lang-offer"
