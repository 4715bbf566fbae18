"""Appointments: see, book, move and cancel, and answer a reminder.

The shell loads the person's `Agenda` (bookings and free slots) before the turn when
`needs_agenda` says so; every id in a button is checked against it, so a stale or forged
button only gets a kind "that is no longer available". Booking itself is an effect: the
database has the last word, and when someone else was faster the shell comes back with
`SlotLost` and the person gets the fresh list.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from dialogs import context, handoff, screens
from dialogs.agenda import Agenda, AgendaConfig, Booking, OpenSlot
from dialogs.appointment_texts import BOOK_AGAIN, CANCEL, CONFIRM, DECLINE, MOVE, slot_params
from dialogs.effects import AnswerReminder, BookSlot, CancelBooking, MoveBooking
from dialogs.events import ButtonPressed, CommandIssued, Event, SlotLost, TextSaid
from dialogs.flow import Flow
from dialogs.keywords import guess_intent
from dialogs.model import Button, Env, Params, Parts, Reply, State, Turn, arg_number
from dialogs.wishes import parse_wish

FLOW = "appointments"
INTENTS = frozenset(
    {"book_appointment", "my_appointments", "cancel_appointment", "reschedule_appointment"}
)
CHOOSE_KIND = "ap-k"  # arg: kind
PAGE = "ap-p"  # arg: page number
ALL_TIMES = "ap-all"  # forget the free-text preference
PICK = "ap-b"  # arg: slot id -> asks to confirm
YES = "ap-y"  # arg: slot id -> books (or moves)
REASON = "ap-xr"  # arg: "<booking id>|<reason>"
LIST = "ap-list"
MOVE_HERE = "ap-mh"  # arg: "<booking id>|<slot id>" -> moves that booking to that slot
ASK_PERSON = "ap-ask"  # arg: kind -> a person, told it is about an appointment
ACTIONS = frozenset(
    {CHOOSE_KIND, PAGE, ALL_TIMES, PICK, YES, REASON, LIST, CONFIRM, DECLINE, MOVE, CANCEL}
    | {BOOK_AGAIN, MOVE_HERE, ASK_PERSON}
)
# The reason the operators' case card shows when the person asks about an appointment.
HANDOFF_REASON = "appointment"
CANCEL_REASONS = ("ill", "busy", "not_needed", "unsaid")
MAX_LISTED = 5  # bookings with their own Move / Cancel buttons

MY_APPOINTMENTS = Button("btn-ap-mine", LIST)


def ready(env: Env) -> bool:
    return env.agenda is not None and env.agenda_config is not None


def needs_agenda(state: State, event: Event) -> bool:
    """Whether the shell must load the agenda before this turn (it costs a query)."""
    if state.flow == FLOW or isinstance(event, SlotLost):
        return True
    if isinstance(event, ButtonPressed):
        return event.action in ACTIONS or (event.action == "go" and event.arg == "appointments")
    if isinstance(event, CommandIssued):
        return event.name == "appuntamenti"
    if isinstance(event, TextSaid) and context.offered(state, "go", "appointments"):
        return True  # "martedì mattina" right after a booking was offered (wish_after_offer)
    if isinstance(event, TextSaid) and event.understanding is not None:
        return event.understanding.intent in INTENTS
    if isinstance(event, TextSaid):  # the NLU is down: the keywords will guess
        return guess_intent(event.text) in INTENTS
    return False


# -- entry points --------------------------------------------------------------------------


def overview(state: State, env: Env) -> Turn:
    """/appuntamenti: the person's bookings, or straight to booking when there are none."""
    agenda = _agenda(env)
    if not agenda.bookings:
        return begin_booking(state, env)
    return Turn((_list_reply(agenda, env),), leave(state))


def from_intent(intent: str, said: TextSaid, state: State, env: Env) -> Turn:
    agenda = _agenda(env)
    understanding = said.understanding
    if intent == "book_appointment":
        kind = understanding.entity("appointment_type") if understanding else None
        preference = said.text if parse_wish(said.text, env.today) else ""
        return begin_booking(state, env, kind=kind, preference=preference)
    only = agenda.bookings[0] if len(agenda.bookings) == 1 else None
    if intent == "cancel_appointment" and only is not None:
        return _ask_reason(state, only, env)
    if intent == "reschedule_appointment" and only is not None:
        return _start_move(state, only, env)
    return overview(state, env)


