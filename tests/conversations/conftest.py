"""Fixtures for the conversation set: the real Rasa server, and per language one database
with the demo agenda and courses, served by the application service built as in production.

The pass rate per language is printed at the end of the run (see `report.py`).
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from cli.agenda import load_demo_slots
from cli.common import migrate_database
from cli.courses import load_demo_courses
from nlu.server import RasaServer
from runtime.services import Core, build_core
from store.settings import Settings
from tests.conversations import results
from tests.e2e.conftest import DATA as E2E_DATA
from tests.e2e.conftest import OPERATORS_GROUP
from tests.e2e.conftest import rasa_server as rasa_server  # the fixture

PROGRAMME_OPEN = E2E_DATA / "programme_open.yaml"  # the office always open: no clock in it


def settings_for(database: Path, var_dir: Path, rasa: RasaServer | None = None) -> Settings:
    return Settings(
        database_url=f"sqlite:///{database}",
        var_dir=var_dir,
        programme_file=PROGRAMME_OPEN,
        operator_chat_id=OPERATORS_GROUP,
        demo_slots=True,
        rasa_url=rasa.url if rasa else "",
        rasa_token=rasa.token if rasa else "",
        # A loaded 2-core machine must not turn a slow parse into "the NLU is down".
        nlu_timeout_seconds=15,
        telegram_bot_token="",
        _env_file=None,  # type: ignore[call-arg]
    )


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated once, with the demo agenda and courses; each language gets a copy."""
    folder = tmp_path_factory.mktemp("conversations")
    database = folder / "template.sqlite3"
    settings = settings_for(database, folder / "var")

    def prepare() -> None:  # the loaders run their own event loop
        migrate_database(settings)
        load_demo_slots(settings)
        load_demo_courses(settings)

    with ThreadPoolExecutor(1) as pool:
        pool.submit(prepare).result()
    return database


class World:
    """One database and one set of services per language file, built on first use."""

    def __init__(self, template: Path, folder: Path, rasa: RasaServer) -> None:
        self.template = template
        self.folder = folder
        self.rasa = rasa
        self.services: dict[str, tuple[Core, Path]] = {}
        self._lock = asyncio.Lock()

    async def for_language(self, language: str) -> tuple[Core, Path]:
        async with self._lock:
            if language not in self.services:
                database = self.folder / f"{language}.sqlite3"
                shutil.copyfile(self.template, database)
                # Handoffs open as with an operators' group; its Telegram side is not run
                # here, so the handoff effects are checked as effects.
                services = build_core(
                    settings_for(database, self.folder / "var", self.rasa),
                    operators_available=True,
                )
                self.services[language] = (services, database)
            return self.services[language]

    async def aclose(self) -> None:
        for services, _ in self.services.values():
            await services.aclose()


@pytest.fixture(scope="session")
async def world(
    template_database: Path,
    rasa_server: RasaServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[World]:
    built = World(template_database, tmp_path_factory.mktemp("languages"), rasa_server)
    yield built
    await built.aclose()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if results.OUTCOMES:
        terminalreporter.write_sep("=", "conversations: pass rate per language")
        for line in results.table():
            terminalreporter.write_line(line)
