"""What a flow is: a feature a person goes through, and the ways into it.

Each flow module (prescreening.py, appointments.py, courses.py) describes itself with one
`Flow` value named `SPEC`; `flows.py` lists them. The router, the screen walk and the shell
read that list, so a new flow is its module, its texts, its NLU data and one line there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dialogs.events import Event, TextSaid
from dialogs.model import Env, State, Turn


def _never(state: State, event: Event) -> bool:
    return False


def _stay(state: State) -> State:
    return state


def _no_event(state: State, event: Event, env: Env) -> Turn | None:
    return None


@dataclass(frozen=True)
class Flow:
    # Also `State.flow` while the flow is open.
    name: str
    # The screen that opens it: "go:<screen>" buttons, the menu, its /commands.
    screen: str
    commands: tuple[str, ...]
    # The NLU intents it answers, and the button actions it owns.
    intents: frozenset[str]
    actions: frozenset[str]
    # Whether what it needs is here (rules and comuni, the agenda, the catalogue). When
    # it is not, its screen says so honestly instead (faq.unavailable).
    ready: Callable[[Env], bool]
    open: Callable[[State, Env], Turn]
    on_intent: Callable[[str, TextSaid, State, Env], Turn]
    # Its buttons, the text it waits for while open, the database's answers to its
    # effects (a slot lost, a seat given): a turn, or None when the event is not its own.
    on_event: Callable[[State, Event, Env], Turn | None] = _no_event
    # Out of the flow (another button, a command): what it half-chose is dropped.
    leave: Callable[[State], State] = _stay
    # The person asked something else while the flow waited for an answer: the answer to
    # that, plus the flow's way back to its question. None: the question is just left.
    paused: Callable[[Turn], Turn] | None = None
    # Data the shell loads before a turn that needs it ("agenda", "courses"): the core
    # never queries anything, so it says what it will need.
    data: str = ""
    needs_data: Callable[[State, Event], bool] = _never
