"""Every action the code writes to the audit log has an Italian label on the audit page
(`web-audit-action-value` in locales/it/web.ftl), so the admin reads "Ha aperto la scheda",
never a raw name.

The actions are found in the source, not listed by hand: every call that writes an entry
(`privacy.audit(...)`, the console's `accounts.audit(...)`, `AuditEntry(action=...)`) is
read, and its action resolved from string literals and module constants (also imported
ones), both branches of `x if c else y`, and a local variable's one assignment. What stays
dynamic (a parameter, an f-string) must be listed in DYNAMIC with what it can be: a new
dynamic action fails this test until someone says what it writes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fluent.syntax import FluentParser
from fluent.syntax import ast as fluent

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("app", "bot", "cli", "console", "dialogs", "runtime", "scheduler", "store", "web")
# The generic writers themselves: their `action` is whatever their callers pass, and the
# callers are read instead.
WRITERS = {("store/privacy.py", "audit"), ("web/accounts.py", "audit")}
# Actions computed at run time, per (file, expression): what each can be.
DYNAMIC: dict[tuple[str, str], set[str]] = {
    ("store/agenda_admin.py", "f'attendance_{status}'"): {
        "attendance_attended",
        "attendance_no_show",
    },
    # PeopleService.page(purpose=...): the erasure's two steps (web/person_pages.py).
    ("app/people.py", "purpose"): {"web-erase-asked", "web-erase-confirming"},
    # CareService.view(audit=...): the care form's opening (web/intake_pages.py).
    ("app/intake.py", "audit"): {"web-care-form-viewed"},
}


@dataclass(frozen=True)
class Found:
    path: str
    line: int
    actions: frozenset[str]


class Module:
    def __init__(self, path: Path) -> None:
        self.rel = path.relative_to(ROOT).as_posix()
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.constants: dict[str, ast.expr] = {}
        self.imports: dict[str, tuple[str, str | None]] = {}  # name -> (module, attribute)
        for node in self.tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name):
                    self.constants[target.id] = node.value
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (node.module, alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (alias.name, None)
        self.parents = {
            child: parent
            for parent in ast.walk(self.tree)
            for child in ast.iter_child_nodes(parent)
        }

    def function_of(self, node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                return node
        return None


MODULES: dict[str, Module] = {}


def _module(dotted: str) -> Module | None:
    path = ROOT / (dotted.replace(".", "/") + ".py")
    if not path.exists():
        path = ROOT / dotted.replace(".", "/") / "__init__.py"
    if not path.exists():
        return None
    key = path.relative_to(ROOT).as_posix()
    if key not in MODULES:
        MODULES[key] = Module(path)
    return MODULES[key]


Unknown = list[tuple[Module, ast.expr]]


def _resolve(module: Module, expr: ast.expr, at: ast.AST, unknown: Unknown) -> set[str]:
    """The strings `expr` can be; what cannot be told from the source goes to `unknown`."""
    if isinstance(expr, ast.Constant):
        return {expr.value} if isinstance(expr.value, str) else set()
    if isinstance(expr, ast.IfExp):
        return _resolve(module, expr.body, at, unknown) | _resolve(module, expr.orelse, at, unknown)
    if isinstance(expr, ast.BoolOp):
        return {a for value in expr.values for a in _resolve(module, value, at, unknown)}
    if isinstance(expr, ast.Name):
        local = _local(module, expr.id, at)
        if local is not None:
            return _resolve(module, local, local, unknown)
        if expr.id in module.constants:
            return _resolve(module, module.constants[expr.id], expr, unknown)
        if expr.id in module.imports:
            source, name = module.imports[expr.id]
            other = _module(source)
            if other is not None and name in other.constants:
                return _resolve(other, other.constants[name], other.constants[name], unknown)
    if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):
        source = module.imports.get(expr.value.id)
        if source is not None:
            dotted = source[0] if source[1] is None else f"{source[0]}.{source[1]}"
            other = _module(dotted)
            if other is not None and expr.attr in other.constants:
                value = other.constants[expr.attr]
                return _resolve(other, value, value, unknown)
    unknown.append((module, expr))
    return set()


def _local(module: Module, name: str, at: ast.AST) -> ast.expr | None:
    """The value of a variable assigned once in the enclosing function (not a parameter)."""
    function = module.function_of(at)
    if function is None:
        return None
    values = [
        node.value
        for node in ast.walk(function)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
    ]
    return values[0] if len(values) == 1 else None


def _action_argument(module: Module, call: ast.Call) -> ast.expr | None:
    """The action of a call that writes an audit entry; None for any other call."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    keywords = {k.arg: k.value for k in call.keywords}
    if name == "AuditEntry":
        return keywords.get("action")
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        owner = module.imports.get(func.value.id, (func.value.id, None))
        dotted = owner[0] if owner[1] is None else f"{owner[0]}.{owner[1]}"
        if name == "audit" and dotted.endswith("privacy"):
            return keywords.get("action") or _positional(call, 2)
        if name == "audit" and dotted.endswith("accounts"):
            return keywords.get("action") or _positional(call, 3)
        return None
    if isinstance(func, ast.Name):
        source = module.imports.get(func.id)
        origin = source[0] if source else module.rel
        if (source and source[1] == "audit") or (source is None and func.id == "audit"):
            if origin.endswith("privacy"):
                return keywords.get("action") or _positional(call, 2)
            if origin.endswith("accounts") or origin == "web/accounts.py":
                return keywords.get("action") or _positional(call, 3)
    return None