def begin_booking(state: State, env: Env, kind: str | None = None, preference: str = "") -> Turn:
    agenda, config = _agenda(env), _config(env)
    open_kinds = [k.id for k in config.kinds.values() if agenda.may_book(k)]
    if kind in config.kinds and kind not in open_kinds:
        return Turn((_kind_closed(kind, open_kinds, agenda),), leave(state))
    if kind not in open_kinds and len(open_kinds) == 1:
        kind = open_kinds[0]
    if kind in open_kinds:
        existing = _booked(agenda, kind)
        if existing is not None:
            return _already_have(state, existing, env, preference)
        return _slots(state, env, kind, preference=preference)
    if not open_kinds:
        return Turn((_why_closed(agenda),), leave(state))
    rows = tuple((Button(f"btn-ap-kind-{k}", CHOOSE_KIND, k),) for k in open_kinds)
    reply = Reply("ap-choose-kind", buttons=(*rows, *screens.FOOTER))
    return Turn((reply,), state.with_(flow=FLOW, asking="kind", ap_pref=preference))


def wish_after_offer(state: State, said: TextSaid, env: Env) -> Turn | None:
    """Right after "📅 Prenota un colloquio" was offered, "martedì mattina" is a time wish."""
    if not context.offered(state, "go", "appointments"):
        return None
    if parse_wish(said.text, env.today) is None:
        return None
    return begin_booking(state, env, preference=said.text)


def on_text(state: State, event: TextSaid, env: Env) -> Turn | None:
    """While choosing a time, "martedì mattina" or "dopo le 15" narrows the list."""
    if state.flow != FLOW or state.asking not in ("slot", "confirm") or state.ap_kind is None:
        return None
    said = event.understanding
    sure = said is not None and said.confidence >= env.confidence_threshold
    if sure and said is not None and said.intent in {"cancel_appointment", "my_appointments"}:
        return None  # "devo disdire" while choosing a time: a request, not a wish
    # Booking or moving, a time said while choosing one is a wish ("martes por la tarde"
    # is often read as reschedule_appointment).
    if parse_wish(event.text, env.today) is None:
        return None
    return _slots(state, env, state.ap_kind, preference=event.text)


def on_button(state: State, event: ButtonPressed, env: Env) -> Turn:
    action, arg = event.action, event.arg
    agenda = _agenda(env)
    if action == LIST:
        return overview(state, env)
    if action == CHOOSE_KIND:
        return begin_booking(state, env, kind=arg, preference=state.ap_pref)
    if action == BOOK_AGAIN:
        return begin_booking(state.with_(ap_moving=None), env, kind=arg or None)
    if action in (PAGE, ALL_TIMES) and state.flow == FLOW and state.ap_kind is not None:
        page = arg_number(arg) or 0 if action == PAGE else 0
        preference = "" if action == ALL_TIMES else state.ap_pref
        return _slots(state, env, state.ap_kind, page=page, preference=preference)
    if action in (PICK, YES):
        return _chosen(state, env, arg_number(arg), book=action == YES)
    if action == MOVE_HERE:
        return _move_here(state, env, arg)
    if action == ASK_PERSON:
        return _ask_person(state, env)
    if action == REASON:
        booking_id, _, reason = arg.partition("|")
        booking = agenda.booking(arg_number(booking_id) or -1)
        if booking is None or reason not in CANCEL_REASONS:
            return _gone(state, env)
        return _cancelled(state, booking, reason, env)
    booking = agenda.booking(arg_number(arg) or -1)
    if booking is None:
        return _gone(state, env)
    if action == MOVE:
        return _start_move(state, booking, env)
    if action == CANCEL:
        return _ask_reason(state, booking, env)
    if action == CONFIRM:
        reply = Reply("ap-confirm-thanks", _params(booking.slot, env), buttons=_after_buttons())
        return Turn((reply,), leave(state), (AnswerReminder(booking.id, "confirmed"),))
    if action == DECLINE:
        buttons = (
            (Button("btn-ap-move", MOVE, str(booking.id)),),
            (Button("btn-ap-cancel", CANCEL, str(booking.id)),),
            *screens.FOOTER,
        )
        reply = Reply("ap-cant-come", _params(booking.slot, env), buttons=buttons)
        return Turn((reply,), leave(state), (AnswerReminder(booking.id, "declined"),))
    return _gone(state, env)


def slot_lost(state: State, env: Env) -> Turn:
    """Someone else booked the slot a moment earlier (or it was withdrawn)."""
    kind = state.ap_kind
    if kind is None:
        shown = overview(state, env)
        return Turn((Reply("ap-slot-gone"), *shown.replies), shown.state)
    listed = _slots(state, env, kind, page=0, preference=state.ap_pref)
    return Turn((Reply("ap-slot-gone"), *listed.replies), listed.state)


