"""Serving the console with uvicorn inside an event loop that is already running.

The bot owns the process's signals, so uvicorn is told not to install its own; stopping
is cancelling the task (the server then closes its sockets and finishes open requests).
The access log is off: set-up links carry a token in their path.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Generator

import uvicorn
from starlette.types import ASGIApp


class _EmbeddedServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield


async def serve(app: ASGIApp, host: str, port: int) -> None:
    """Serves `app` until cancelled. Run it as a task beside the bot:

    task = asyncio.create_task(web.serve(app, settings.web_host, settings.web_port))
    ...
    task.cancel(); await asyncio.gather(task, return_exceptions=True)
    """
    config = uvicorn.Config(
        app, host=host, port=port, access_log=False, log_level="warning", lifespan="off"
    )
    server = _EmbeddedServer(config)
    task = asyncio.ensure_future(_serve(server))
    try:
        await asyncio.shield(task)
    except asyncio.CancelledError:
        server.should_exit = True
        await task
        raise


async def _serve(server: uvicorn.Server) -> None:
    try:
        await server.serve()
    except SystemExit as exc:
        # uvicorn exits the process when it cannot listen; the bot must carry on.
        raise OSError(f"the web console could not listen: {exc}") from None
