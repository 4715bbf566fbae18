"""Check one Bot API request against the reduced spec, decoding values on the way.

Top-level parameters arrive as strings (form fields; the real Bot API server turns JSON
bodies into strings too), so they are decoded per the declared type: ``"123"`` is an
Integer, ``"true"`` a Boolean, objects and arrays are JSON text. Inside those JSON values
types must match exactly: a bot that sends ``"5"`` where an Integer belongs has a bug.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from . import limits
from .models import Problem, UploadedFile
from .spec import ARRAY_PREFIX, BotApiSpec, MethodSpec, ObjectSpec

_INT_RE = re.compile(r"-?\d+")
_ATTACH = "attach://"
# String fields that name a file (InputMedia*.media and friends) may say attach://<part>.
_FILE_FIELDS = frozenset(
    {"media", "thumbnail", "cover", "photo", "video", "animation", "sticker", "audio",
     "document", "voice", "video_note"}
)  # fmt: skip


@dataclass(slots=True)
class Validated:
    params: dict[str, Any]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(slots=True)
class _Match:
    """Outcome of reading a value as one candidate type."""

    shaped: bool  # the value has this type's basic shape (dict for objects, ...)
    value: Any = None
    problems: list[Problem] = field(default_factory=list)
    mismatch: int = 0  # unknown/missing/const-violating fields: how wrong a shape guess is


@dataclass(slots=True)
class _Request:
    files: dict[str, UploadedFile]
    used_files: set[str] = field(default_factory=set)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, float):
        return "Float"
    if isinstance(value, str):
        return f"String {value[:40]!r}"
    if isinstance(value, list):
        return "Array"
    if isinstance(value, dict):
        return "Object"
    if isinstance(value, UploadedFile):
        return "uploaded file"
    return type(value).__name__


def _type_error(path: str, types: tuple[str, ...], value: Any) -> Problem:
    expected = " or ".join(types)
    return Problem(
        f'Bad Request: field "{path}" must be of type {expected}',
        f"{path}: got {_describe(value)}",
    )


class Validator:
    def __init__(self, spec: BotApiSpec):
        self.spec = spec

    # ----------------------------------------------------------------- entry point

    def validate(
        self, method: MethodSpec, raw: dict[str, Any], files: dict[str, UploadedFile]
    ) -> Validated:
        """``raw`` holds top-level values as received: strings, or JSON values."""
        request = _Request(files)
        params: dict[str, Any] = {}
        problems: list[Problem] = []
        for name, value in raw.items():
            if name not in method.fields:
                problems.append(Problem(f'Bad Request: unknown parameter "{name}"', name))
                continue
            if value is None:
                continue
            match = self._read_top(value, method.fields[name].types, name, request)
            params[name] = match.value
            problems += match.problems
        for name, upload in files.items():
            # A part named like a field is a direct upload ("document"=<file>).
            if name in method.fields and name not in raw:
                if "InputFile" in method.fields[name].types:
                    params[name] = upload
                    request.used_files.add(name)
                else:
                    problems.append(_type_error(name, method.fields[name].types, upload))
        for spec_field in method.fields.values():
            present = raw.get(spec_field.name) is not None or spec_field.name in params
            if spec_field.required and not present:
                problems.append(
                    Problem(
                        f'Bad Request: parameter "{spec_field.name}" is required',
                        f"{spec_field.name} missing",
                    )
                )
        for name in sorted(files.keys() - request.used_files):
            if problems:
                break  # an earlier error may have stopped us before the attach:// reference
            problems.append(
                Problem(f'Bad Request: unknown parameter "{name}"', f"unreferenced file {name}")
            )
        if not problems:
            problems += limits.check_method(method.name, params)
        return Validated(params, problems)

    # ------------------------------------------------------------- top-level reads

    def _read_top(self, value: Any, types: tuple[str, ...], path: str, request: _Request) -> _Match:
        if not isinstance(value, str | UploadedFile):
            # JSON body: the real server stringifies top-level values, so do we.
            value = json.dumps(value)
        return self._read(value, types, path, request, form=True)

    # ------------------------------------------------------------ type dispatching

    def _read(
        self, value: Any, types: tuple[str, ...], path: str, request: _Request, *, form: bool
    ) -> _Match:
        arrays = [t for t in types if t.startswith(ARRAY_PREFIX)]
        if len(arrays) > 1:
            # sendMediaGroup's "Array of InputMediaAudio, InputMediaDocument, ...": Telegram
            # accepts mixed arrays (photos with videos), so check items against any of them.
            items = "|".join(t.removeprefix(ARRAY_PREFIX) for t in arrays)
            types = (*(t for t in types if t not in arrays), ARRAY_PREFIX + items)
        narrowed = self._narrow(value, types, path, form)
        if isinstance(narrowed, Problem):
            return _Match(True, value, [narrowed], mismatch=1)
        # Try String last, so that chat_id="123" (Integer or String) decodes as 123.
        ordered = sorted(narrowed, key=lambda t: t == "String")
        best: _Match | None = None
        for type_name in ordered:
            match = self._read_one(value, type_name, path, request, form=form)
            if match.shaped and not match.problems:
                return match
            if match.shaped and (
                best is None
                or (match.mismatch, len(match.problems)) < (best.mismatch, len(best.problems))
            ):
                best = match
        if best is not None:
            return best
        return _Match(False, value, [_type_error(path, types, value)])

    def _narrow(
        self, value: Any, types: tuple[str, ...], path: str, form: bool
    ) -> tuple[str, ...] | Problem:
        """Pick union members by their discriminator ("type": "photo") when there is one."""
        objects = [self.spec.object(t) for t in types]
        if len(types) < 2 or any(o is None or o.is_union for o in objects):
            return types
        if form and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return types
        if not isinstance(value, dict):
            return types
        candidates = [o for o in objects if o is not None]
        for key in ("type", "status", "source"):
            consts = [o.fields[key].const if key in o.fields else None for o in candidates]
            if None in consts or key not in value:
                continue
            pairs = zip(candidates, consts, strict=True)
            chosen = tuple(o.name for o, const in pairs if const == value[key])
            if chosen:
                return chosen
            return Problem(
                f'Bad Request: unsupported {key} "{value[key]}"',
                f"{path}.{key}: expected one of {sorted(set(map(str, consts)))}",
            )
        return types

    def _read_one(
        self, value: Any, type_name: str, path: str, request: _Request, *, form: bool
    ) -> _Match:
        if type_name.startswith(ARRAY_PREFIX):
            items = tuple(type_name.removeprefix(ARRAY_PREFIX).split("|"))
            return self._read_array(value, items, path, request, form)
        reader = {
            "Integer": self._read_integer,
            "Float": self._read_float,
            "Boolean": self._read_boolean,
            "String": self._read_string,
            "InputFile": self._read_file,
        }.get(type_name)
        if reader is not None:
            return reader(value, path, request, form)
        obj = self.spec.object(type_name)
        if obj is None:
            return _Match(False)
        if form:
            if not isinstance(value, str):
                return _Match(False)
            try:
                value = json.loads(value)
            except ValueError:
                return _Match(False)
        if obj.is_union:
            return self._read_union(value, obj, path, request)
        if not isinstance(value, dict):
            return _Match(False)
        return self._read_object(value, obj, path, request)

    # ---------------------------------------------------------------- primitives

    @staticmethod
    def _read_integer(value: Any, path: str, request: _Request, form: bool) -> _Match:
        if form and isinstance(value, str) and _INT_RE.fullmatch(value):
            return _Match(True, int(value))
        if not form and isinstance(value, int) and not isinstance(value, bool):
            return _Match(True, value)
        return _Match(False)

    @staticmethod
    def _read_float(value: Any, path: str, request: _Request, form: bool) -> _Match:
        if form and isinstance(value, str):
            try:
                return _Match(True, float(value))
            except ValueError:
                return _Match(False)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return _Match(True, value)
        return _Match(False)

    @staticmethod
    def _read_boolean(value: Any, path: str, request: _Request, form: bool) -> _Match:
        if form and value in ("true", "false"):
            return _Match(True, value == "true")
        if not form and isinstance(value, bool):
            return _Match(True, value)
        return _Match(False)

    @staticmethod
    def _read_string(value: Any, path: str, request: _Request, form: bool) -> _Match:
        if not isinstance(value, str):
            return _Match(False)
        field_name = path.rsplit(".", 1)[-1].split("[", 1)[0]
        if value.startswith(_ATTACH) and field_name in _FILE_FIELDS:
            return Validator._read_file(value, path, request, form)
        return _Match(True, value)

    @staticmethod
    def _read_file(value: Any, path: str, request: _Request, form: bool) -> _Match:
        if isinstance(value, UploadedFile):
            return _Match(True, value)
        if isinstance(value, str) and value.startswith(_ATTACH):
            name = value.removeprefix(_ATTACH)
            request.used_files.add(name)
            if name in request.files:
                return _Match(True, value)
            return _Match(
                True,
                value,
                [Problem("Bad Request: wrong file identifier/HTTP URL specified", f"{path}: "
                         f"no multipart part named {name!r}")],
            )  # fmt: skip
        return _Match(False)

    # ---------------------------------------------------------- arrays and objects

    def _read_array(
        self, value: Any, item_types: tuple[str, ...], path: str, request: _Request, form: bool
    ) -> _Match:
        if form:
            if not isinstance(value, str):
                return _Match(False)
            try:
                value = json.loads(value)
            except ValueError:
                return _Match(False)
        if not isinstance(value, list):
            return _Match(False)
        items: list[Any] = []
        problems: list[Problem] = []
        for index, item in enumerate(value):
            match = self._read(item, item_types, f"{path}[{index}]", request, form=False)
            items.append(match.value)
            problems += match.problems
        return _Match(True, items, problems)

    def _read_object(
        self, value: dict[str, Any], obj: ObjectSpec, path: str, request: _Request
    ) -> _Match:
        result: dict[str, Any] = {}
        problems: list[Problem] = []
        mismatch = 0
        for key, item in value.items():
            spec_field = obj.fields.get(key)
            where = f"{path}.{key}"
            if spec_field is None:
                problems.append(Problem(f'Bad Request: unknown field "{key}" in {obj.name}', where))
                mismatch += 1
                continue
            if spec_field.const is not None and item != spec_field.const:
                problems.append(
                    Problem(
                        f'Bad Request: field "{where}" must be "{spec_field.const}"',
                        f"{where}={item!r}",
                    )
                )
                mismatch += 1
                continue
            match = self._read(item, spec_field.types, where, request, form=False)
            result[key] = match.value
            problems += match.problems
        for spec_field in obj.fields.values():
            if spec_field.required and spec_field.name not in value:
                problems.append(
                    Problem(
                        f'Bad Request: field "{path}.{spec_field.name}" is required in {obj.name}',
                        f"{path}.{spec_field.name} missing",
                    )
                )
                mismatch += 1
        if not problems:
            problems = limits.check_object(obj.name, result, path)
        return _Match(True, result, problems, mismatch)

    def _read_union(self, value: Any, union: ObjectSpec, path: str, request: _Request) -> _Match:
        # RichText's members include plain "String" and "Array of RichText".
        match = self._read(value, union.subtypes, path, request, form=False)
        if not match.shaped:
            match.problems = [_type_error(path, (union.name,), value)]
        return match
