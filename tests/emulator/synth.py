"""Build minimal spec-conformant objects for results the emulator does not model itself.

A generic answer of ``{}`` for, say, exportChatInviteLink's ChatInviteLink would make
python-telegram-bot fail to de-json it; filling every *required* field with a neutral value
keeps unmodelled methods usable while still being honest (empty strings, zeros, False).
"""

from __future__ import annotations

import time
from typing import Any

from .spec import ARRAY_PREFIX, BotApiSpec

_PRIMITIVE_DEFAULTS: dict[str, Any] = {
    "Integer": 0,
    "Float": 0.0,
    "String": "",
    "Boolean": False,
    "InputFile": "",
}
_MAX_DEPTH = 8


def synthesize(
    spec: BotApiSpec, type_name: str, overrides: dict[str, Any] | None = None, _depth: int = 0
) -> Any:
    if type_name in _PRIMITIVE_DEFAULTS:
        return _PRIMITIVE_DEFAULTS[type_name]
    if type_name.startswith(ARRAY_PREFIX) or _depth > _MAX_DEPTH:
        return []
    obj = spec.object(type_name)
    if obj is None:
        return None
    if obj.is_union:
        return synthesize(spec, obj.subtypes[0], overrides, _depth + 1)
    result: dict[str, Any] = {}
    for spec_field in obj.fields.values():
        if not spec_field.required:
            continue
        if spec_field.const is not None:
            result[spec_field.name] = spec_field.const
        elif spec_field.name.endswith("date") and spec_field.types[0] == "Integer":
            result[spec_field.name] = int(time.time())
        else:
            result[spec_field.name] = synthesize(spec, spec_field.types[0], None, _depth + 1)
    result.update(overrides or {})
    return result
