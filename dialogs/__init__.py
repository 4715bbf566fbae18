"""The conversation logic of Proximity, as plain Python.

`step(state, event, env)` takes what the user did and returns a `Turn`: the replies to
show (catalogue keys and neutral buttons), the new state, and the effects the shell
must carry out. Nothing here talks to Telegram, Rasa or the database.
"""

from dialogs.events import (
    ButtonPressed,
    CommandIssued,
    Event,
    HandoffFailed,
    MessageEdited,
    NonTextSent,
    OperatorClosed,
    OperatorJoined,
    Started,
    TextSaid,
    Understanding,
)
from dialogs.model import Button, Env, Reply, State, Turn
from dialogs.router import step

__all__ = [
    "Button",
    "ButtonPressed",
    "CommandIssued",
    "Env",
    "Event",
    "HandoffFailed",
    "MessageEdited",
    "NonTextSent",
    "OperatorClosed",
    "OperatorJoined",
    "Reply",
    "Started",
    "State",
    "TextSaid",
    "Turn",
    "Understanding",
    "step",
]
