"""Logging without personal data: chats appear as keyed pseudonyms, never as ids or text."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from pathlib import Path


def pseudonymiser(key_file: Path):  # type: ignore[no-untyped-def]
    """A stable pseudonym per chat, keyed by a secret kept beside the database."""
    key = _load_or_create_key(key_file)

    def pseudonym(chat_id: int) -> str:
        return hmac.new(key, str(chat_id).encode(), hashlib.sha256).hexdigest()[:12]

    return pseudonym


def _load_or_create_key(path: Path) -> bytes:
    if path.exists():
        return path.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    path.write_bytes(key)
    path.chmod(0o600)
    return key


class _WhoFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "who"):
            record.who = "-"
        return True


def configure_logging(level: str, file: Path | None = None) -> None:
    """Logs go to stderr, or to `file` when the terminal is busy with the console chat."""
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(file) if file else logging.StreamHandler()
    handler.addFilter(_WhoFilter())
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s who=%(who)s %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # httpx logs every request URL, and Telegram URLs carry the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # aiosqlite's debug lines carry SQL parameters, which may be personal data.
    logging.getLogger("aiosqlite").setLevel(logging.WARNING)
