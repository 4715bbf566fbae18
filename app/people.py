"""People as the operators' console sees them: find someone, open their page, and answer a
data-protection request received at the desk (export, erasure).

The page shows what `/imieidati` would send (it is built from the same
`store.privacy.personal_data`), plus the person's handoffs; pre-screening answers only on
request. Exports and erasures run the very code of `/imieidati` and `/cancellami`, so a
request at the desk and one in the chat cannot differ. Every look and every action is
audited with the operator as the actor, in the same unit of work as what it records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.catalogue import Catalogue
from app.export_doc import Document, export_documents
from store import handoffs, privacy
from store.conversations import find_beneficiary
from store.models import Beneficiary, Conversation, Handoff, Prescreening

PAGE_SIZE = 25
MIN_SEARCH = 2
# A Telegram user id has at most 15 digits today; a longer number is not one.
MAX_ID_DIGITS = 15

# Audit actions of the console (the ones of /imieidati and /cancellami are reused as is).
VIEWED = "web-person-viewed"
ANSWERS_VIEWED = "web-answers-viewed"
# The page opened to erase the person (step one), and again to confirm it (step two).
ERASE_ASKED = "web-erase-asked"
ERASE_CONFIRMING = "web-erase-confirming"
EXPORTED = "exported"
ERASED = "erased"


class PersonNotFound(LookupError):
    """Nothing is kept about this Telegram id (never seen, or erased)."""


async def profile_of(session: AsyncSession, telegram_id: int) -> Beneficiary:
    """The person's profile, for services that act on it; PersonNotFound without one."""
    person = await find_beneficiary(session, telegram_id)
    if person is None:
        raise PersonNotFound(telegram_id)
    return person


@dataclass(frozen=True)
class Found:
    """One row of a search: enough to recognise the person, nothing they answered."""

    telegram_id: int
    name: str | None
    language: str | None
    last_seen_at: datetime | None


@dataclass(frozen=True)
class Search:
    people: tuple[Found, ...]
    page: int
    has_next: bool


@dataclass(frozen=True)
class Screening:
    at: datetime
    rules_version: str
    outcome: str
    criteria: tuple[tuple[str, ...], ...]
    # None unless the operator asked to see them (and that was audited).
    answers: Mapping[str, str] | None


@dataclass(frozen=True)
class HandoffRow:
    id: int
    reason: str
    urgent: bool
    status: str
    opened_at: datetime
    claimed_by_name: str | None
    closed_at: datetime | None
    closed_by: str | None


@dataclass(frozen=True)
class PersonPage:
    telegram_id: int
    name: str | None
    language: str | None
    created_at: datetime | None
    last_seen_at: datetime | None
    unreachable_since: datetime | None
    taken_in_charge_at: datetime | None
    consents: tuple[tuple[str, bool, datetime], ...]  # (notice version, accepted, at)
    screenings: tuple[Screening, ...]
    appointments: tuple[Mapping[str, Any], ...]
    courses: tuple[Mapping[str, Any], ...]
    handoffs: tuple[HandoffRow, ...]

    @property
    def has_profile(self) -> bool:
        return self.created_at is not None

    @property
    def answers_shown(self) -> bool:
        return any(s.answers is not None for s in self.screenings)


