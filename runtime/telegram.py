"""The assistant on Telegram: everything built once, fully, then run until a signal.

PTB's Application (bot/telegram_app.py) takes no updates itself: our intake stores each
one first (long polling, or behind the webhook server) and feeds the Application from the
database. Around the turns run the background jobs: reminders, seat offers, course-change
notices, attendance questions, re-announcing unclaimed requests, the six-month follow-up
question and the nightly retention.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import signal
from dataclasses import dataclass
from urllib.parse import urlparse

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from starlette.types import ASGIApp
from telegram import Bot, Update
from telegram.ext import Application
from telegram.request import HTTPXRequest

from app.assistant import utc_now
from app.handoffs import HandoffService
from app.ports import OperatorNotice
from app.shown import RememberingMessenger
from bot import handlers
from bot.context import OPERATORS, SERVICES, BotServices, OperatorServices
from bot.intake import Intake
from bot.messenger import TelegramMessenger
from bot.operators.access import OperatorAccess
from bot.operators.agenda import AgendaDesk
from bot.operators.course_notices import CourseNotices
from bot.operators.desk import OperatorDesk
from bot.operators.files import TelegramFiles
from bot.operators.views import DeliverOutbox, TelegramHandoffViews
from bot.outbox import OutboxSender, OutboxTargets, outbox_recorder
from bot.sender import TelegramSender
from bot.telegram_app import build_application, set_commands
from bot.webhook import webhook_app
from dialogs.agenda import ReminderPolicy
from runtime.services import Core, build_core
from runtime.web import agenda_service, schedule_web_pruning, until_listening, web_console
from scheduler.course_changes import CourseChangeMessenger
from scheduler.delivery import Limits
from scheduler.followup import FollowUpMessenger
from scheduler.maintenance import start_maintenance
from scheduler.offers import OfferMessenger
from scheduler.pacing import Pacer
from scheduler.reminders import ReminderService
from store.settings import Settings

log = logging.getLogger(__name__)

ATTENDANCE_CHECK_SECONDS = 300
# Reminders pace themselves below Telegram's 30 messages/s so that replies to people
# chatting during a burst still get through.
REMINDER_LIMITS = Limits(per_second=24, workers=4)
# Reminders planned by another process (the CLI) get their jobs within this time.
REMINDER_ADOPT_SECONDS = 60
COURSE_CHANGES_PER_SECOND = 20.0
# The six-month follow-up is due on a day, not at an hour: a few minutes late is fine.
FOLLOWUP_CHECK_SECONDS = 600
# Updates in hand at a stop get this long to finish; the rest are handled after the restart.
SHUTDOWN_GRACE_SECONDS = 10.0


@dataclass(frozen=True)
class AgendaJobs:
    """What runs with an agenda configured: reminders on a Bot of their own, seat offers,
    and telling people about course changes."""

    reminders: ReminderService
    reminder_bot: Bot
    offers: OfferMessenger
    course_changes: CourseChangeMessenger


@dataclass(frozen=True)
class TelegramRuntime:
    core: Core
    application: Application  # type: ignore[type-arg]
    services: BotServices
    operators: OperatorServices | None  # None: no operators' group configured
    agenda: AgendaJobs | None  # None: no agenda configured
    # Always there: without a group it skips the group's lines and still tells people.
    agenda_desk: AgendaDesk
    # Asks the six-month follow-up of people who agreed at their exit (app/followup.py).
    followup: FollowUpMessenger


def build(settings: Settings) -> TelegramRuntime:
    application = build_application(settings)
    bot = application.bot
    group = settings.operator_chat_id
    core = build_core(settings, operators_available=group is not None, recorder_for=outbox_recorder)
    assistant, catalogue = core.assistant, core.catalogue
    sender = TelegramSender(bot, catalogue, assistant.mark_unreachable)
    agenda_desk = _agenda_desk(core, bot)
    desk = _operator_desk(core, bot) if group is not None else None
    group_desk = agenda_desk if desk is not None else None  # the group hears agenda news
    agenda = _agenda_jobs(core, bot, group_desk) if assistant.agenda_config else None
    targets = OutboxTargets(
        assistant=assistant,
        sender=sender,
        desk=desk,
        agenda_desk=agenda_desk,
        course_notices=_course_notices(core, bot) if group is not None else None,
        sync_reminders=agenda.reminders.sync if agenda else None,
        offer_seats=agenda.offers.run if agenda else None,
    )
    outbox = OutboxSender(core.sessions, bot, targets, core.gate, core.crash_point)
    operators = (
        _operators(core, bot, sender, agenda_desk, desk, outbox.deliver)
        if desk is not None
        else None
    )
    intake = Intake(
        application,
        core.sessions,
        core.gate,
        functools.partial(handlers.apologise, sender, catalogue),
        core.crash_point,
    )
    services = BotServices(settings, assistant, catalogue, sender, outbox, intake, core.crash_point)
    application.bot_data[SERVICES] = services
    if operators is not None:
        application.bot_data[OPERATORS] = operators
    followup = _followup(core, bot)
    return TelegramRuntime(core, application, services, operators, agenda, agenda_desk, followup)


def _followup(core: Core, bot: Bot) -> FollowUpMessenger:
    """Never at night: the reminders' quiet hours, also without an agenda configured."""
    config = core.assistant.agenda_config
    policy = config.reminders if config else ReminderPolicy()
    return FollowUpMessenger(
        core.sessions,
        RememberingMessenger(TelegramMessenger(bot, core.catalogue), core.shown),
        core.settings.timezone,
        utc_now,
        core.assistant.mark_unreachable,
        quiet_start=policy.quiet_start,
        quiet_end=policy.quiet_end,
    )


