"""Handing a conversation to a person, and what the beneficiary sees meanwhile.

A request waits until an operator claims it. While it waits, what the person writes goes
to the operators AND the bot keeps answering what it understands (a FAQ, an appointment,
a course), with a short line, at most every few minutes, that the request is still in the
queue: a frightened "c'è qualcuno?" at night must not meet silence. Once claimed, the
bot stays quiet and the operator answers. The shell acknowledges every relayed message
(a 👀 reaction), claimed or not.

"Torna al menu" gives the conversation back to the assistant. For an urgent request it
asks first, and the request stays open for the operators, so someone still calls back.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dialogs import prompt, screens
from dialogs.effects import (
    CloseHandoff,
    Effect,
    LeaveHandoffOpen,
    NoteEvent,
    OpenHandoff,
    RelayToOperators,
)
from dialogs.events import Event, MessageEdited, NonTextSent, TextSaid
from dialogs.model import Button, Env, Parts, Reply, State, Turn

BACK_TO_MENU = Button("btn-back-to-menu", "handoff", "close")
LEAVE_ANYWAY = Button("btn-handoff-leave-yes", "handoff", "leave")
# "-no": a typed "no" answers it, as a typed "sì" answers "-yes" (see prompt.py).
STAY = Button("btn-handoff-leave-no", "handoff", "stay")

# How often the "still in the queue" line may come back: often enough to reassure, rarely
# enough not to drown the answers or the operator's words.
NOTE_EVERY = timedelta(minutes=5)

# What the bot still answers while a request waits: things it knows, and that a person
# waiting may well need meanwhile. Small talk, "a person please" and what it does not
# understand get the acknowledgement only (the operators read it anyway).
ANSWERED_WHILE_WAITING = frozenset(
    {
        "check_eligibility",
        "book_appointment",
        "cancel_appointment",
        "reschedule_appointment",
        "my_appointments",
        "list_courses",
        "enroll_course",
        "withdraw_course",
        "privacy",
        "delete_my_data",
        "change_language",
    }
)
# The handoff's own effects: an ordinary turn run while waiting must not open, close or
# relay on its own; `during` relays once.
_HANDOFF_EFFECTS = (OpenHandoff, CloseHandoff, LeaveHandoffOpen, RelayToOperators)


def request(state: State, env: Env, reason: str = "asked") -> Turn:
    """The person asked for a person (button, /operatore, or in their words)."""
    if state.handoff:
        return Turn((Reply("handoff-already-open", buttons=((BACK_TO_MENU,),)),), state)
    opened = _opened(state, urgent=False)
    return Turn((_started(env, urgent=opened.handoff_urgent),), opened, (OpenHandoff(reason),))


def urgent(state: State, env: Env) -> Turn:
    """Distress: the emergency numbers first, then a person, whatever the hour.

    The words that raised the alarm go to the operators too, so they know what happened.
    """
    if not env.operators_available:
        return Turn(screens.distress(env), state.with_(misunderstood=0), (NoteEvent("distress"),))
    replies = (*screens.distress(env), _started(env, urgent=True))
    effects = (OpenHandoff("distress", urgent=True), RelayToOperators(), NoteEvent("distress"))
    return Turn(replies, _opened(state, urgent=True).with_(misunderstood=0), effects)


def _opened(state: State, *, urgent: bool) -> State:
    """The state of an open request. A request still open for the operators (an urgent one
    the person left for the menu) is the same request: it keeps its claim and urgency."""
    if state.handoff or state.handoff_urgent:
        return state.with_(handoff=True, handoff_urgent=state.handoff_urgent or urgent)
    return state.with_(
        handoff=True, handoff_claimed=False, handoff_urgent=urgent, handoff_noted_at=""
    )


def _started(env: Env, *, urgent: bool) -> Reply:
    buttons = ((BACK_TO_MENU,),)
    if env.hours is None or env.hours.is_open(env.now):
        return Reply("handoff-started", {"urgent": "yes" if urgent else "no"}, buttons)
    return Reply(
        "handoff-closed-office",
        {"when": _opening(env), "urgent": "yes" if urgent else "no"},
        buttons,
    )


def _opening(env: Env) -> datetime:
    opening = env.hours.next_opening(env.now) if env.hours is not None else None
    return opening.astimezone(ZoneInfo(env.timezone)) if opening else env.now


# ------------------------------------------------------------------ while it is open


def answers_while_waiting(state: State, event: Event, env: Env) -> bool:
    """Whether the ordinary assistant should answer this text although a request is open:
    only while nobody has claimed it, after consent, and for a confident, useful intent."""
    if state.handoff_claimed or not isinstance(event, TextSaid) or event.understanding is None:
        return False
    said = event.understanding
    return (
        state.consent_version == env.notice_version
        and said.confidence >= env.confidence_threshold
        and (said.intent in ANSWERED_WHILE_WAITING or said.intent.startswith("faq_"))
    )


def during(state: State, event: Event, env: Env, answered: Turn | None = None) -> Turn | None:
    """Free text, media and edits go to the operators. Claimed: nothing more. Waiting: the
    ordinary answer when there is one (`answered`), and the queue note now and then.
    Anything else (buttons, commands) is for the ordinary routing: None."""
    if not isinstance(event, TextSaid | NonTextSent | MessageEdited):
        return None
    relay = RelayToOperators()
    if state.handoff_claimed or isinstance(event, MessageEdited):
        return Turn((), state, (relay,))
    replies: tuple[Reply, ...] = ()
    effects: tuple[Effect, ...] = ()
    if answered is not None:
        replies = answered.replies
        effects = tuple(e for e in answered.effects if not isinstance(e, _HANDOFF_EFFECTS))
        # The ordinary turn knows nothing of the request: it stays exactly as it was.
        state = answered.state.with_(
            handoff=True,
            handoff_claimed=state.handoff_claimed,
            handoff_urgent=state.handoff_urgent,
            handoff_noted_at=state.handoff_noted_at,
        )
    note, state = _queue_note(state, env)
    return Turn((*replies, *note), state, (*effects, relay))


def _queue_note(state: State, env: Env) -> tuple[tuple[Reply, ...], State]:
    if _noted_recently(state.handoff_noted_at, env.now):
        return (), state
    parts: Parts = (("handoff-waiting-urgent", {}),) if state.handoff_urgent else ()
    buttons = ((BACK_TO_MENU,),)
    if env.hours is None or env.hours.is_open(env.now):
        note = Reply("handoff-waiting", buttons=buttons, parts=parts)
    else:
        note = Reply("handoff-waiting-closed", {"when": _opening(env)}, buttons, parts)
    return (note,), state.with_(handoff_noted_at=env.now.isoformat())


def _noted_recently(noted_at: str, now: datetime) -> bool:
    try:
        last = datetime.fromisoformat(noted_at)
    except ValueError:  # never noted (""), or a value from elsewhere: note again
        return False
    if last.tzinfo is None or last > now:
        return False
    return now - last < NOTE_EVERY


def claimed(state: State) -> Turn:
    """An operator took the request. Whoever still waits hears nothing new: the operator
    writes. A person who had gone back to the menu from an urgent request is told that
    their words go to a person again."""
    taken = state.with_(handoff=True, handoff_claimed=True)
    if state.handoff:
        return Turn((), taken)
    return Turn((Reply("handoff-claimed", buttons=((BACK_TO_MENU,),)),), taken)


# ------------------------------------------------------------------ leaving


def on_button(state: State, arg: str) -> Turn:
    """The handoff's buttons: "Torna al menu", and the answers to "are you sure?"."""
    if arg == "stay":
        return Turn((Reply("handoff-still-waiting", buttons=((BACK_TO_MENU,),)),), state)
    if arg == "leave" and state.handoff_urgent:
        return _leave_open(state)
    if arg == "leave":
        return close(state, by="beneficiary")
    return leave(state)


