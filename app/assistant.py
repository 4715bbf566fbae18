"""The application service: one user action in, one committed turn out.

Shared by the Telegram handlers and the console chat. It asks the NLU (outside any
database transaction), then loads the state, runs the core, saves the new state and
carries out the effects in one transaction. Rendering is the caller's job.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.bookings import AgendaNotice, BookingDesk, BookingRefused
from app.catalogue import Catalogue
from app.effects import TopicNotice, TurnWork, effect_registry
from app.enrolments import CourseDesk, CourseNotice
from app.export_doc import Document
from dialogs import Env, Event, State, TextSaid, Turn, Understanding, flows, step
from dialogs.agenda import AgendaConfig
from dialogs.effects import Effect
from dialogs.eligibility import Rules
from dialogs.events import SlotLost
from dialogs.office_hours import OfficeHours
from dialogs.places import Gazetteer
from nlu.client import NluClient, NluUnavailable
from nlu.language import LanguageDetector
from store import appointments as agenda_store
from store import conversations, durable, handoffs, privacy
from store import courses as course_store
from store.programme import Programme

log = logging.getLogger(__name__)

# Longer texts are understood from their beginning; the rest would only add noise.
MAX_NLU_CHARS = 1000


@dataclass(frozen=True)
class Handled:
    """A committed turn, plus any documents to send after its replies."""

    turn: Turn
    documents: tuple[Document, ...] = ()
    # What the operators' group must learn: carried out by the Telegram side.
    after: tuple[Effect | TopicNotice | AgendaNotice | CourseNotice, ...] = ()
    # Appointments whose reminders changed: their jobs are (re)scheduled after the commit.
    reminders_changed: tuple[int, ...] = ()
    # The same for course enrolments (reminders before the lessons).
    course_reminders_changed: tuple[int, ...] = ()
    # Its sends are in the outbox (bot/outbox.py): the caller delivers that, not the turn.
    recorded: bool = False


@dataclass(frozen=True)
class Origin:
    """The Telegram update a turn answers: its inbox row is marked done in the turn's own
    commit, and the person's message goes with the outbox row if it must be relayed.
    `update_id` None: a turn an operator started (a claim, a close), which answers no
    update of the person's but whose sends go through the outbox all the same."""

    update_id: int | None
    message: dict[str, Any] | None = None
    edited: bool = False
    name: str | None = None


# A turn an operator started: nothing to mark done in the inbox.
BY_OPERATOR = Origin(update_id=None)

# Writes what a committed turn must send (bot/outbox.py) in the turn's own transaction.
Recorder = Callable[[AsyncSession, int, Handled, Origin, datetime], Awaitable[None]]


@dataclass(frozen=True)
class UserText:
    """Free text before it has been through the NLU."""

    text: str


def utc_now() -> datetime:
    return datetime.now(UTC)


