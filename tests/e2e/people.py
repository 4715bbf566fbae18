"""A person chatting with the bot through the emulator, the way a test reads best."""

from __future__ import annotations

from tests.emulator.models import MessageView, TgUser
from tests.emulator.server import BotApiEmulator

REPLY_TIMEOUT = 15.0


class Person:
    def __init__(self, emulator: BotApiEmulator, user: TgUser) -> None:
        self.emulator = emulator
        self.user = user
        self.chat_id = user.id
        self.last: MessageView | None = None
        emulator.add_private_chat(user)

    async def say(self, text: str) -> MessageView:
        self.emulator.send_text(self.chat_id, text, self.user)
        return await self.reply()

    async def command(self, command: str) -> MessageView:
        self.emulator.send_command(self.chat_id, command, self.user)
        return await self.reply()

    async def press(self, label: str) -> MessageView:
        """Presses the button whose label contains `label` on the latest message that has it."""
        message, data = self._find_button(label)
        self.emulator.press_button(self.chat_id, message.message_id, data, self.user)
        return await self.reply()

    async def reply(self) -> MessageView:
        self.last = await self.emulator.next_message(self.chat_id, timeout=REPLY_TIMEOUT)
        return self.last

    async def expect(self, count: int) -> list[MessageView]:
        return [await self.reply() for _ in range(count)]

    def _find_button(self, label: str) -> tuple[MessageView, str]:
        for message in reversed(self.emulator.sent_messages(self.chat_id)):
            for row in message.buttons:
                for text, data in row:
                    if label.casefold() in text.casefold() and data:
                        return message, data
        raise AssertionError(f"no button {label!r} in chat {self.chat_id}")
