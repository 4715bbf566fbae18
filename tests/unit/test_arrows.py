"""The package arrows: adapters → application → core / store / NLU; never adapter →
adapter, never anything → the composition root, and the core imports nothing of ours.
Checked on the imports themselves (ast), including imports inside functions, like
tests/unit/test_purity.py does for the core's libraries."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The adapters at the edges: each calls the application layer (and the store, the NLU and
# the core's values), never another adapter, never the composition root.
ADAPTERS = frozenset({"bot", "console", "cli", "scheduler", "web"})
# The composition root builds them all and may import anything; nothing imports it.
ROOT_PACKAGE = "runtime"

# package -> the top-level imports it may never have
ARROWS: dict[str, frozenset[str]] = {
    **{a: (ADAPTERS - {a}) | {ROOT_PACKAGE} for a in ADAPTERS},
    # The scheduler sends through the messaging port (app/ports.py), not through Telegram.
    "scheduler": (ADAPTERS - {"scheduler"}) | {ROOT_PACKAGE, "telegram"},
    # The application layer: below every adapter, and free of Telegram and of the web.
    "app": ADAPTERS | {ROOT_PACKAGE, "telegram", "starlette", "typer"},
    # Persistence and the NLU client: below the application layer.
    "store": ADAPTERS | {ROOT_PACKAGE, "app", "nlu"},
    # The NLU client answers with the core's values (dialogs.events.Understanding).
    "nlu": ADAPTERS | {ROOT_PACKAGE, "app", "store"},
    # The pure core (tests/unit/test_purity.py checks the libraries too).
    "dialogs": ADAPTERS | {ROOT_PACKAGE, "app", "store", "nlu"},
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
    (tmp_path / "sub" / "bad.py").write_text("from runtime.services import build_core\n")
    assert offenders(tmp_path, ARROWS["bot"]) == {"sub/bad.py": {"runtime"}}


def test_every_package_has_its_arrows() -> None:
    """A new top-level package must say where it stands."""
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests", "bench", "tools"}
    assert packages <= set(ARROWS) | {ROOT_PACKAGE}, packages - set(ARROWS)
