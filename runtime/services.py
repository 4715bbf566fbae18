"""The parts every way of running the assistant shares, built once from the settings.

`build_core` gives the database, the NLU client, the catalogue, the programme data and the
assistant (the turn service). The console chat and the command line use it as it is; the
Telegram runtime (runtime/telegram.py) builds its own parts around it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.assistant import Assistant, Recorder, utc_now
from app.catalogue import Catalogue
from app.crash import CrashPoint, crash_point_from_env
from app.logs import pseudonymiser
from app.shown import ShownButtons
from dialogs.eligibility import Rules
from dialogs.places import Gazetteer
from nlu.client import NluClient
from nlu.language import LanguageDetector
from scheduler.maintenance import Retention
from store.agenda_config import load_agenda_config
from store.db import create_engine_async, session_factory
from store.gate import PriorityGate
from store.programme import Programme, load_programme
from store.settings import Settings


@dataclass(frozen=True)
class Core:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    nlu: NluClient
    catalogue: Catalogue
    programme: Programme
    assistant: Assistant
    retention: Retention
    # What a process's writes queue on (SQLite's one writer); shared by turns, inbox, outbox.
    gate: PriorityGate
    crash_point: CrashPoint
    # Buttons the bot sends on its own stay answerable by typing (app/shown.py).
    shown: ShownButtons

    async def aclose(self) -> None:
        await self.nlu.aclose()
        await self.engine.dispose()


def load_rules(path: Path) -> Rules:
    return Rules.from_mapping(yaml.safe_load(path.read_text(encoding="utf-8")))


def rasa_url(settings: Settings) -> str:
    return settings.rasa_url or f"http://127.0.0.1:{settings.rasa_port}"


def build_core(
    settings: Settings,
    *,
    operators_available: bool = False,
    recorder_for: Callable[[Catalogue], Recorder] | None = None,
) -> Core:
    """Everything but a front end. `operators_available`: an operators' group takes
    conversations over; `recorder_for`: where a turn writes what it sends (Telegram's
    outbox), made with the catalogue."""
    engine = create_engine_async(settings.database_url)
    sessions = session_factory(engine)
    nlu = NluClient(
        rasa_url(settings),
        settings.rasa_token,
        timeout=settings.nlu_timeout_seconds,
        cooldown=settings.nlu_cooldown_seconds,
    )
    programme = load_programme(settings.programme_file)
    catalogue = Catalogue.load(settings.locales_dir)
    # SQLite's one writer: turns queue in order, the outbox's marks go first (store/gate.py).
    gate = PriorityGate(enabled=engine.dialect.name == "sqlite")
    crash_point = crash_point_from_env()
    assistant = Assistant(
        sessions,
        nlu,
        programme,
        catalogue,
        confidence_threshold=settings.nlu_confidence_threshold,
        pseudonym=pseudonymiser(settings.var_dir / "pseudonym.key"),
        rules=load_rules(settings.eligibility_file),
        places=Gazetteer.from_csv(settings.comuni_ambito_file, settings.comuni_italia_file),
        timezone=settings.timezone,
        hours=programme.hours(settings.timezone, utc_now().date()),
        operators_available=operators_available,
        agenda_config=load_agenda_config(settings.appointments_file),
        turn_gate=gate,
        language_detector=LanguageDetector(catalogue.languages),
        recorder=recorder_for(catalogue) if recorder_for else None,
        crash_point=crash_point,
    )
    retention = Retention(
        sessions,
        inactive_months=settings.retention_inactive_months,
        idle_days=settings.retention_idle_days,
        message_days=settings.retention_message_days,
        clock=utc_now,
    )
    shown = ShownButtons(sessions, catalogue.label_text, gate)
    return Core(
        settings, engine, sessions, nlu, catalogue, programme, assistant, retention, gate,
        crash_point, shown,
    )  # fmt: skip
