"""Accounts, set-up links, sessions and login throttling: the console's security services.

Each function takes an open `AsyncSession` and `now`; the caller's unit of work commits.
Secrets given to a browser (set-up tokens, session ids) are random 32-byte values stored
only as SHA-256 digests, so a copy of the database opens no session.

Login throttling, by name and by address, counts failures in the last 15 minutes since the
last success: 5 for a name (whether or not it exists), 20 for an address. Messages stay
generic, so a stranger learns neither which names exist nor which part was wrong.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import pyotp
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import AuditEntry
from web.models import Account, LoginAttempt, SetupToken, WebSession
from web.passwords import burn_time, hash_password, password_problem, verify_password
from web.roles import Role
from web.sealing import Sealer

SETUP_TOKEN_LIFETIME = timedelta(hours=48)
IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
# A session's "last seen" is written at most this often: reading a page stays a read.
TOUCH_EVERY = timedelta(seconds=60)
THROTTLE_WINDOW = timedelta(minutes=15)
NAME_FAILURES = 5
ADDRESS_FAILURES = 20
TOTP_STEP = 30
TOTP_ISSUER = "Proximity"
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


class AccountError(ValueError):
    """A command-line mistake: the message is for the person typing it."""


@dataclass(frozen=True)
class CurrentAccount:
    """Who is logged in, as the pages see it."""

    id: int
    name: str
    role: Role
    telegram_user_id: int | None
    csrf_token: str

    def may(self, role: Role | None) -> bool:
        return role is None or self.role >= role


@dataclass(frozen=True)
class PendingSetup:
    name: str
    role: Role
    totp_secret: str

    @property
    def totp_required(self) -> bool:
        return self.role >= Role.COORDINATOR

    @property
    def otpauth_uri(self) -> str:
        return pyotp.TOTP(self.totp_secret).provisioning_uri(
            name=self.name, issuer_name=TOTP_ISSUER
        )


@dataclass(frozen=True)
class Problem:
    """A form field and the catalogue key (with values) of what is wrong with it."""

    field: str
    key: str
    params: dict[str, object]


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_name(name: str) -> str:
    return name.strip().casefold()[:64]


def _actor(account_id: int | None) -> str:
    return f"web:{account_id}" if account_id is not None else "web:unknown"


def audit(session: AsyncSession, now: datetime, account_id: int | None, action: str) -> None:
    """An audit entry by an account of the console (no beneficiary involved)."""
    session.add(AuditEntry(at=now, actor=_actor(account_id), action=action, beneficiary_id=None))


# ---------------------------------------------------------------------------------------------
# Accounts and set-up links (the command line)


async def create_account(
    session: AsyncSession,
    name: str,
    role: Role,
    now: datetime,
    *,
    sealer: Sealer,
    telegram_user_id: int | None = None,
) -> str:
    """A new account without a password, and the token of its one-time set-up link."""
    name = normalise_name(name)
    if not NAME_PATTERN.match(name):
        raise AccountError("The name must be 2-64 characters: letters, digits, '.', '_' or '-'.")
    if await session.scalar(select(Account.id).where(Account.name == name)) is not None:
        raise AccountError(f"An account named {name!r} already exists.")
    if telegram_user_id is not None and await session.scalar(
        select(Account.id).where(Account.telegram_user_id == telegram_user_id)
    ):
        raise AccountError("Another account is already linked to that Telegram user id.")
    account = Account(name=name, role=role.key, telegram_user_id=telegram_user_id, created_at=now)
    session.add(account)
    await session.flush()
    audit(session, now, account.id, "web-account-created")
    return await _new_setup_token(session, account, now, sealer)


async def reset_account(session: AsyncSession, name: str, now: datetime, *, sealer: Sealer) -> str:
    """A new set-up link for a forgotten password or a lost phone; ends every session."""
    account = await session.scalar(select(Account).where(Account.name == normalise_name(name)))
    if account is None:
        raise AccountError(f"No account named {name!r}.")
    account.password_hash = None
    account.totp_secret = None
    account.totp_last_step = None
    await session.execute(delete(WebSession).where(WebSession.account_id == account.id))
    audit(session, now, account.id, "web-account-reset")
    return await _new_setup_token(session, account, now, sealer)


async def set_disabled(session: AsyncSession, name: str, disabled: bool, now: datetime) -> None:
    account = await session.scalar(select(Account).where(Account.name == normalise_name(name)))
    if account is None:
        raise AccountError(f"No account named {name!r}.")
    account.disabled = disabled
    if disabled:
        await session.execute(delete(WebSession).where(WebSession.account_id == account.id))
    audit(session, now, account.id, "web-account-disabled" if disabled else "web-account-enabled")


async def list_accounts(session: AsyncSession) -> list[Account]:
    return list(await session.scalars(select(Account).order_by(Account.name)))


async def _new_setup_token(
    session: AsyncSession, account: Account, now: datetime, sealer: Sealer
) -> str:
    await session.execute(delete(SetupToken).where(SetupToken.account_id == account.id))
    token = secrets.token_urlsafe(32)
    session.add(
        SetupToken(
            token_hash=digest(token),
            account_id=account.id,
            totp_secret=sealer.seal(pyotp.random_base32()),
            expires_at=now + SETUP_TOKEN_LIFETIME,
        )
    )
    return token


async def pending_setup(
    session: AsyncSession, token: str, now: datetime, *, sealer: Sealer
) -> PendingSetup | None:
    """What the set-up page shows for a token, or None if it is unknown, used or expired."""
    found = await _setup_row(session, token, now)
    if found is None:
        return None
    row, account = found
    return PendingSetup(
        name=account.name, role=Role.named(account.role), totp_secret=sealer.open(row.totp_secret)
    )


async def _setup_row(
    session: AsyncSession, token: str, now: datetime
) -> tuple[SetupToken, Account] | None:
    row = await session.get(SetupToken, digest(token))
    if row is None or row.expires_at <= now:
        return None
    account = await session.get(Account, row.account_id)
    if account is None or account.disabled:
        return None
    return row, account


async def complete_setup(
    session: AsyncSession,
    token: str,
    password: str,
    repeated: str,
    code: str,
    now: datetime,
    *,
    sealer: Sealer,
) -> list[Problem] | None:
    """Sets the password (and the second factor when a code is given). None: the link is
    not valid; an empty list: done; otherwise what to correct."""
    found = await _setup_row(session, token, now)
    if found is None:
        return None
    row, account = found
    role = Role.named(account.role)
    code = code.strip().replace(" ", "")
    wants_totp = role >= Role.COORDINATOR or bool(code)
    problems: list[Problem] = []
    wrong = password_problem(password, name=account.name, with_totp=wants_totp)
    if wrong is not None:
        problems.append(Problem("password", wrong[0], wrong[1]))
    elif password != repeated:
        problems.append(Problem("repeated", "web-setup-error-different", {}))
    step = None
    if wants_totp:
        step = _totp_step(sealer.open(row.totp_secret), code, now, after=None)
        if step is None:
            key = "web-setup-error-code" if code else "web-setup-error-code-missing"
            problems.append(Problem("code", key, {}))
    if problems:
        return problems
    account.password_hash = await hash_password(password)
    account.totp_secret = row.totp_secret if wants_totp else None
    account.totp_last_step = step
    await session.delete(row)
    await session.execute(delete(WebSession).where(WebSession.account_id == account.id))
    audit(session, now, account.id, "web-setup-done")
    return []


def _totp_step(secret: str, code: str, now: datetime, *, after: int | None) -> int | None:
    """The time step the code belongs to (one step of drift either way), if it is later
    than `after`: a code is accepted once."""
    if not code.isdigit() or len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    current = int(now.timestamp()) // TOTP_STEP
    for step in (current - 1, current, current + 1):
        if hmac.compare_digest(totp.at(step * TOTP_STEP), code) and (after is None or step > after):
            return step
    return None


# ---------------------------------------------------------------------------------------------
# Logging in and sessions


@dataclass(frozen=True)
class Opened:
    """A new session: the cookie value (never stored) and the account."""

    session_id: str
    account_id: int
    role: Role


async def log_in(
    session: AsyncSession,
    name: str,
    password: str,
    code: str,
    address: str,
    now: datetime,
    *,
    sealer: Sealer,
) -> Opened | None:
    """A new session for the right name, password and (when enrolled) code; None otherwise,
    whatever the reason, including a lock. Every try is recorded and audited."""
    name = normalise_name(name)
    address = address[:64]
    account = await session.scalar(select(Account).where(Account.name == name))
    locked = await _locked(session, name, address, now)
    ok = False
    if account is None or account.password_hash is None:
        await burn_time(password)
    else:
        ok = await verify_password(account.password_hash, password)
    step = None
    if ok and account is not None and account.totp_secret is not None:
        step = _totp_step(
            sealer.open(account.totp_secret),
            code.strip().replace(" ", ""),
            now,
            after=account.totp_last_step,
        )
        ok = step is not None
    ok = ok and account is not None and not account.disabled and not locked
    session.add(LoginAttempt(at=now, name=name, address=address, succeeded=ok))
    account_id = account.id if account is not None else None
    if not ok or account is None:
        audit(session, now, account_id, "web-login-failed")
        return None
    if step is not None:
        account.totp_last_step = step
        if account.totp_secret is not None and not sealer.is_sealed(account.totp_secret):
            account.totp_secret = sealer.seal(account.totp_secret)  # from before sealing
    audit(session, now, account.id, "web-login")
    # A new id at every login: a session id planted before logging in is worth nothing.
    session_id = secrets.token_urlsafe(32)
    session.add(
        WebSession(
            id_hash=digest(session_id),
            account_id=account.id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen_at=now,
        )
    )
    return Opened(session_id=session_id, account_id=account.id, role=Role.named(account.role))


async def _locked(session: AsyncSession, name: str, address: str, now: datetime) -> bool:
    for column, value, limit in (
        (LoginAttempt.name, name, NAME_FAILURES),
        (LoginAttempt.address, address, ADDRESS_FAILURES),
    ):
        since = now - THROTTLE_WINDOW
        last_success = await session.scalar(
            select(func.max(LoginAttempt.at)).where(column == value, LoginAttempt.succeeded)
        )
        if last_success is not None and last_success > since:
            since = last_success
        failures = await session.scalar(
            select(func.count())
            .select_from(LoginAttempt)
            .where(column == value, LoginAttempt.at > since, LoginAttempt.succeeded.is_(False))
        )
        if (failures or 0) >= limit:
            return True
    return False


async def current_account(
    session: AsyncSession, session_id: str, now: datetime, *, touch: bool = True
) -> CurrentAccount | None:
    """The account behind a session cookie, or None when it is unknown or has expired
    (30 minutes idle, 12 hours in all). A live session's "last seen" moves on."""
    row = await session.get(WebSession, digest(session_id))
    if row is None:
        return None
    if now - row.last_seen_at > IDLE_TIMEOUT or now - row.created_at > ABSOLUTE_TIMEOUT:
        await session.delete(row)
        return None
    account = await session.get(Account, row.account_id)
    if account is None or account.disabled:
        await session.delete(row)
        return None
    if touch and now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
    return CurrentAccount(
        id=account.id,
        name=account.name,
        role=Role.named(account.role),
        telegram_user_id=account.telegram_user_id,
        csrf_token=row.csrf_token,
    )


async def log_out(session: AsyncSession, session_id: str, now: datetime) -> None:
    row = await session.get(WebSession, digest(session_id))
    if row is not None:
        audit(session, now, row.account_id, "web-logout")
        await session.delete(row)


async def log_out_everywhere(session: AsyncSession, account_id: int, now: datetime) -> int:
    """Ends every session of the account, on every device; how many there were."""
    result = await session.execute(delete(WebSession).where(WebSession.account_id == account_id))
    audit(session, now, account_id, "web-logout-everywhere")
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def prune(session: AsyncSession, now: datetime) -> None:
    """Drops expired sessions and set-up links and login attempts past the window."""
    await session.execute(
        delete(WebSession).where(
            (WebSession.last_seen_at < now - IDLE_TIMEOUT)
            | (WebSession.created_at < now - ABSOLUTE_TIMEOUT)
        )
    )
    await session.execute(delete(SetupToken).where(SetupToken.expires_at <= now))
    await session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - THROTTLE_WINDOW))
