"""What taking a person in charge may record: config/intake.yaml (the fields with their
purpose and legal basis, the services, the kinds of step, the exit outcomes, the follow-up
question) and config/comuni_ambito.csv (the comuni of the Ambito), read once into a
frozen `IntakeConfig` that the form checks and the pages label values with.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from app.followup import FollowUpConfig
from store import care
from store.settings import PROJECT_ROOT

INTAKE_FILE = PROJECT_ROOT / "config" / "intake.yaml"
COMUNI_FILE = PROJECT_ROOT / "config" / "comuni_ambito.csv"


@dataclass(frozen=True)
class Field:
    """One intake field of config/intake.yaml."""

    key: str
    label: str
    kind: str  # choice, year, comune
    values: Mapping[str, str]  # for a choice: value -> Italian label
    optional: bool
    special_category: bool  # GDPR art. 9
    sensitive: bool  # not art. 9, but could expose the person
    purpose: str
    legal_basis: str
    hint: str | None = None
    default: str | None = None

    @property
    def apart(self) -> bool:
        """Shown apart, optional, and only on request: 'Dati particolari (facoltativi)'."""
        return self.special_category or self.sensitive


@dataclass(frozen=True)
class IntakeConfig:
    version: str
    purpose: str
    legal_basis: str
    services: Mapping[str, str]
    step_kinds: Mapping[str, str]
    kinds_with_host: frozenset[str]
    step_statuses: Mapping[str, str]
    exit_outcomes: Mapping[str, str]
    exit_purpose: str
    exit_legal_basis: str
    fields: tuple[Field, ...]
    comuni: Mapping[str, str]  # ISTAT code -> name, the 48 of the Ambito
    # The six-month follow-up: the exit form's consent question and the statuses.
    followup: FollowUpConfig

    @classmethod
    def load(cls, path: Path = INTAKE_FILE, comuni_file: Path = COMUNI_FILE) -> IntakeConfig:
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        with comuni_file.open(encoding="utf-8") as stream:
            comuni = {row["codice_istat"]: row["nome"] for row in csv.DictReader(stream)}
        kinds: dict[str, Any] = data["step_kinds"]
        fields = tuple(
            Field(
                key=key,
                label=str(spec["label"]),
                kind=str(spec.get("kind", "choice")),
                values={str(k): str(v) for k, v in (spec.get("values") or {}).items()},
                optional=bool(spec.get("optional", False)),
                special_category=bool(spec.get("special_category", False)),
                sensitive=bool(spec.get("sensitive", False)),
                purpose=" ".join(str(spec["purpose"]).split()),
                legal_basis=" ".join(str(spec["legal_basis"]).split()),
                hint=spec.get("hint"),
                default=spec.get("default"),
            )
            for key, spec in data["fields"].items()
        )
        unknown = {f.key for f in fields} - set(care.CATEGORY_COLUMNS)
        if unknown:
            raise ValueError(f"config/intake.yaml: fields without a column: {sorted(unknown)}")
        return cls(
            version=str(data["version"]),
            purpose=" ".join(str(data["purpose"]).split()),
            legal_basis=" ".join(str(data["legal_basis"]).split()),
            services={str(k): str(v) for k, v in data["services"].items()},
            step_kinds={str(k): str(v["label"]) for k, v in kinds.items()},
            kinds_with_host=frozenset(k for k, v in kinds.items() if v.get("host")),
            step_statuses={str(k): str(v) for k, v in data["step_statuses"].items()},
            exit_outcomes={str(k): str(v) for k, v in data["exit_outcomes"].items()},
            exit_purpose=" ".join(str(data["exit_purpose"]).split()),
            exit_legal_basis=" ".join(str(data["exit_legal_basis"]).split()),
            fields=fields,
            comuni=dict(sorted(comuni.items(), key=lambda item: item[1])),
            followup=FollowUpConfig.from_yaml(data["followup"]),
        )

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    @property
    def common(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.apart)

    @property
    def apart(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.apart)

    def label(self, key: str, value: object) -> str:
        """A stored value in words ('female' -> 'Donna'); '—' for none."""
        if value is None or value == "":
            return "—"
        spec = self.field(key)
        if spec.kind == "comune":
            return self.comuni.get(str(value), str(value))
        return spec.values.get(str(value), str(value))

    def comune_code(self, name: str) -> str | None:
        wanted = name.strip().casefold()
        return next((k for k, v in self.comuni.items() if v.casefold() == wanted), None)
