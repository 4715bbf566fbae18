"""The booking conversation in the pure core: see, book, move, cancel, answer a reminder."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from dialogs import ButtonPressed, CommandIssued, Env, State, TextSaid, Understanding, step
from dialogs.agenda import Agenda
from dialogs.appointment_texts import no_show_reply, reminder_reply
from dialogs.appointments import needs_agenda
from dialogs.effects import AnswerReminder, BookSlot, CancelBooking, MoveBooking, OpenHandoff
from dialogs.events import Entity, SlotLost
from dialogs.model import Office
from tests.unit.agenda_samples import BOOKED, CONFIG, FREE, LIKELY, MINE, NOW

OFFICE = Office("Sportello", "Via 1, Crema", "9-13", "0373 1", "a@b.it")
ROME = ZoneInfo("Europe/Rome")
CONSENTED = State(consent_version="v1")


def env(agenda: Agenda = LIKELY) -> Env:
    return Env(now=NOW, office=OFFICE, notice_version="v1", agenda_config=CONFIG, agenda=agenda)


def keys(turn) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.key for r in turn.replies]


def pressable(turn) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(b.action, b.arg) for r in turn.replies for row in r.buttons for b in row]


def slot_ids(turn) -> list[int]:  # type: ignore[no-untyped-def]
    return [int(arg) for action, arg in pressable(turn) if action == "ap-b"]


def text(words: str, intent: str = "inform", **entities: str) -> TextSaid:
    found = tuple(Entity(k, v) for k, v in entities.items())
    return TextSaid(words, Understanding(intent, 0.95, ((intent, 0.95),), found))


# --- who may book ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("agenda", "expected"),
    [
        (Agenda(free=FREE), "ap-prescreening-first"),
        (Agenda(free=FREE, prescreening_outcome="not_eligible"), "ap-not-open"),
        (Agenda(free=FREE, prescreening_outcome="to_check"), "ap-slots"),
        (Agenda(free=FREE, prescreening_outcome="likely_eligible"), "ap-slots"),
        (
            Agenda(free=FREE, prescreening_outcome="not_eligible", taken_in_charge=True),
            "ap-choose-kind",
        ),
        (Agenda(prescreening_outcome="likely_eligible"), "ap-no-slots"),
    ],
)
def test_what_the_appointments_screen_offers(agenda: Agenda, expected: str) -> None:
    turn = step(CONSENTED, CommandIssued("appuntamenti"), env(agenda))
    assert keys(turn) == [expected]
    assert ("go", "person") in pressable(turn)


def test_prescreening_first_leads_to_the_questions() -> None:
    turn = step(CONSENTED, CommandIssued("appuntamenti"), env(Agenda(free=FREE)))
    assert ("go", "eligibility") in pressable(turn)
    assert slot_ids(turn) == []


def test_a_kind_for_people_in_charge_is_explained_and_orientation_offered() -> None:
    said = text(
        "vorrei il bilancio di competenze", "book_appointment", appointment_type="skills_assessment"
    )
    turn = step(CONSENTED, said, env())
    assert keys(turn) == ["ap-kind-closed"]
    assert ("ap-k", "orientation") in pressable(turn)


# --- browsing free times --------------------------------------------------------------------


def test_free_times_come_in_pages_of_the_configured_size() -> None:
    first = step(CONSENTED, ButtonPressed("go", "appointments"), env())
    assert slot_ids(first) == [s.id for s in FREE[: CONFIG.per_page]]
    assert ("ap-p", "1") in pressable(first) and ("ap-p", "-1") not in pressable(first)
    second = step(first.state, ButtonPressed("ap-p", "1"), env())
    assert slot_ids(second) == [s.id for s in FREE[CONFIG.per_page : 2 * CONFIG.per_page]]
    assert ("ap-p", "0") in pressable(second)


def test_a_page_past_the_end_shows_the_last_page() -> None:
    first = step(CONSENTED, ButtonPressed("go", "appointments"), env())
    last = step(first.state, ButtonPressed("ap-p", "99"), env())
    assert slot_ids(last) == [s.id for s in FREE[12:]]


@pytest.mark.parametrize(
    ("wish", "fits"),
    [
        ("il pomeriggio", lambda local: local.hour >= 12),
        ("di mattina", lambda local: local.hour < 12),
        ("venerdì", lambda local: local.weekday() == 4),
    ],
)
def test_a_wish_in_words_narrows_the_list(wish: str, fits) -> None:  # type: ignore[no-untyped-def]
    listing = step(CONSENTED, ButtonPressed("go", "appointments"), env())
    narrowed = step(listing.state, text(wish), env())
    shown = [s for s in FREE if s.id in slot_ids(narrowed)]
    assert shown and all(fits(s.start.astimezone(ROME)) for s in shown)
    assert keys(narrowed) == ["ap-slots-filtered"]
    assert ("ap-all", "") in pressable(narrowed)
    everything = step(narrowed.state, ButtonPressed("ap-all", ""), env())
    assert slot_ids(everything) == [s.id for s in FREE[: CONFIG.per_page]]


def test_a_wish_nothing_fits_says_so_and_shows_everything() -> None:
    listing = step(CONSENTED, ButtonPressed("go", "appointments"), env())
    turn = step(listing.state, text("domenica"), env())
    assert keys(turn) == ["ap-none-fits", "ap-slots"]
    assert slot_ids(turn)


def test_booking_in_words_goes_straight_to_matching_times() -> None:
    turn = step(
        CONSENTED,
        text("posso prenotare un colloquio martedì pomeriggio?", "book_appointment"),
        env(),
    )
    shown = [s for s in FREE if s.id in slot_ids(turn)]
    assert shown and all(s.start.astimezone(ROME).weekday() == 1 for s in shown)


def test_text_that_is_not_a_wish_goes_to_the_normal_answers() -> None:
    listing = step(CONSENTED, ButtonPressed("go", "appointments"), env())
    turn = step(listing.state, text("chi siete?", "faq_project"), env())
    assert keys(turn) == ["faq-project"]


# --- booking ---------------------------------------------------------------------------------


def test_picking_a_time_asks_first_then_books() -> None:
    listing = step(CONSENTED, ButtonPressed("go", "appointments"), env())
    chosen = FREE[2]
    ask = step(listing.state, ButtonPressed("ap-b", str(chosen.id)), env())
    assert keys(ask) == ["ap-book-ask"] and ask.effects == ()
    assert ("ap-y", str(chosen.id)) in pressable(ask)
    done = step(ask.state, ButtonPressed("ap-y", str(chosen.id)), env())
    assert done.effects == (BookSlot(chosen.id),)
    assert keys(done) == ["ap-booked"]
    assert [k for k, _ in done.replies[0].parts] == ["ap-directions", "ap-bring", "ap-calendar"]
    assert done.state.flow is None and done.state.ap_kind is None


@pytest.mark.parametrize("forged", ["999", "abc", "", "-1", "900"])
def test_a_forged_or_taken_slot_books_nothing(forged: str) -> None:
    """900 is someone's booked slot: not free, so not bookable."""
    turn = step(CONSENTED, ButtonPressed("ap-y", forged), env(BOOKED))
    assert turn.effects == ()
    assert "ap-slot-gone" in keys(turn)


