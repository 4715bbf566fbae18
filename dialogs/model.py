"""The values the core works with: state, environment, replies and the turn."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from dialogs.agenda import Agenda, AgendaConfig
from dialogs.course_view import Courses
from dialogs.effects import Effect
from dialogs.eligibility import Rules
from dialogs.office_hours import OfficeHours
from dialogs.places import Gazetteer

Params = Mapping[str, str | int | float | datetime]
# (label key, language, params) → the label's text: the catalogue, lent by the shell.
LabelText = Callable[[str, str, Params], str]


@dataclass(frozen=True)
class Button:
    """A neutral button: a catalogue key for its label and an action the core understands."""

    label: str
    action: str
    arg: str = ""
    params: Params = field(default_factory=dict)


Keyboard = tuple[tuple[Button, ...], ...]
# Further lines of a reply: (catalogue key, params) each.
Parts = tuple[tuple[str, Params], ...]


def arg_number(text: str) -> int | None:
    """An id carried in a button's argument, or None for anything else a client sends."""
    return int(text) if text.isdigit() and len(text) <= 12 else None


@dataclass(frozen=True)
class Reply:
    """One message: a catalogue key, then optional further lines (`parts`), then buttons."""

    key: str
    params: Params = field(default_factory=dict)
    buttons: Keyboard = ()
    parts: Parts = ()
    # Set when this message must be read in another language than the conversation's:
    # the offer to switch speaks the language the person wrote in.
    language: str | None = None


@dataclass(frozen=True)
class State:
    """One conversation. Serialised by the store; a restart continues from here."""

    language: str = "it"
    consent_version: str | None = None
    consent_declined: bool = False
    misunderstood: int = 0
    # The open questionnaire ("prescreening") and the question waiting for an answer.
    flow: str | None = None
    asking: str | None = None
    answers: tuple[tuple[str, str], ...] = ()
    # Facts the person mentioned on the way ("ho 45 anni"), so they are not asked again.
    noted: tuple[tuple[str, str], ...] = ()
    # True while operators have the conversation: messages go to them, not to the bot.
    handoff: bool = False
    # Whether an operator has taken the open request (until then the bot keeps answering
    # what it understands), whether it is urgent (leaving it then asks first and leaves it
    # open), and when the person was last told it waits in the queue (ISO instant, or "").
    handoff_claimed: bool = False
    handoff_urgent: bool = False
    handoff_noted_at: str = ""
    # Booking an appointment: the kind, the page of free times, the person's wish in
    # words ("martedì mattina"), and the booking being moved, if any.
    ap_kind: str | None = None
    ap_page: int = 0
    ap_pref: str = ""
    ap_moving: int | None = None
    # The buttons shown last (see prompt.py), so that typed words can answer them.
    prompt: tuple[tuple[str, str, str, str], ...] = ()
    # Languages the person chose not to switch to: they are not offered again.
    lang_declined: tuple[str, ...] = ()

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
    rules: Rules | None = None
    places: Gazetteer | None = None
    timezone: str = "Europe/Rome"
    # The languages the catalogue speaks; the first is the default.
    languages: tuple[str, ...] = ("it",)
    hours: OfficeHours | None = None
    # Whether an operators' group is configured to take conversations over.
    operators_available: bool = False
    # Appointments: loaded by the shell only for turns that need them (see appointments.py).
    # How a button reads in a language, to understand its words when they are typed.
    label_text: LabelText | None = None
    agenda_config: AgendaConfig | None = None
    agenda: Agenda | None = None
    # Courses: likewise loaded only for turns that need them (see courses.py).
    courses: Courses | None = None

    @property
    def today(self) -> date:
        """Today where the programme is: a birthday turns over at midnight in Rome, not UTC."""
        return self.now.astimezone(ZoneInfo(self.timezone)).date()


@dataclass(frozen=True)
class Turn:
    replies: tuple[Reply, ...]
    state: State
    effects: tuple[Effect, ...] = field(default=())
