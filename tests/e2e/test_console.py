"""The console chat a newcomer tries first: `make run` without a Telegram token."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from nlu.server import RasaServer
from tests.e2e.conftest import free_port
from tests.e2e.processes import PROJECT_ROOT, PROXIMITY

pytestmark = pytest.mark.e2e


async def test_console_chat_with_real_nlu_and_database(
    rasa_server: RasaServer, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": "",
        "WEB_PORT": str(free_port()),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'console.sqlite3'}",
        "RASA_URL": rasa_server.url,
        "RASA_TOKEN": rasa_server.token,
        "VAR_DIR": str(tmp_path / "var"),
        "NO_PROXY": "127.0.0.1,localhost",
    }
    typed = "1\nquali documenti devo portare?\n3\n/esci\n"
    pipe = asyncio.subprocess.PIPE
    process = await asyncio.create_subprocess_exec(
        str(PROXIMITY), "serve", cwd=PROJECT_ROOT, env=env, stdin=pipe, stdout=pipe, stderr=pipe
    )
    out, err = await asyncio.wait_for(process.communicate(typed.encode()), timeout=60)
    text = out.decode()
    assert process.returncode == 0, err.decode()[-2000:]
    assert "chat locale" in text
    assert "[1] ✅ Accetto" in text  # buttons as numbered choices
    assert "Grazie! Ora possiamo iniziare." in text  # "1" pressed Accetto
    assert "documento d'identità" in text  # understood by the real Rasa server
    assert "Ciao!" in text.rstrip().splitlines()[-1]
    assert "INFO" not in text, "logs belong in var/proximity.log, not in the chat"
    assert (tmp_path / "var" / "proximity.log").exists()