def test_a_slot_of_a_closed_kind_is_refused() -> None:
    tutoring = replace(FREE[0], kind="tutoring")
    agenda = replace(LIKELY, free=(tutoring, *FREE[1:]))
    turn = step(CONSENTED, ButtonPressed("ap-y", str(tutoring.id)), env(agenda))
    assert turn.effects == ()


def test_a_slot_lost_to_someone_faster_gets_the_fresh_list() -> None:
    listing = step(CONSENTED, ButtonPressed("go", "appointments"), env())
    fresh = replace(LIKELY, free=FREE[1:])
    turn = step(listing.state, SlotLost(FREE[0].id), env(fresh))
    assert keys(turn) == ["ap-slot-gone", "ap-slots"]
    assert FREE[0].id not in slot_ids(turn)


# --- my appointments, moving, cancelling --------------------------------------------------------


def test_my_appointments_lists_each_with_move_and_cancel() -> None:
    turn = step(CONSENTED, CommandIssued("appuntamenti"), env(BOOKED))
    assert keys(turn) == ["ap-list"]
    assert len(turn.replies[0].parts) == len(MINE)
    for booking in MINE:
        assert ("ap-mv", str(booking.id)) in pressable(turn)
        assert ("ap-x", str(booking.id)) in pressable(turn)