# -- screens ---------------------------------------------------------------------------------


def _slots(state: State, env: Env, kind: str, *, page: int = 0, preference: str = "") -> Turn:
    config = _config(env)
    zone = ZoneInfo(env.timezone)
    free = [s for s in _agenda(env).free if s.kind == kind]
    state = state.with_(flow=FLOW, asking="slot", ap_kind=kind, ap_page=page, ap_pref=preference)
    if not free:
        buttons = ((_ask_for(kind),), *screens.FOOTER)
        reply = Reply("ap-no-slots", {"kind": kind, "phone": env.office.phone}, buttons=buttons)
        return Turn((reply,), leave(state))
    replies: list[Reply] = []
    wanted = parse_wish(preference, env.today) if preference else None
    if wanted is not None:
        fitting = [s for s in free if wanted.matches(s.start.astimezone(zone))]
        if fitting:
            free = fitting
        else:
            replies.append(Reply("ap-none-fits", {"wish": preference[:60]}))
            state = state.with_(ap_pref="")
    per_page = max(1, config.per_page)
    pages = (len(free) + per_page - 1) // per_page
    page = min(max(page, 0), pages - 1)
    shown = free[page * per_page : (page + 1) * per_page]
    rows: list[tuple[Button, ...]] = [
        (Button("btn-ap-slot", PICK, str(s.id), _label_params(s, env)),) for s in shown
    ]
    nav = []
    if page > 0:
        nav.append(Button("btn-ap-earlier", PAGE, str(page - 1)))
    if page < pages - 1:
        nav.append(Button("btn-ap-later", PAGE, str(page + 1)))
    if nav:
        rows.append(tuple(nav))
    if state.ap_pref:
        rows.append((Button("btn-ap-all-times", ALL_TIMES),))
    key = "ap-slots-filtered" if state.ap_pref else "ap-slots"
    params: Params = {"kind": kind, "page": page + 1, "pages": pages}
    parts: Parts = (*_by_day(shown, env), ("ap-slots-hint", {}))
    replies.append(Reply(key, params, buttons=(*rows, *screens.FOOTER), parts=parts))
    return Turn(tuple(replies), state.with_(ap_page=page))


def _by_day(shown: list[OpenSlot], env: Env) -> list[tuple[str, Params]]:
    """The page's times grouped under their day, for people who read the list first."""
    zone = ZoneInfo(env.timezone)
    days: dict[object, list[str]] = {}
    first_of_day: dict[object, datetime] = {}
    for slot in shown:
        local = slot.start.astimezone(zone)
        place = _config(env).venue(slot.venue_id).short
        days.setdefault(local.date(), []).append(f"{local.hour}:{local.minute:02d} {place}")
        first_of_day.setdefault(local.date(), local)
    return [("ap-day", {"day": first_of_day[d], "times": ", ".join(t)}) for d, t in days.items()]


def _chosen(state: State, env: Env, slot_id: int | None, *, book: bool) -> Turn:
    agenda = _agenda(env)
    slot = agenda.slot(slot_id) if slot_id is not None else None
    if slot is None:
        return slot_lost(state, env)
    moving = agenda.booking(state.ap_moving) if state.ap_moving is not None else None
    if moving is not None and moving.slot.kind != slot.kind:
        moving = None  # a move started for another kind: this button is not part of it
    if moving is None:
        # One live booking per kind: an old time button moves the booking instead of
        # adding a second one, and only when the person says so.
        existing = _booked(agenda, slot.kind)
        if existing is not None:
            return _offer_move_here(state, existing, slot, env)
    allowed = moving is not None or any(
        k.id == slot.kind and agenda.may_book(k) for k in _config(env).kinds.values()
    )
    if not allowed:
        return slot_lost(state, env)
    params = _params(slot, env)
    if not book:
        key = "ap-move-ask" if moving else "ap-book-ask"
        if moving:
            params = {**params, "old": _params(moving.slot, env)["when"]}
        buttons = (
            (Button("btn-ap-yes", YES, str(slot.id)),),
            (Button("btn-ap-other-time", PAGE, str(state.ap_page)),),
            *screens.FOOTER,
        )
        return Turn((Reply(key, params, buttons=buttons),), state.with_(asking="confirm"))
    parts: Parts = (("ap-directions", params), ("ap-bring", {}), ("ap-calendar", {}))
    if moving is not None:
        done = Reply("ap-moved", params, buttons=_after_buttons(), parts=parts)
        return Turn((done,), leave(state), (MoveBooking(moving.id, slot.id),))
    done = Reply("ap-booked", params, buttons=_after_buttons(), parts=parts)
    return Turn((done,), leave(state), (BookSlot(slot.id),))


