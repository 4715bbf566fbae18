"""The operators' web console is served by the bot's own process, in its event loop."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.e2e.processes import BotProcess

pytestmark = pytest.mark.e2e


async def test_the_bot_process_serves_the_console(bot: BotProcess, bot_env: dict[str, str]) -> None:
    url = f"http://127.0.0.1:{bot_env['WEB_PORT']}/login"
    async with httpx.AsyncClient(trust_env=False) as http:
        for _ in range(100):
            try:
                page = await http.get(url)
                break
            except httpx.ConnectError:
                await asyncio.sleep(0.1)  # uvicorn starts beside the bot's first poll
        else:
            raise AssertionError(f"nothing listens on {url}:\n{bot.log()[-2000:]}")
    assert page.status_code == 200
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "<form" in page.text
