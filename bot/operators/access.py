"""Who is an operator: a member of the operators' group, and on the allow-list if there is one.

Asked of Telegram (getChatMember), never taken from callback data, and cached briefly so a
busy topic does not cost a Bot API call per message.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from telegram import Bot
from telegram.error import TelegramError

MEMBER_STATUSES = frozenset({"creator", "administrator", "member", "restricted"})
CACHE_SECONDS = 300.0


class OperatorAccess:
    def __init__(
        self,
        bot: Bot,
        group_id: int,
        allow_list: frozenset[int] = frozenset(),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._bot = bot
        self.group_id = group_id
        self._allow_list = allow_list
        self._clock = clock
        self._cache: dict[int, tuple[bool, float]] = {}

    async def is_operator(self, user_id: int | None) -> bool:
        if user_id is None or (self._allow_list and user_id not in self._allow_list):
            return False
        cached = self._cache.get(user_id)
        if cached is not None and self._clock() - cached[1] < CACHE_SECONDS:
            return cached[0]
        try:
            member = await self._bot.get_chat_member(self.group_id, user_id)
            allowed = member.status in MEMBER_STATUSES
        except TelegramError:
            allowed = False  # when in doubt, no operator powers
        self._cache[user_id] = (allowed, self._clock())
        return allowed
