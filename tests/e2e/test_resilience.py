"""The bot under trouble: restarts, Rasa down, blocked users, Bot API errors, locks, webhooks."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
from pathlib import Path

import httpx
import psutil
import pytest

from nlu.server import RasaServer
from tests.e2e.conftest import free_port, start_bot
from tests.e2e.db import eventually
from tests.e2e.people import Person
from tests.e2e.processes import BotProcess
from tests.emulator.server import BotApiEmulator

pytestmark = pytest.mark.e2e

GIBBERISH = ("blorf zzkq vattelapesca", "qwp mmxz trallallà")


def db_value(tmp_path: Path, sql: str) -> object:
    with sqlite3.connect(tmp_path / "proximity.sqlite3") as conn:
        return conn.execute(sql).fetchone()[0]


@pytest.mark.bot_env(NLU_CONFIDENCE_THRESHOLD="0.9999")
async def test_a_restarted_bot_continues_every_conversation(
    consented_anna: Person, bot: BotProcess, emulator: BotApiEmulator
) -> None:
    assert "Non ho capito bene" in (await consented_anna.say(GIBBERISH[0])).text
    await bot.astop()
    await start_bot(bot, emulator)
    # The conversation goes on: no new consent, and the first misunderstanding is remembered.
    assert "non riesco a capire" in (await consented_anna.say(GIBBERISH[1])).text
    assert "PROXIMITY.CR aiuta" in (await consented_anna.press("Il progetto")).text


async def test_rasa_down_mid_conversation_then_back(
    bot_env: dict[str, str], emulator: BotApiEmulator, tmp_path: Path, anna: Person
) -> None:
    # A generated token may begin with "-": this one does, so the server must still start.
    rasa = RasaServer(free_port(), tmp_path / "own-rasa.log", token="-starts-with-a-dash")
    rasa.start()
    await asyncio.to_thread(rasa.wait_ready)
    env = {**bot_env, "RASA_URL": rasa.url, "RASA_TOKEN": rasa.token, "NLU_COOLDOWN_SECONDS": "1"}
    bot = await start_bot(BotProcess(env, tmp_path / "bot.log"), emulator)
    try:
        await anna.command("/start")
        await anna.press("Accetto")
        await anna.reply()
        assert "documento d'identità" in (await anna.say("che documenti devo portare?")).text

        await asyncio.to_thread(rasa.stop)
        # Keywords still understand the gist, buttons and commands work as usual.
        # The keyword guess loads the catalogue as the NLU's intent would.
        assert "Che corso cerchi?" in (await anna.say("vorrei fare un corso")).text
        assert "Usa i pulsanti" in (await anna.say("mah, vediamo un po' cosa si può fare")).text
        assert "Ti scriverà qui" in (await anna.press("Parla con una persona")).text
        assert "di nuovo l'assistente" in (await anna.press("Torna al menu")).text
        await anna.reply()  # the menu
        assert "Posso aiutarti a" in (await anna.command("/help")).text

        restarted = RasaServer(rasa.port, tmp_path / "own-rasa.log", token=rasa.token)
        restarted.start()
        await asyncio.to_thread(restarted.wait_ready)
        await asyncio.sleep(1.1)  # the client's cool-down after the last failure
        assert "assistente automatico" in (await anna.say("sei una persona o un bot?")).text
        await asyncio.to_thread(restarted.stop)
    finally:
        await asyncio.to_thread(rasa.stop)
        await bot.astop()
    assert "Traceback" not in bot.log()


async def test_a_user_who_blocked_the_bot_is_marked_unreachable_and_not_retried(
    consented_anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    emulator.block_user(consented_anna.chat_id)
    before = len(emulator.calls)
    emulator.send_text(consented_anna.chat_id, "ciao", consented_anna.user)
    await emulator.wait_for_call(lambda c: c.status == 403, timeout=15)
    await eventually(
        lambda: db_value(tmp_path, "SELECT unreachable_since FROM beneficiaries") is not None
    )
    await asyncio.sleep(0.5)
    refused = [c for c in emulator.calls[before:] if c.status == 403]
    assert len(refused) == 1, "a blocked chat must not be retried"

    emulator.unblock_user(consented_anna.chat_id)
    assert "Come posso aiutarti" in (await consented_anna.say("buongiorno")).text
    assert db_value(tmp_path, "SELECT unreachable_since FROM beneficiaries") is None


@pytest.mark.parametrize(("status", "retry_after"), [(429, 1), (502, None), (500, None)])
async def test_bot_api_429_and_5xx_lose_no_reply(
    consented_anna: Person, emulator: BotApiEmulator, status: int, retry_after: int | None
) -> None:
    emulator.fail_next("sendMessage", status=status, retry_after=retry_after or 1)
    answer = await consented_anna.say("buongiorno")
    assert "Come posso aiutarti" in answer.text
    failed = [c for c in emulator.calls_to("sendMessage") if c.status == status]
    assert len(failed) == 1


async def test_a_locked_database_gets_a_kind_answer_and_loses_nothing(
    consented_anna: Person, tmp_path: Path
) -> None:
    locker = sqlite3.connect(tmp_path / "proximity.sqlite3", isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        busy = await consented_anna.say("buongiorno")
        assert "Riprova tra un minuto" in busy.text
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert "Come posso aiutarti" in (await consented_anna.say("buongiorno")).text
    assert db_value(tmp_path, "SELECT consent_version FROM beneficiaries") == "2026-11-1"


async def test_webhook_mode_checks_the_secret(
    bot_env: dict[str, str], emulator: BotApiEmulator, tmp_path: Path, anna: Person
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    env = {
        **bot_env,
        "WEBHOOK_URL": url,
        "WEBHOOK_SECRET": "s3cret-token",
        "WEBHOOK_PORT": str(port),
    }
    bot = await start_bot(BotProcess(env, tmp_path / "bot.log"), emulator, ready_call="setWebhook")
    try:
        registered = emulator.calls_to("setWebhook")[-1].params
        assert (registered["url"], registered["secret_token"]) == (url, "s3cret-token")
        assert "PROXIMITY.CR" in (await anna.command("/start")).text

        fake_update = {
            "update_id": 99,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": 5, "type": "private"},
                "text": "ciao",
            },
        }
        async with httpx.AsyncClient(trust_env=False) as http:
            anonymous = await http.post(url, json=fake_update)
            wrong = await http.post(
                url, json=fake_update, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"}
            )
        assert (anonymous.status_code, wrong.status_code) == (403, 403)
    finally:
        await bot.astop()


async def test_webhook_and_console_share_one_port(
    bot_env: dict[str, str], emulator: BotApiEmulator, tmp_path: Path, anna: Person
) -> None:
    """WEBHOOK_PORT equal to WEB_PORT: one server takes Telegram's updates on the webhook's
    path (secret checked) and serves the console everywhere else."""
    port = int(bot_env["WEB_PORT"])
    url = f"http://127.0.0.1:{port}/telegram"
    env = {**bot_env, "WEBHOOK_URL": url, "WEBHOOK_SECRET": "s3cret", "WEBHOOK_PORT": str(port)}
    bot = await start_bot(BotProcess(env, tmp_path / "bot.log"), emulator, ready_call="setWebhook")
    try:
        assert emulator.calls_to("setWebhook")[-1].params["url"] == url
        assert "PROXIMITY.CR" in (await anna.command("/start")).text
        async with httpx.AsyncClient(trust_env=False) as http:
            forged = await http.post(url, json={"update_id": 7}, headers={})
            login = await http.get(f"http://127.0.0.1:{port}/login")
            wrong_method = await http.get(url)
        assert forged.status_code == 403
        assert login.status_code == 200 and "Accedi" in login.text
        assert wrong_method.status_code == 405
    finally:
        await bot.astop()


async def test_make_run_starts_rasa_and_ctrl_c_leaves_no_process(
    bot_env: dict[str, str], emulator: BotApiEmulator, tmp_path: Path, anna: Person
) -> None:
    env = {k: v for k, v in bot_env.items() if not k.startswith("RASA_")}
    env["RASA_PORT"] = str(free_port())
    bot = BotProcess(env, tmp_path / "run.log", command="run")
    bot.start()
    try:
        await emulator.wait_until(lambda: bool(emulator.calls_to("deleteWebhook")), timeout=180)
        children = psutil.Process(bot.process.pid).children(recursive=True)
        assert any("rasa" in " ".join(child.cmdline()) for child in children)
        assert "assistente automatico" not in (await anna.command("/start")).text
        await anna.press("Accetto")
        await anna.reply()
        assert "assistente automatico" in (await anna.say("sei un robot?")).text
    finally:
        code = await bot.astop(signal.SIGINT)
    assert code == 0, bot.log()[-3000:]
    _, alive = psutil.wait_procs(children, timeout=20)
    assert alive == [], f"left behind: {[p.pid for p in alive]}"
