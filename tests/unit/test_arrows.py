"""The package arrows: adapters call the application layer, never each other, and the
application layer knows no adapter. Checked on the imports themselves (ast), including
imports inside functions, like tests/unit/test_purity.py does for the core."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# package -> the top-level imports it may never have
ARROWS: dict[str, frozenset[str]] = {
    # The scheduler sends through the messaging port (app/ports.py), not through bot/.
    "scheduler": frozenset({"bot", "telegram"}),
    # The application layer: below every adapter, and free of Telegram.
    "app": frozenset({"bot", "scheduler", "telegram"}),
}


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def offenders(package: Path, forbidden: frozenset[str]) -> dict[str, set[str]]:
    files = sorted(package.rglob("*.py"))
    assert files, f"{package} has no modules"
    found = {str(f.relative_to(package)): imported_roots(f) & forbidden for f in files}
    return {name: bad for name, bad in found.items() if bad}


def test_no_package_imports_across_a_forbidden_arrow() -> None:
    crossings = {
        package: offenders(ROOT / package, forbidden) for package, forbidden in ARROWS.items()
    }
    assert {package: found for package, found in crossings.items() if found} == {}


def test_the_check_catches_a_crossing(tmp_path: Path) -> None:
    (tmp_path / "fine.py").write_text("from app.ports import Delivered\nimport dialogs\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.py").write_text(
        "import telegram.error\n\ndef later() -> None:\n    from bot.render import render\n"
    )
    assert offenders(tmp_path, ARROWS["app"]) == {"sub/bad.py": {"telegram", "bot"}}
