"""End-to-end fixtures: the real Rasa server, the Bot API emulator and the real bot process."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from nlu import train
from nlu.server import RasaServer
from tests.e2e.people import Person
from tests.e2e.processes import BotProcess
from tests.emulator.models import TgUser
from tests.emulator.server import BotApiEmulator

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def rasa_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RasaServer]:
    """One real Rasa server for the session: loading the model takes seconds."""
    train.train()  # a no-op when the model matches the data
    server = RasaServer(free_port(), tmp_path_factory.mktemp("rasa") / "rasa.log")
    server.start()
    server.wait_ready()
    yield server
    server.stop()


OPERATORS_GROUP = -100999
GIULIA = TgUser(id=555, first_name="Giulia", language_code="it")
DATA = Path(__file__).parent / "data"


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emu:
        # The operators' supergroup with topics, the bot an admin, Giulia an operator.
        emu.add_group(OPERATORS_GROUP, "Operatori PROXIMITY", is_forum=True)
        emu.add_member(OPERATORS_GROUP, GIULIA)
        yield emu
        # Every Bot API call the bot made must have been valid against the spec.
        assert emu.violations == []


@pytest.fixture
def bot_env(tmp_path: Path, emulator: BotApiEmulator, rasa_server: RasaServer) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": emulator.token,
        "TELEGRAM_API_URL": emulator.url,
        # The web console of each bot process on a port of its own.
        "WEB_PORT": str(free_port()),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'proximity.sqlite3'}",
        "RASA_URL": rasa_server.url,
        "RASA_TOKEN": rasa_server.token,
        "VAR_DIR": str(tmp_path / "var"),
        "LOG_LEVEL": "INFO",
        "OPERATOR_CHAT_ID": str(OPERATORS_GROUP),
        "PROGRAMME_FILE": str(DATA / "programme_open.yaml"),
        "REANNOUNCE_CHECK_SECONDS": "3600",
    }


async def start_bot(
    process: BotProcess, emulator: BotApiEmulator, ready_call: str = "deleteWebhook"
) -> BotProcess:
    """Starts the bot and waits until it is about to receive updates.

    PTB calls deleteWebhook right before its first getUpdates (setWebhook in webhook
    mode). A getUpdates is only recorded when its long poll ends, so it can't be the signal.
    """
    started = len(emulator.calls)
    process.start()
    try:
        await emulator.wait_until(
            lambda: any(c.method == ready_call for c in emulator.calls[started:]), timeout=60
        )
    except TimeoutError:
        raise AssertionError(f"the bot did not start polling:\n{process.log()[-3000:]}") from None
    return process


@pytest.fixture
async def bot(
    request: pytest.FixtureRequest,
    bot_env: dict[str, str],
    emulator: BotApiEmulator,
    tmp_path: Path,
) -> AsyncIterator[BotProcess]:
    # @pytest.mark.bot_env(NAME="value") adds settings for one test.
    marker = request.node.get_closest_marker("bot_env")
    env = {**bot_env, **(marker.kwargs if marker else {})}
    process = BotProcess(env, tmp_path / "bot.log")
    await start_bot(process, emulator)
    yield process
    code = await process.astop()
    assert code in (0, None), f"the bot exited with {code}:\n{process.log()[-3000:]}"
    assert "Traceback" not in process.log(), process.log()[-5000:]
    assert_no_personal_data_in(process.log(), emulator)


def assert_no_personal_data_in(log: str, emulator: BotApiEmulator) -> None:
    """Logs hold pseudonyms, event names and timings: never what people wrote, nor names."""
    for update in emulator.injected:
        message = update.get("message") or update.get("edited_message") or {}
        said = message.get("text", "")
        if len(said) > 3 and not said.startswith("/"):
            assert said not in log, f"message text in the log: {said!r}"
        first_name = message.get("from", {}).get("first_name", "")
        assert not first_name or first_name not in log, f"a name in the log: {first_name!r}"


@pytest.fixture
def anna(emulator: BotApiEmulator) -> Person:
    return Person(emulator, TgUser(id=1001, first_name="Anna", language_code="it"))


@pytest.fixture
async def consented_anna(bot: BotProcess, anna: Person) -> Person:
    await anna.command("/start")
    await anna.press("Accetto")
    await anna.expect(1)  # the menu after the thank-you
    return anna
