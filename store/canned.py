"""Canned replies: short texts coordinators keep for operators to send in a conversation.

A text may hold `{nome}`, filled with the person's first name when it is sent. They hold
no personal data (the name is filled in only on the way out), so erasure never touches them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base

MAX_TITLE = 80
MAX_TEXT = 1000
NAME_SLOT = "{nome}"
_SLOT = re.compile(r"\{[^{}]*\}")


class CannedReply(Base):
    __tablename__ = "canned_replies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(MAX_TITLE))
    text: Mapped[str] = mapped_column(String(MAX_TEXT))
    # The console account name of who last wrote it (not a beneficiary: no personal data).
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime]


@dataclass(frozen=True)
class Canned:
    id: int
    title: str
    text: str


def problems(title: str, text: str) -> dict[str, str]:
    """What is wrong with each field, as a catalogue key, by field name."""
    found: dict[str, str] = {}
    if not title:
        found["title"] = "web-canned-error-title-empty"
    elif len(title) > MAX_TITLE:
        found["title"] = "web-canned-error-title-long"
    if not text:
        found["text"] = "web-canned-error-text-empty"
    elif len(text) > MAX_TEXT:
        found["text"] = "web-canned-error-text-long"
    elif any(slot != NAME_SLOT for slot in _SLOT.findall(text)):
        # A typo such as {name} would reach the person as it is.
        found["text"] = "web-canned-error-slot"
    return found


def filled(text: str, display_name: str | None) -> str:
    """The text as the person gets it: `{nome}` becomes their first name. Without a name
    the slot goes, with the space or comma before it ("Ciao {nome}, ..." → "Ciao, ...")."""
    first = (display_name or "").strip().split(" ")[0]
    if first:
        return text.replace(NAME_SLOT, first)
    return re.sub(r"[ \t]*\{nome\}", "", text)


async def all_replies(session: AsyncSession) -> list[Canned]:
    rows = await session.scalars(select(CannedReply).order_by(CannedReply.title, CannedReply.id))
    return [Canned(r.id, r.title, r.text) for r in rows]


async def get(session: AsyncSession, canned_id: int) -> Canned | None:
    row = await session.get(CannedReply, canned_id)
    return Canned(row.id, row.title, row.text) if row else None


async def save(
    session: AsyncSession,
    canned_id: int | None,
    title: str,
    text: str,
    by: str,
    now: datetime,
) -> bool:
    """Adds (no id) or changes one; False when the id names nothing."""
    if canned_id is None:
        session.add(CannedReply(title=title, text=text, updated_by=by[:64], updated_at=now))
        return True
    row = await session.get(CannedReply, canned_id)
    if row is None:
        return False
    row.title, row.text, row.updated_by, row.updated_at = title, text, by[:64], now
    return True


async def delete(session: AsyncSession, canned_id: int) -> bool:
    row = await session.get(CannedReply, canned_id)
    if row is None:
        return False
    await session.delete(row)
    return True
