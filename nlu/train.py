"""Train the Rasa model only when its inputs changed (content hash of config and data)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

NLU_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = NLU_DIR.parent
RASA_BIN = PROJECT_ROOT / ".venv-rasa" / "bin" / "rasa"
MODEL_NAME = "proximity-nlu"
MODELS_DIR = NLU_DIR / "models"
MODEL_PATH = MODELS_DIR / f"{MODEL_NAME}.tar.gz"
STAMP_PATH = MODELS_DIR / f"{MODEL_NAME}.sha256"


def rasa_env() -> dict[str, str]:
    env = dict(os.environ)
    env["RASA_TELEMETRY_ENABLED"] = "false"
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env["NO_PROXY"] = "127.0.0.1,localhost"
    return env


def training_inputs() -> list[Path]:
    files = [NLU_DIR / "config.yml", *sorted((NLU_DIR / "data").rglob("*.yml"))]
    domain = NLU_DIR / "domain.yml"
    return [*files, domain] if domain.exists() else files


def inputs_hash() -> str:
    digest = hashlib.sha256()
    for path in training_inputs():
        digest.update(str(path.relative_to(NLU_DIR)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def is_up_to_date() -> bool:
    return (
        MODEL_PATH.exists()
        and STAMP_PATH.exists()
        and STAMP_PATH.read_text().strip() == inputs_hash()
    )


def train(force: bool = False) -> bool:
    """Returns True when a new model was trained, False when the current one was kept."""
    if not force and is_up_to_date():
        return False
    if not RASA_BIN.exists():
        raise SystemExit(f"Rasa is not installed at {RASA_BIN}: run `make setup` first")
    MODELS_DIR.mkdir(exist_ok=True)
    started = time.monotonic()
    command = [
        str(RASA_BIN), "train", "nlu",
        "--config", "config.yml", "--nlu", "data",
        "--out", str(MODELS_DIR), "--fixed-model-name", MODEL_NAME,
    ]  # fmt: skip
    subprocess.run(command, cwd=NLU_DIR, env=rasa_env(), check=True)
    STAMP_PATH.write_text(inputs_hash() + "\n")
    print(f"NLU model trained in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return True


if __name__ == "__main__":
    train(force="--force" in sys.argv)
