"""The operators' web console in the bot's own event loop, beside whatever front end runs.

It shares the process's database sessions, catalogue and clock, so a reply from the browser
goes through the same application services and the same sender as the bot's own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from starlette.types import ASGIApp, Receive, Scope, Send

from app.agenda import AfterChange, AgendaService
from app.assistant import utc_now
from app.handoffs import HandoffService, NoViews
from app.ports import AgendaNotices, Files
from runtime.services import Core
from store.agenda_config import load_agenda_config
from web import create_app, serve
from web.accounts import prune

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def web_console(
    core: Core,
    handoffs: HandoffService | None = None,
    files: Files | None = None,
    *,
    agenda: AgendaService | None = None,
    webhook: tuple[str, ASGIApp] | None = None,
) -> AsyncIterator[None]:
    """Serves the console on WEB_HOST:WEB_PORT while the block runs. A console that cannot
    listen (the port is taken) is logged; the assistant carries on without it. Without the
    Telegram side's `handoffs` (console mode), handoffs are handled here alone and replies
    are refused: nobody can be reached. Without its `files`, relayed photos and documents
    are listed but not shown. Without its `agenda` (see `agenda_service`), people are not
    told of changes made in the agenda, and the pages say so. With `webhook` (its path and
    app), the same server also takes Telegram's updates on that path."""
    settings = core.settings
    handoffs = handoffs or HandoffService(
        core.sessions, utc_now, NoViews(), core.assistant, settings.timezone
    )
    app = create_app(
        core.sessions,
        settings,
        utc_now,
        catalogue=core.catalogue,
        handoffs=handoffs,
        files=files,
        agenda=agenda or agenda_service(core),
    )
    served: ASGIApp = app if webhook is None else one_server(*webhook, console=app)
    task = asyncio.create_task(serve(served, settings.web_host, settings.web_port))
    task.add_done_callback(_report)
    log.info("web console on http://%s:%d", settings.web_host, settings.web_port)
    try:
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


def one_server(path: str, webhook: ASGIApp, *, console: ASGIApp) -> ASGIApp:
    """Telegram's updates on `path`, everything else to the console: one port to open and
    put behind TLS. The webhook checks its own secret; the console's guards stay on its
    routes, which never include `path`."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == path:
            await webhook(scope, receive, send)
        else:
            await console(scope, receive, send)

    return app


async def until_listening(host: str, port: int, patience: float = 30.0) -> None:
    """Returns once a TCP connection to host:port is accepted (uvicorn has no "started"
    event to wait on); OSError when nothing listens after `patience` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + patience
    while True:
        try:
            _, writer = await asyncio.open_connection(host, port)
        except OSError:
            if loop.time() > deadline:
                raise OSError(f"nothing listens on {host}:{port}") from None
            await asyncio.sleep(0.05)
            continue
        writer.close()
        await writer.wait_closed()
        return


def agenda_service(
    core: Core,
    notices: AgendaNotices | None = None,
    reminders_changed: AfterChange | None = None,
) -> AgendaService:
    """The console's agenda. With the Telegram side's desk the person is told (a withdrawn
    slot, a no-show) and the group hears of changes; its reminder service schedules what a
    booking from the browser planned at once instead of within the minute."""
    config = core.assistant.agenda_config or load_agenda_config(core.settings.appointments_file)
    return AgendaService(
        core.sessions,
        config,
        core.settings.timezone,
        utc_now,
        notices,
        reminders_changed=reminders_changed,
    )


def _report(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("web console not started: %s", task.exception())


def schedule_web_pruning(scheduler: AsyncIOScheduler, core: Core) -> None:
    """Expired sessions, set-up links and old login attempts go every night."""

    async def run() -> None:
        async with core.sessions.begin() as session:
            await prune(session, utc_now())

    scheduler.add_job(
        run,
        CronTrigger(hour=3, minute=30, timezone=core.settings.timezone),
        id="web-prune",
        replace_existing=True,
        coalesce=True,
    )
