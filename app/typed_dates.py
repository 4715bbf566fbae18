"""A date as a coordinator types it into a form, read the same way by every form of the
application layer (intake, path, exit, follow-up)."""

from __future__ import annotations

from datetime import date


def parse_date(text: str) -> date | None:
    """A date as the browser's date field sends it (2026-12-31) or as typed (31/12/2026)."""
    text = text.strip()
    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        return None
