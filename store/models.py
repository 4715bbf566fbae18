"""Tables. Instants are stored in UTC and come back timezone-aware."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite (no zone support) too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware one")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime}


class Conversation(Base):
    """The dialog's memory for one chat. Holds nothing personal beyond the chat id."""

    __tablename__ = "conversations"

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    state: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    updated_at: Mapped[datetime]


class Beneficiary(Base):
    """A person who accepted the privacy notice. Created at consent, never before."""

    __tablename__ = "beneficiaries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True, nullable=False)
    display_name: Mapped[str | None] = mapped_column(String(128))
    language: Mapped[str] = mapped_column(String(8), default="it")
    consent_version: Mapped[str | None] = mapped_column(String(32))
    consent_at: Mapped[datetime | None]
    unreachable_since: Mapped[datetime | None]
    # Set by an operator: the services have taken the person in charge, which opens the
    # appointment types beyond the orientation interview.
    taken_in_charge_at: Mapped[datetime | None]
    taken_in_charge_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]


class ConsentEvent(Base):
    """Every answer to a privacy notice, kept as the record of consent."""

    __tablename__ = "consent_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    beneficiary_id: Mapped[int] = mapped_column(
        ForeignKey("beneficiaries.id", ondelete="CASCADE"), index=True
    )
    notice_version: Mapped[str] = mapped_column(String(32))
    accepted: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime]


class Prescreening(Base):
    """One finished questionnaire. The newest per person counts; older ones stay as history."""

    __tablename__ = "prescreenings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    beneficiary_id: Mapped[int] = mapped_column(
        ForeignKey("beneficiaries.id", ondelete="CASCADE"), index=True
    )
    rules_version: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(32))
    answers: Mapped[dict[str, str]] = mapped_column(JSON)
    criteria: Mapped[list[list[str]]] = mapped_column(JSON)
    created_at: Mapped[datetime]


class FunderCount(Base):
    """Anonymous monthly counts for the funder's reports; they outlive any erasure."""

    __tablename__ = "funder_counts"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # "2026-11"
    metric: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class AuditEntry(Base):
    """Who did what to a beneficiary's data: operators' views, exports, claims, erasures."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(64))  # "self", "retention", or an operator id
    action: Mapped[str] = mapped_column(String(64))
    # Null once the person is erased: the entry stays, the link to them does not.
    beneficiary_id: Mapped[int | None] = mapped_column(
        ForeignKey("beneficiaries.id", ondelete="SET NULL"), index=True
    )


class Handoff(Base):
    """A conversation handed to the operators. Keyed by Telegram id, not by profile:
    distress is handed off even before consent (vital interest)."""

    __tablename__ = "handoffs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, index=True)
    status: Mapped[str] = mapped_column(String(16))  # open, claimed, closed
    reason: Mapped[str] = mapped_column(String(32))
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    opened_at: Mapped[datetime]
    announced_at: Mapped[datetime]
    card_message_id: Mapped[int | None] = mapped_column(BigInteger)
    claimed_by: Mapped[int | None] = mapped_column(BigInteger)
    claimed_by_name: Mapped[str | None] = mapped_column(String(128))
    # The console account that claimed it (claimed_by holds a Telegram user id, if known).
    claimed_by_account: Mapped[int | None] = mapped_column(Integer)
    claimed_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(64))


class OperatorTopic(Base):
    """The one forum topic of each person in the operators' group, reused across handoffs."""

    __tablename__ = "operator_topics"

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    thread_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    created_at: Mapped[datetime]


class RelayedMessage(Base):
    """A message copied between the person's chat and their topic, for replies and edits."""

    __tablename__ = "relayed_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handoff_id: Mapped[int] = mapped_column(
        ForeignKey("handoffs.id", ondelete="CASCADE"), index=True
    )
    direction: Mapped[str] = mapped_column(String(8))  # in (to operators), out (to the person)
    private_message_id: Mapped[int] = mapped_column(BigInteger)
    group_message_id: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str | None] = mapped_column(String(4096))
    at: Mapped[datetime]
    # The operator's first name on a message to the person; None on the person's own.
    author: Mapped[str | None] = mapped_column(String(64))
    # The file the message carried (photo, document, voice...), shown in the web console
    # through the bot, never by a public link; None on a plain text. Erased with the text.
    file_id: Mapped[str | None] = mapped_column(String(256))
    file_kind: Mapped[str | None] = mapped_column(String(16))
    file_name: Mapped[str | None] = mapped_column(String(255))
    mime_type: Mapped[str | None] = mapped_column(String(128))