def test_moving_keeps_the_old_slot_until_the_new_one_is_confirmed() -> None:
    start = step(CONSENTED, ButtonPressed("ap-mv", "7"), env(BOOKED))
    assert keys(start)[0] == "ap-move-intro"
    assert start.state.ap_moving == 7 and start.effects == ()
    ask = step(start.state, ButtonPressed("ap-b", str(FREE[3].id)), env(BOOKED))
    assert keys(ask) == ["ap-move-ask"] and "old" in ask.replies[0].params
    done = step(ask.state, ButtonPressed("ap-y", str(FREE[3].id)), env(BOOKED))
    assert done.effects == (MoveBooking(7, FREE[3].id),)
    assert keys(done) == ["ap-moved"] and done.state.ap_moving is None


def test_cancelling_asks_why_optionally_then_cancels() -> None:
    ask = step(CONSENTED, ButtonPressed("ap-x", "8"), env(BOOKED))
    assert keys(ask) == ["ap-cancel-why"] and ask.effects == ()
    assert ("ap-xr", "8|unsaid") in pressable(ask) and ("ap-list", "") in pressable(ask)
    done = step(ask.state, ButtonPressed("ap-xr", "8|busy"), env(BOOKED))
    assert done.effects == (CancelBooking(8, "busy"),)
    assert ("ap-new", "tutoring") in pressable(done)


@pytest.mark.parametrize(
    "press",
    [
        ButtonPressed("ap-x", "5"),  # not this person's booking
        ButtonPressed("ap-xr", "5|busy"),
        ButtonPressed("ap-xr", "8|because"),  # not a reason we offer
        ButtonPressed("ap-mv", "x"),
        ButtonPressed("ap-ok", "5"),
    ],
)
def test_buttons_for_other_peoples_or_unknown_bookings_do_nothing(press: ButtonPressed) -> None:
    turn = step(CONSENTED, press, env(BOOKED))
    assert turn.effects == ()
    assert keys(turn)[0] == "ap-gone"


def test_cancel_in_words_with_one_booking_asks_why_directly() -> None:
    one = replace(BOOKED, bookings=MINE[:1])
    turn = step(CONSENTED, text("devo disdire", "cancel_appointment"), env(one))
    assert keys(turn) == ["ap-cancel-why"]
    several = step(CONSENTED, text("devo disdire", "cancel_appointment"), env(BOOKED))
    assert keys(several) == ["ap-list"]


def test_reschedule_in_words_with_one_booking_offers_new_times() -> None:
    one = replace(BOOKED, bookings=MINE[:1])
    turn = step(CONSENTED, text("posso spostare?", "reschedule_appointment"), env(one))
    assert keys(turn)[0] == "ap-move-intro" and turn.state.ap_moving == 7


# --- reminders -------------------------------------------------------------------------------


def test_confirming_from_a_reminder_records_it() -> None:
    turn = step(CONSENTED, ButtonPressed("ap-ok", "7"), env(BOOKED))
    assert turn.effects == (AnswerReminder(7, "confirmed"),)
    assert keys(turn) == ["ap-confirm-thanks"]


def test_cant_come_records_it_and_offers_move_or_cancel() -> None:
    turn = step(CONSENTED, ButtonPressed("ap-no", "7"), env(BOOKED))
    assert turn.effects == (AnswerReminder(7, "declined"),)
    assert {("ap-mv", "7"), ("ap-x", "7"), ("go", "person")} <= set(pressable(turn))


def test_the_reminder_says_how_long_before_it_really_is() -> None:
    reply = reminder_reply(
        MINE[0], timedelta(hours=23, minutes=40), CONFIG, "Europe/Rome", last=False
    )
    assert reply.params["lead_hours"] == 24
    assert reply.params["when"] == MINE[0].slot.start.astimezone(ROME)
    assert {b.action for row in reply.buttons for b in row} >= {"ap-ok", "ap-no", "ap-mv", "go"}


def test_a_no_show_gets_a_new_booking_offer() -> None:
    reply = no_show_reply("orientation")
    assert ("ap-new", "orientation") in [(b.action, b.arg) for row in reply.buttons for b in row]
    turn = step(CONSENTED, ButtonPressed("ap-new", "orientation"), env())
    assert keys(turn) == ["ap-slots"]


