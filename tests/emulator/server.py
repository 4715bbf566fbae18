"""BotApiEmulator: a local Telegram Bot API over real HTTP, for end-to-end tests.

Request pipeline: token → method exists → decode → validate against the spec (invalid
calls answer 400 *and* land in ``violations``) → injected faults / blocked user / flood
caps → method implementation. Everything is recorded in ``calls``.
"""

from __future__ import annotations

import copy
import re
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from aiohttp import web

from .decoding import decode_request
from .faults import FaultPlan, RateLimiter, too_many_requests
from .injection import UserActions
from .methods import MEDIA_METHODS, BotMethods
from .models import ApiError, Call, MessageView, UploadedFile
from .spec import BotApiSpec, default_spec
from .updates import UpdateQueue
from .validation import Validator
from .waiting import Pulse
from .webhook import WebhookSender
from .world import ChatState, World

DEFAULT_TOKEN = "123456:TEST-TOKEN"
_TOKEN_RE = re.compile(r"\d+:[A-Za-z0-9_-]+")
# Methods that put a new message into a chat: subject to flood caps and counted as delivered.
SEND_METHODS = frozenset(
    {*MEDIA_METHODS, "sendMessage", "sendMediaGroup", "sendLocation", "sendContact",
     "sendVenue", "sendDice", "sendPoll", "sendInvoice", "sendGame", "sendPaidMedia",
     "sendChecklist", "copyMessage", "copyMessages", "forwardMessage", "forwardMessages"}
)  # fmt: skip
# Methods that fail with 403 when the user has blocked the bot.
BLOCKABLE_METHODS = SEND_METHODS | {
    "sendChatAction",
    "editMessageText",
    "editMessageCaption",
    "editMessageReplyMarkup",
    "editMessageMedia",
    "pinChatMessage",
    "setMessageReaction",
}
MessageListener = Callable[[MessageView], None]


def _not_found() -> ApiError:
    return ApiError(404, "Not Found")


def _summary(params: dict[str, Any], limit: int = 300) -> str:
    text = repr({k: v for k, v in params.items()})
    return text if len(text) <= limit else text[: limit - 3] + "..."


