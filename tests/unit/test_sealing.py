"""TOTP secrets sealed at rest (web/sealing.py): a copy of the database makes no codes."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pyotp
import pytest

from web.sealing import Sealer, SealingError, sealer_for

KEY = base64.urlsafe_b64encode(bytes(range(32))).decode()


def test_a_sealed_secret_opens_with_its_key_only_and_fits_the_column() -> None:
    secret = pyotp.random_base32()
    sealed = Sealer.from_text(KEY).seal(secret)
    assert len(sealed) == 64 and secret not in sealed
    assert Sealer.from_text(KEY).open(sealed) == secret
    # Sealed twice, two different values: equal secrets do not show as equal rows.
    assert Sealer.from_text(KEY).seal(secret) != sealed
    other = base64.urlsafe_b64encode(bytes(range(1, 33))).decode()
    with pytest.raises(SealingError):
        Sealer.from_text(other).open(sealed)


def test_a_secret_from_before_sealing_is_read_as_it_is() -> None:
    secret = pyotp.random_base32()
    sealer = Sealer.from_text(KEY)
    assert not sealer.is_sealed(secret)
    assert sealer.open(secret) == secret


def test_a_key_of_the_wrong_size_is_refused() -> None:
    with pytest.raises(SealingError):
        Sealer.from_text(base64.urlsafe_b64encode(b"short").decode())
    with pytest.raises(SealingError):
        Sealer.from_text("not base64 at all!")


def test_without_a_configured_key_one_is_made_once_readable_by_its_owner(tmp_path: Path) -> None:
    first = sealer_for("", tmp_path)
    key_file = tmp_path / "web-secret.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    sealed = first.seal(pyotp.random_base32())
    # The next start reads the same key.
    assert sealer_for("", tmp_path).open(sealed) == first.open(sealed)
