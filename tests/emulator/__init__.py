"""Local Telegram Bot API emulator for end-to-end tests and benchmarks.

async with BotApiEmulator() as emulator:
    bot = telegram.Bot(emulator.token, base_url=emulator.base_url,
                       base_file_url=emulator.base_file_url)
"""

from .models import ApiError, Call, MessageView, TgUser, UploadedFile
from .server import DEFAULT_TOKEN, BotApiEmulator

__all__ = [
    "DEFAULT_TOKEN",
    "ApiError",
    "BotApiEmulator",
    "Call",
    "MessageView",
    "TgUser",
    "UploadedFile",
]
