"""The composition root: builds every service once from the settings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.request import HTTPXRequest

from app.catalogue import Catalogue
from app.ports import OperatorNotice
from bot.assistant import Assistant, utc_now
from bot.crash import CrashPoint, crash_point_from_env
from bot.intake import Intake
from bot.logs import pseudonymiser
from bot.messenger import TelegramMessenger
from bot.operators.access import OperatorAccess
from bot.operators.agenda import AgendaDesk
from bot.operators.course_notices import CourseNotices
from bot.operators.desk import OperatorDesk
from bot.outbox import OutboxSender
from bot.sender import TelegramSender
from dialogs.eligibility import Rules
from dialogs.places import Gazetteer
from nlu.client import NluClient
from nlu.language import LanguageDetector
from scheduler.course_changes import CourseChangeMessenger
from scheduler.delivery import Limits
from scheduler.maintenance import Retention, start_maintenance
from scheduler.offers import OfferMessenger
from scheduler.pacing import Pacer
from scheduler.reminders import ReminderService
from store.agenda_config import load_agenda_config
from store.db import create_engine_async, session_factory
from store.gate import PriorityGate
from store.programme import Programme, load_programme
from store.settings import Settings

ATTENDANCE_CHECK_SECONDS = 300
# Reminders pace themselves below Telegram's 30 messages/s so that replies to people
# chatting during a burst still get through.
REMINDER_LIMITS = Limits(per_second=24, workers=4)
# Reminders planned by another process (the CLI) get their jobs within this time.
REMINDER_ADOPT_SECONDS = 60
COURSE_CHANGES_PER_SECOND = 20.0


@dataclass
class Services:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    nlu: NluClient
    catalogue: Catalogue
    programme: Programme
    assistant: Assistant
    retention: Retention
    # What a process's writes queue on (SQLite's one writer); shared by turns, inbox, outbox.
    gate: PriorityGate
    crash_point: CrashPoint
    sender: TelegramSender | None = None  # set once the Telegram bot exists
    outbox: OutboxSender | None = None  # set once the Telegram bot exists
    intake: Intake | None = None  # set by bot/telegram_app.py with the Application
    desk: OperatorDesk | None = None  # set when an operators' group is configured
    access: OperatorAccess | None = None
    scheduler: AsyncIOScheduler | None = None
    # Appointments: the reminders' scheduler and the operators' agenda notices, set once
    # the Telegram bot exists (the console sends no reminders).
    reminders: ReminderService | None = None
    reminder_bot: Bot | None = None
    agenda_desk: AgendaDesk | None = None
    # Courses: seats offered from the waiting list, and enrolments told to the operators.
    offers: OfferMessenger | None = None
    course_changes: CourseChangeMessenger | None = None  # edited courses told to their people
    course_notices: CourseNotices | None = None

    def start_background(self) -> None:
        self.scheduler = start_maintenance(self.retention, self.settings.timezone)
        if self.desk is not None:
            self.scheduler.add_job(
                self.desk.reannounce,
                "interval",
                seconds=self.settings.reannounce_check_seconds,
                id="reannounce",
            )
        if self.reminders is not None:
            self.scheduler.add_job(
                self.reminders.adopt,
                "interval",
                seconds=REMINDER_ADOPT_SECONDS,
                id="reminders-adopt",
            )
        if self.offers is not None:
            self.scheduler.add_job(
                self.offers.run,
                "interval",
                seconds=self.settings.offers_check_seconds,
                id="course-offers",
            )
        if self.course_changes is not None:
            self.scheduler.add_job(
                self.course_changes.run,
                "interval",
                seconds=self.settings.offers_check_seconds,
                id="course-changes",
            )
        if self.agenda_desk is not None:
            # "Did the person come?" once per appointment, soon after it ends.
            self.scheduler.add_job(
                self.agenda_desk.ask_attendance,
                "interval",
                seconds=ATTENDANCE_CHECK_SECONDS,
                id="ask-attendance",
            )

    def attach_telegram(self, bot: Bot) -> None:
        """The parts that need the Bot: sending, and the operators' desk if configured."""
        self.sender = TelegramSender(bot, self.catalogue, self.assistant.mark_unreachable)
        self.outbox = OutboxSender(self, bot, self.gate, self.crash_point)
        self.assistant.recorder = self.outbox.record
        if self.assistant.agenda_config is not None:
            self.reminder_bot = self._reminder_bot()
            self.reminders = ReminderService(
                self.sessions,
                self.settings.database_url,
                # The dispatcher counts its attempts on the row: no retries in the messenger.
                TelegramMessenger(
                    self.reminder_bot,
                    self.catalogue,
                    operators=self._reminder_notice,
                    server_error_retries=0,
                ),
                self.assistant.agenda_config,
                self.settings.timezone,
                utc_now,
                self.assistant.mark_unreachable,
                limits=REMINDER_LIMITS,
            )
            messenger = TelegramMessenger(bot, self.catalogue)
            self.offers = OfferMessenger(
                self.sessions,
                messenger,
                self.assistant.agenda_config,
                self.settings.timezone,
                utc_now,
                self.assistant.mark_unreachable,
            )
            # A notice and its calendar go to one chat back to back: paced, and below the
            # overall cap, since turns run alongside.
            paced = Pacer(per_second=COURSE_CHANGES_PER_SECOND)
            self.course_changes = CourseChangeMessenger(
                self.sessions,
                messenger,
                self.assistant.agenda_config,
                self.programme,
                self.settings.timezone,
                utc_now,
                self.assistant.mark_unreachable,
                sync_reminders=self._sync_course_reminders,
                pace=paced.wait_turn,
            )
        group = self.settings.operator_chat_id
        if group is None:
            return
        config = self.assistant.agenda_config
        places = {v.id: v.short for v in config.venues.values()} if config else None
        self.access = OperatorAccess(bot, group, self.settings.operator_allow_list)
        self.desk = OperatorDesk(
            bot,
            group,
            self.sessions,
            self.catalogue,
            hours=self.assistant.hours,
            reannounce_minutes=self.programme.reannounce_minutes,
            timezone=self.settings.timezone,
            clock=utc_now,
            places=places,
        )
        self.assistant.operators_available = True
        self.course_notices = CourseNotices(bot, group, self.sessions, self.catalogue)
        self.agenda_desk = AgendaDesk(
            bot,
            group,
            self.sessions,
            self.catalogue,
            timezone=self.settings.timezone,
            clock=utc_now,
            places=places,
        )

    def stop_background(self) -> None:
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)

    async def start_reminders(self) -> None:
        """Reconciles the reminder rows with the scheduler's jobs, then starts sending."""
        if self.reminders is not None and self.reminder_bot is not None:
            await self.reminder_bot.initialize()
            await self.reminders.start()

    async def stop_reminders(self) -> None:
        """Lets sends in flight finish, so none is left in doubt."""
        if self.reminders is not None and self.reminder_bot is not None:
            await self.reminders.stop()
            await self.reminder_bot.shutdown()

    def _reminder_bot(self) -> Bot:
        """A Bot of the reminders' own, without PTB's rate limiter: a 429 retried inside
        PTB would keep a claimed reminder in doubt; the dispatcher paces and retries itself."""
        api = self.settings.telegram_api_url.rstrip("/")
        return Bot(
            self.settings.telegram_bot_token,
            base_url=f"{api}/bot",
            base_file_url=f"{api}/file/bot",
            request=HTTPXRequest(connection_pool_size=REMINDER_LIMITS.workers + 2),
        )

    async def _sync_course_reminders(self, enrolment_ids: Sequence[int]) -> None:
        if self.reminders is not None:
            await self.reminders.sync((), enrolment_ids)

    async def _reminder_notice(self, notice: OperatorNotice) -> None:
        if self.agenda_desk is not None:
            await self.agenda_desk.notify(notice.kind, notice.appointment_id)

    async def aclose(self) -> None:
        await self.nlu.aclose()
        await self.engine.dispose()


