"""The conversations marked `e2e: true`, through the Bot API emulator and the real bot process.

Each conversation first runs in-process (a twin, on a chat of its own) to learn how many
messages every turn sends; then the person does the same through the emulator, reads
exactly that many messages per turn and checks the texts and the bot's database. A turn
that is only relayed to the operators must get its 👀 reaction instead.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conversations import harness, results
from tests.conversations.conftest import World
from tests.conversations.test_conversations import chat_id_of
from tests.e2e.conftest import (
    DATA,
    GIULIA,
    OPERATORS_GROUP,
    assert_no_personal_data_in,
    free_port,
    start_bot,
)
from tests.e2e.processes import BotProcess
from tests.emulator.models import MessageView, TgUser
from tests.emulator.server import BotApiEmulator

pytestmark = pytest.mark.e2e

SELECTED = [c for c in harness.load_all() if c.e2e]
REPLY_TIMEOUT = 20.0
TWIN, PERSON = 1, 2  # chat id salts: the in-process twin and the person in the emulator


@pytest.fixture(scope="module")
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emu:
        emu.add_group(OPERATORS_GROUP, "Operatori PROXIMITY", is_forum=True)
        emu.add_member(OPERATORS_GROUP, GIULIA)
        yield emu
        assert emu.violations == []


@pytest.fixture(scope="module")
async def bot(
    emulator: BotApiEmulator, world: World, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[BotProcess, Path]]:
    folder = tmp_path_factory.mktemp("conversations-e2e")
    env = {
        "TELEGRAM_BOT_TOKEN": emulator.token,
        "TELEGRAM_API_URL": emulator.url,
        "WEB_PORT": str(free_port()),
        "DATABASE_URL": f"sqlite:///{folder / 'proximity.sqlite3'}",
        "RASA_URL": world.rasa.url,
        "RASA_TOKEN": world.rasa.token,
        "VAR_DIR": str(folder / "var"),
        "LOG_LEVEL": "INFO",
        "OPERATOR_CHAT_ID": str(OPERATORS_GROUP),
        "PROGRAMME_FILE": str(DATA / "programme_open.yaml"),
        "REANNOUNCE_CHECK_SECONDS": "3600",
        "NLU_TIMEOUT_SECONDS": "15",
    }
    process = BotProcess(env, folder / "bot.log")
    await start_bot(process, emulator)
    yield process, folder / "proximity.sqlite3"
    code = await process.astop()
    assert code in (0, None), f"the bot exited with {code}:\n{process.log()[-3000:]}"
    assert "Traceback" not in process.log(), process.log()[-5000:]
    assert_no_personal_data_in(process.log(), emulator)


class EmulatedPerson:
    def __init__(self, emulator: BotApiEmulator, user: TgUser) -> None:
        self.emulator = emulator
        self.user = user
        self.turns: list[list[MessageView]] = []  # the messages each action brought
        emulator.add_private_chat(user)

    @property
    def chat_id(self) -> int:
        return self.user.id

    def newest_buttons(self) -> list[tuple[str, str]]:
        """The buttons of the latest turn's messages, as the in-process harness sees them;
        a turn without buttons leaves the older ones on screen."""
        for turn in reversed(self.turns):
            found = [(t, d) for m in turn for row in m.buttons for t, d in row if d is not None]
            if found:
                return found
        return []

    def press(self, label: str) -> None:
        buttons = self.newest_buttons()
        folded = label.casefold()
        exact = [d for text, d in buttons if text.casefold() == folded]
        partial = [d for text, d in buttons if folded in text.casefold()]
        if not exact and not partial:
            raise LookupError(f"no button {label!r}: {[t for t, _ in buttons]}")
        self._press((exact or partial)[0])

    def pick(self, number: int) -> None:
        self._press(self.newest_buttons()[number - 1][1])

    def _press(self, data: str) -> None:
        message = next(
            m
            for m in reversed(self.emulator.sent_messages(self.chat_id))
            if any(d == data for row in m.buttons for _, d in row)
        )
        self.emulator.press_button(self.chat_id, message.message_id, data, self.user)

    async def read(self, count: int) -> list[MessageView]:
        messages = [
            await self.emulator.next_message(self.chat_id, timeout=REPLY_TIMEOUT)
            for _ in range(count)
        ]
        self.turns.append(messages)
        return messages


def given_turns(given: tuple[str, ...]) -> list[dict[str, object]]:
    """The `given` steps as a person does them, with the answers the harness presses."""
    turns: list[dict[str, object]] = []
    if given:
        turns += [{"command": "/start"}, {"press_data": "consent:yes"}]
    if "eligible" in given:
        turns.append({"command": "/requisiti"})
        turns += [
            {"press_data": f"ans:{question}={answer}"}
            for question, answer in harness.ELIGIBLE_ANSWERS.items()
        ]
    return turns


@pytest.mark.parametrize("conversation", [pytest.param(c, id=c.id) for c in SELECTED])
async def test_conversation_end_to_end(
    conversation: harness.Conversation,
    world: World,
    emulator: BotApiEmulator,
    bot: tuple[BotProcess, Path],
) -> None:
    if conversation.xfail:
        pytest.xfail(conversation.xfail)
    services, database = await world.for_language(conversation.group)
    twin = harness.Runner(
        services.assistant,
        services.catalogue,
        database,
        chat_id_of(conversation, TWIN),
        conversation,
    )
    outcome = await twin.run()
    counts = [r.messages for r in twin.given_records]
    if not outcome.passed:
        failures = "\n".join(outcome.failures)
        pytest.fail(f"the in-process twin failed:\n{failures}\n{outcome.transcript()}", False)

    person = EmulatedPerson(
        emulator,
        TgUser(
            id=chat_id_of(conversation, PERSON),
            first_name="Persona",
            language_code=conversation.language,
        ),
    )
    failures: list[str] = []
    steps = [*given_turns(conversation.given), *conversation.turns]
    expected = [*counts, *(r.messages for r in outcome.records)]
    assert len(steps) == len(expected), (len(steps), len(expected))
    for number, (turn, count) in enumerate(zip(steps, expected, strict=True), 1):
        sent = None
        if "say" in turn:
            sent = emulator.send_text(person.chat_id, str(turn["say"]), person.user)
        elif "command" in turn:
            emulator.send_command(person.chat_id, str(turn["command"]), person.user)
        elif "press" in turn:
            person.press(str(turn["press"]))
        elif "pick" in turn:
            person.pick(int(turn["pick"]))  # type: ignore[call-overload]
        else:
            person._press(str(turn["press_data"]))
        messages = await person.read(count)
        if count == 0 and sent is not None:
            await emulator.wait_for_reaction(person.chat_id, sent["message"]["message_id"])
        text = "\n".join(m.text for m in messages).casefold()
        expect = turn.get("expect") or {}
        for wanted in harness.as_list(expect, "text"):  # type: ignore[arg-type]
            if wanted.casefold() not in text:
                failures.append(f"turn {number}: missing text {wanted!r}")
        for unwanted in harness.as_list(expect, "no_text"):  # type: ignore[arg-type]
            if unwanted.casefold() in text:
                failures.append(f"turn {number}: unwanted text {unwanted!r}")
        for name, value in (expect.get("db") or {}).items():  # type: ignore[union-attr]
            found = harness.db_fact(bot[1], person.chat_id, name)
            if found != value:
                failures.append(f"turn {number}: database {name}: {found!r}, expected {value!r}")
    results.E2E[conversation.id] = not failures
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)
