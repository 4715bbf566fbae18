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


@dataclass(frozen=True)
class RecordPrescreening:
    """A finished questionnaire: kept per person, the latest replaces earlier ones for
    the service while the history stays for operators."""

    rules_version: str
    answers: tuple[tuple[str, str], ...]
    outcome: str
    criteria: tuple[tuple[str, str, str], ...]  # (criterion, status, reason)


@dataclass(frozen=True)
class ExportData:
    """Send the person a document with everything kept about them."""


@dataclass(frozen=True)
class EraseData:
    """Erase the person's personal data everywhere, keeping only anonymous counts."""


@dataclass(frozen=True)
class OpenHandoff:
    """Hand the conversation to the operators (or mark an open one urgent)."""

    reason: str  # asked, distress, misunderstood
    urgent: bool = False


@dataclass(frozen=True)
class CloseHandoff:
    by: str  # beneficiary, operator


@dataclass(frozen=True)
class LeaveHandoffOpen:
    """The person went back to the menu from an urgent request: it stays open for the
    operators, who are told so, and someone still calls back."""


@dataclass(frozen=True)
class RelayToOperators:
    """Copy what the person just sent into their topic in the operators' group."""


@dataclass(frozen=True)
class BookSlot:
    slot_id: int


@dataclass(frozen=True)
class MoveBooking:
    """Atomic: the old slot is released only when the new one is taken."""

    booking_id: int
    slot_id: int


@dataclass(frozen=True)
class CancelBooking:
    booking_id: int
    reason: str  # ill, busy, not_needed, unsaid


@dataclass(frozen=True)
class AnswerReminder:
    booking_id: int
    answer: str  # confirmed, declined


@dataclass(frozen=True)
class EnrolCourse:
    """Sign up: a seat if one is left, otherwise the waiting list (the database decides)."""

    course_id: int


@dataclass(frozen=True)
class WithdrawCourse:
    """Frees the seat at once; the first person waiting is offered it."""

    course_id: int


@dataclass(frozen=True)
class AnswerOffer:
    enrolment_id: int
    accept: bool


@dataclass(frozen=True)
class RecordFollowUp:
    """The person's answer to the six-month follow-up question (dialogs/followup.py)."""

    status: str  # employed, self_employed, better_situation, no_change, unknown


Effect = (
    RecordConsent
    | NoteEvent
    | RecordPrescreening
    | ExportData
    | EraseData
    | OpenHandoff
    | CloseHandoff
    | LeaveHandoffOpen
    | RelayToOperators
    | BookSlot
    | MoveBooking
    | CancelBooking
    | AnswerReminder
    | EnrolCourse
    | WithdrawCourse
    | AnswerOffer
    | RecordFollowUp
)