def _agenda_desk(core: Core, bot: Bot) -> AgendaDesk:
    """The desk the console's agenda tells people through, group or not (group 0: none)."""
    config = core.assistant.agenda_config
    return AgendaDesk(
        bot,
        core.settings.operator_chat_id or 0,
        core.sessions,
        core.catalogue,
        timezone=core.settings.timezone,
        clock=utc_now,
        places={v.id: v.short for v in config.venues.values()} if config else None,
        organizer_email=core.programme.office.email,
        shown=core.shown.remember,
    )


def _operator_desk(core: Core, bot: Bot) -> OperatorDesk:
    settings, assistant = core.settings, core.assistant
    group = settings.operator_chat_id
    assert group is not None
    config = assistant.agenda_config
    places = {v.id: v.short for v in config.venues.values()} if config else None
    return OperatorDesk(
        bot,
        group,
        core.sessions,
        core.catalogue,
        hours=assistant.hours,
        reannounce_minutes=core.programme.reannounce_minutes,
        timezone=settings.timezone,
        clock=utc_now,
        places=places,
    )


def _operators(
    core: Core,
    bot: Bot,
    sender: TelegramSender,
    agenda_desk: AgendaDesk,
    desk: OperatorDesk,
    deliver_outbox: DeliverOutbox,
) -> OperatorServices:
    settings, assistant = core.settings, core.assistant
    group = settings.operator_chat_id
    assert group is not None
    # A claim's or a close's answer to the person goes through the outbox (app/handoffs.py).
    views = TelegramHandoffViews(desk, sender, core.catalogue, deliver_outbox)
    handoffs = HandoffService(
        core.sessions, utc_now, views, assistant, settings.timezone, core.crash_point
    )
    return OperatorServices(
        settings=settings,
        assistant=assistant,
        catalogue=core.catalogue,
        sessions=core.sessions,
        sender=sender,
        desk=desk,
        access=OperatorAccess(bot, group, settings.operator_allow_list),
        agenda_desk=agenda_desk,
        handoffs=handoffs,
    )


def _course_notices(core: Core, bot: Bot) -> CourseNotices:
    group = core.settings.operator_chat_id
    assert group is not None
    return CourseNotices(bot, group, core.sessions, core.catalogue)