def _positional(call: ast.Call, index: int) -> ast.expr | None:
    return call.args[index] if len(call.args) > index else None


def written_actions() -> Iterator[Found]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            module = _module(path.relative_to(ROOT).with_suffix("").as_posix().replace("/", "."))
            assert module is not None
            for call in (n for n in ast.walk(module.tree) if isinstance(n, ast.Call)):
                expr = _action_argument(module, call)
                if expr is None:
                    continue
                function = module.function_of(call)
                if function is not None and (module.rel, function.name) in WRITERS:
                    continue
                unknown: Unknown = []
                actions = _resolve(module, expr, call, unknown)
                for where, leaf in unknown:
                    key = (where.rel, ast.unparse(leaf))
                    assert key in DYNAMIC, (
                        f"{module.rel}:{call.lineno} writes the audit action {key[1]!r}, which "
                        "cannot be read from the source: add it to DYNAMIC with what it can be"
                    )
                    actions |= DYNAMIC[key]
                yield Found(module.rel, call.lineno, frozenset(actions))


def labelled_actions() -> set[str]:
    resource = FluentParser().parse((ROOT / "locales" / "it" / "web.ftl").read_text("utf-8"))
    for entry in resource.body:
        if isinstance(entry, fluent.Message) and entry.id.name == "web-audit-action-value":
            assert entry.value is not None
            [placeable] = [e for e in entry.value.elements if isinstance(e, fluent.Placeable)]
            select = placeable.expression
            assert isinstance(select, fluent.SelectExpression)
            return {
                v.key.name if isinstance(v.key, fluent.Identifier) else str(v.key.value)
                for v in select.variants
                if not v.default
            }
    raise AssertionError("web-audit-action-value is missing from locales/it/web.ftl")


def test_the_scan_finds_the_actions_it_should() -> None:
    """A scan that found nothing would pass anything: these are known writers."""
    found = {action for f in written_actions() for action in f.actions}
    assert {
        "web-person-viewed",  # a constant in app/people.py
        "agenda-booked-for",  # app/agenda.py
        "claimed",  # a literal in app/handoffs.py
        "web-login",  # the console's own audit()
        "web-account-disabled",  # one branch of an if-expression
        "attendance_no_show",  # DYNAMIC
        "course_export",  # app/course_admin.py
        "web-care-special-viewed",  # app/intake.py
        "viewed_file",  # a relayed file opened in the console
    } <= found


def test_every_audit_action_written_has_an_italian_label() -> None:
    labelled = labelled_actions()
    missing = sorted(
        f"{action} ({f.path}:{f.line})"
        for f in written_actions()
        for action in f.actions
        if action not in labelled
    )
    assert not missing, "no label in web-audit-action-value (locales/it/web.ftl): " + ", ".join(
        missing
    )
