"""The six-month follow-up end to end: Anna left the programme six months ago and agreed to
be asked; the follow-up job sends her the question through a real PTB Bot to the Bot API
emulator, she presses "Lavoro per qualcuno", the real bot process records it, and the
funder's EECR05 counts her. Lucia types "2" instead of pressing: the question's buttons are
what typed words answer (app/shown.py), so she is recorded as self-employed. Marco, who
said no at his exit, is not asked.

As in test_attendance.py, the test runs the job itself (`FollowUpMessenger.run`, the one
the bot's scheduler runs every ten minutes) with a clock set to a Monday morning, on the
bot's own database, so no test waits for a timer or depends on the day it runs; the button
is handled by the real bot process.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from telegram import Bot

from app.catalogue import Catalogue
from app.intake import IntakeService
from app.intake_config import IntakeConfig
from app.reporting.care_source import CareRecordSource
from app.reporting.indicators import Period, compute, load_indicators
from app.shown import RememberingMessenger, ShownButtons
from bot.messenger import TelegramMessenger
from scheduler.followup import FollowUpMessenger
from store.db import create_engine_async, session_factory
from store.settings import PROJECT_ROOT
from tests.e2e.db import eventually, rows
from tests.e2e.people import Person
from tests.e2e.processes import BotProcess
from tests.emulator.models import TgUser
from tests.emulator.server import BotApiEmulator

pytestmark = [pytest.mark.e2e, pytest.mark.bot_env(DEMO_SLOTS="false")]

CATALOGUE = Catalogue.load(PROJECT_ROOT / "locales")
TAKEN = datetime(2026, 1, 12, 9, tzinfo=UTC)
EXITED = datetime(2026, 5, 30, 9, tzinfo=UTC)  # due 30/11/2026
MONDAY_MORNING = datetime(2026, 11, 30, 9, tzinfo=UTC)  # 10:00 in Rome


@pytest.fixture
async def job_bot(emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Bot]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    async with Bot(
        emulator.token, base_url=emulator.base_url, base_file_url=emulator.base_file_url
    ) as bot:
        yield bot


async def _exit_six_months_ago(sessions, telegram_id: int, consent: str) -> None:  # type: ignore[no-untyped-def]
    service = IntakeService(sessions, IntakeConfig.load())
    form = {"taken_in_charge_on": "2026-01-12", "gender": "female"}
    assert (await service.take_in_charge(telegram_id, form, ["sil"], "Carla", "web:1", TAKEN)).ok
    out = {"exit_on": "2026-05-30", "exit_outcome": "job_searching", "followup_consent": consent}
    assert (await service.record_exit(telegram_id, out, "Carla", "web:1", EXITED)).ok


async def test_asked_six_months_after_and_counted_by_the_funder(
    bot: BotProcess,
    bot_env: dict[str, str],
    emulator: BotApiEmulator,
    consented_anna: Person,
    job_bot: Bot,
    tmp_path: Path,
) -> None:
    anna = consented_anna
    marco = Person(emulator, TgUser(id=1002, first_name="Marco", language_code="it"))
    await marco.command("/start")
    await marco.press("Accetto")
    await marco.expect(1)
    lucia = Person(emulator, TgUser(id=1003, first_name="Lucia", language_code="it"))
    await lucia.command("/start")
    await lucia.press("Accetto")
    await lucia.expect(1)
    engine = create_engine_async(bot_env["DATABASE_URL"])
    try:
        sessions = session_factory(engine)
        await _exit_six_months_ago(sessions, anna.chat_id, "yes")
        await _exit_six_months_ago(sessions, marco.chat_id, "no")
        await _exit_six_months_ago(sessions, lucia.chat_id, "yes")
        marked: list[int] = []

        async def mark(telegram_id: int) -> None:
            marked.append(telegram_id)

        job = FollowUpMessenger(
            sessions,
            # As the bot's runtime builds it: delivered buttons answer typed words.
            RememberingMessenger(
                TelegramMessenger(job_bot, CATALOGUE), ShownButtons(sessions, CATALOGUE.label_text)
            ),
            "Europe/Rome",
            lambda: MONDAY_MORNING,
            mark,
        )
        assert await job.run() == 2
        question = await anna.reply()
        assert "Sono passati 6 mesi" in question.text
        labels = [text for row in question.buttons for text, _ in row]
        assert labels[:5] == [
            "Lavoro per qualcuno",
            "Lavoro in proprio",
            "Sto meglio di prima",
            "Niente di nuovo",
            "Preferisco non dire",
        ]
        assert await job.run() == 0  # never twice
        thanks = await anna.press("Lavoro per qualcuno")
        assert thanks.text.startswith("Grazie per la risposta!")
        assert "Sono passati 6 mesi" in (await lucia.reply()).text
        typed = await lucia.say("2")
        assert typed.text.startswith("Grazie per la risposta!")
        await eventually(
            lambda: sorted(rows(tmp_path, "SELECT followup_status, followup_by FROM care_records"
                                " WHERE followup_status IS NOT NULL"))
            == [("employed", "self"), ("self_employed", "self")]
        )  # fmt: skip
        # The person can still use everything: the menu answers.
        assert "Cosa vuoi fare" in (await anna.command("/menu")).text
        assert not any("6 mesi" in m.text for m in emulator.sent_messages(marco.chat_id))
        assert marked == []
        async with sessions() as session:
            records = await CareRecordSource(as_of=date(2026, 12, 1)).participants(session)
        indicators = load_indicators(PROJECT_ROOT / "config" / "indicators.yaml")
        november = Period(date(2026, 11, 1), date(2026, 11, 30))
        assert compute(indicators, records, november, ()).row("EECR05").total == 2
        counted = rows(
            tmp_path, "SELECT metric, count FROM funder_counts WHERE metric LIKE 'followup%'"
        )
        assert dict(counted) == {
            "followup_asked": 2,
            "followup_answered_employed": 1,
            "followup_answered_self_employed": 1,
        }
    finally:
        await engine.dispose()