def _already_have(state: State, booking: Booking, env: Env, preference: str = "") -> Turn:
    """Booking a kind the person already has: the same list, as a move of that booking."""
    moving = state.with_(ap_moving=booking.id)
    listed = _slots(moving, env, booking.slot.kind, preference=preference)
    keep = ((Button("btn-ap-keep-mine", LIST),),)
    intro = Reply("ap-already-have", _params(booking.slot, env), buttons=keep)
    return Turn((intro, *listed.replies), listed.state.with_(ap_moving=booking.id))


def _offer_move_here(state: State, booking: Booking, slot: OpenSlot, env: Env) -> Turn:
    params = {**_params(slot, env), "old": _params(booking.slot, env)["when"]}
    buttons = (
        (Button("btn-ap-move-here", MOVE_HERE, f"{booking.id}|{slot.id}"),),
        (Button("btn-ap-keep-mine", LIST),),
        *screens.FOOTER,
    )
    return Turn((Reply("ap-move-instead", params, buttons=buttons),), leave(state))


def _move_here(state: State, env: Env, arg: str) -> Turn:
    agenda = _agenda(env)
    booking_id, _, slot_id = arg.partition("|")
    booking = agenda.booking(arg_number(booking_id) or -1)
    if booking is None:
        return _gone(state, env)
    slot = agenda.slot(arg_number(slot_id) or -1)
    if slot is None or slot.kind != booking.slot.kind:
        moving = _start_move(state, booking, env)
        return Turn((Reply("ap-slot-gone"), *moving.replies), moving.state)
    parts: Parts = (("ap-directions", _params(slot, env)), ("ap-bring", {}), ("ap-calendar", {}))
    done = Reply("ap-moved", _params(slot, env), buttons=_after_buttons(), parts=parts)
    return Turn((done,), leave(state), (MoveBooking(booking.id, slot.id),))


def _ask_person(state: State, env: Env) -> Turn:
    """A person, with the reason on the operators' card: the kind an operator must fix."""
    if env.operators_available:
        return handoff.request(leave(state), env, reason=HANDOFF_REASON)
    return Turn((screens.person(env),), leave(state))


def _start_move(state: State, booking: Booking, env: Env) -> Turn:
    moving = state.with_(ap_moving=booking.id)
    listed = _slots(moving, env, booking.slot.kind)
    intro = Reply("ap-move-intro", _params(booking.slot, env))
    return Turn((intro, *listed.replies), listed.state.with_(ap_moving=booking.id))


def _ask_reason(state: State, booking: Booking, env: Env) -> Turn:
    rows = tuple(
        (Button(f"btn-ap-why-{reason}", REASON, f"{booking.id}|{reason}"),)
        for reason in CANCEL_REASONS
    )
    keep = (Button("btn-ap-keep", LIST),)
    reply = Reply(
        "ap-cancel-why", _params(booking.slot, env), buttons=(*rows, keep, *screens.FOOTER)
    )
    return Turn((reply,), leave(state))


def _cancelled(state: State, booking: Booking, reason: str, env: Env) -> Turn:
    buttons = (
        (Button("btn-ap-book-again", BOOK_AGAIN, booking.slot.kind),),
        *screens.FOOTER,
    )
    reply = Reply("ap-cancelled", _params(booking.slot, env), buttons=buttons)
    return Turn((reply,), leave(state), (CancelBooking(booking.id, reason),))


def _list_reply(agenda: Agenda, env: Env) -> Reply:
    if not agenda.bookings:
        book = (Button("btn-ap-book", BOOK_AGAIN),)
        return Reply("ap-none-booked", buttons=(book, *screens.FOOTER))
    listed = agenda.bookings[:MAX_LISTED]
    parts = tuple(("ap-list-item", _params(b.slot, env)) for b in agenda.bookings)
    rows = tuple(
        (
            Button("btn-ap-move-one", MOVE, str(b.id), _label_params(b.slot, env)),
            Button("btn-ap-cancel-one", CANCEL, str(b.id), _label_params(b.slot, env)),
        )
        for b in listed
    )
    book = (Button("btn-ap-book-another", BOOK_AGAIN),)
    return Reply(
        "ap-list",
        {"count": len(agenda.bookings)},
        buttons=(*rows, book, *screens.FOOTER),
        parts=parts,
    )