# --- the shell loads the agenda only when needed -------------------------------------------------


@pytest.mark.parametrize(
    ("state", "event", "needed"),
    [
        (CONSENTED, CommandIssued("appuntamenti"), True),
        (CONSENTED, CommandIssued("privacy"), False),
        (CONSENTED, ButtonPressed("go", "appointments"), True),
        (CONSENTED, ButtonPressed("go", "menu"), False),
        (CONSENTED, ButtonPressed("ap-ok", "1"), True),
        (CONSENTED, text("x", "my_appointments"), True),
        (CONSENTED, text("x", "greet"), False),
        (CONSENTED.with_(flow="appointments"), text("x", "greet"), True),
        (CONSENTED, SlotLost(3), True),
    ],
)
def test_needs_agenda(state: State, event, needed: bool) -> None:  # type: ignore[no-untyped-def]
    assert needs_agenda(state, event) is needed


def test_annulla_leaves_the_booking_flow() -> None:
    listing = step(CONSENTED, ButtonPressed("go", "appointments"), env())
    assert listing.state.flow == "appointments"
    stopped = step(listing.state, CommandIssued("annulla"), env())
    assert stopped.state.flow is None and stopped.state.ap_kind is None


def test_the_free_times_are_also_listed_by_day() -> None:
    first = step(CONSENTED, ButtonPressed("go", "appointments"), env())
    parts = first.replies[0].parts
    days = [params for key, params in parts if key == "ap-day"]
    assert len(days) == 3  # six times on a page, two a day
    assert days[0]["times"] == "10:00 Crema, 15:00 Rivolta d'Adda"
    assert parts[-1][0] == "ap-slots-hint"


def test_a_wish_in_another_language_narrows_the_list_too() -> None:
    listing = step(CONSENTED.with_(language="en"), ButtonPressed("go", "appointments"), env())
    narrowed = step(listing.state, text("friday afternoon"), env())
    shown = [s for s in FREE if s.id in slot_ids(narrowed)]
    assert shown and all(
        s.start.astimezone(ROME).weekday() == 4 and s.start.astimezone(ROME).hour >= 12
        for s in shown
    )


# --- one live booking per kind, and no dead end -------------------------------------------------

ORIENTATION_BOOKED = replace(LIKELY, bookings=MINE[:1])  # booking 7: an orientation interview
NOT_ELIGIBLE = Agenda(free=FREE, prescreening_outcome="not_eligible")


def test_booking_a_kind_already_booked_offers_to_move_it_instead() -> None:
    turn = step(CONSENTED, ButtonPressed("go", "appointments"), env(ORIENTATION_BOOKED))
    assert keys(turn) == ["ap-list"]
    again = step(turn.state, ButtonPressed("ap-new", ""), env(ORIENTATION_BOOKED))
    assert keys(again) == ["ap-already-have", "ap-slots"]
    assert again.state.ap_moving == 7
    assert ("ap-list", "") in pressable(again)  # keep the one I have
    ask = step(again.state, ButtonPressed("ap-b", str(FREE[1].id)), env(ORIENTATION_BOOKED))
    assert keys(ask) == ["ap-move-ask"]
    done = step(ask.state, ButtonPressed("ap-y", str(FREE[1].id)), env(ORIENTATION_BOOKED))
    assert done.effects == (MoveBooking(7, FREE[1].id),)


def test_booking_in_words_a_kind_already_booked_is_a_move_too() -> None:
    said = text("vorrei un colloquio", "book_appointment", appointment_type="orientation")
    turn = step(CONSENTED, said, env(ORIENTATION_BOOKED))
    assert keys(turn)[0] == "ap-already-have" and turn.state.ap_moving == 7


