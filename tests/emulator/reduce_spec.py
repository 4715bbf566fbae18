"""Reduce the official Bot API description to what the emulator validates against.

Usage: ``python -m tests.emulator.reduce_spec SRC DST``

The upstream ``api.json`` is ~1 MB, mostly prose. The emulator only needs, for every
method and type, the field names, their allowed types and whether they are required,
plus method return types and the members of union types (``InputMedia``,
``BotCommandScope``, ...). For union members we also keep the constant value of the
discriminator field (``"type": "photo"``, ``"status": "left"``), because without it a
validator cannot tell which member a JSON object is meant to be.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

# Discriminator descriptions look like 'Type of the media, must be photo' or
# 'The member's status in the chat, always "creator"'.
_CONST_RE = re.compile(r'(?:must be|always) [“"]?([a-z0-9_]+)[”"]?$')
_DISCRIMINATORS = frozenset({"type", "status", "source"})


def _reduce_fields(raw_fields: list[dict[str, Any]], keep_const: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for raw in raw_fields:
        entry: dict[str, Any] = {"types": list(raw["types"])}
        if raw.get("required"):
            entry["required"] = True
        if keep_const and raw["name"] in _DISCRIMINATORS:
            match = _CONST_RE.search(raw.get("description", "").strip())
            if match:
                entry["const"] = match.group(1)
        fields[raw["name"]] = entry
    return dict(sorted(fields.items()))


def reduce_spec(api: dict[str, Any]) -> dict[str, Any]:
    """Return the reduced spec as plain JSON-able data."""
    union_members = {member for obj in api["types"].values() for member in obj.get("subtypes", [])}
    methods = {
        name: {
            "fields": _reduce_fields(obj.get("fields", []), keep_const=False),
            "returns": list(obj.get("returns", [])),
        }
        for name, obj in api["methods"].items()
    }
    types: dict[str, Any] = {}
    for name, obj in api["types"].items():
        entry: dict[str, Any] = {}
        if obj.get("subtypes"):
            entry["subtypes"] = list(obj["subtypes"])
        else:
            entry["fields"] = _reduce_fields(
                obj.get("fields", []), keep_const=name in union_members
            )
        types[name] = entry
    return {
        "version": api["version"],
        "methods": dict(sorted(methods.items())),
        "types": dict(sorted(types.items())),
    }


def dumps(reduced: dict[str, Any]) -> str:
    """Serialise with one line per field: reviewable diffs without a 50k-line file."""
    lines = ["{", f'  "version": {json.dumps(reduced["version"])},']
    for section in ("methods", "types"):
        lines.append(f'  "{section}": {{')
        items = list(reduced[section].items())
        for index, (name, entry) in enumerate(items):
            lines.append(f"    {json.dumps(name)}: {{")
            parts: list[str] = []
            if "fields" in entry:
                if entry["fields"]:
                    field_lines = [
                        f"        {json.dumps(fname)}: {json.dumps(fspec, ensure_ascii=False)}"
                        for fname, fspec in entry["fields"].items()
                    ]
                    parts.append('      "fields": {\n' + ",\n".join(field_lines) + "\n      }")
                else:
                    parts.append('      "fields": {}')
            if "returns" in entry:
                parts.append(f'      "returns": {json.dumps(entry["returns"])}')
            if "subtypes" in entry:
                parts.append(f'      "subtypes": {json.dumps(entry["subtypes"])}')
            lines.append(",\n".join(parts))
            lines.append("    }" + ("," if index < len(items) - 1 else ""))
        lines.append("  }" + ("," if section == "methods" else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path, help="official api.json")
    parser.add_argument("dst", type=Path, help="where to write the reduced spec")
    args = parser.parse_args(argv)
    api = json.loads(args.src.read_text(encoding="utf-8"))
    text = dumps(reduce_spec(api))
    json.loads(text)  # the hand-rolled serialiser must still produce valid JSON
    args.dst.write_text(text, encoding="utf-8")
    print(f"wrote {args.dst} ({len(text)} bytes, {api['version']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
