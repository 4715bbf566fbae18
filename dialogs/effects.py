"""What the shell must do after a turn, besides sending the replies and saving the state."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordConsent:
    version: str
    accepted: bool


@dataclass(frozen=True)
class NoteEvent:
    """A pseudonymous analytics/log event: a name, never message text."""

    name: str
    detail: str = ""


Effect = RecordConsent | NoteEvent
