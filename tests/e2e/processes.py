"""The real processes of an end-to-end test: the Rasa server and the bot, run as `make run` does."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PROXIMITY = Path(sys.executable).parent / "proximity"


class BotProcess:
    """`proximity serve` (or `run`) in a child process, with its own environment."""

    def __init__(
        self,
        env: dict[str, str],
        log_path: Path,
        command: str = "serve",
        checkout: Path | None = None,
    ) -> None:
        self.env = env
        self.log_path = log_path
        self.command = command
        # Another checkout of the project (a benchmark's baseline), run with this venv.
        self.checkout = checkout
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {**os.environ, **self.env, "NO_PROXY": "127.0.0.1,localhost", "PYTHONUNBUFFERED": "1"}
        argv = [str(PROXIMITY), self.command]
        if self.checkout is not None:  # `python -m bot` there imports that checkout's code
            argv = [sys.executable, "-m", "bot", self.command]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                argv,
                cwd=self.checkout or PROJECT_ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20) -> int:
        process = self.process
        if process is None:
            return 0
        if process.poll() is None:
            process.send_signal(sig)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.process = None
        return process.returncode

    async def astop(self, sig: int = signal.SIGTERM) -> int:
        """Stops without blocking the event loop, which serves the emulator the bot talks to."""
        return await asyncio.to_thread(self.stop, sig)

    def kill(self) -> None:
        self.stop(signal.SIGKILL)

    async def ended(self, timeout: float) -> bool:  # noqa: ASYNC109 - a drill's bound
        """Whether the process ends within `timeout` (a crash drill's self-kill). Polled:
        a dead process calls nobody, so nothing else would wake a waiter."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.alive:
            if loop.time() >= deadline:
                return False
            await asyncio.sleep(0.05)
        return True

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