class Assistant:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        nlu: NluClient,
        programme: Programme,
        catalogue: Catalogue,
        *,
        confidence_threshold: float,
        pseudonym: Callable[[int], str],
        rules: Rules | None = None,
        places: Gazetteer | None = None,
        timezone: str = "Europe/Rome",
        hours: OfficeHours | None = None,
        operators_available: bool = False,
        agenda_config: AgendaConfig | None = None,
        clock: Callable[[], datetime] = utc_now,
        turn_gate: contextlib.AbstractAsyncContextManager[object] | None = None,
        language_detector: LanguageDetector | None = None,
        recorder: Recorder | None = None,
        crash_point: Callable[[str], None] | None = None,
    ) -> None:
        self.recorder = recorder
        self._crash_point = crash_point or (lambda _: None)
        self._language_detector = language_detector
        self._turn_gate = turn_gate or contextlib.nullcontext()
        self.hours = hours
        self.agenda_config = agenda_config
        self.operators_available = operators_available
        self._rules = rules
        self._places = places
        self._timezone = timezone
        self._sessions = sessions
        self._nlu = nlu
        self._programme = programme
        self._catalogue = catalogue
        self._threshold = confidence_threshold
        self.pseudonym = pseudonym
        self._clock = clock
        self._effects = effect_registry(catalogue, programme, timezone)

    async def handle(
        self,
        chat_id: int,
        action: Event | UserText,
        display_name: str | None = None,
        *,
        origin: Origin | None = None,
    ) -> Handled:
        """With an `origin`, the turn runs at most once per update and what it sends is
        written to the outbox for the caller to deliver; without, the caller sends it."""
        event = await self._understand(chat_id, action) if isinstance(action, UserText) else action
        try:
            return await self._turn(chat_id, event, display_name, origin)
        except BookingRefused as refused:
            # Someone else was faster (or the booking changed meanwhile): the whole turn
            # was rolled back, and the person gets the fresh list instead.
            log.info("booking refused by the database", extra={"who": self.pseudonym(chat_id)})
            return await self._turn(chat_id, SlotLost(refused.slot_id), display_name, origin)

    async def _turn(
        self, chat_id: int, event: Event, display_name: str | None, origin: Origin | None
    ) -> Handled:
        now = self._clock()
        env = self._env(now)
        understood = time.perf_counter()
        booked = BookingDesk(self.agenda_config, self._catalogue, self._programme, self._timezone)
        learned = CourseDesk(self.agenda_config, self._catalogue, self._programme, self._timezone)
        async with self._turn_gate, self._sessions.begin() as session:
            if (
                origin is not None
                and origin.update_id is not None
                and not await durable.finish_update(session, origin.update_id, now)
            ):
                log.info("update already handled", extra={"who": self.pseudonym(chat_id)})
                return Handled(Turn((), State(), ()))
            resumed = await conversations.resume(session, chat_id)
            env = await self._with_data(session, chat_id, resumed.state, event, env)
            turn = step(resumed.state, event, env)
            await conversations.save_state(session, chat_id, turn.state, now)
            if not resumed.profile_is_current(display_name, now):
                await conversations.touch(session, chat_id, display_name, now)
            if turn.state.language != resumed.state.language:
                await conversations.set_language(session, chat_id, turn.state.language)
            work = TurnWork(
                session, chat_id, turn.state, display_name, now,
                {"who": self.pseudonym(chat_id)}, booked, learned,
            )  # fmt: skip
            for effect in turn.effects:
                await self._effects.apply(work, effect)
            for follow_up in learned.follow_ups:
                # The database decided (a seat or the waiting list): the core says so.
                fresh = await self._with_data(session, chat_id, turn.state, follow_up, env)
                answer = step(turn.state, follow_up, fresh)
                turn = Turn((*turn.replies, *answer.replies), answer.state, turn.effects)
                await conversations.save_state(session, chat_id, turn.state, now)
            if (
                isinstance(event, TextSaid)
                and turn.state.consent_version
                and not turn.state.handoff
            ):
                # The last few texts, for the case card if a person is needed later.
                await handoffs.remember_text(session, chat_id, event.text, now)
            handled = self._handled(turn, work)
            if origin is not None and self.recorder is not None:
                await self.recorder(session, chat_id, handled, origin, now)
                handled = dataclasses.replace(handled, recorded=True)
            # Last: every text turn of the month updates the same counter row, and
            # PostgreSQL holds its lock until the commit; counting at the end keeps the
            # other turns' wait for it to the commit itself.
            await self._count(session, resumed.known, event, now)
            self._crash_point("mid-turn")
        log.debug(
            "turn stored in %.1f ms",
            1000 * (time.perf_counter() - understood),
            extra={"who": self.pseudonym(chat_id)},
        )
        return handled

    @staticmethod
    async def _count(session: AsyncSession, known: bool, event: Event, now: datetime) -> None:
        """Anonymous monthly counts for the dashboard: first contacts, and the texts the
        assistant had to read (the denominator of "did not understand")."""
        if not known:
            await privacy.count(session, "first_contact", now)
        if isinstance(event, TextSaid):
            await privacy.count(session, "text_turn", now)

    @staticmethod
    def _handled(turn: Turn, work: TurnWork) -> Handled:
        booked, learned = work.bookings, work.courses
        return Handled(
            turn,
            (*work.documents, *booked.documents, *learned.documents),
            (*work.after, *booked.notices, *learned.notices),
            tuple(booked.reminders_changed),
            tuple(learned.reminders_changed),
        )

    async def _with_data(
        self, session: AsyncSession, chat_id: int, state: State, event: Event, env: Env
    ) -> Env:
        """The data the core's flows need for this turn (dialogs/flows.py), and only that."""
        needed = flows.data_needed(state, event)
        if self.agenda_config is None or not needed:
            return env
        if "agenda" in needed:
            agenda = await agenda_store.load_agenda(session, chat_id, env.now, self.agenda_config)
            env = dataclasses.replace(env, agenda=agenda)
        if "courses" in needed:
            offered = await course_store.load_courses(session, chat_id, env.now)
            env = dataclasses.replace(env, courses=offered)
        return env

    def _env(self, now: datetime) -> Env:
        return Env(
            now=now,
            office=self._programme.office,
            notice_version=self._programme.privacy_notice_version,
            confidence_threshold=self._threshold,
            rules=self._rules,
            places=self._places,
            timezone=self._timezone,
            languages=self._catalogue.languages,
            label_text=self._catalogue.label_text,
            hours=self.hours,
            operators_available=self.operators_available,
            agenda_config=self.agenda_config,
        )

    async def mark_unreachable(self, chat_id: int) -> None:
        async with self._sessions.begin() as session:
            await conversations.mark_unreachable(session, chat_id, self._clock())
        log.info("chat unreachable", extra={"who": self.pseudonym(chat_id)})

    async def _understand(self, chat_id: int, said: UserText) -> TextSaid:
        text = said.text
        understanding: Understanding | None
        started = time.perf_counter()
        try:
            understanding = await self._nlu.parse(text[:MAX_NLU_CHARS])
        except NluUnavailable as exc:
            log.warning("nlu unavailable: %s", exc, extra={"who": self.pseudonym(chat_id)})
            understanding = None
        else:
            log.info(
                "understood intent=%s confidence=%.2f nlu_ms=%.1f",
                understanding.intent,
                understanding.confidence,
                1000 * (time.perf_counter() - started),
                extra={"who": self.pseudonym(chat_id)},
            )
        detected = (
            self._language_detector.detect(text[:MAX_NLU_CHARS])
            if self._language_detector is not None
            else None
        )
        return TextSaid(
            text=text,
            understanding=understanding,
            too_long=len(text) > MAX_NLU_CHARS,
            language=detected.language if detected else None,
            language_confidence=detected.confidence if detected else 0.0,
        )