def _agenda_jobs(core: Core, bot: Bot, group_desk: AgendaDesk | None) -> AgendaJobs:
    """`group_desk`: the agenda desk when an operators' group hears the reminders' news."""
    settings, assistant = core.settings, core.assistant
    config = assistant.agenda_config
    assert config is not None
    reminder_bot = _reminder_bot(settings)

    async def tell_operators(notice: OperatorNotice) -> None:
        if group_desk is not None:
            await group_desk.notify(notice.kind, notice.appointment_id)

    reminders = ReminderService(
        core.sessions,
        settings.database_url,
        # The dispatcher counts its attempts on the row: no retries in the messenger.
        RememberingMessenger(
            TelegramMessenger(
                reminder_bot, core.catalogue, operators=tell_operators, server_error_retries=0
            ),
            core.shown,
        ),
        config,
        settings.timezone,
        utc_now,
        assistant.mark_unreachable,
        limits=REMINDER_LIMITS,
    )
    messenger = RememberingMessenger(TelegramMessenger(bot, core.catalogue), core.shown)
    offers = OfferMessenger(
        core.sessions, messenger, config, settings.timezone, utc_now, assistant.mark_unreachable
    )
    # A notice and its calendar go to one chat back to back: paced, and below the overall
    # cap, since turns run alongside.
    paced = Pacer(per_second=COURSE_CHANGES_PER_SECOND)

    async def sync_course_reminders(enrolment_ids: tuple[int, ...] | list[int]) -> None:
        await reminders.sync((), enrolment_ids)

    course_changes = CourseChangeMessenger(
        core.sessions,
        messenger,
        config,
        core.programme,
        settings.timezone,
        utc_now,
        assistant.mark_unreachable,
        sync_reminders=sync_course_reminders,
        pace=paced.wait_turn,
    )
    return AgendaJobs(reminders, reminder_bot, offers, course_changes)


def _reminder_bot(settings: Settings) -> Bot:
    """A Bot of the reminders' own, without PTB's rate limiter: a 429 retried inside PTB
    would keep a claimed reminder in doubt; the dispatcher paces and retries itself."""
    api = settings.telegram_api_url.rstrip("/")
    return Bot(
        settings.telegram_bot_token,
        base_url=f"{api}/bot",
        base_file_url=f"{api}/file/bot",
        request=HTTPXRequest(connection_pool_size=REMINDER_LIMITS.workers + 2),
    )


def _background(runtime: TelegramRuntime) -> AsyncIOScheduler:
    """The jobs nobody is chatting about, on the bot's own loop."""
    settings = runtime.core.settings
    scheduler = start_maintenance(runtime.core.retention, settings.timezone)
    if runtime.operators is not None:
        scheduler.add_job(
            runtime.operators.desk.reannounce,
            "interval",
            seconds=settings.reannounce_check_seconds,
            id="reannounce",
        )
        # "Did the person come?" once per appointment, soon after it ends.
        scheduler.add_job(
            runtime.operators.agenda_desk.ask_attendance,
            "interval",
            seconds=ATTENDANCE_CHECK_SECONDS,
            id="ask-attendance",
        )
    scheduler.add_job(
        runtime.followup.run, "interval", seconds=FOLLOWUP_CHECK_SECONDS, id="follow-up"
    )
    agenda = runtime.agenda
    if agenda is not None:
        scheduler.add_job(
            agenda.reminders.adopt, "interval", seconds=REMINDER_ADOPT_SECONDS, id="reminders-adopt"
        )
        scheduler.add_job(
            agenda.offers.run, "interval", seconds=settings.offers_check_seconds, id="course-offers"
        )
        scheduler.add_job(
            agenda.course_changes.run,
            "interval",
            seconds=settings.offers_check_seconds,
            id="course-changes",
        )
    return scheduler


def run_telegram(settings: Settings) -> None:
    """Long polling by default; a webhook when WEBHOOK_URL is set. Blocks until stopped."""
    if settings.webhook_url and not settings.webhook_secret:
        raise SystemExit("WEBHOOK_SECRET is required with WEBHOOK_URL")
    asyncio.run(_run(settings))


