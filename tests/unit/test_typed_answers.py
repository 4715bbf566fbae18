"""Typing a button's words, its number or yes / no does what pressing it does."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dialogs import ButtonPressed, State, TextSaid, Turn, Understanding, distress, step
from dialogs import prompt as typed
from dialogs.effects import BookSlot, RecordConsent
from tests.unit.test_screens import CATALOGUE, ENV, TURNS

WORDS_ENV = replace(ENV, label_text=CATALOGUE.label_text)
LANGUAGES = CATALOGUE.languages
YES_WORD = {"it": "sì", "en": "yes", "ro": "da", "ar": "نعم", "fr": "oui", "es": "sí"}
NO_WORD = {"it": "no", "en": "no", "ro": "nu", "ar": "لا", "fr": "non", "es": "no"}


def outcome(turn: Turn) -> tuple[object, ...]:
    """What a person sees and what happens; the remembered buttons aside."""
    return (
        tuple((r.key, tuple(sorted(r.params.items()))) for r in turn.replies),
        turn.effects,
        turn.state.with_(prompt=()),
    )


def on_screen(turn: Turn, language: str) -> State:
    shown = typed.choices(turn.replies, language, CATALOGUE.label_text)
    return turn.state.with_(language=language, prompt=shown)


def buttons(turn: Turn) -> list[ButtonPressed]:
    return [ButtonPressed(b.action, b.arg) for r in turn.replies for row in r.buttons for b in row]


def text(words: str) -> TextSaid:
    # No NLU: the typed answer must be understood before it is needed.
    return TextSaid(words, None)


def distinct_screens(turns: list[Turn]) -> list[Turn]:
    """One turn per screen: the walk reaches most screens many times over."""
    seen: dict[tuple[object, ...], Turn] = {}
    for turn in turns:
        if not buttons(turn) or turn.state.handoff:
            continue
        state = turn.state
        shape = (
            tuple(r.key for r in turn.replies),
            tuple(buttons(turn)),
            (state.flow, state.asking, state.ap_kind, state.consent_version),
        )
        seen.setdefault(shape, turn)
    return list(seen.values())


SCREENS = distinct_screens(TURNS)


def test_the_walk_has_screens_to_type_on() -> None:
    assert len(SCREENS) > 150


@pytest.mark.parametrize("language", LANGUAGES)
def test_typing_a_label_is_pressing_it(language: str) -> None:
    checked = 0
    for turn in SCREENS:
        state = on_screen(turn, language)
        labels = [
            CATALOGUE.render(b.label, language, b.params)
            for r in turn.replies
            for row in r.buttons
            for b in row
        ]
        for pressed, label in zip(buttons(turn), labels, strict=True):
            if labels.count(label) > 1:
                continue  # two buttons that read the same: nobody can tell them apart
            expected = step(state, pressed, WORDS_ENV)
            got = step(state, text(label), WORDS_ENV)
            assert outcome(got) == outcome(expected), (language, label, pressed)
            checked += 1
    assert checked > 600


def test_typing_a_number_is_pressing_that_button() -> None:
    checked = 0
    for turn in SCREENS:
        state = on_screen(turn, "it")
        shown = buttons(turn)
        if any(b.action == "ap-b" for b in shown):
            continue  # in a list of times a number is an hour (tested below)
        for number, pressed in enumerate(shown[:9], start=1):
            expected = step(state, pressed, WORDS_ENV)
            assert outcome(step(state, text(str(number)), WORDS_ENV)) == outcome(expected)
            checked += 1
    assert checked > 300


@pytest.mark.parametrize("language", LANGUAGES)
def test_yes_and_no_press_the_one_yes_or_no_button(language: str) -> None:
    checked = 0
    for turn in SCREENS:
        state = on_screen(turn, language)
        kinds = [item[2] for item in state.prompt]
        for kind, word in ((typed.YES, YES_WORD[language]), (typed.NO, NO_WORD[language])):
            if kinds.count(kind) != 1:
                continue
            pressed = buttons(turn)[kinds.index(kind)]
            expected = step(state, pressed, WORDS_ENV)
            assert outcome(step(state, text(word), WORDS_ENV)) == outcome(expected), (
                language,
                word,
                pressed,
            )
            checked += 1
    assert checked > 20


def test_a_typed_yes_books_the_offered_time() -> None:
    asked = next(t for t in SCREENS if t.replies[-1].key == "ap-book-ask")
    booked = step(on_screen(asked, "en"), text("Yes"), WORDS_ENV)
    assert any(isinstance(e, BookSlot) for e in booked.effects)


@pytest.mark.parametrize("words", ["ok, accetto", "Accetto!", "accetto grazie", "acceto"])
def test_consent_typed(words: str) -> None:
    notice = step(State(), ButtonPressed("go", "consent"), WORDS_ENV)
    assert notice.state.prompt, "the consent notice shows buttons"
    turn = step(notice.state, text(words), WORDS_ENV)
    assert RecordConsent("v1", accepted=True) in turn.effects


def test_non_accetto_is_not_accetto() -> None:
    notice = step(State(), ButtonPressed("go", "consent"), WORDS_ENV)
    turn = step(notice.state, text("non accetto"), WORDS_ENV)
    assert RecordConsent("v1", accepted=True) not in turn.effects


def test_an_hour_in_a_list_of_times_is_not_a_button_number() -> None:
    times = next(t for t in SCREENS if any(b.action == "ap-b" for b in buttons(t)))
    state = on_screen(times, "it")
    assert typed.answer(state.prompt, "9", None) is None


def test_a_sentence_is_not_a_button() -> None:
    menu = next(t for t in SCREENS if t.replies[-1].key == "menu")
    state = on_screen(menu, "it")
    said = "vorrei sapere se il corso di informatica si fa anche di sera per chi lavora"
    assert typed.answer(state.prompt, said, None) is None


def test_the_nlu_affirm_counts_only_for_short_answers() -> None:
    asked = next(t for t in SCREENS if t.replies[-1].key == "ap-book-ask")
    state = on_screen(asked, "it")
    sure = Understanding("affirm", 0.95)
    assert typed.answer(state.prompt, "si dai", sure) is not None
    assert typed.answer(state.prompt, "ho capito ma devo pensarci prima", sure) is None


@pytest.mark.parametrize("words", ["no sto bene", "sto bene", "no, sto bene grazie"])
def test_fine_is_not_a_call_for_help_even_if_the_nlu_says_affirm(words: str) -> None:
    asked = distress.check(State(consent_version="v1"))  # "Stai bene? Ti serve aiuto subito?"
    state = on_screen(asked, "it")
    pressed = typed.answer(state.prompt, words, Understanding("affirm", 0.9))
    assert pressed == ButtonPressed("distress", "no")


def test_a_typed_yes_to_the_check_question_is_the_alarm() -> None:
    state = on_screen(distress.check(State(consent_version="v1")), "it")
    assert typed.answer(state.prompt, "si", None) == ButtonPressed("distress", "yes")


@pytest.mark.parametrize(
    ("language", "words"),
    [("ar", "نعم موافق"), ("ro", "da, accept"), ("fr", "oui j'accepte"), ("es", "sí, acepto")],
)
def test_consent_typed_in_other_languages(language: str, words: str) -> None:
    notice = step(State(language=language), ButtonPressed("go", "consent"), WORDS_ENV)
    state = on_screen(notice, language)
    turn = step(state, text(words), WORDS_ENV)
    assert RecordConsent("v1", accepted=True) in turn.effects


def test_buttons_the_bot_sent_on_its_own_answer_typed_words() -> None:
    """The follow-up question arrives outside a turn: "2" and "lavoro in proprio" answer it,
    as pressing its second button does; a later message without buttons keeps them."""
    from dialogs.followup import question
    from dialogs.model import Reply
    from dialogs.router import sent_outside_a_turn

    menu = step(State(), text("menu"), WORDS_ENV).state
    consented = menu.with_(consent_version=WORDS_ENV.notice_version, language="it")
    asked = sent_outside_a_turn(consented, (question(),), "it", CATALOGUE.label_text)
    pressed = step(asked, ButtonPressed("followup", "self_employed"), WORDS_ENV)
    for words in ("2", "lavoro in proprio"):
        assert outcome(step(asked, text(words), WORDS_ENV)) == outcome(pressed), words
    assert sent_outside_a_turn(asked, (Reply("fu-thanks"),), "it", None) == asked
    # Before: the same "2" is not the follow-up's answer.
    assert outcome(step(consented, text("2"), WORDS_ENV)) != outcome(pressed)


def test_a_typed_answer_loads_the_data_its_button_needs() -> None:
    """ "sì" under a reminder is its "Confermo": the shell must load the agenda for it,
    though a bare "sì" needs nothing."""
    from dialogs import flows

    under_reminder = State(prompt=(("ap-ok", "7", "yes", "Confermo"), ("ap-no", "7", "no", "")))
    assert flows.data_needed(under_reminder, text("sì")) == {"agenda"}
    assert flows.data_needed(State(), text("sì")) == frozenset()
