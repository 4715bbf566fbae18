"""The follow-up six months after the exit: one short question with buttons, and the answer.

The bot's job (scheduler/followup.py) sends `question()` to people who agreed at the exit;
this module answers the button. An answer is thanked and recorded (`RecordFollowUp`; the
application layer keeps it only while a question waits for it, so a stale or forged button
records nothing), and the person is back at the menu with everything working: there is
nothing else to do. The button works before a renewed privacy notice is accepted too:
six months is long enough for the notice to change, and the answer's basis is the consent
given at the exit, so the thanks then come with the notice to accept.
"""

from __future__ import annotations

from typing import Final

from dialogs import screens
from dialogs.effects import NoteEvent, RecordFollowUp
from dialogs.model import Button, Env, Reply, State, Turn

ACTION: Final = "followup"
# The funder's values, in the order the buttons show them.
STATUSES: Final[tuple[str, ...]] = (
    "employed",
    "self_employed",
    "better_situation",
    "no_change",
    "unknown",
)


def question() -> Reply:
    """The one message the bot sends six months after the exit."""
    rows = tuple((Button(f"btn-fu-{status}", ACTION, status),) for status in STATUSES)
    return Reply("fu-question", buttons=(*rows, *screens.FOOTER))


def answer(state: State, status: str, env: Env) -> Turn:
    if status not in STATUSES:
        return Turn((screens.main_menu("button-expired"),), state, (NoteEvent("unknown_button"),))
    effects = (RecordFollowUp(status), NoteEvent("followup_answered", status))
    if state.consent_version != env.notice_version:
        thanks = Reply("fu-thanks")
        return Turn((thanks, screens.consent_request(env, "consent-renewed")), state, effects)
    return Turn((screens.main_menu("fu-thanks"),), state.with_(misunderstood=0), effects)