class BotApiEmulator(UserActions):
    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        host: str = "127.0.0.1",
        port: int = 0,
        bot_username: str = "proximity_test_bot",
        bot_name: str = "Proximity Test Bot",
        global_rate_per_s: float | None = None,
        per_chat_rate_per_s: float | None = None,
        auto_create_chats: bool = False,
        webhook_retry_delay: float = 0.05,
        spec: BotApiSpec | None = None,
    ):
        if not _TOKEN_RE.fullmatch(token):
            raise ValueError(f"malformed bot token {token!r}; expected '<digits>:<secret>'")
        self.token = token
        self.host = host
        self.port = port
        self.bot_id = int(token.split(":", 1)[0])
        self.spec = spec or default_spec()
        self._validator = Validator(self.spec)
        bot_user = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.world = World(bot_user, auto_create_chats=auto_create_chats)
        self.updates = UpdateQueue()
        self.webhook = WebhookSender(
            self.updates,
            retry_delay=webhook_retry_delay,
            on_delivery=lambda _: self._changed.fire(),  # wake wait_until() callers
        )
        self.faults = FaultPlan()
        self.rate_limiter = RateLimiter(global_rate_per_s, per_chat_rate_per_s)
        self.blocked: set[int | str] = set()
        self._methods = BotMethods(
            spec=self.spec,
            world=self.world,
            updates=self.updates,
            webhook=self.webhook,
            on_message=self._record_message,
        )
        # Records, for assertions.
        self.calls: list[Call] = []
        self.violations: list[str] = []  # spec/limit violations: tests assert this is empty
        self.errors: list[str] = []  # valid calls Telegram would still refuse (chat not found…)
        self.outbox: list[MessageView] = []  # every message the bot sent or edited
        self.delivered: list[tuple[int, float]] = []  # (chat_id, monotonic time) per new message
        self.injected: list[dict[str, Any]] = []  # updates queued by send_text & co
        self.stats: Counter[str] = Counter()
        self._listeners: list[MessageListener] = []
        self._changed = Pulse()
        self._cursors: dict[int | None, int] = {}
        self._runner: web.AppRunner | None = None

    # --------------------------------------------------------------- lifecycle

    @property
    def url(self) -> str:
        if self._runner is None:
            raise RuntimeError("emulator not started")
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """For ``telegram.Bot(token, base_url=...)``."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``telegram.Bot(token, base_file_url=...)``."""
        return f"{self.url}/file/bot"

    @property
    def bot_user(self) -> dict[str, Any]:
        return dict(self.world.bot_user)

    async def start(self) -> None:
        self.updates.open()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        # Pending long polls are released in stop(), so a short grace period suffices.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        self.updates.close()
        await self.webhook.stop()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> BotApiEmulator:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # ------------------------------------------------------------ fault control

    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: int = 1,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        """The next ``times`` valid calls of ``method`` answer ``status`` instead."""
        self.faults.add(method, status, retry_after, times, description)

    def block_user(self, chat_id: int) -> None:
        self.blocked.add(chat_id)

    def unblock_user(self, chat_id: int) -> None:
        self.blocked.discard(chat_id)

    # ---------------------------------------------------------- HTTP handlers

    async def _handle_api(self, request: web.Request) -> web.Response:
        at = time.monotonic()
        token = request.match_info["token"]
        if not _TOKEN_RE.fullmatch(token):
            return web.json_response(_not_found().payload(), status=404)
        if token != self.token:
            self.stats["401"] += 1  # not a Call: the bot never reached a method
            error = ApiError(401, "Unauthorized")
            return web.json_response(error.payload(), status=401)
        method_spec = self.spec.method(request.match_info["method"])
        if method_spec is None:
            self.stats["404"] += 1
            return web.json_response(_not_found().payload(), status=404)
        method = method_spec.name

        params: dict[str, Any] = {}
        files: dict[str, Any] = {}
        error: ApiError | None = None
        result: Any = None
        try:
            raw, files = await decode_request(request)
            validated = self._validator.validate(method_spec, raw, files)
            params = validated.params if validated.ok else raw
            if not validated.ok:
                for problem in validated.problems:
                    self.violations.append(f"{method}: {problem} | params={_summary(raw)}")
                self.stats["violations"] += 1
                error = ApiError(400, validated.problems[0].description)
            else:
                error = self._gate(method, params, at)
                if error is None:
                    result = await self._methods.call(method, params, files)
        except ApiError as exc:
            error = exc
            if exc.status == 400:
                self.errors.append(f"{method}: {exc.description} | params={_summary(params)}")
        except Exception as exc:  # an emulator bug must fail the test, not hang the bot
            error = ApiError(500, "Internal Server Error")
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{Path(frame.filename).name}:{frame.lineno}"
            self.violations.append(
                f"{method}: EMULATOR ERROR {exc!r} at {where} | params={_summary(params)}"
            )

        if error is None:
            status, response = 200, {"ok": True, "result": result}
        else:
            status, response = error.status, error.payload()
        self.stats["calls"] += 1
        self.stats[str(status)] += 1
        chat = params.get("chat_id")
        if isinstance(chat, str) and chat.lstrip("-").isdigit():
            chat = int(chat)  # rejected calls keep their raw (string) parameters
        self.calls.append(Call(method, params, at, chat, response, status, dict(files)))
        self._changed.fire()
        return web.json_response(response, status=status)

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(ApiError(401, "Unauthorized").payload(), status=401)
        stored = self.world.file_by_path(request.match_info["path"])
        if stored is None:
            return web.json_response(_not_found().payload(), status=404)
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )

    def _gate(self, method: str, params: dict[str, Any], at: float) -> ApiError | None:
        """Errors that replace a valid call: planned faults, blocks, flood control."""
        fault = self.faults.take(method)
        if fault is not None:
            return fault
        chat = self.world.find(params.get("chat_id"))
        chat_key = chat.id if chat is not None else params.get("chat_id")
        if method in BLOCKABLE_METHODS and chat_key in self.blocked:
            return ApiError(403, "Forbidden: bot was blocked by the user")
        if method in SEND_METHODS:
            retry_after = self.rate_limiter.admit(chat_key, at)
            if retry_after is not None:
                return too_many_requests(retry_after)
        return None

    # ---------------------------------------------------------------- records

    def _record_message(
        self, method: str, chat: ChatState, message: dict[str, Any], params: dict[str, Any]
    ) -> None:
        view = MessageView(
            seq=len(self.outbox),
            method=method,
            chat_id=chat.id,
            message_id=message["message_id"],
            at=time.monotonic(),
            raw=copy.deepcopy(message),
            # Uploaded bytes stay in the Call; the view keeps only plain parameters.
            request=copy.deepcopy(
                {k: v for k, v in params.items() if not isinstance(v, UploadedFile | list)}
            ),
        )
        self.outbox.append(view)
        if not view.is_edit:
            self.delivered.append((chat.id, view.at))
        for listener in self._listeners:
            listener(view)
        self._changed.fire()

    def add_listener(self, listener: MessageListener) -> None:
        """Call ``listener(view)`` for every message the bot sends or edits."""
        self._listeners.append(listener)

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def sent_messages(
        self, chat_id: int | None = None, *, include_edits: bool = False
    ) -> list[MessageView]:
        """Messages the bot sent (as sent), optionally with edits, in order."""
        return [
            v
            for v in self.outbox
            if (chat_id is None or v.chat_id == chat_id) and (include_edits or not v.is_edit)
        ]

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """Current state of any message (user's or bot's) in a chat, or None if deleted."""
        chat = self.world.chats.get(chat_id)
        found = chat.messages.get(message_id) if chat else None
        return copy.deepcopy(found) if found is not None else None

    def reactions_on(self, chat_id: int, message_id: int) -> list[str]:
        """The emoji the bot set on a message (setMessageReaction), in order; [] for none."""
        chosen = self.world.reactions.get((chat_id, message_id), [])
        return [r.get("emoji") or r.get("custom_emoji_id", "") for r in chosen]

    async def wait_for_reaction(
        self,
        chat_id: int,
        message_id: int,
        timeout: float | None = 10.0,  # noqa: ASYNC109 - the helper's documented API
    ) -> list[str]:
        """Waits until the bot has reacted to the message; returns its reaction."""
        await self.wait_until(lambda: bool(self.reactions_on(chat_id, message_id)), timeout)
        return self.reactions_on(chat_id, message_id)

    @property
    def callback_answers(self) -> list[dict[str, Any]]:
        return self._methods.callback_answers

    @property
    def last_callback_answer(self) -> dict[str, Any] | None:
        answers = self._methods.callback_answers
        return answers[-1] if answers else None

    @property
    def chat_actions(self) -> list[dict[str, Any]]:
        return self._methods.chat_actions

    def delivery_rate(self, window: float = 1.0) -> float:
        """Messages delivered per second over the last ``window`` seconds."""
        now = time.monotonic()
        return sum(1 for _, at in self.delivered if at >= now - window) / window

    def assert_no_violations(self) -> None:
        if self.violations:
            raise AssertionError("Bot API violations:\n  " + "\n  ".join(self.violations))

    def clear_records(self) -> None:
        """Forget recorded calls/messages/violations (state such as chats is kept)."""
        self.calls.clear()
        self.violations.clear()
        self.errors.clear()
        self.outbox.clear()
        self.delivered.clear()
        self.injected.clear()
        self.stats.clear()
        self._cursors.clear()

    # ------------------------------------------------------------------ waiting

    async def wait_until(
        self,
        condition: Callable[[], bool],
        timeout: float | None = 10.0,  # noqa: ASYNC109 - the helper's documented API
    ) -> None:
        """Wait until ``condition()`` holds; re-checked after every call and message."""
        if not await self._changed.wait_for(condition, timeout):
            raise TimeoutError(f"condition not met within {timeout}s")

    async def wait_for_call(
        self,
        predicate: Callable[[Call], bool],
        timeout: float | None = 10.0,  # noqa: ASYNC109 - the helper's documented API
        *,
        after: float | None = None,
    ) -> Call:
        """First recorded call (made after monotonic time ``after``) matching ``predicate``."""
        found: list[Call] = []

        def check() -> bool:
            for call in self.calls:
                if (after is None or call.at > after) and predicate(call):
                    found.append(call)
                    return True
            return False

        if not await self._changed.wait_for(check, timeout):
            recent = ", ".join(f"{c.method}→{c.status}" for c in self.calls[-10:])
            raise TimeoutError(f"no matching call within {timeout}s; last calls: {recent}")
        return found[0]

    async def next_message(
        self,
        chat_id: int | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109 - the helper's documented API
        after: float | MessageView | None = None,
    ) -> MessageView:
        """The next bot message event (send or edit) in ``chat_id`` not yet returned.

        Each chat has a cursor, so consecutive calls walk through the bot's messages and a
        reply that arrives before you start waiting is not missed. ``after`` (a monotonic
        time or a previous MessageView) skips everything up to that point instead.
        """
        start = self._cursors.get(chat_id, 0)
        if isinstance(after, MessageView):
            start = after.seq + 1
        found: list[MessageView] = []

        def check() -> bool:
            for view in self.outbox[start:]:
                if chat_id is not None and view.chat_id != chat_id:
                    continue
                if isinstance(after, float | int) and view.at <= after:
                    continue
                found.append(view)
                return True
            return False

        if not await self._changed.wait_for(check, timeout):
            hint = "; ".join(self.violations[-3:] + self.errors[-3:])
            raise TimeoutError(
                f"bot sent no new message to chat {chat_id} within {timeout}s"
                + (f" (recent problems: {hint})" if hint else "")
            )
        self._cursors[chat_id] = found[0].seq + 1
        return found[0]
