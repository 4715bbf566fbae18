"""The programme data file (config/programme.yaml): office contacts and notice version."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from dialogs.model import Office


@dataclass(frozen=True)
class Programme:
    privacy_notice_version: str
    controller: str
    office: Office


def load_programme(path: Path) -> Programme:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Programme(
        privacy_notice_version=str(data["privacy_notice_version"]),
        controller=str(data["controller"]),
        office=Office(**{k: str(v) for k, v in data["office"].items()}),
    )
