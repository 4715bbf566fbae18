"""The webhook server: an update is stored in the inbox before Telegram gets its 200.

A small Starlette app under uvicorn, on its own port or on the console's
(runtime/web.py `one_server`). Telegram sends the secret given at setWebhook in a header
on every request; anything without it is refused. A failure to store answers 500, and
Telegram sends the update again.
"""

from __future__ import annotations

import hmac
import json
import logging

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import Bot, Update

from bot.intake import Intake

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_app(path: str, secret: str, intake: Intake, bot: Bot) -> Starlette:
    async def receive(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return Response(status_code=403)
        try:
            data = json.loads(await request.body())
            update = Update.de_json(data, bot)
        except (ValueError, TypeError, KeyError):
            return Response(status_code=400)
        await intake.accept_posted([update])
        return Response(status_code=200)

    return Starlette(routes=[Route(f"/{path.strip('/')}", receive, methods=["POST"])])