class PeopleService:
    """Opens one unit of work per call; `actor` is who the audit names ("web:<account id>")."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def find(self, text: str = "", comune: str = "", page: int = 1) -> Search:
        async with self._sessions() as session:
            return await find_people(session, text=text, comune=comune, page=page)

    async def page(
        self,
        telegram_id: int,
        actor: str,
        now: datetime,
        *,
        with_answers: bool = False,
        purpose: str | None = None,
    ) -> PersonPage:
        async with self._sessions.begin() as session:
            return await person_page(
                session, telegram_id, actor, now, with_answers=with_answers, purpose=purpose
            )

    async def export(
        self, telegram_id: int, actor: str, now: datetime, catalogue: Catalogue, email: str
    ) -> tuple[Document, Document]:
        async with self._sessions.begin() as session:
            return await export_person(session, telegram_id, actor, now, catalogue, email)

    async def erase(self, telegram_id: int, actor: str, now: datetime) -> int | None:
        """Erases the person; returns their topic in the operators' group, if they had one
        (it stays, and must be told why it goes quiet)."""
        async with self._sessions.begin() as session:
            topic = await handoffs.topic_of(session, telegram_id)
            await erase_person(session, telegram_id, actor, now)
        return topic.thread_id if topic is not None else None


def search_problem(text: str) -> str | None:
    """The catalogue key of what is wrong with a search text, or None."""
    text = text.strip()
    if text and not text.isdigit() and len(text) < MIN_SEARCH:
        return "web-people-error-short"
    if text.isdigit() and len(text) > MAX_ID_DIGITS:
        return "web-people-error-id"
    return None


async def find_people(
    session: AsyncSession, *, text: str = "", comune: str = "", page: int = 1
) -> Search:
    """People by name (any part, any case), by Telegram id (digits: exact), and by the
    comune of their newest pre-screening; newest activity first, PAGE_SIZE a page. With
    nothing typed, everyone with a profile."""
    text, comune, page = text.strip(), comune.strip(), max(1, page)
    if search_problem(text):
        return Search((), page, False)
    query = select(Beneficiary)
    if text.isdigit():
        query = query.where(Beneficiary.telegram_id == int(text))
    elif text:
        query = query.where(Beneficiary.display_name.ilike(f"%{_like(text)}%", escape="\\"))
    if comune:
        newest = (
            select(func.max(Prescreening.id))
            .where(Prescreening.beneficiary_id == Beneficiary.id)
            .correlate(Beneficiary)
            .scalar_subquery()
        )
        residence = Prescreening.answers["residence"].as_string()
        query = query.join(Prescreening, Prescreening.id == newest).where(
            # Stored as "in:Crema" or "out:Cremona (CR)": the name follows the colon.
            residence.ilike(f"%:{_like(comune)}%", escape="\\")
        )
    query = query.order_by(Beneficiary.last_seen_at.desc(), Beneficiary.id.desc())
    rows = list(await session.scalars(query.offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE + 1)))
    people = [Found(p.telegram_id, p.display_name, p.language, p.last_seen_at) for p in rows]
    # Someone kept without a profile (a conversation before consent, a handoff opened for
    # distress on vital-interest grounds) can be found by their id alone.
    alone = text.isdigit() and not people and not comune and page == 1
    if alone and await _kept_without_profile(session, int(text)):
        people = [Found(int(text), None, None, None)]
    return Search(tuple(people[:PAGE_SIZE]), page, len(people) > PAGE_SIZE)


async def person_page(
    session: AsyncSession,
    telegram_id: int,
    actor: str,
    now: datetime,
    *,
    with_answers: bool = False,
    purpose: str | None = None,
) -> PersonPage:
    """Everything kept about the person, answers only `with_answers`; audited either way,
    as `purpose` when given (an erasure's steps) and as a plain view otherwise."""
    data = await privacy.personal_data(session, telegram_id, now)
    handoffs = list(
        await session.scalars(
            select(Handoff)
            .where(Handoff.telegram_id == telegram_id)
            .order_by(Handoff.opened_at.desc(), Handoff.id.desc())
        )
    )
    if data["profile"] is None and data["conversation"] is None and not handoffs:
        raise PersonNotFound(telegram_id)
    action = ANSWERS_VIEWED if with_answers else purpose or VIEWED
    await privacy.audit(session, telegram_id, action, actor[:64], now)
    profile: dict[str, Any] = data["profile"] or {}
    return PersonPage(
        telegram_id=telegram_id,
        name=profile.get("name"),
        language=profile.get("language") or _state_language(data["conversation"]),
        created_at=_when(profile.get("created_at")),
        last_seen_at=_when(profile.get("last_seen_at")),
        unreachable_since=_when(profile.get("unreachable_since")),
        taken_in_charge_at=_when(profile.get("taken_in_charge_at")),
        consents=tuple((c["version"], bool(c["accepted"]), _at(c["at"])) for c in data["consents"]),
        screenings=tuple(
            Screening(
                at=_at(s["at"]),
                rules_version=s["rules_version"],
                outcome=s["outcome"],
                criteria=tuple(tuple(c) for c in s["criteria"]),
                answers=dict(s["answers"]) if with_answers else None,
            )
            for s in reversed(data["prescreenings"])  # newest first, as it counts
        ),
        appointments=tuple(
            {**a, "starts_at": _at(a["starts_at"])} for a in data.get("appointments", [])
        ),
        courses=tuple(
            {**c, "first_session": _when(c["first_session"])} for c in data.get("courses", [])
        ),
        handoffs=tuple(_handoff_row(h) for h in handoffs),
    )


async def export_person(
    session: AsyncSession,
    telegram_id: int,
    actor: str,
    now: datetime,
    catalogue: Catalogue,
    email: str,
) -> tuple[Document, Document]:
    """The `/imieidati` documents (.html, .json), in the person's language, audited."""
    data = await privacy.personal_data(session, telegram_id, now)
    if data["profile"] is None and data["conversation"] is None:
        raise PersonNotFound(telegram_id)
    await privacy.audit(session, telegram_id, EXPORTED, actor[:64], now)
    language = (data["profile"] or {}).get("language") or _state_language(data["conversation"])
    return export_documents(data, catalogue, language or "it", now, email)


async def erase_person(session: AsyncSession, telegram_id: int, actor: str, now: datetime) -> None:
    """`/cancellami`'s erasure: slots freed, seats offered on, an audit entry by `actor`
    with no link to the person."""
    if not await privacy.erase_person(session, telegram_id, now, actor=actor[:64]):
        raise PersonNotFound(telegram_id)


def _handoff_row(h: Handoff) -> HandoffRow:
    return HandoffRow(
        h.id, h.reason, h.urgent, h.status, h.opened_at, h.claimed_by_name, h.closed_at, h.closed_by
    )


async def _kept_without_profile(session: AsyncSession, telegram_id: int) -> bool:
    conversation = select(Conversation.telegram_id).where(Conversation.telegram_id == telegram_id)
    handoff = select(Handoff.telegram_id).where(Handoff.telegram_id == telegram_id)
    found = await session.scalar(select(or_(conversation.exists(), handoff.exists())))
    return bool(found)


def _like(text: str) -> str:
    """Typed text taken literally inside a LIKE pattern."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _state_language(state: Mapping[str, Any] | None) -> str | None:
    language = (state or {}).get("language")
    return language if isinstance(language, str) else None


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def is_telegram_id(value: str) -> bool:
    return value.isdigit() and len(value) <= MAX_ID_DIGITS
