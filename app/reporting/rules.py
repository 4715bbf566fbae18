"""The small rule language of config/indicators.yaml, compiled to plain predicates.

A rule is data, never code: nothing is evaluated, each form below is matched and turned
into a closure once, when the file is loaded, and anything else is refused with the place
it was found. The forms:

    everyone                                  every participant in the indicator's population
    no_one                                    none (what the records cannot tell; say why)
    {all: [rule, ...]}                        every rule holds (an empty list holds)
    {any: [rule, ...]}                        at least one holds (an empty list does not)
    {not: rule}
    {field: NAME, is: VALUE}                  equality; VALUE must be one NAME can hold
    {field: NAME, in: [VALUE, ...]}           one of them
    {field: NAME, not_in: [VALUE, ...]}       none of them (an unknown value is not in it)
    {field: NAME, at_least: N} / at_most: N   numbers (hours, birth_year); both may be given
    {field: NAME, known: true|false}          the field has a value (dates, optional ones)
    {age_at_entry: {at_least: A, at_most: B}} age in the year of entry (either bound optional)
    {exited_within_days: N}                   left at most N days after being taken in charge
    {attended: KIND, at_least: N}             appointments of that kind attended (N default 1)

Unknown values (a birth year not given, a special-category question not asked) never
satisfy a comparison, so they fall out of every category and stay in the total.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.reporting.records import CHOICES, DATES, NUMBERS, TEXTS, ParticipantRecord

Predicate = Callable[[ParticipantRecord], bool]

FIELDS = frozenset(CHOICES) | NUMBERS | TEXTS | DATES
COMPARISONS = ("is", "in", "not_in", "at_least", "at_most", "known")


class RuleError(ValueError):
    """A rule that is not one of the forms above; the message says where and why."""


def compile_rule(node: Any, where: str = "rule") -> Predicate:
    if node == "everyone":
        return _always
    if node == "no_one":
        return _never
    if not isinstance(node, Mapping):
        raise RuleError(f"{where}: expected 'everyone', 'no_one' or a mapping, got {node!r}")
    keys = set(node)
    if keys == {"all"} or keys == {"any"}:
        (op,) = keys
        items = node[op]
        if not isinstance(items, list):
            raise RuleError(f"{where}.{op}: expected a list of rules")
        parts = tuple(compile_rule(item, f"{where}.{op}[{i}]") for i, item in enumerate(items))
        if op == "all":
            return lambda r: all(p(r) for p in parts)
        return lambda r: any(p(r) for p in parts)
    if keys == {"not"}:
        inner = compile_rule(node["not"], f"{where}.not")
        return lambda r: not inner(r)
    if "field" in keys:
        return _field_rule(node, where)
    if keys == {"age_at_entry"}:
        low, high = _bounds(node["age_at_entry"], f"{where}.age_at_entry")
        return lambda r: _between(r.age_at_entry(), low, high)
    if keys == {"exited_within_days"}:
        days = _whole(node["exited_within_days"], f"{where}.exited_within_days")
        return lambda r: r.exit_on is not None and (r.exit_on - r.taken_in_charge_on).days <= days
    if "attended" in keys and keys <= {"attended", "at_least"}:
        kind = node["attended"]
        if not isinstance(kind, str) or not kind:
            raise RuleError(f"{where}.attended: expected the kind of appointment")
        least = _whole(node.get("at_least", 1), f"{where}.at_least")
        return lambda r: r.appointments_attended.get(kind, 0) >= least
    raise RuleError(
        f"{where}: unknown form with keys {sorted(keys)}; expected one of all, any, not, "
        "field, age_at_entry, exited_within_days, attended"
    )


def _field_rule(node: Mapping[str, Any], where: str) -> Predicate:
    name = node["field"]
    if name not in FIELDS:
        raise RuleError(f"{where}: '{name}' is not a field of a participant record; "
                        f"known: {', '.join(sorted(FIELDS))}")  # fmt: skip
    ops = set(node) - {"field"}
    unknown = ops - set(COMPARISONS)
    if unknown or not ops:
        raise RuleError(f"{where}: field '{name}' needs one of {', '.join(COMPARISONS)}"
                        + (f", not {sorted(unknown)}" if unknown else ""))  # fmt: skip
    if "known" in ops:
        if ops != {"known"} or not isinstance(node["known"], bool):
            raise RuleError(f"{where}: 'known' stands alone and is true or false")
        wanted = node["known"]
        return lambda r: (getattr(r, name) is not None) is wanted
    if ops & {"at_least", "at_most"}:
        if name not in NUMBERS or ops - {"at_least", "at_most"}:
            raise RuleError(f"{where}: at_least/at_most compare numbers, and '{name}' is not one")
        low, high = _bounds({k: node[k] for k in ops}, where)
        return lambda r: _between(getattr(r, name), low, high)
    if len(ops) != 1:
        raise RuleError(f"{where}: field '{name}' takes one comparison, got {sorted(ops)}")
    (op,) = ops
    if name in DATES or (name in NUMBERS and op != "is"):
        raise RuleError(f"{where}: '{name}' can only be compared with known or at_least/at_most")
    values = [node[op]] if op == "is" else node[op]
    if not isinstance(values, list):
        raise RuleError(f"{where}: '{op}' takes a list of values")
    allowed = CHOICES.get(name)
    for value in values:
        if allowed is not None and value not in allowed:
            raise RuleError(f"{where}: '{value}' is not a value of '{name}' "
                            f"(one of {', '.join(allowed)})")  # fmt: skip
        if name in TEXTS and not isinstance(value, str):
            # YAML reads 019035 as the number 19035: the leading zero would be lost.
            raise RuleError(f"{where}: '{name}' compares with text; quote {value!r}")
        if name in NUMBERS and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise RuleError(f"{where}: '{name}' compares with a number, not {value!r}")
    chosen = frozenset(values)
    if op == "not_in":
        return lambda r: (v := getattr(r, name)) is not None and v not in chosen
    return lambda r: getattr(r, name) in chosen


def _bounds(node: Any, where: str) -> tuple[float | None, float | None]:
    if not isinstance(node, Mapping) or not node or set(node) - {"at_least", "at_most"}:
        raise RuleError(f"{where}: expected at_least and/or at_most")
    low = _number(node.get("at_least"), f"{where}.at_least")
    high = _number(node.get("at_most"), f"{where}.at_most")
    if low is not None and high is not None and low > high:
        raise RuleError(f"{where}: at_least {low} is above at_most {high}")
    return low, high


def _number(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RuleError(f"{where}: expected a number, got {value!r}")
    return float(value)


def _whole(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RuleError(f"{where}: expected a whole number of 0 or more, got {value!r}")
    return value


def _between(value: float | None, low: float | None, high: float | None) -> bool:
    if value is None:
        return False
    return (low is None or value >= low) and (high is None or value <= high)


def _always(record: ParticipantRecord) -> bool:
    return True


def _never(record: ParticipantRecord) -> bool:
    return False
