"""The course conversation in the pure core: browse, read, sign up, wait, withdraw, offers."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from app.catalogue import Catalogue
from app.texts import reply_text
from dialogs import ButtonPressed, CommandIssued, Env, State, TextSaid, Understanding, step
from dialogs.course_texts import (
    course_cancelled_reply,
    course_changed_reply,
    course_reminder_reply,
)
from dialogs.course_view import Courses, CourseText, MyEnrolment
from dialogs.courses import match, offer_reply
from dialogs.effects import AnswerOffer, EnrolCourse, WithdrawCourse
from dialogs.events import EnrolmentDone, Entity, OfferAnswered
from dialogs.model import Office
from store.settings import PROJECT_ROOT
from tests.unit.agenda_samples import CONFIG, NOW
from tests.unit.course_samples import CATALOGUE, HACCP, OPEN, STORE

OFFICE = Office("Sportello", "Via 1, Crema", "9-13", "0373 1", "a@b.it")
CONSENTED = State(consent_version="v1")
LOCALES = Catalogue.load(PROJECT_ROOT / "locales")


def env(courses: Courses = OPEN) -> Env:
    return Env(now=NOW, office=OFFICE, notice_version="v1", agenda_config=CONFIG, courses=courses)


def keys(turn) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.key for r in turn.replies]


def pressable(turn) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(b.action, b.arg) for r in turn.replies for row in r.buttons for b in row]


def said(words: str, intent: str = "enroll_course", **entities: str) -> TextSaid:
    found = tuple(Entity(k, v) for k, v in entities.items())
    return TextSaid(words, Understanding(intent, 0.95, ((intent, 0.95),), found))


def test_the_catalogue_opens_on_categories_with_counts() -> None:
    turn = step(CONSENTED, CommandIssued("corsi"), env())
    assert keys(turn) == ["co-categories"]
    categories = [arg for action, arg in pressable(turn) if action == "co-cat"]
    assert categories == sorted(f"{c.category}|0" for c in CATALOGUE)
    assert ("go", "person") in pressable(turn)


def test_a_category_lists_its_courses_then_a_course_shows_its_card() -> None:
    listed = step(CONSENTED, ButtonPressed("co-cat", "logistica|0"), env())
    assert ("co-see", "2") in pressable(listed)
    card = step(CONSENTED, ButtonPressed("co-see", "2"), env())
    assert keys(card) == ["co-detail"]
    assert [k for k, _ in card.replies[0].parts] == ["co-detail-sessions", "co-detail-seats"]
    assert ("co-in", "2") in pressable(card) and ("co-cat", "logistica|0") in pressable(card)


def test_signing_up_asks_first_and_a_full_course_offers_the_waiting_list() -> None:
    assert keys(step(CONSENTED, ButtonPressed("co-in", "1"), env())) == ["co-ask"]
    assert keys(step(CONSENTED, ButtonPressed("co-in", "2"), env())) == ["co-ask-waiting"]
    done = step(CONSENTED, ButtonPressed("co-yes", "2"), env())
    assert done.effects == (EnrolCourse(2),) and done.replies == ()


@pytest.mark.parametrize(
    ("status", "position", "expected"),
    [
        ("enrolled", None, "co-enrolled"),
        ("waiting", 3, "co-waiting"),
        ("already", None, "co-already"),
    ],
)
def test_the_database_decides_seat_or_waiting_list(
    status: str, position: int | None, expected: str
) -> None:
    turn = step(CONSENTED, EnrolmentDone(1, status, position), env())
    assert keys(turn) == [expected]
    if status == "waiting":
        assert turn.replies[0].params["position"] == 3


@pytest.mark.parametrize(
    ("courses", "expected"),
    [
        (Courses(catalogue=CATALOGUE), "co-needs-prescreening"),
        (
            Courses(catalogue=CATALOGUE, prescreening_outcome="not_eligible"),
            "co-needs-not-eligible",
        ),
        (Courses(catalogue=CATALOGUE, prescreening_outcome="to_check"), "co-ask"),
        (Courses(catalogue=CATALOGUE, taken_in_charge=True), "co-ask"),
    ],
)
def test_requirements_are_checked_kindly(courses: Courses, expected: str) -> None:
    turn = step(CONSENTED, ButtonPressed("co-in", "5"), env(courses))
    assert keys(turn) == [expected]
    assert ("go", "person") in pressable(turn)


def test_a_forged_yes_for_a_closed_course_signs_up_nobody() -> None:
    turn = step(CONSENTED, ButtonPressed("co-yes", "5"), env(Courses(catalogue=CATALOGUE)))
    assert turn.effects == ()
    assert step(CONSENTED, ButtonPressed("co-yes", "99"), env()).effects == ()


@pytest.mark.parametrize(
    ("words", "entity", "expected"),
    [
        ("mi iscrivi al corso di informatica?", {"course": "informatica_base"}, [1]),
        ("corso magazziniere", {}, [2]),
        ("informatica base", {}, [1]),
        ("haccp", {}, [3]),
        ("vorrei fare il corso di magazinere", {}, [2]),  # a typo
        ("voglio fare un corso", {}, []),
    ],
)
def test_course_names_in_words(words: str, entity: dict[str, str], expected: list[int]) -> None:
    assert [c.id for c in match(said(words, **entity), CATALOGUE)] == expected


def test_a_named_course_opens_its_card_and_an_unnamed_one_the_categories() -> None:
    assert keys(step(CONSENTED, said("corso haccp"), env())) == ["co-detail"]
    assert keys(step(CONSENTED, said("quali corsi avete?", "list_courses"), env())) == [
        "co-categories"
    ]


def test_my_courses_with_withdraw_asked_first() -> None:
    mine = replace(OPEN, mine=(MyEnrolment(11, 1, "enrolled"), MyEnrolment(12, 2, "waiting", 4)))
    listed = step(CONSENTED, ButtonPressed("co-mine", ""), env(mine))
    assert keys(listed) == ["co-mine"] and len(listed.replies[0].parts) == 2
    ask = step(CONSENTED, ButtonPressed("co-out", "1"), env(mine))
    assert keys(ask) == ["co-leave-ask"] and ask.effects == ()
    done = step(CONSENTED, ButtonPressed("co-outyes", "1"), env(mine))
    assert done.effects == (WithdrawCourse(1),)


def test_withdraw_in_words_with_one_course_asks_directly() -> None:
    mine = replace(OPEN, mine=(MyEnrolment(11, 1, "enrolled"),))
    turn = step(CONSENTED, said("mi ritiro dal corso", "withdraw_course"), env(mine))
    assert keys(turn) == ["co-leave-ask"]


def test_withdrawing_from_a_course_you_are_not_in_does_nothing() -> None:
    turn = step(CONSENTED, ButtonPressed("co-outyes", "1"), env())
    assert turn.effects == ()


def test_an_offered_seat_is_accepted_or_declined_only_by_its_holder() -> None:
    offered = MyEnrolment(21, 2, "offered", offer_expires=NOW + timedelta(hours=24))
    mine = replace(OPEN, mine=(offered,))
    reply = offer_reply(STORE, offered, CONFIG, "Europe/Rome")
    assert ("co-acc", "21") in [(b.action, b.arg) for row in reply.buttons for b in row]
    assert step(CONSENTED, ButtonPressed("co-acc", "21"), env(mine)).effects == (
        AnswerOffer(21, True),
    )
    assert step(CONSENTED, ButtonPressed("co-dec", "21"), env(mine)).effects == (
        AnswerOffer(21, False),
    )
    stranger = step(CONSENTED, ButtonPressed("co-acc", "21"), env())
    assert stranger.effects == () and keys(stranger)[0] == "co-offer-gone"


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        ("accepted", "co-offer-accepted"),
        ("declined", "co-offer-declined"),
        ("gone", "co-offer-gone"),
    ],
)
def test_the_answer_to_an_offer(result: str, expected: str) -> None:
    assert keys(step(CONSENTED, OfferAnswered(2, result), env())) == [expected]


def test_an_unsure_nlu_with_a_named_course_shows_that_course() -> None:
    unsure = TextSaid(
        "vorrei fare il corso haccp",
        Understanding(
            "nlu_fallback",
            0.3,
            (("enroll_course", 0.3),),
            (Entity("course", "haccp_ristorazione"),),
        ),
    )
    turn = step(CONSENTED, unsure, env())
    assert keys(turn) == ["co-detail"]
    assert turn.replies[0].params["title"] == HACCP.title


def test_leaving_a_course_you_are_not_in_but_named_shows_it() -> None:
    """The NLU sometimes hears "withdraw" in "vorrei il corso per il muletto"."""
    turn = step(CONSENTED, said("vorrei il corso magazziniere", "withdraw_course"), env())
    assert keys(turn) == ["co-detail"]
    nothing = step(CONSENTED, said("mi ritiro", "withdraw_course"), env())
    assert keys(nothing) == ["co-mine-none"]


# -- the person's language ---------------------------------------------------------------------

ENGLISH = State(consent_version="v1", language="en")
TRANSLATED = replace(
    HACCP,
    cost="gratuito",
    translations=(
        CourseText("en", "HACCP for food service", "For people who want to work in a kitchen."),
        CourseText("ro", "HACCP pentru alimentație", ""),  # the title only
    ),
)
WITH_ENGLISH = Courses(
    catalogue=tuple(TRANSLATED if c.id == HACCP.id else c for c in CATALOGUE),
    prescreening_outcome="likely_eligible",
)


def card_text(turn, language: str) -> str:  # type: ignore[no-untyped-def]
    return reply_text(turn.replies[0], LOCALES, language)


def test_an_english_card_shows_the_english_title_and_description_unmarked() -> None:
    card = step(ENGLISH, ButtonPressed("co-see", str(HACCP.id)), env(WITH_ENGLISH))
    assert card.replies[0].params["title"] == "HACCP for food service"
    assert "co-detail-in-italian" not in [k for k, _ in card.replies[0].parts]
    text = card_text(card, "en")
    assert "For people who want to work in a kitchen." in text
    assert "Per chi vuole imparare." not in text
    assert "Cost: free" in text  # "gratuito" is put in words by the catalogue


def test_an_untranslated_card_is_italian_and_says_so_in_the_persons_language() -> None:
    card = step(ENGLISH, ButtonPressed("co-see", str(HACCP.id)), env())
    assert card.replies[0].parts[0][0] == "co-detail-in-italian"
    text = card_text(card, "en")
    assert "HACCP per la ristorazione" in text and "Per chi vuole imparare." in text
    assert "(in Italian" in text


def test_a_half_translated_card_is_marked_and_italian_never_is() -> None:
    romanian = step(
        State(consent_version="v1", language="ro"),
        ButtonPressed("co-see", str(HACCP.id)),
        env(WITH_ENGLISH),
    )
    assert romanian.replies[0].params["title"] == "HACCP pentru alimentație"
    assert romanian.replies[0].params["description"] == "Per chi vuole imparare."
    assert "co-detail-in-italian" in [k for k, _ in romanian.replies[0].parts]
    italian = step(CONSENTED, ButtonPressed("co-see", str(HACCP.id)), env(WITH_ENGLISH))
    assert italian.replies[0].params["title"] == "HACCP per la ristorazione"
    assert "co-detail-in-italian" not in [k for k, _ in italian.replies[0].parts]


def test_lists_my_courses_and_questions_use_the_translated_title() -> None:
    listed = step(ENGLISH, ButtonPressed("co-cat", "ristorazione|0"), env(WITH_ENGLISH))
    labels = [b.params.get("title") for r in listed.replies for row in r.buttons for b in row]
    assert "HACCP for food service" in labels
    asked = step(ENGLISH, ButtonPressed("co-in", str(HACCP.id)), env(WITH_ENGLISH))
    assert asked.replies[0].params["title"] == "HACCP for food service"
    mine = Courses(catalogue=WITH_ENGLISH.catalogue, mine=(MyEnrolment(7, HACCP.id, "enrolled"),))
    listed_mine = step(ENGLISH, ButtonPressed("co-mine", ""), env(mine))
    assert [p["title"] for _, p in listed_mine.replies[0].parts] == ["HACCP for food service"]


def test_offers_reminders_and_notices_speak_the_persons_language() -> None:
    offered = MyEnrolment(9, HACCP.id, "offered", offer_expires=NOW + timedelta(hours=24))
    zone = "Europe/Rome"
    assert offer_reply(TRANSLATED, offered, CONFIG, zone, "en").params["title"] == (
        "HACCP for food service"
    )
    assert offer_reply(TRANSLATED, offered, CONFIG, zone).params["title"] == HACCP.title
    start = TRANSLATED.sessions[0][0]
    reminder = course_reminder_reply(TRANSLATED, start, timedelta(hours=2), CONFIG, zone, "en")
    changed = course_changed_reply(TRANSLATED, CONFIG, zone, "en")
    cancelled = course_cancelled_reply(TRANSLATED, CONFIG, "ar")  # no Arabic: Italian
    assert reminder.params["title"] == changed.params["title"] == "HACCP for food service"
    assert cancelled.params["title"] == HACCP.title
    assert "HACCP for food service" in reply_text(reminder, LOCALES, "en")


def test_every_title_in_every_language_is_there_for_matching() -> None:
    assert TRANSLATED.titles == (
        "HACCP per la ristorazione",
        "HACCP for food service",
        "HACCP pentru alimentație",
    )
    assert HACCP.titles == ("HACCP per la ristorazione",)
    assert TRANSLATED.text("fr") == CourseText(
        "fr", HACCP.title, HACCP.description, "gratuito", italian=True
    )
