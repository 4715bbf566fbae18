"""The core must stay pure: no Telegram, Rasa, database or HTTP imports in dialogs/."""

from __future__ import annotations

import ast
from pathlib import Path

FORBIDDEN = (
    "telegram",
    "rasa",
    "sqlalchemy",
    "httpx",
    "apscheduler",
    "aiohttp",
    "alembic",
    "store",
    "bot",
    "nlu",
)
DIALOGS = Path(__file__).resolve().parents[2] / "dialogs"


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_dialogs_imports_nothing_from_the_edges() -> None:
    files = sorted(DIALOGS.rglob("*.py"))
    assert files, "dialogs/ has no modules"
    offenders = {str(f.relative_to(DIALOGS)): imported_roots(f) & set(FORBIDDEN) for f in files}
    assert {name: bad for name, bad in offenders.items() if bad} == {}


def test_the_check_itself_catches_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from telegram import Bot\nimport sqlalchemy.orm\n")
    assert imported_roots(sample) >= {"telegram", "sqlalchemy"}


# The core gets the time from Env.now: a clock read inside it would make turns
# unrepeatable in tests and wrong in the shell's transaction.
CLOCK_CALLS = frozenset({"now", "today", "utcnow", "time", "monotonic", "perf_counter"})


def clock_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in CLOCK_CALLS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in {"datetime", "date", "time"}
        ):
            found.append(f"{node.func.value.id}.{node.func.attr}() line {node.lineno}")
    return found


def test_dialogs_never_reads_the_clock() -> None:
    reads = {str(f.relative_to(DIALOGS)): clock_reads(f) for f in sorted(DIALOGS.rglob("*.py"))}
    assert {name: found for name, found in reads.items() if found} == {}


def test_the_clock_check_catches_a_read(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from datetime import datetime\nx = datetime.now()\n")
    assert clock_reads(sample) == ["datetime.now() line 2"]
