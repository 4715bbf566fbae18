"""Tables of the operators' web console: accounts, set-up tokens, sessions, login attempts.

They share `store.models.Base`, so migrations and the database tooling see one schema.
Secrets are never stored as given: set-up tokens and session ids only as SHA-256 digests,
passwords only as Argon2id hashes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base


class Account(Base):
    """An operator, coordinator or admin of the console."""

    __tablename__ = "web_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The login name, kept in lower case; also how the console names the person.
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # operator | coordinator | admin
    # Null until the set-up link has been used.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    # The last 30-second step a code was accepted for: a code works once (no replay).
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    # A claim in the Telegram group and in the browser are then the same person.
    telegram_user_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]


class SetupToken(Base):
    """A one-time link to choose a password and enrol the authenticator app."""

    __tablename__ = "web_setup_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("web_accounts.id", ondelete="CASCADE"), index=True
    )
    # Chosen with the link, so reloading the page shows the same secret to scan.
    totp_secret: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime]


class WebSession(Base):
    """A logged-in browser. The cookie holds the id; the table only its digest."""

    __tablename__ = "web_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("web_accounts.id", ondelete="CASCADE"), index=True
    )
    # The synchronizer token every form of this session must send back.
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]


class LoginAttempt(Base):
    """One try to log in, for throttling by name and by address. Holds no password."""

    __tablename__ = "web_login_attempts"
    __table_args__ = (
        Index("ix_web_login_attempts_name", "name", "at"),
        Index("ix_web_login_attempts_address", "address", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime]
    # The name as typed (lower case, cut to 64): throttled whether or not it exists.
    name: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(64))
    succeeded: Mapped[bool] = mapped_column(Boolean)
