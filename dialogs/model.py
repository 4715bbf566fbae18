"""The values the core works with: state, environment, replies and the turn."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from dialogs.effects import Effect

Params = Mapping[str, str | int | float]


@dataclass(frozen=True)
class Button:
    """A neutral button: a catalogue key for its label and an action the core understands."""

    label: str
    action: str
    arg: str = ""
    params: Params = field(default_factory=dict)


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Reply:
    key: str
    params: Params = field(default_factory=dict)
    buttons: Keyboard = ()


@dataclass(frozen=True)
class State:
    """One conversation. Serialised by the store; a restart continues from here."""

    language: str = "it"
    consent_version: str | None = None
    consent_declined: bool = False
    misunderstood: int = 0
    # The intents offered as buttons when the bot was unsure; only these are accepted back.
    offered_intents: tuple[str, ...] = ()

    def with_(self, **changes: Any) -> State:
        return replace(self, **changes)


@dataclass(frozen=True)
class Office:
    """Where a person can be reached; loaded from the programme data file."""

    name: str
    address: str
    hours: str
    phone: str
    email: str


@dataclass(frozen=True)
class Env:
    """Facts the core needs that are not part of the conversation."""

    now: datetime
    office: Office
    notice_version: str
    confidence_threshold: float = 0.55


@dataclass(frozen=True)
class Turn:
    replies: tuple[Reply, ...]
    state: State
    effects: tuple[Effect, ...] = field(default=())
