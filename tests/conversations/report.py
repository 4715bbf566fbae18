"""Prints the conversation set's pass rate per language.

    .venv/bin/python -m tests.conversations.report [--e2e]

It runs the conversations in-process with the real Rasa server (about 15 s after the
model is loaded); with --e2e also the ones marked `e2e: true`, through the emulator and
the bot process. The table is printed at the end, as in any pytest run of this folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--e2e", action="store_true", help="also run end to end")
    args = parser.parse_args()
    files = [HERE / "test_conversations.py"]
    if args.e2e:
        files.append(HERE / "test_conversations_e2e.py")
    return int(pytest.main([*map(str, files), "-q", "-p", "no:cacheprovider", "-rN"]))


if __name__ == "__main__":
    sys.exit(main())