def _kind_closed(kind: str, open_kinds: list[str], agenda: Agenda) -> Reply:
    """A kind an operator fixes after the first interview: the step that leads there."""
    unbooked = [k for k in open_kinds if _booked(agenda, k) is None]
    offer: tuple[tuple[Button, ...], ...]
    if unbooked:
        step = "book"
        offer = tuple((Button(f"btn-ap-kind-{k}", CHOOSE_KIND, k),) for k in unbooked)
    elif open_kinds:
        step = "booked"  # the first interview is booked: that is where to ask
        offer = ((_ask_for(kind),), (MY_APPOINTMENTS,))
    elif agenda.prescreening_outcome is None:
        step = "questions"
        offer = ((Button("btn-eligibility", "go", "eligibility"),),)
    else:
        step = "person"
        offer = ((_ask_for(kind),),)
    return Reply("ap-kind-closed", {"kind": kind, "step": step}, buttons=(*offer, *screens.FOOTER))


def _ask_for(kind: str) -> Button:
    return Button("btn-ap-ask-person", ASK_PERSON, kind)


def _why_closed(agenda: Agenda) -> Reply:
    if agenda.prescreening_outcome is None:
        first = (Button("btn-eligibility", "go", "eligibility"),)
        return Reply("ap-prescreening-first", buttons=(first, *screens.FOOTER))
    buttons = ((screens.ELSEWHERE,), (screens.PERSON,), (screens.MENU,))
    return Reply("ap-not-open", buttons=buttons)


def _gone(state: State, env: Env) -> Turn:
    """A button for an appointment that is no longer there (cancelled, past, erased)."""
    return Turn((Reply("ap-gone"), _list_reply(_agenda(env), env)), leave(state))


def _after_buttons() -> tuple[tuple[Button, ...], ...]:
    return ((MY_APPOINTMENTS,), *screens.FOOTER)


# -- helpers ---------------------------------------------------------------------------------


def leave(state: State) -> State:
    """Out of the booking flow: nothing half-chosen is kept."""
    if state.flow != FLOW and state.ap_kind is None and state.ap_moving is None:
        return state
    return state.with_(
        flow=None if state.flow == FLOW else state.flow,
        asking=None if state.flow == FLOW else state.asking,
        ap_kind=None,
        ap_page=0,
        ap_pref="",
        ap_moving=None,
    )


def _booked(agenda: Agenda, kind: str) -> Booking | None:
    """The person's live booking of this kind: there is at most one."""
    return next((b for b in agenda.bookings if b.slot.kind == kind), None)


def _params(slot: OpenSlot, env: Env) -> dict[str, Any]:
    return dict(slot_params(slot, _config(env), env.timezone))


def _label_params(slot: OpenSlot, env: Env) -> Params:
    """Short button labels ("mar 3/12 · 9:45 · Crema"): parts the catalogue assembles."""
    local = slot.start.astimezone(ZoneInfo(env.timezone))
    return {
        "weekday": local.weekday(),
        "day": local.day,
        "month": local.month,
        "time": f"{local.hour}:{local.minute:02d}",
        "venue": _config(env).venue(slot.venue_id).short,
    }


def _agenda(env: Env) -> Agenda:
    assert env.agenda is not None, "the shell loads the agenda when needs_agenda() says so"
    return env.agenda


def _config(env: Env) -> AgendaConfig:
    assert env.agenda_config is not None
    return env.agenda_config


def on_event(state: State, event: Event, env: Env) -> Turn | None:
    """A slot lost to someone faster, this flow's buttons, a time wish while choosing."""
    if isinstance(event, SlotLost):
        return slot_lost(state, env)
    if isinstance(event, ButtonPressed) and event.action in ACTIONS:
        return on_button(state.with_(misunderstood=0), event, env)
    if isinstance(event, TextSaid):
        return on_text(state, event, env)
    return None


SPEC = Flow(
    name=FLOW,
    screen="appointments",
    commands=("appuntamenti",),
    intents=INTENTS,
    actions=ACTIONS,
    ready=ready,
    open=overview,
    on_intent=lambda intent, said, state, env: from_intent(intent, said, state, env),
    on_event=on_event,
    leave=leave,
    data="agenda",
    needs_data=needs_agenda,
)