@pytest.mark.parametrize("action", ["ap-b", "ap-y"])
def test_an_old_time_button_never_books_a_second_one(action: str) -> None:
    """A time button from before the booking (scrolled up in the chat) offers a move."""
    chosen = FREE[4]
    turn = step(CONSENTED, ButtonPressed(action, str(chosen.id)), env(ORIENTATION_BOOKED))
    assert turn.effects == ()
    assert keys(turn) == ["ap-move-instead"]
    assert turn.replies[0].params["old"] == MINE[0].slot.start.astimezone(ROME)
    buttons = pressable(turn)
    assert buttons[:2] == [("ap-mh", f"7|{chosen.id}"), ("ap-list", "")]
    assert ("go", "person") in buttons
    moved = step(turn.state, ButtonPressed("ap-mh", f"7|{chosen.id}"), env(ORIENTATION_BOOKED))
    assert moved.effects == (MoveBooking(7, chosen.id),)
    assert keys(moved) == ["ap-moved"]
    kept = step(turn.state, ButtonPressed("ap-list", ""), env(ORIENTATION_BOOKED))
    assert kept.effects == () and keys(kept) == ["ap-list"]


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        ("5|104", "ap-gone"),  # not this person's booking
        ("7|999", "ap-slot-gone"),  # the time was taken meanwhile: choose another
        ("7|", "ap-slot-gone"),
        ("x|y", "ap-gone"),
    ],
)
def test_a_stale_or_forged_move_here_moves_nothing(arg: str, expected: str) -> None:
    turn = step(CONSENTED, ButtonPressed("ap-mh", arg), env(ORIENTATION_BOOKED))
    assert turn.effects == ()
    assert keys(turn)[0] == expected
    assert ("go", "person") in pressable(turn)


def test_move_here_never_moves_across_kinds() -> None:
    tutoring = replace(FREE[0], kind="tutoring")
    agenda = replace(ORIENTATION_BOOKED, free=(tutoring, *FREE[1:]), taken_in_charge=True)
    turn = step(CONSENTED, ButtonPressed("ap-mh", f"7|{tutoring.id}"), env(agenda))
    assert turn.effects == ()


def test_a_move_started_for_one_kind_does_not_move_it_into_another() -> None:
    """A stale tutoring time pressed while moving the orientation books tutoring instead."""
    tutoring = replace(FREE[0], kind="tutoring")
    agenda = replace(ORIENTATION_BOOKED, free=(tutoring, *FREE[1:]), taken_in_charge=True)
    moving = CONSENTED.with_(flow="appointments", asking="slot", ap_kind="orientation")
    turn = step(moving.with_(ap_moving=7), ButtonPressed("ap-y", str(tutoring.id)), env(agenda))
    assert turn.effects == (BookSlot(tutoring.id),)


@pytest.mark.parametrize(
    ("agenda", "step_name", "offered"),
    [
        (LIKELY, "book", ("ap-k", "orientation")),
        (ORIENTATION_BOOKED, "booked", ("ap-ask", "skills_assessment")),
        (Agenda(free=FREE), "questions", ("go", "eligibility")),
        (NOT_ELIGIBLE, "person", ("ap-ask", "skills_assessment")),
    ],
)
def test_a_kind_an_operator_fixes_comes_with_the_next_step(
    agenda: Agenda, step_name: str, offered: tuple[str, str]
) -> None:
    said = text("il bilancio", "book_appointment", appointment_type="skills_assessment")
    turn = step(CONSENTED, said, env(agenda))
    assert keys(turn) == ["ap-kind-closed"]
    assert turn.replies[0].params["step"] == step_name
    assert pressable(turn)[0] == offered
    assert ("go", "person") in pressable(turn) and ("go", "menu") in pressable(turn)


def test_asking_a_person_for_an_appointment_tells_the_operators_why() -> None:
    with_operators = replace(env(), operators_available=True)
    turn = step(CONSENTED, ButtonPressed("ap-ask", "skills_assessment"), with_operators)
    assert OpenHandoff("appointment") in turn.effects
    without = step(CONSENTED, ButtonPressed("ap-ask", "skills_assessment"), env())
    assert keys(without) == ["person-contacts"] and without.effects == ()


def test_no_free_times_offers_a_person_for_it_and_the_phone() -> None:
    turn = step(
        CONSENTED, CommandIssued("appuntamenti"), env(Agenda(prescreening_outcome="to_check"))
    )
    assert keys(turn) == ["ap-no-slots"]
    assert turn.replies[0].params["phone"] == OFFICE.phone
    assert pressable(turn)[0] == ("ap-ask", "orientation")
