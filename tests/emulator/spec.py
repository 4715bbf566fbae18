"""Typed access to the reduced Bot API spec (``bot_api_spec.json``, see reduce_spec.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SPEC_PATH = Path(__file__).with_name("bot_api_spec.json")

PRIMITIVES = frozenset({"Integer", "Float", "String", "Boolean", "InputFile"})
ARRAY_PREFIX = "Array of "


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    types: tuple[str, ...]
    required: bool = False
    const: str | None = None


@dataclass(frozen=True, slots=True)
class ObjectSpec:
    name: str
    fields: dict[str, FieldSpec]
    subtypes: tuple[str, ...] = ()

    @property
    def is_union(self) -> bool:
        return bool(self.subtypes)


@dataclass(frozen=True, slots=True)
class MethodSpec:
    name: str
    fields: dict[str, FieldSpec]
    returns: tuple[str, ...]


def _fields(raw: dict[str, dict[str, object]]) -> dict[str, FieldSpec]:
    return {
        name: FieldSpec(
            name=name,
            types=tuple(entry["types"]),  # type: ignore[arg-type]
            required=bool(entry.get("required", False)),
            const=entry.get("const"),  # type: ignore[arg-type]
        )
        for name, entry in raw.items()
    }


class BotApiSpec:
    """Methods and types of one Bot API version."""

    def __init__(self, version: str, methods: dict[str, MethodSpec], types: dict[str, ObjectSpec]):
        self.version = version
        self.methods = methods
        self.types = types
        # Telegram matches method names case-insensitively (/bot<token>/SENDMESSAGE works).
        self._by_lower = {name.lower(): spec for name, spec in methods.items()}

    @classmethod
    def load(cls, path: Path = SPEC_PATH) -> BotApiSpec:
        raw = json.loads(path.read_text(encoding="utf-8"))
        methods = {
            name: MethodSpec(name, _fields(entry["fields"]), tuple(entry["returns"]))
            for name, entry in raw["methods"].items()
        }
        types = {
            name: ObjectSpec(
                name, _fields(entry.get("fields", {})), tuple(entry.get("subtypes", ()))
            )
            for name, entry in raw["types"].items()
        }
        return cls(raw["version"], methods, types)

    def method(self, name: str) -> MethodSpec | None:
        return self._by_lower.get(name.lower())

    def object(self, name: str) -> ObjectSpec | None:
        return self.types.get(name)


@cache
def default_spec() -> BotApiSpec:
    """The committed spec copy, parsed once per process (it is immutable)."""
    return BotApiSpec.load()
