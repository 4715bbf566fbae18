"""The core's effects, each carried out by exactly one handler inside the turn's unit of work.

`effect_registry` is the one place that says who does what. An effect with no handler is
an error (`UnhandledEffect`), never silently dropped, and a test checks every effect type
of dialogs/effects.py has its handler.

Handlers write to the database through the turn's session and leave behind what must
happen after the commit: documents for the person, notices for the operators' side, and
the reminder jobs to (re)schedule (collected by the booking and course desks).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.bookings import BookingDesk
from app.catalogue import Catalogue
from app.enrolments import CourseDesk
from app.export_doc import Document, export_documents
from app.followup import record_self_answer
from dialogs.effects import (
    AnswerOffer,
    AnswerReminder,
    BookSlot,
    CancelBooking,
    CloseHandoff,
    Effect,
    EnrolCourse,
    EraseData,
    ExportData,
    LeaveHandoffOpen,
    MoveBooking,
    NoteEvent,
    OpenHandoff,
    RecordConsent,
    RecordFollowUp,
    RecordPrescreening,
    RelayToOperators,
    WithdrawCourse,
)
from dialogs.model import State
from store import conversations, handoffs, privacy
from store.programme import Programme

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TopicNotice:
    """A line for the operators in a person's topic, e.g. that the person erased their data."""

    thread_id: int
    key: str


# Effects carried out by the operators' side after the commit (bot/outbox.py).
OPERATOR_EFFECTS = (OpenHandoff, RelayToOperators, CloseHandoff, LeaveHandoffOpen)


@dataclass
class TurnWork:
    """One turn's unit of work as the handlers see it."""

    session: AsyncSession
    chat_id: int
    state: State  # the turn's new state: its language is the person's
    display_name: str | None
    now: datetime
    who: dict[str, str]  # for log lines: a pseudonym, never a name
    bookings: BookingDesk
    courses: CourseDesk
    documents: list[Document] = field(default_factory=list)
    # For the operators' side after the commit, in order.
    after: list[Effect | TopicNotice] = field(default_factory=list)


Handler = Callable[[TurnWork, Any], Awaitable[None]]


class UnhandledEffect(LookupError):
    """The core asked for something nobody carries out: a bug, never to be ignored."""


class EffectRegistry:
    def __init__(self, handlers: Mapping[type, Handler]) -> None:
        self._handlers = dict(handlers)

    @property
    def types(self) -> frozenset[type]:
        return frozenset(self._handlers)

    async def apply(self, work: TurnWork, effect: Effect) -> None:
        handler = self._handlers.get(type(effect))
        if handler is None:
            raise UnhandledEffect(type(effect).__name__)
        await handler(work, effect)


def effect_registry(
    catalogue: Catalogue, programme: Programme, timezone: str = "Europe/Rome"
) -> EffectRegistry:
    """Who carries out each effect of the core."""

    async def export(work: TurnWork, effect: ExportData) -> None:
        data = await privacy.personal_data(work.session, work.chat_id, work.now)
        await privacy.audit(work.session, work.chat_id, "exported", "self", work.now)
        log.info("personal data exported", extra=work.who)
        work.documents += export_documents(
            data, catalogue, work.state.language, work.now, programme.office.email
        )

    async def followup(work: TurnWork, effect: RecordFollowUp) -> None:
        # The day of the answer is the programme's day, as the operators' form has it.
        kept = await record_self_answer(
            work.session, work.chat_id, effect.status, work.now, timezone
        )
        log.info("follow-up answered kept=%s", kept, extra=work.who)

    return EffectRegistry(
        {
            RecordConsent: _record_consent,
            RecordFollowUp: followup,
            RecordPrescreening: _record_prescreening,
            ExportData: export,
            EraseData: _erase,
            NoteEvent: _note,
            **{kind: _for_operators for kind in OPERATOR_EFFECTS},
            **{kind: _booking for kind in (BookSlot, MoveBooking, CancelBooking, AnswerReminder)},
            **{kind: _course for kind in (EnrolCourse, WithdrawCourse, AnswerOffer)},
        }
    )


# Events the dashboard counts per month: the assistant did not understand (asked to
# clarify, or twice and offered a person), could not reach the NLU, or raised the alarm.
COUNTED_EVENTS = frozenset({"clarify", "misunderstood_twice", "nlu_down", "distress"})


async def _record_consent(work: TurnWork, effect: RecordConsent) -> None:
    await conversations.record_consent(
        work.session,
        work.chat_id,
        version=effect.version,
        accepted=effect.accepted,
        language=work.state.language,
        display_name=work.display_name,
        now=work.now,
    )
    await privacy.count(work.session, "consent_given", work.now)
    if effect.accepted:
        await privacy.count(work.session, f"language_{work.state.language}", work.now)
    log.info("consent recorded version=%s", effect.version, extra=work.who)


async def _record_prescreening(work: TurnWork, effect: RecordPrescreening) -> None:
    await conversations.record_prescreening(
        work.session,
        work.chat_id,
        rules_version=effect.rules_version,
        outcome=effect.outcome,
        answers=dict(effect.answers),
        criteria=[list(c) for c in effect.criteria],
        now=work.now,
    )
    await privacy.count(work.session, f"prescreening_{effect.outcome}", work.now)
    log.info("prescreening outcome=%s", effect.outcome, extra=work.who)


async def _erase(work: TurnWork, effect: EraseData) -> None:
    topic = await handoffs.topic_of(work.session, work.chat_id)
    if topic is not None:  # the topic stays, but the operators must know why
        work.after.append(TopicNotice(topic.thread_id, "op-erased"))
    await privacy.erase_person(work.session, work.chat_id, work.now, actor="self")
    log.info("personal data erased", extra=work.who)


async def _note(work: TurnWork, effect: NoteEvent) -> None:
    log.info("event %s %s", effect.name, effect.detail, extra=work.who)
    if effect.name in COUNTED_EVENTS:
        await privacy.count(work.session, f"event_{effect.name}", work.now)


async def _for_operators(work: TurnWork, effect: Effect) -> None:
    work.after.append(effect)


async def _booking(
    work: TurnWork, effect: BookSlot | MoveBooking | CancelBooking | AnswerReminder
) -> None:
    await work.bookings.apply(work.session, work.chat_id, effect, work.state.language, work.now)


async def _course(work: TurnWork, effect: EnrolCourse | WithdrawCourse | AnswerOffer) -> None:
    await work.courses.apply(work.session, work.chat_id, effect, work.state.language, work.now)
