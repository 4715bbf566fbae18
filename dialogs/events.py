"""What a user can do, as plain values the shell builds from a Telegram update."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entity:
    name: str
    value: str


@dataclass(frozen=True)
class Understanding:
    """What the NLU made of a text: ranked intents with confidences, and entities."""

    intent: str
    confidence: float
    ranking: tuple[tuple[str, float], ...] = ()
    entities: tuple[Entity, ...] = ()

    def entity(self, name: str) -> str | None:
        return next((e.value for e in self.entities if e.name == name), None)


@dataclass(frozen=True)
class Started:
    """/start, with Telegram's language_code when the client sent one."""

    language_code: str | None = None


@dataclass(frozen=True)
class CommandIssued:
    name: str
    args: str = ""


@dataclass(frozen=True)
class TextSaid:
    """Free text. `understanding` is None when the NLU could not be reached."""

    text: str
    understanding: Understanding | None
    too_long: bool = False
    # The language the text is written in, set by the shell only when it is clear
    # (enough words, a confident detector, or Arabic script), with the detector's confidence.
    language: str | None = None
    language_confidence: float = 0.0


@dataclass(frozen=True)
class ButtonPressed:
    action: str
    arg: str = ""


@dataclass(frozen=True)
class NonTextSent:
    """A sticker, voice note, photo, document, location, contact, …"""

    kind: str


@dataclass(frozen=True)
class MessageEdited:
    text: str = field(default="", repr=False)


@dataclass(frozen=True)
class OperatorJoined:
    """An operator took the conversation: ✋ on the case card, or /scrivi from the group."""


@dataclass(frozen=True)
class OperatorClosed:
    """An operator closed the conversation: it is back with the assistant."""


@dataclass(frozen=True)
class HandoffFailed:
    """The operators' group could not be reached: the person must not wait in silence."""


@dataclass(frozen=True)
class SlotLost:
    """The slot the person chose was taken a moment earlier: the database said no."""

    slot_id: int


@dataclass(frozen=True)
class EnrolmentDone:
    """What the database decided about a sign-up: enrolled, waiting (with a position) or
    already (the person was on the list)."""

    course_id: int
    status: str
    position: int | None = None


@dataclass(frozen=True)
class OfferAnswered:
    """The answer to a seat offered from the waiting list: accepted, declined, or gone
    (the offer expired or was withdrawn meanwhile)."""

    course_id: int
    result: str


Event = (
    Started
    | CommandIssued
    | TextSaid
    | ButtonPressed
    | NonTextSent
    | MessageEdited
    | OperatorJoined
    | OperatorClosed
    | HandoffFailed
    | SlotLost
    | EnrolmentDone
    | OfferAnswered
)