async def _run(settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    runtime = build(settings)
    application, services = runtime.application, runtime.services
    await application.initialize()
    await set_commands(application, runtime.core.catalogue)
    scheduler = _background(runtime)
    schedule_web_pruning(scheduler, runtime.core)
    if runtime.agenda is not None:
        # Reconciles the reminder rows with the scheduler's jobs, then starts sending.
        await runtime.agenda.reminder_bot.initialize()
        await runtime.agenda.reminders.start()
    if not await runtime.core.nlu.is_ready():
        log.warning("NLU server not ready: free text will use keywords until it is")
    log.info("bot started as @%s", application.bot.username)
    await application.start()
    # What a previous run committed but did not send, then what it stored but did not handle.
    await services.outbox.resume()
    if runtime.operators is not None:  # a close a crash cut in two (app/handoffs.py)
        await runtime.operators.handoffs.repair()
    await services.intake.resume()
    try:
        handoffs = runtime.operators.handoffs if runtime.operators is not None else None
        agenda = agenda_service(
            runtime.core,
            runtime.agenda_desk,
            runtime.agenda.reminders.sync if runtime.agenda is not None else None,
        )
        files = TelegramFiles(application.bot)
        webhook = _shared_webhook(application, settings, services.intake)
        async with web_console(runtime.core, handoffs, files, agenda=agenda, webhook=webhook):
            await _take_updates(application, settings, services, stop, shared=bool(webhook))
        await services.intake.drain(timeout=SHUTDOWN_GRACE_SECONDS)
    finally:
        await application.stop()
        scheduler.shutdown(wait=False)
        if runtime.agenda is not None:
            # Lets sends in flight finish, so none is left in doubt.
            await runtime.agenda.reminders.stop()
            await runtime.agenda.reminder_bot.shutdown()
        await runtime.core.aclose()
        await application.shutdown()


def _shared_webhook(
    application: Application,  # type: ignore[type-arg]
    settings: Settings,
    intake: Intake,
) -> tuple[str, ASGIApp] | None:
    """The webhook's path and app when it shares the console's port (WEBHOOK_PORT equal
    to WEB_PORT): one server, one port behind the TLS proxy."""
    if not settings.webhook_url or settings.webhook_port != settings.web_port:
        return None
    path = "/" + urlparse(settings.webhook_url).path.strip("/")
    return path, webhook_app(path, settings.webhook_secret, intake, application.bot)


async def _take_updates(
    application: Application,  # type: ignore[type-arg]
    settings: Settings,
    services: BotServices,
    stop: asyncio.Event,
    *,
    shared: bool = False,
) -> None:
    """Until stopped: long polling, the webhook server, or the webhook on the console's."""
    if settings.webhook_url and shared:
        try:
            await until_listening(settings.web_host, settings.web_port)
        except OSError as exc:
            raise SystemExit(
                f"the console's server, which takes the webhook, failed: {exc}"
            ) from None
        await _set_webhook(application, settings)
        await stop.wait()
    elif settings.webhook_url:
        await _serve_webhook(application, settings, services.intake, stop)
    else:
        await application.bot.delete_webhook(drop_pending_updates=False)
        poller = asyncio.create_task(services.intake.poll(stop))
        await stop.wait()
        poller.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await poller


async def _serve_webhook(
    application: Application,  # type: ignore[type-arg]
    settings: Settings,
    intake: Intake,
    stop: asyncio.Event,
) -> None:
    import uvicorn

    path = urlparse(settings.webhook_url).path
    app = webhook_app(path, settings.webhook_secret, intake, application.bot)
    config = uvicorn.Config(
        app,
        host=settings.webhook_listen,
        port=settings.webhook_port,
        log_level="warning",
        access_log=False,  # request lines carry nothing useful and may carry ids
        lifespan="off",
    )
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    # uvicorn has no "started" event; setWebhook must wait until requests can be stored.
    while not server.started and not serving.done():  # noqa: ASYNC110
        await asyncio.sleep(0.05)
    await _set_webhook(application, settings)
    await stop.wait()
    server.should_exit = True
    await serving


async def _set_webhook(
    application: Application,  # type: ignore[type-arg]
    settings: Settings,
) -> None:
    await application.bot.set_webhook(
        settings.webhook_url,
        secret_token=settings.webhook_secret,
        allowed_updates=Update.ALL_TYPES,
        drop_pending_updates=False,
    )
