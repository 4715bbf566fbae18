"""TOTP secrets sealed at rest: a copy of the database (a backup, a dump) must not be enough
to make second-factor codes.

A secret is sealed with AES-256-GCM under a key kept outside the database: WEB_SECRET_KEY
(base64url, 32 bytes) when set — production takes it from its secret store — or else
`var/web-secret.key`, made on first use and readable by its owner only. A sealed secret is
64 characters (12-byte nonce, the 20-byte secret, 16-byte tag, base64url without padding),
so it fits the column that held the 32-character secret in the clear; a 32-character value
is from before sealing and is sealed the next time its owner logs in.

Losing the key loses every second factor: `proximity operators reset NAME` gives each
person a new set-up link.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
CLEAR_LENGTH = 32  # pyotp.random_base32()
# Binds a sealed value to its use: a sealed TOTP secret cannot be passed off as anything else.
PURPOSE = b"proximity-totp-v1"


class SealingError(ValueError):
    """The key is malformed, or a sealed value was not sealed with this key."""


class Sealer:
    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise SealingError(f"the key must be {KEY_BYTES} bytes, not {len(key)}")
        self._aead = AESGCM(key)

    @classmethod
    def from_text(cls, text: str) -> Sealer:
        try:
            key = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
        except (binascii.Error, ValueError) as exc:
            raise SealingError("WEB_SECRET_KEY is not base64url") from exc
        return cls(key)

    @classmethod
    def from_key_file(cls, path: Path) -> Sealer:
        """The key in `path`, made (owner-only) when it does not exist yet."""
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fresh = base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).decode()
            # O_EXCL: two processes starting together cannot each write a different key.
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "w") as out:
                    out.write(fresh + "\n")
        return cls.from_text(path.read_text())

    @staticmethod
    def is_sealed(stored: str) -> bool:
        return len(stored) != CLEAR_LENGTH

    def seal(self, secret: str) -> str:
        raw = base64.b32decode(secret)
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = nonce + self._aead.encrypt(nonce, raw, PURPOSE)
        return base64.urlsafe_b64encode(sealed).decode().rstrip("=")

    def open(self, stored: str) -> str:
        """The secret in the clear, from a sealed value or one stored before sealing."""
        if not self.is_sealed(stored):
            return stored
        try:
            sealed = base64.urlsafe_b64decode(stored + "=" * (-len(stored) % 4))
            raw = self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], PURPOSE)
        except (binascii.Error, ValueError, InvalidTag) as exc:
            raise SealingError("a TOTP secret was sealed with another key") from exc
        return base64.b32encode(raw).decode()


def sealer_for(secret_key: str, var_dir: Path) -> Sealer:
    """WEB_SECRET_KEY when set, else the key file in var/."""
    if secret_key:
        return Sealer.from_text(secret_key)
    return Sealer.from_key_file(var_dir / "web-secret.key")
