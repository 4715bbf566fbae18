"""Runs the Rasa server as a child process on loopback, and makes sure it dies with us."""

from __future__ import annotations

import contextlib
import ctypes
import os
import secrets
import signal
import subprocess
import time
from pathlib import Path

import httpx

from nlu.train import MODEL_PATH, NLU_DIR, RASA_BIN, rasa_env

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    # Linux: the kernel sends SIGTERM to Rasa if this process dies, even by SIGKILL,
    # so an interrupted `make run` never leaves an orphan server behind.
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class RasaServer:
    def __init__(self, port: int, log_file: Path, token: str | None = None) -> None:
        self.port = port
        self.token = token or secrets.token_urlsafe(24)
        self.url = f"http://127.0.0.1:{port}"
        self._log_file = log_file
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self._log_file.parent.mkdir(parents=True, exist_ok=True)
        command = [
            str(RASA_BIN), "run", "--enable-api",
            # One argument, "=" joined: a token may begin with "-", which argparse
            # would otherwise read as an option and exit with 2.
            f"--auth-token={self.token}",
            "--interface", "127.0.0.1", "--port", str(self.port),
            "--model", str(MODEL_PATH),
        ]  # fmt: skip
        with self._log_file.open("ab") as log:
            self._process = subprocess.Popen(
                command,
                cwd=NLU_DIR,
                env=rasa_env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # our Ctrl-C is handled by us, then we stop it
                preexec_fn=_die_with_parent,
            )

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def wait_ready(self, timeout: float = 180.0) -> float:
        """Blocks until the model is loaded; returns the seconds it took."""
        started = time.monotonic()
        with httpx.Client(trust_env=False, timeout=2.0) as http:
            while time.monotonic() - started < timeout:
                if self._process is not None and self._process.poll() is not None:
                    raise RuntimeError(
                        f"Rasa exited with {self._process.returncode}; see {self._log_file}"
                    )
                try:
                    answer = http.get(f"{self.url}/status", params={"token": self.token})
                    if answer.status_code == 200 and answer.json().get("model_file"):
                        return time.monotonic() - started
                except httpx.HTTPError:
                    pass
                time.sleep(0.5)
        raise TimeoutError(f"Rasa not ready after {timeout:.0f} s; see {self._log_file}")

    def stop(self, grace: float = 15.0) -> None:
        process = self._process
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
