"""Handing a conversation to a person, and what the beneficiary sees meanwhile.

While a handoff is open, what the person writes goes to the operators and the bot stays
quiet; buttons and commands still work, and "Torna al menu" gives the conversation back.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from dialogs import screens
from dialogs.effects import CloseHandoff, NoteEvent, OpenHandoff, RelayToOperators
from dialogs.events import Event, MessageEdited, NonTextSent, TextSaid
from dialogs.model import Button, Env, Reply, State, Turn

BACK_TO_MENU = Button("btn-back-to-menu", "handoff", "close")


def request(state: State, env: Env, reason: str = "asked") -> Turn:
    """The person asked for a person (button, /operatore, or in their words)."""
    if state.handoff:
        return Turn((Reply("handoff-already-open", buttons=((BACK_TO_MENU,),)),), state)
    return Turn((_started(env, urgent=False),), state.with_(handoff=True), (OpenHandoff(reason),))


def urgent(state: State, env: Env) -> Turn:
    """Distress: the emergency numbers first, then a person, whatever the hour.

    The words that raised the alarm go to the operators too, so they know what happened.
    """
    if not env.operators_available:
        return Turn(screens.distress(env), state.with_(misunderstood=0), (NoteEvent("distress"),))
    replies = (*screens.distress(env), _started(env, urgent=True))
    effects = (OpenHandoff("distress", urgent=True), RelayToOperators(), NoteEvent("distress"))
    return Turn(replies, state.with_(handoff=True, misunderstood=0), effects)


def _started(env: Env, *, urgent: bool) -> Reply:
    buttons = ((BACK_TO_MENU,),)
    if env.hours is None or env.hours.is_open(env.now):
        return Reply("handoff-started", {"urgent": "yes" if urgent else "no"}, buttons)
    opening = env.hours.next_opening(env.now)
    when = opening.astimezone(ZoneInfo(env.timezone)) if opening else env.now
    return Reply(
        "handoff-closed-office", {"when": when, "urgent": "yes" if urgent else "no"}, buttons
    )


def during(state: State, event: Event) -> Turn | None:
    """Free text, media and edits go to the operators; the bot does not answer them."""
    if isinstance(event, TextSaid | NonTextSent | MessageEdited):
        return Turn((), state, (RelayToOperators(),))
    return None


def close(state: State, by: str) -> Turn:
    closed = state.with_(handoff=False, misunderstood=0)
    key = "handoff-ended" if by == "operator" else "handoff-left"
    effects = (CloseHandoff(by),) if by == "beneficiary" else ()
    return Turn((Reply(key), screens.main_menu()), closed, effects)


def failed(state: State, env: Env) -> Turn:
    """The operators could not be reached: say so, and give the phone and the numbers."""
    reply = Reply("handoff-failed", params=screens.office_params(env), buttons=screens.FOOTER)
    return Turn((reply,), state.with_(handoff=False), (NoteEvent("handoff_failed"),))
