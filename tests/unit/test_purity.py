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
