"""The flows a person can go through, in the order the router offers them an event.

Adding a flow: its module (with a `SPEC`), its texts in locales/<lang>/, its intents in
the NLU data, and one line here. See README, "Adding a flow".
"""

from __future__ import annotations

from dialogs import appointments, courses, prescreening, prompt
from dialogs.events import Event, TextSaid
from dialogs.flow import Flow
from dialogs.model import State

# The questionnaire first: while it waits for an answer, a text is read as one.
FLOWS: tuple[Flow, ...] = (
    prescreening.SPEC,
    appointments.SPEC,
    courses.SPEC,
)

BY_SCREEN = {flow.screen: flow for flow in FLOWS}
BY_INTENT = {intent: flow for flow in FLOWS for intent in flow.intents}
COMMANDS = {command: flow.screen for flow in FLOWS for command in flow.commands}


def data_needed(state: State, event: Event) -> frozenset[str]:
    """What the shell must load before this turn ("agenda", "courses"), and only that.

    A typed text may stand for a button on screen (dialogs/prompt.py): "sì" under a
    reminder is its "Confermo", which needs the agenda although "sì" alone would not.
    """
    events = [event]
    if isinstance(event, TextSaid):
        pressed = prompt.answer(state.prompt, event.text, event.understanding)
        if pressed is not None:
            events.append(pressed)
    return frozenset(
        flow.data for flow in FLOWS for e in events if flow.data and flow.needs_data(state, e)
    )


def leave_all(state: State) -> State:
    """Out of whatever flow was open: what it half-chose is dropped."""
    for flow in FLOWS:
        state = flow.leave(state)
    return state