class HandoffNote(Base):
    """An operator's internal note on a handoff: shown to operators, never to the person.
    Kept like relayed texts (the retention period), erased with the person."""

    __tablename__ = "handoff_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handoff_id: Mapped[int] = mapped_column(
        ForeignKey("handoffs.id", ondelete="CASCADE"), index=True
    )
    author: Mapped[str] = mapped_column(String(64))
    text: Mapped[str | None] = mapped_column(String(4096))
    at: Mapped[datetime]


class RecentMessage(Base):
    """The last few texts a person wrote, so a case card can show what led to a handoff.
    Only the newest three are kept, and none older than the retention period."""

    __tablename__ = "recent_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, index=True)
    text: Mapped[str] = mapped_column(String(4096))
    at: Mapped[datetime]


# Appointment statuses. Only a "booked" appointment holds its slot.
BOOKED = "booked"
LIVE_BOOKING = text("status = 'booked'")


class Slot(Base):
    """A bookable time with a named operator at a place. Instants in UTC."""

    __tablename__ = "slots"
    __table_args__ = (UniqueConstraint("operator", "starts_at", name="uq_slot_operator_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    place_id: Mapped[str] = mapped_column(String(64))
    operator: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime]
    # An operator withdrew the slot; bookings on it were cancelled and told.
    withdrawn_at: Mapped[datetime | None]


class Appointment(Base):
    """A person's booking of a slot. Rescheduling moves the same row to another slot, so
    its calendar UID stays stable; `ics_sequence` counts the changes."""

    __tablename__ = "appointments"
    __table_args__ = (
        # The rule "one person per slot" lives in the database, so concurrent bookings
        # cannot both win, on SQLite and on PostgreSQL alike.
        Index(
            "uq_live_booking_per_slot",
            "slot_id",
            unique=True,
            sqlite_where=LIVE_BOOKING,
            postgresql_where=LIVE_BOOKING,
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id"), index=True)
    beneficiary_id: Mapped[int] = mapped_column(
        ForeignKey("beneficiaries.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))  # booked, cancelled, attended, no_show
    booked_by: Mapped[str] = mapped_column(String(64))  # "self" or an operator id
    booked_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    cancel_reason: Mapped[str | None] = mapped_column(String(32))
    # The person's answer to a reminder: confirmed, declined, or None (no answer yet).
    confirmation: Mapped[str | None] = mapped_column(String(16))
    confirmed_at: Mapped[datetime | None]
    ics_sequence: Mapped[int] = mapped_column(Integer, default=0)
    attendance_marked_by: Mapped[str | None] = mapped_column(String(64))
    # When the operators' group was asked "did the person come?", so it is asked once.
    attendance_asked_at: Mapped[datetime | None]


class Reminder(Base):
    """One reminder to send. The row, not the scheduler's job, is the source of truth:
    pending -> sending -> sent, or skipped (no longer needed), failed, missed (too late).
    Either for an appointment (one per label) or for a lesson of a course enrolment (one per
    lesson start and label)."""

    __tablename__ = "reminders"
    __table_args__ = (
        UniqueConstraint("appointment_id", "label", name="uq_reminder_per_offset"),
        UniqueConstraint(
            "enrolment_id", "session_starts_at", "label", name="uq_course_reminder_per_offset"
        ),
        # A reminder is for an appointment or for a course enrolment, never both.
        CheckConstraint(
            "(appointment_id IS NULL) <> (enrolment_id IS NULL)", name="ck_reminder_owner"
        ),
        Index("ix_reminders_status_due", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    appointment_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointments.id", ondelete="CASCADE"), index=True
    )
    enrolment_id: Mapped[int | None] = mapped_column(
        ForeignKey("enrolments.id", ondelete="CASCADE", name="fk_reminders_enrolment_id"),
        index=True,
    )
    # The lesson's start the reminder was planned for (lesson rows are re-created on edit).
    session_starts_at: Mapped[datetime | None]
    telegram_id: Mapped[int] = mapped_column(BigInteger)
    label: Mapped[str] = mapped_column(String(16))  # "24h", "2h": the offset it was planned for
    due_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None]
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    last_error: Mapped[str | None] = mapped_column(String(64))


# Course enrolment statuses. "enrolled" and "offered" hold a seat (the course's
# `seats_taken` counts exactly those); "waiting" is in line, ordered by enrolment id.
ENROLLED = "enrolled"
WAITING = "waiting"
OFFERED = "offered"
LIVE_ENROLMENT = text("status IN ('enrolled', 'waiting', 'offered')")


class Course(Base):
    """A course of the catalogue, identified by its `code` (the NLU's `course` entity).
    Operators import and edit courses; a withdrawn course stays for the records."""

    __tablename__ = "courses"
    __table_args__ = (
        # The counter is the seat lock: sign-ups take a seat with one conditional UPDATE,
        # and the database refuses a counter that would overbook or go negative.
        CheckConstraint("seats_taken >= 0 AND seats_taken <= seats", name="ck_course_seats"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(128))
    description: Mapped[str] = mapped_column(String(4096))
    category: Mapped[str] = mapped_column(String(32), index=True)
    place_id: Mapped[str] = mapped_column(String(64))  # a key of `places`, appointments.yaml
    seats: Mapped[int] = mapped_column(Integer)
    seats_taken: Mapped[int] = mapped_column(Integer, default=0)
    requirement: Mapped[str] = mapped_column(String(16), default="none")
    min_italian: Mapped[str | None] = mapped_column(String(2))  # A1, A2, B1, B2
    cost: Mapped[str] = mapped_column(String(64), default="gratuito")
    contact: Mapped[str] = mapped_column(String(128))  # the operator people can ask
    signup_deadline: Mapped[datetime | None]
    remind_each_session: Mapped[bool] = mapped_column(Boolean, default=False)
    # {"en": {"title": ..., "description": ..., "cost": ...}, ...}; title, description and
    # cost above are the Italian original. JSON rather than a child table: the texts are
    # always read and written with their course and never searched by language, so a
    # table would only add a query per catalogue read and a diff on every import.
    translations: Mapped[dict[str, dict[str, str]]] = mapped_column(
        JSON, default=dict, server_default=text("'{}'")
    )
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    withdrawn_at: Mapped[datetime | None]


class CourseSession(Base):
    """One lesson of a course. Instants in UTC."""

    __tablename__ = "course_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]


class Enrolment(Base):
    """A person's sign-up for a course: enrolled, waiting, offered a freed seat, or over
    (withdrawn, declined, expired). Rows are kept for the funder's attendance records."""

    __tablename__ = "enrolments"
    __table_args__ = (
        # One live enrolment per person and course, enforced by the database, so a double
        # tap cannot take two seats or two places in line.
        Index(
            "uq_live_enrolment_per_person",
            "course_id",
            "beneficiary_id",
            unique=True,
            sqlite_where=LIVE_ENROLMENT,
            postgresql_where=LIVE_ENROLMENT,
        ),
        Index("ix_enrolments_course_status", "course_id", "status", "id"),
        Index("ix_enrolments_status_expiry", "status", "offer_expires_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"))
    beneficiary_id: Mapped[int] = mapped_column(
        ForeignKey("beneficiaries.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    offered_at: Mapped[datetime | None]
    offer_expires_at: Mapped[datetime | None]
    # Offers are made by turns, the expiry job and operators' edits alike; whoever sends
    # the message sets this, so an offer made where no bot runs (the CLI) is still sent.
    offer_sent_at: Mapped[datetime | None]
    # The calendar file's SEQUENCE: bumped when dates or place change, or on withdrawal.
    ics_sequence: Mapped[int] = mapped_column(Integer, default=0)
    # Dates or place changed and the person has not been told yet (scheduler/course_changes.py).
    change_pending_since: Mapped[datetime | None]


# One mark per lesson and enrolment: the funder's course hours are the lessons attended.
PRESENT = "present"
ABSENT = "absent"


class LessonAttendance(Base):
    """Whether a person enrolled in a course came to one of its lessons (app/lesson_attendance.py).
    The last mark counts; who made it and when are kept, and a change is in the audit log.
    It goes with the enrolment (erasure) and with the lesson (a lesson taken out of a course)."""

    __tablename__ = "lesson_attendance"
    __table_args__ = (
        UniqueConstraint("lesson_id", "enrolment_id", name="uq_lesson_attendance_pair"),
        CheckConstraint("status IN ('present', 'absent')", name="ck_lesson_attendance_status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lesson_id: Mapped[int] = mapped_column(
        ForeignKey("course_sessions.id", ondelete="CASCADE"), index=True
    )
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("enrolments.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(8))
    marked_by: Mapped[str] = mapped_column(String(64))  # "web:<account id>", "cli:<name>"
    marked_at: Mapped[datetime]


class InboxUpdate(Base):
    """An update from Telegram, stored before it is acknowledged (bot/intake.py).

    The payload holds what the person wrote: it is cleared as soon as the update is done,
    and done rows are pruned by the nightly retention job.
    """

    __tablename__ = "inbox_updates"
    __table_args__ = (Index("ix_inbox_updates_status", "status", "update_id"),)

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # pending -> done | failed (handling raised three times: the person got an apology).
    status: Mapped[str] = mapped_column(String(8), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime]
    done_at: Mapped[datetime | None]


class OutboxEntry(Base):
    """What one turn sends, written in the turn's own transaction (bot/outbox.py).

    `steps` is the ordered list of sends; `sent_steps` counts those delivered, so a sender
    resuming after a crash starts at the first one not yet marked.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_chat", "status", "chat_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    steps: Mapped[list[Any] | None] = mapped_column(JSON)
    sent_steps: Mapped[int] = mapped_column(Integer, default=0)
    # pending -> sent | failed (a step kept failing: the chat goes on with the next row).
    status: Mapped[str] = mapped_column(String(8), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


# A care record is open until its exit is recorded; one open record per person.
OPEN_CARE_RECORD = text("exit_on IS NULL")


class CareRecord(Base):
    """A person taken in charge by the services (presa in carico): the date, who took part,
    the funder's intake categories the bot does not ask, and the exit. The keys and values
    are those of `config/intake.yaml`; the special-category columns (GDPR art. 9) are
    optional and null when not asked. Closed records stay as the person's history."""

    __tablename__ = "care_records"
    __table_args__ = (
        Index(
            "uq_open_care_record_per_person",
            "beneficiary_id",
            unique=True,
            sqlite_where=OPEN_CARE_RECORD,
            postgresql_where=OPEN_CARE_RECORD,
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    beneficiary_id: Mapped[int] = mapped_column(
        ForeignKey("beneficiaries.id", ondelete="CASCADE"), index=True
    )
    taken_in_charge_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    services: Mapped[list[str]] = mapped_column(JSON, default=list)
    gender: Mapped[str] = mapped_column(String(16), default="not_stated")
    education: Mapped[str] = mapped_column(String(16), default="not_stated")
    employment_at_entry: Mapped[str] = mapped_column(String(24), default="not_stated")
    birth_year: Mapped[int | None] = mapped_column(Integer)
    comune_istat: Mapped[str | None] = mapped_column(String(6))
    # Special-category or sensitive (GDPR art. 9): optional, null when not asked.
    disability: Mapped[str | None] = mapped_column(String(16))
    third_country_national: Mapped[str | None] = mapped_column(String(16))
    foreign_background: Mapped[str | None] = mapped_column(String(16))
    minority: Mapped[str | None] = mapped_column(String(16))
    homeless_or_housing_exclusion: Mapped[str | None] = mapped_column(String(16))
    exit_on: Mapped[date | None] = mapped_column(Date)
    exit_outcome: Mapped[str | None] = mapped_column(String(24))
    exit_recorded_by: Mapped[str | None] = mapped_column(String(64))
    # The follow-up six months after the exit (migration 0018, app/followup.py): asked at
    # the exit whether the bot may write then (null: not asked, never contacted); the day
    # it falls due; when the bot asked (set before sending, so never twice); the answer,
    # its day, and who gave it ("self" in the chat, or the operator's name).
    followup_consent: Mapped[bool | None] = mapped_column(Boolean)
    followup_due_on: Mapped[date | None] = mapped_column(Date, index=True)
    followup_asked_at: Mapped[datetime | None]
    followup_status: Mapped[str | None] = mapped_column(String(24))
    followup_on: Mapped[date | None] = mapped_column(Date)
    followup_by: Mapped[str | None] = mapped_column(String(64))


class CareStep(Base):
    """One step of a person's planned path: a skills assessment, tutoring, a course, an
    inclusion internship (with its host). Never deleted: a dropped step is "cancelled"."""

    __tablename__ = "care_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(
        ForeignKey("care_records.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    host: Mapped[str | None] = mapped_column(String(128))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    weekly_hours: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16))  # planned, ongoing, done, cancelled
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CareChange(Base):
    """Every change to a care record or its path: who, when, and each field's old and new
    value ({"field": [old, new]}). Erased with the person."""

    __tablename__ = "care_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(
        ForeignKey("care_records.id", ondelete="CASCADE"), index=True
    )
    step_id: Mapped[int | None] = mapped_column(
        ForeignKey("care_steps.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(64))
    # taken_in_charge, intake_changed, step_added, step_changed, exit_recorded
    action: Mapped[str] = mapped_column(String(32))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
