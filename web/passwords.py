"""Password hashing (Argon2id) and the password rules, after OWASP's cheat sheets.

Argon2id with 19 MiB of memory, 2 passes and 1 lane is OWASP's minimum recommended
configuration. The rules are length only (no composition rules): at least 12 characters
with a second factor, 15 without (NIST SP 800-63B asks 15 for a password alone), at most
128, not a well-known password and not the account's name.
"""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_WITH_TOTP = 12
MIN_WITHOUT_TOTP = 15
MAX_LENGTH = 128

# The most used passwords stretched to 12+ characters; the full lists are far longer, but
# the length rule already removes most of them.
COMMON = frozenset(
    {
        "123456789012",
        "1234567890123",
        "123456789012345",
        "passwordpassword",
        "password1234",
        "password12345",
        "qwertyuiopas",
        "qwertyuiop123",
        "iloveyou1234",
        "aaaaaaaaaaaa",
        "111111111111",
        "000000000000",
        "abcdefghijkl",
        "abc123abc123",
        "passwordcrema",
        "proximity123",
        "proximitycrema",
        "crema1234567",
        "ciaociaociao",
        "ciao12345678",
        "amoreamoreamore",
        "juventus1234",
    }
)

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password_sync(password: str) -> str:
    return _hasher.hash(password)


async def hash_password(password: str) -> str:
    # About 30 ms of CPU: off the event loop, so the bot's turns are not held up.
    return await asyncio.to_thread(_hasher.hash, password)


async def verify_password(stored_hash: str, password: str) -> bool:
    def verify() -> bool:
        try:
            return _hasher.verify(stored_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    return await asyncio.to_thread(verify)


# Hashed once so a login for an unknown name costs as much as one for a known name.
_DUMMY_HASH = _hasher.hash("not a password anyone can type ✓")


async def burn_time(password: str) -> None:
    await verify_password(_DUMMY_HASH, password)


def password_problem(
    password: str, *, name: str, with_totp: bool
) -> tuple[str, dict[str, object]] | None:
    """What is wrong with a new password (a catalogue key and its values), or None."""
    minimum = MIN_WITH_TOTP if with_totp else MIN_WITHOUT_TOTP
    if len(password) < minimum:
        return "web-setup-error-short", {"min": minimum}
    if len(password) > MAX_LENGTH:
        return "web-setup-error-long", {"max": MAX_LENGTH}
    folded = password.casefold()
    if folded in COMMON or len(set(folded)) < 4 or name.casefold() in folded:
        return "web-setup-error-common", {}
    return None
