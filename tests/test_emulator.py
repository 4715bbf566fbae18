"""The Bot API emulator, driven by the real python-telegram-bot over real HTTP."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    LinkPreviewOptions,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.emulator import BotApiEmulator, TgUser
from tests.emulator.formatting import EntityParseError, parse_html, parse_markdown_v2
from tests.emulator.reduce_spec import main as reduce_spec_main
from tests.emulator.spec import SPEC_PATH

# PTB's httpx client honours *_PROXY variables; the emulator is always local.
os.environ["NO_PROXY"] = ",".join(
    filter(None, [os.environ.get("NO_PROXY"), "127.0.0.1", "localhost"])
)
os.environ["no_proxy"] = os.environ["NO_PROXY"]

# The official spec lives in shared/, beside the project checkout.
OFFICIAL_SPEC = Path(__file__).resolve().parents[2] / "shared" / "telegram-bot-api" / "api.json"
ANNA = TgUser(501, first_name="Anna", last_name="Rossi", username="anna_r", language_code="it")
MARCO = TgUser(601, first_name="Marco", language_code="it")
FORUM_ID = -1001234500000


def keyboard(*rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(text, callback_data=data) for text, data in row] for row in rows]
    )


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emu:
        yield emu


@pytest.fixture
async def bot(emulator: BotApiEmulator) -> AsyncIterator[Bot]:
    async with Bot(
        emulator.token, base_url=emulator.base_url, base_file_url=emulator.base_file_url
    ) as ptb_bot:
        yield ptb_bot


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ------------------------------------------------------------------------- spec copy


def test_committed_spec_matches_the_official_one(tmp_path: Path) -> None:
    if not OFFICIAL_SPEC.exists():
        pytest.skip("official api.json not available")
    regenerated = tmp_path / "spec.json"
    reduce_spec_main([str(OFFICIAL_SPEC), str(regenerated)])
    assert regenerated.read_bytes() == SPEC_PATH.read_bytes(), "run tests.emulator.reduce_spec"
    spec = json.loads(SPEC_PATH.read_text())
    assert spec["methods"]["sendMessage"]["fields"]["chat_id"] == {
        "types": ["Integer", "String"],
        "required": True,
    }
    assert "InputMediaPhoto" in spec["types"]["InputMedia"]["subtypes"]
    assert spec["types"]["BotCommandScopeChat"]["fields"]["type"]["const"] == "chat"
    assert '"href"' not in SPEC_PATH.read_text()  # prose and links are left out


# --------------------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    ("source", "text", "entities"),
    [
        ("<b>Ciao</b> &lt;3 &amp; &nbsp;", "Ciao <3 & &nbsp;", [("bold", 0, 4)]),
        # 😀 is two UTF-16 code units, so the italic "è" starts at offset 7
        ("<a href='https://x.it'>sito</a> 😀<i>è</i>", "sito 😀è",
         [("text_link", 0, 4), ("italic", 7, 1)]),
        ("<pre><code class=\"language-py\">x</code></pre>", "x", [("pre", 0, 1)]),
        ("<blockquote expandable>q</blockquote>", "q", [("expandable_blockquote", 0, 1)]),
    ],
)  # fmt: skip
def test_html_parser_counts_visible_text(
    source: str, text: str, entities: list[tuple[str, int, int]]
) -> None:
    parsed = parse_html(source)
    assert parsed.text == text
    assert [(e["type"], e["offset"], e["length"]) for e in parsed.entities] == entities


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<p>x</p>", 'Unsupported start tag "p" at byte offset 0'),
        ("è < 3", 'Unsupported start tag "" at byte offset 3'),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler"'),
    ],
)
def test_html_parser_rejects_what_telegram_rejects(source: str, error: str) -> None:
    with pytest.raises(EntityParseError) as exc_info:
        parse_html(source)
    assert error in exc_info.value.description
    assert exc_info.value.description.startswith("Bad Request: can't parse entities: ")


def test_markdown_v2_requires_escaping() -> None:
    assert parse_markdown_v2("*Ciao* Anna\\!").text == "Ciao Anna!"
    with pytest.raises(EntityParseError, match=r"Character '!' is reserved"):
        parse_markdown_v2("Ciao Anna!")


# ---------------------------------------------------------------- validation over HTTP


async def test_valid_send_message_with_inline_keyboard_is_accepted_and_recorded(
    emulator: BotApiEmulator, bot: Bot
) -> None:
    emulator.add_private_chat(ANNA)
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Sì", callback_data="answer:yes"),
                InlineKeyboardButton("No", callback_data="answer:no"),
            ],
            [InlineKeyboardButton("Sito", url="https://example.org")],
        ]
    )
    message = await bot.send_message(
        ANNA.id, "<b>Ciao</b> Anna", parse_mode=ParseMode.HTML, reply_markup=markup
    )

    assert message.text == "Ciao Anna"
    assert message.entities == (MessageEntity(MessageEntity.BOLD, 0, 4),)
    assert message.from_user is not None and message.from_user.id == emulator.bot_id
    assert message.chat.id == ANNA.id and message.chat.first_name == "Anna"
    assert message.reply_markup == markup
    call = emulator.calls[-1]
    assert (call.method, call.status, call.chat_id) == ("sendMessage", 200, ANNA.id)
    assert call.params["reply_markup"]["inline_keyboard"][0][1] == {
        "text": "No",
        "callback_data": "answer:no",
    }
    [view] = emulator.sent_messages(ANNA.id)
    assert view.message_id == message.message_id
    assert view.buttons == [[("Sì", "answer:yes"), ("No", "answer:no")], [("Sito", None)]]
    assert emulator.violations == []


async def test_limits_count_what_telegram_counts(emulator: BotApiEmulator, bot: Bot) -> None:
    emulator.add_private_chat(ANNA)
    # 4096 visible characters, although the HTML source is five times longer.
    long_html = await bot.send_message(ANNA.id, "&amp;" * 4096, parse_mode=ParseMode.HTML)
    assert long_html.text == "&" * 4096
    # 64 bytes of callback_data is the maximum (32 two-byte characters).
    await bot.send_message(ANNA.id, "ok", reply_markup=keyboard([("B", "è" * 32)]))
    assert emulator.violations == []
    assert len(emulator.sent_messages(ANNA.id)) == 2


Request = Callable[[Bot], Awaitable[Any]]


@pytest.mark.parametrize(
    ("request_", "description", "violation"),
    [
        pytest.param(
            lambda b: b.send_message(ANNA.id, "x", reply_markup=keyboard([("B", "è" * 32 + "!")])),
            "BUTTON_DATA_INVALID",
            "callback_data is 65 bytes",
            id="callback_data-65-bytes",
        ),
        pytest.param(
            lambda b: b.send_message(ANNA.id, "a" * 4097),
            "message is too long",
            "4097 characters",
            id="text-4097-chars",
        ),
        pytest.param(
            lambda b: b.send_message(ANNA.id, "&lt;" * 4097, parse_mode=ParseMode.HTML),
            "message is too long",
            "4097 characters after entity parsing",
            id="html-text-4097-visible-chars",
        ),
        pytest.param(
            lambda b: b.send_message(ANNA.id, "x", api_kwargs={"colour": "red"}),
            'unknown parameter "colour"',
            "colour",
            id="unknown-parameter",
        ),
        pytest.param(
            lambda b: b.do_api_request("sendMessage", api_kwargs={"text": "x"}),
            'parameter "chat_id" is required',
            "chat_id missing",
            id="missing-chat_id",
        ),
        pytest.param(
            lambda b: b.send_message(ANNA.id, "<b>Ciao</i>", parse_mode=ParseMode.HTML),
            "can't parse entities: Unmatched end tag",
            "text (HTML)",
            id="unbalanced-html",
        ),
        pytest.param(
            lambda b: b.send_message(ANNA.id, "<p>Ciao</p>", parse_mode=ParseMode.HTML),
            'Unsupported start tag "p"',
            "text (HTML)",
            id="unknown-html-tag",
        ),
        pytest.param(
            lambda b: b.send_message(ANNA.id, "Ciao!", parse_mode="html"),
            "unsupported parse_mode",
            "parse_mode='html'",
            id="bad-parse_mode",
        ),
        pytest.param(
            lambda b: b.do_api_request(
                "sendMessage", {"chat_id": ANNA.id, "text": "x", "disable_notification": "yes"}
            ),
            'field "disable_notification" must be of type Boolean',
            "got String 'yes'",
            id="wrong-type",
        ),
        pytest.param(
            lambda b: b.send_message(
                ANNA.id,
                "x",
                reply_markup=InlineKeyboardMarkup(
                    [[InlineKeyboardButton("B", callback_data="a", url="https://x.it")]]
                ),
            ),
            "can't parse inline keyboard button",
            "['callback_data', 'url']",
            id="button-with-two-actions",
        ),
        pytest.param(
            lambda b: b.set_my_commands([("Start", "Avvia")]),
            "BOT_COMMAND_INVALID",
            "command='Start'",
            id="uppercase-command",
        ),
        pytest.param(
            lambda b: b.answer_callback_query("1", text="x" * 201),
            "MESSAGE_TOO_LONG",
            "201 characters",
            id="callback-answer-201-chars",
        ),
    ],
)
@pytest.mark.filterwarnings("ignore:Please use 'Bot.sendMessage'")
async def test_invalid_calls_are_rejected_and_recorded(
    emulator: BotApiEmulator, bot: Bot, request_: Request, description: str, violation: str
) -> None:
    emulator.add_private_chat(ANNA)
    with pytest.raises(BadRequest) as exc_info:
        await request_(bot)
    assert description.lower() in str(exc_info.value).lower()
    assert emulator.calls[-1].status == 400
    assert len(emulator.violations) == 1, emulator.violations
    assert violation in emulator.violations[0]
    assert emulator.sent_messages() == []


async def test_json_and_get_requests_are_decoded_too(emulator: BotApiEmulator) -> None:
    emulator.add_private_chat(ANNA)
    url = f"{emulator.base_url}{emulator.token}"
    markup = {"inline_keyboard": [[{"text": "Ok", "callback_data": "ok"}]]}
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{url}/sendMessage", json={"chat_id": ANNA.id, "text": "json", "reply_markup": markup}
        ) as response:
            body = await response.json()
            assert response.status == 200 and body["result"]["reply_markup"] == markup
        async with session.get(f"{url}/getMe") as response:
            assert (await response.json())["result"]["id"] == emulator.bot_id
        bad = {"chat_id": ANNA.id, "text": "x", "reply_parameters": {"message_id": "5"}}
        async with session.post(f"{url}/sendMessage", json=bad) as response:
            assert response.status == 400
            assert (await response.json())["error_code"] == 400
    assert len(emulator.violations) == 1
    assert "reply_parameters.message_id" in emulator.violations[0]


async def test_token_and_method_errors(emulator: BotApiEmulator, bot: Bot) -> None:
    wrong_bot = Bot("123456:WRONG", base_url=emulator.base_url)
    recorded = len(emulator.calls)
    with pytest.raises(InvalidToken, match="rejected by the server"):
        await wrong_bot.initialize()  # getMe answers 401 Unauthorized
    await wrong_bot.shutdown()
    assert len(emulator.calls) == recorded and emulator.stats["401"] == 1
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("sendTelepathy", api_kwargs={"chat_id": 1})
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(999, "nobody wrote to the bot from this chat")
    assert emulator.violations == []
    assert emulator.errors and "chat not found" in emulator.errors[0]


# ---------------------------------------------------------------- long polling with PTB


async def _start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        "Benvenuto!", reply_markup=keyboard([("Continua", "go"), ("Esci", "quit")])
    )


async def _button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer("Ricevuto")
    await query.edit_message_text(f"Hai scelto: {query.data}")


async def _edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.edited_message is not None
    await update.edited_message.reply_text(f"Modificato: {update.edited_message.text}")


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None and update.message.text is not None
    await update.message.reply_text(f"Eco: {update.message.text}")


def _application(emulator: BotApiEmulator) -> Application:  # type: ignore[type-arg]
    app = (
        ApplicationBuilder()
        .token(emulator.token)
        .base_url(emulator.base_url)
        .base_file_url(emulator.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", _start))
    app.add_handler(CallbackQueryHandler(_button))
    app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE, _edited))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, _echo))
    return app


async def test_long_polling_delivers_user_actions_to_a_ptb_application(
    emulator: BotApiEmulator,
) -> None:
    app = _application(emulator)
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(
            poll_interval=0,
            timeout=1,
            allowed_updates=["message", "edited_message", "callback_query"],
        )
        try:
            command = emulator.send_command(MARCO.id, "/start", MARCO)
            welcome = await emulator.next_message(MARCO.id, timeout=5)
            assert welcome.text == "Benvenuto!"
            assert welcome.buttons == [[("Continua", "go"), ("Esci", "quit")]]
            # Users and the bot share one message-id sequence per chat.
            assert welcome.message_id == command["message"]["message_id"] + 1

            press = emulator.press_button(MARCO.id, welcome.message_id, "go", MARCO)
            edited = await emulator.next_message(MARCO.id, timeout=5)
            assert (edited.method, edited.message_id) == ("editMessageText", welcome.message_id)
            assert edited.text == "Hai scelto: go" and edited.buttons == []
            answer = emulator.last_callback_answer
            assert answer == {
                "callback_query_id": press["callback_query"]["id"],
                "text": "Ricevuto",
            }

            text = emulator.send_text(MARCO.id, "ciao", MARCO)
            echo = await emulator.next_message(MARCO.id, timeout=5)
            assert echo.text == "Eco: ciao"

            emulator.edit_text(MARCO.id, text["message"]["message_id"], "ciao a tutti")
            reply = await emulator.next_message(MARCO.id, timeout=5)
            assert reply.text == "Modificato: ciao a tutti"

            # Not in allowed_updates: Telegram never creates it for this bot.
            reaction = emulator.react(MARCO.id, echo.message_id, "👍", MARCO)
            assert reaction in emulator.updates.dropped
        finally:
            await app.updater.stop()
            await app.stop()
    assert [v.text for v in emulator.sent_messages(MARCO.id)] == [
        "Benvenuto!",
        "Eco: ciao",
        "Modificato: ciao a tutti",
    ]
    assert emulator.violations == []


async def test_get_updates_offsets_limits_and_long_poll(emulator: BotApiEmulator, bot: Bot) -> None:
    ids = [emulator.send_text(ANNA.id, f"m{i}", ANNA)["update_id"] for i in range(3)]
    assert [u.update_id for u in await bot.get_updates()] == ids
    assert [u.update_id for u in await bot.get_updates(offset=ids[1])] == ids[1:]
    assert [u.update_id for u in await bot.get_updates(limit=1)] == ids[1:2]
    assert await bot.get_updates(offset=ids[-1] + 1) == ()

    # A pending long poll wakes as soon as an update arrives...
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(offset=ids[-1] + 1, timeout=5))
    await asyncio.sleep(0.2)  # let the poll reach the server before the user writes
    new = emulator.send_text(ANNA.id, "sveglia", ANNA)
    [update] = await poll
    assert update.update_id == new["update_id"] and update.message.text == "sveglia"
    assert time.monotonic() - started < 2
    # ...and answers an empty list when its timeout expires.
    started = time.monotonic()
    assert await bot.get_updates(offset=new["update_id"] + 1, timeout=1) == ()
    assert time.monotonic() - started >= 0.9

    # A second instance's getUpdates terminates the first one's, as on Telegram.
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    async with Bot(emulator.token, base_url=emulator.base_url) as second_instance:
        await second_instance.get_updates(timeout=0)
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await first
    assert emulator.violations == []


# ------------------------------------------------------------------- fault injection


# PTB itself warns about RetryAfter.retry_after becoming a timedelta in a future version.
@pytest.mark.filterwarnings("ignore:Deprecated since version v22.2")
async def test_fail_next_answers_429_and_5xx(emulator: BotApiEmulator, bot: Bot) -> None:
    emulator.add_private_chat(ANNA)
    start = len(emulator.calls)  # the bot fixture's getMe came first
    emulator.fail_next("sendMessage", status=429, retry_after=7)
    with pytest.raises(RetryAfter, match="Retry in 7 seconds"):
        await bot.send_message(ANNA.id, "uno")
    assert emulator.calls[-1].response == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 7",
        "parameters": {"retry_after": 7},
    }
    assert (await bot.send_message(ANNA.id, "due")).text == "due"

    emulator.fail_next("sendMessage", status=500, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.send_message(ANNA.id, "tre")
    emulator.fail_next("getMe", status=502)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.get_me()
    assert (await bot.get_me()).id == emulator.bot_id
    assert [c.status for c in emulator.calls[start:]] == [429, 200, 500, 500, 502, 200]
    assert [v.text for v in emulator.sent_messages()] == ["due"]
    assert emulator.violations == []


@pytest.mark.filterwarnings("ignore:Deprecated since version v22.2")
async def test_rate_caps_answer_429_with_retry_after() -> None:
    async with BotApiEmulator(per_chat_rate_per_s=1.0, global_rate_per_s=2.0) as emu:
        for user in (ANNA, MARCO, TgUser(701)):
            emu.add_private_chat(user)
        async with Bot(emu.token, base_url=emu.base_url) as bot:
            await bot.send_message(ANNA.id, "1")
            with pytest.raises(RetryAfter):
                await bot.send_message(ANNA.id, "2")  # per-chat cap: 1/s
            await bot.send_message(MARCO.id, "3")
            with pytest.raises(RetryAfter):
                await bot.send_message(701, "4")  # global cap: 2/s
        assert emu.stats["429"] == 2
        limited = [c for c in emu.calls if c.status == 429]
        assert limited[0].response["parameters"] == {"retry_after": 1}
        assert limited[0].response["description"] == "Too Many Requests: retry after 1"
        assert [chat for chat, _ in emu.delivered] == [ANNA.id, MARCO.id]
        assert emu.violations == []


async def test_blocked_user_gives_forbidden(emulator: BotApiEmulator, bot: Bot) -> None:
    emulator.add_private_chat(ANNA)
    start = len(emulator.calls)
    emulator.block_user(ANNA.id)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(ANNA.id, "ci sei?")
    with pytest.raises(Forbidden):
        await bot.send_chat_action(ANNA.id, "typing")
    emulator.unblock_user(ANNA.id)
    await bot.send_message(ANNA.id, "bentornata")
    assert [c.status for c in emulator.calls[start:]] == [403, 403, 200]
    assert emulator.violations == []


# ------------------------------------------------------------------------- webhooks


async def test_webhook_posts_updates_with_secret_and_retries(
    emulator: BotApiEmulator, bot: Bot
) -> None:
    received: asyncio.Queue[tuple[str | None, dict[str, Any]]] = asyncio.Queue()
    answers = iter([500])  # the first delivery fails, later ones succeed

    async def hook(request: web.Request) -> web.Response:
        await received.put(
            (request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json())
        )
        return web.Response(status=next(answers, 200))

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    hook_url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    try:
        assert await bot.set_webhook(hook_url, secret_token="s3cr3t-T0ken")
        with pytest.raises(Conflict, match="webhook is active"):
            await bot.get_updates()
        update = emulator.send_text(ANNA.id, "via webhook", ANNA)

        first = await asyncio.wait_for(received.get(), 5)
        retried = await asyncio.wait_for(received.get(), 5)  # the hook answered 500 first
        assert first == retried == ("s3cr3t-T0ken", update)
        await emulator.wait_until(lambda: emulator.updates.pending_count == 0, 5)
        info = await bot.get_webhook_info()
        assert info.url == hook_url and info.pending_update_count == 0
        assert info.last_error_message == "Wrong response from the webhook: 500"
        assert [d.status for d in emulator.webhook.deliveries] == [500, 200]

        assert await bot.delete_webhook()
        assert await bot.get_updates() == ()
    finally:
        await runner.cleanup()
    assert emulator.violations == []


async def test_ptb_webhook_updater_receives_updates(emulator: BotApiEmulator) -> None:
    app = _application(emulator)
    port = free_port()
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="tg",
            webhook_url=f"http://127.0.0.1:{port}/tg",
            secret_token="proximity_secret",
        )
        try:
            assert emulator.webhook.secret_token == "proximity_secret"
            emulator.send_text(ANNA.id, "webhook!", ANNA)
            reply = await emulator.next_message(ANNA.id, timeout=5)
            assert reply.text == "Eco: webhook!"
        finally:
            await app.updater.stop()
            await app.stop()
    assert [d.status for d in emulator.webhook.deliveries] == [200]
    assert emulator.violations == []


# ------------------------------------------------------------------ groups and forums


async def test_forum_topics_lifecycle(emulator: BotApiEmulator, bot: Bot) -> None:
    emulator.add_group(FORUM_ID, "Proximity staff", is_forum=True)
    topic = await bot.create_forum_topic(FORUM_ID, "Segnalazioni", icon_color=7322096)
    assert topic.name == "Segnalazioni" and topic.message_thread_id > 1

    sent = await bot.send_message(
        FORUM_ID, "Nuova segnalazione", message_thread_id=topic.message_thread_id
    )
    assert sent.is_topic_message and sent.message_thread_id == topic.message_thread_id
    assert sent.chat.is_forum

    update = emulator.send_text(
        FORUM_ID, "Ricevuto", ANNA, chat_type="supergroup", thread_id=topic.message_thread_id
    )
    [received] = await bot.get_updates()
    assert received.update_id == update["update_id"]
    assert received.message.message_thread_id == topic.message_thread_id
    assert received.message.is_topic_message and received.message.from_user.id == ANNA.id

    assert await bot.edit_forum_topic(FORUM_ID, topic.message_thread_id, name="Archivio")
    assert await bot.close_forum_topic(FORUM_ID, topic.message_thread_id)
    with pytest.raises(BadRequest, match=r"(?i)topic_not_modified"):
        await bot.close_forum_topic(FORUM_ID, topic.message_thread_id)
    assert await bot.reopen_forum_topic(FORUM_ID, topic.message_thread_id)
    assert await bot.delete_forum_topic(FORUM_ID, topic.message_thread_id)
    with pytest.raises(BadRequest, match="Message thread not found"):
        await bot.send_message(FORUM_ID, "troppo tardi", message_thread_id=topic.message_thread_id)

    emulator.add_group(-1009999, "Senza topic")
    with pytest.raises(BadRequest, match="not a forum"):
        await bot.create_forum_topic(-1009999, "x")
    assert emulator.violations == []


async def test_membership_and_chat_info(emulator: BotApiEmulator, bot: Bot) -> None:
    emulator.add_group(-100777, "Gruppo Proximity")
    emulator.add_member(-100777, ANNA)
    emulator.add_member(-100777, MARCO, status="administrator")
    assert (await bot.get_chat_member(-100777, ANNA.id)).status == "member"
    assert (await bot.get_chat_member(-100777, MARCO.id)).status == "administrator"
    assert (await bot.get_chat_member(-100777, 4242)).status == "left"
    emulator.remove_member(-100777, ANNA.id)
    assert (await bot.get_chat_member(-100777, ANNA.id)).status == "left"
    emulator.send_text(-100777, "eccomi", TgUser(888, "Luca"), chat_type="supergroup")
    assert (await bot.get_chat_member(-100777, 888)).status == "member"
    chat = await bot.get_chat(-100777)
    assert (chat.id, chat.type, chat.title) == (-100777, "supergroup", "Gruppo Proximity")
    assert emulator.violations == []


# ---------------------------------------------------------------- files and other calls


async def test_uploaded_and_user_files_can_be_downloaded(
    emulator: BotApiEmulator, bot: Bot
) -> None:
    emulator.add_private_chat(ANNA)
    sent = await bot.send_document(ANNA.id, b"contenuto CV", filename="cv.txt", caption="Il tuo CV")
    assert sent.document is not None and sent.document.file_name == "cv.txt"
    assert sent.caption == "Il tuo CV"
    downloaded = await (await bot.get_file(sent.document.file_id)).download_as_bytearray()
    assert bytes(downloaded) == b"contenuto CV"

    update = emulator.send_document(ANNA.id, "attestato.pdf", b"%PDF-1.4 attestato", user=ANNA)
    file_id = update["message"]["document"]["file_id"]
    assert (
        bytes(await (await bot.get_file(file_id)).download_as_bytearray()) == b"%PDF-1.4 attestato"
    )

    photos = await bot.send_media_group(
        ANNA.id, [InputMediaPhoto(b"a"), InputMediaPhoto(b"b", caption="due")]
    )
    assert len(photos) == 2 and photos[0].media_group_id == photos[1].media_group_id
    with pytest.raises(BadRequest, match="Invalid file_id"):
        await bot.get_file("nope")
    assert emulator.violations == []


async def test_commands_copy_reactions_and_helpers(emulator: BotApiEmulator, bot: Bot) -> None:
    emulator.add_private_chat(ANNA)
    assert await bot.set_my_commands([("start", "Avvia"), ("aiuto", "Aiuto")], language_code="it")
    assert [c.command for c in await bot.get_my_commands(language_code="it")] == ["start", "aiuto"]
    assert await bot.get_my_commands() == ()
    assert await bot.delete_my_commands(language_code="it")

    original = emulator.send_text(ANNA.id, "da copiare", ANNA)["message"]
    copied = await bot.copy_message(ANNA.id, ANNA.id, original["message_id"])
    forwarded = await bot.forward_message(ANNA.id, ANNA.id, original["message_id"])
    assert forwarded.forward_origin is not None and forwarded.text == "da copiare"
    assert copied.message_id + 1 == forwarded.message_id
    assert await bot.set_message_reaction(ANNA.id, original["message_id"], "👍")
    assert await bot.pin_chat_message(ANNA.id, original["message_id"])
    assert await bot.delete_message(ANNA.id, copied.message_id)
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(ANNA.id, copied.message_id)
    reply = await bot.send_message(
        ANNA.id,
        "risposta",
        reply_parameters=ReplyParameters(original["message_id"]),
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    assert reply.reply_to_message is not None
    assert reply.reply_to_message.text == "da copiare"
    with pytest.raises(BadRequest, match="Message to be replied not found"):
        await bot.send_message(ANNA.id, "x", reply_parameters=ReplyParameters(9999))
    call = await emulator.wait_for_call(lambda c: c.method == "pinChatMessage", timeout=1)
    assert call.params == {"chat_id": ANNA.id, "message_id": original["message_id"]}
    # An unmodelled but valid method still gets a well-formed answer.
    assert await bot.set_chat_description(ANNA.id, "descrizione")
    assert emulator.violations == []


async def test_every_kind_of_user_message_parses_in_ptb(emulator: BotApiEmulator, bot: Bot) -> None:
    emulator.send_sticker(ANNA.id, "🎉", ANNA)
    voice_update = emulator.send_voice(ANNA.id, duration=4, user=ANNA)
    emulator.send_photo(ANNA.id, caption="foto", user=ANNA)
    emulator.send_location(ANNA.id, 45.36, 9.68, ANNA)
    emulator.send_contact(ANNA.id, "+39 0373 123456", user=ANNA)
    emulator.send_video_note(ANNA.id, user=ANNA)
    messages = [u.message for u in await bot.get_updates()]
    assert messages[0].sticker.emoji == "🎉"
    assert messages[1].voice.mime_type == "audio/ogg"
    assert voice_update["message"]["voice"]["duration"] == 4
    assert messages[2].photo[-1].width == 1280 and messages[2].caption == "foto"
    assert (messages[3].location.latitude, messages[3].location.longitude) == (45.36, 9.68)
    assert messages[4].contact.user_id == ANNA.id and messages[4].contact.first_name == "Anna"
    assert messages[5].video_note.length == 240
    assert [m.message_id for m in messages] == list(range(1, 7))
    voice = await bot.get_file(messages[1].voice.file_id)
    assert bytes(await voice.download_as_bytearray()).startswith(b"OggS")
