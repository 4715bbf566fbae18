"""A reply as text: its catalogue lines in the person's language, cut to fit a message.

Shared by every way the assistant speaks: Telegram, the console chat, the operators' web
console and the documents.
"""

from __future__ import annotations

from app.catalogue import Catalogue
from dialogs.model import Reply

# Telegram's longest message; the console and the web use the same cut, so a reply reads
# the same everywhere.
TELEGRAM_TEXT_LIMIT = 4096


def reply_text(reply: Reply, catalogue: Catalogue, language: str) -> str:
    language = reply.language or language
    lines = [catalogue.render(reply.key, language, reply.params)]
    lines += [catalogue.render(key, language, params) for key, params in reply.parts]
    return "\n".join(lines)


def split_text(text: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Split at line breaks where possible so that no part exceeds Telegram's limit."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        parts.append(current)
    return parts or ["…"]
