"""Crash points for the durability drills (tests/e2e/test_durable_turns.py).

`PROXIMITY_CRASH_AT=name:N` makes the process SIGKILL itself the Nth time it passes the
point `name`: no cleanup, no flush, as after a power cut. Unset, every point is a no-op.

    before-store   a fetched batch of updates, before it is written to the inbox
    mid-turn       a turn after the NLU and the core, before its commit
    after-commit   a committed turn, before anything is sent
    mid-send       a message sent to Telegram, before the outbox marks it sent
    operator-turn  a committed turn an operator started (a claim, a close), before it is sent
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable

ENV = "PROXIMITY_CRASH_AT"
POINTS = frozenset({"before-store", "mid-turn", "after-commit", "mid-send", "operator-turn"})

CrashPoint = Callable[[str], None]


def no_crash(_: str) -> None:
    pass


def crash_point_from_env(environ: dict[str, str] | None = None) -> CrashPoint:
    spec = (environ if environ is not None else os.environ).get(ENV, "").strip()
    if not spec:
        return no_crash
    name, _, nth = spec.partition(":")
    if name not in POINTS or not nth.isdigit() or int(nth) < 1:
        raise SystemExit(f"{ENV} must be one of {sorted(POINTS)} followed by :N (N >= 1)")
    target = int(nth)
    passed = 0

    def crash_point(point: str) -> None:
        nonlocal passed
        if point != name:
            return
        passed += 1
        if passed == target:
            os.kill(os.getpid(), signal.SIGKILL)

    return crash_point
