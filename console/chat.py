"""A local chat in the terminal with the same dialogs, NLU and database as on Telegram.

Buttons appear as numbered choices: type the number to press one (the core reads the
number, as it does on Telegram, see dialogs/prompt.py). Commands work as on
Telegram (/start, /annulla, …). Ctrl-D or /esci leaves.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

from app.assistant import Assistant, UserText
from app.catalogue import Catalogue
from app.texts import reply_text, split_text
from dialogs import CommandIssued, Event, Started, Turn

CONSOLE_CHAT_ID = 1
EXIT_WORDS = ("/esci", "/exit", "/quit")


class ConsoleChat:
    def __init__(
        self,
        assistant: Assistant,
        catalogue: Catalogue,
        exports: Path,
        write: Callable[[str], None] = print,
    ) -> None:
        self._assistant = assistant
        self._catalogue = catalogue
        # Calendar files and exports land here, since a terminal cannot show them.
        self._exports = exports
        self._write = write

    def to_action(self, line: str) -> Event | UserText | None:
        line = line.strip()
        if not line:
            return None
        if line.startswith("/"):
            name, _, args = line[1:].partition(" ")
            return Started("it") if name == "start" else CommandIssued(name.lower(), args.strip())
        return UserText(line)

    async def say(self, line: str) -> Turn | None:
        action = self.to_action(line)
        if action is None:
            return None
        done = await self._assistant.handle(CONSOLE_CHAT_ID, action, display_name="Console")
        self.show(done.turn)
        for document in done.documents:
            self._exports.mkdir(parents=True, exist_ok=True)
            (self._exports / document.filename).write_bytes(document.content)
            self._write(f"   📎 {self._exports / document.filename}")
        return done.turn

    def show(self, turn: Turn) -> None:
        catalogue, language = self._catalogue, turn.state.language
        number = 0
        for reply in turn.replies:
            for part in split_text(reply_text(reply, catalogue, language)):
                self._write(f"\n🤖 {part}")
            for row in reply.buttons:
                for button in row:
                    number += 1
                    # An offer to switch is read in the language offered, buttons too.
                    shown = reply.language or language
                    label = catalogue.render(button.label, shown, button.params)
                    self._write(f"   [{number}] {label}")


async def run_console(assistant: Assistant, catalogue: Catalogue, exports: Path) -> None:
    chat = ConsoleChat(assistant, catalogue, exports)
    print(
        "Proximity: chat locale. Scrivi un messaggio, un numero per i pulsanti, /esci per uscire."
    )
    await chat.say("/start")
    loop = asyncio.get_running_loop()
    while True:
        print("\n👤 ", end="", flush=True)
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line or line.strip().lower() in EXIT_WORDS:
            print("\nCiao!")
            return
        await chat.say(line)