def load_rules(path: Path) -> Rules:
    return Rules.from_mapping(yaml.safe_load(path.read_text(encoding="utf-8")))


def rasa_url(settings: Settings) -> str:
    return settings.rasa_url or f"http://127.0.0.1:{settings.rasa_port}"


def build_services(settings: Settings) -> Services:
    engine = create_engine_async(settings.database_url)
    sessions = session_factory(engine)
    nlu = NluClient(
        rasa_url(settings),
        settings.rasa_token,
        timeout=settings.nlu_timeout_seconds,
        cooldown=settings.nlu_cooldown_seconds,
    )
    programme = load_programme(settings.programme_file)
    catalogue = Catalogue.load(settings.locales_dir)
    # SQLite's one writer: turns queue in order, the outbox's marks go first (store/gate.py).
    gate = PriorityGate(enabled=engine.dialect.name == "sqlite")
    crash_point = crash_point_from_env()
    assistant = Assistant(
        sessions,
        nlu,
        programme,
        catalogue,
        confidence_threshold=settings.nlu_confidence_threshold,
        pseudonym=pseudonymiser(settings.var_dir / "pseudonym.key"),
        rules=load_rules(settings.eligibility_file),
        places=Gazetteer.from_csv(settings.comuni_ambito_file, settings.comuni_italia_file),
        timezone=settings.timezone,
        hours=programme.hours(settings.timezone, utc_now().date()),
        agenda_config=load_agenda_config(settings.appointments_file),
        turn_gate=gate,
        language_detector=LanguageDetector(catalogue.languages),
        crash_point=crash_point,
    )
    return Services(
        settings=settings,
        engine=engine,
        sessions=sessions,
        nlu=nlu,
        catalogue=catalogue,
        programme=programme,
        assistant=assistant,
        retention=Retention(
            sessions,
            inactive_months=settings.retention_inactive_months,
            idle_days=settings.retention_idle_days,
            message_days=settings.retention_message_days,
            clock=utc_now,
        ),
        gate=gate,
        crash_point=crash_point,
    )