def typed_confirmation(state: State, event: Event) -> str | None:
    """A typed answer to "Vuoi tornare al menu?" ("sì", "no", "2"): "leave" or "stay".
    Read only while that question is on screen; any other text is for the operators."""
    if not isinstance(event, TextSaid):
        return None
    if not any(item[:2] == (LEAVE_ANYWAY.action, LEAVE_ANYWAY.arg) for item in state.prompt):
        return None
    pressed = prompt.answer(state.prompt, event.text, event.understanding)
    if pressed is None or pressed.action != "handoff" or pressed.arg not in ("leave", "stay"):
        return None
    return pressed.arg


def leave(state: State) -> Turn:
    """The person leaves ("Torna al menu", /annulla). An urgent request is never dropped
    on one tap."""
    if not state.handoff_urgent:
        return close(state, by="beneficiary")
    ask = Reply("handoff-leave-confirm", buttons=((LEAVE_ANYWAY,), (STAY,)))
    return Turn((ask,), state)


def _leave_open(state: State) -> Turn:
    """Back to the menu, but the urgent request stays open: the operators are told and
    still call back. The state keeps the claim and urgency of the request still open."""
    back = state.with_(handoff=False, misunderstood=0, handoff_noted_at="")
    replies = (Reply("handoff-left-open"), screens.main_menu())
    return Turn(replies, back, (LeaveHandoffOpen(), NoteEvent("handoff_left_open")))


def close(state: State, by: str) -> Turn:
    closed = _closed(state).with_(misunderstood=0)
    key = "handoff-ended" if by == "operator" else "handoff-left"
    effects = (CloseHandoff(by),) if by == "beneficiary" else ()
    return Turn((Reply(key), screens.main_menu()), closed, effects)


def failed(state: State, env: Env) -> Turn:
    """The operators could not be reached: say so, and give the phone and the numbers."""
    reply = Reply("handoff-failed", params=screens.office_params(env), buttons=screens.FOOTER)
    return Turn((reply,), _closed(state), (NoteEvent("handoff_failed"),))


def _closed(state: State) -> State:
    return state.with_(
        handoff=False, handoff_claimed=False, handoff_urgent=False, handoff_noted_at=""
    )
