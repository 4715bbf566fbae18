"""Privacy and language journeys through the real bot, Rasa and the emulator."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from pathlib import Path

import pytest

from tests.e2e.people import Person
from tests.emulator.server import BotApiEmulator

TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d)?")

pytestmark = pytest.mark.e2e


def table_dump(tmp_path: Path) -> str:
    with sqlite3.connect(tmp_path / "proximity.sqlite3") as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return "\n".join(
            f"{t}: {row}"
            for t in tables
            if t != "alembic_version"
            for row in conn.execute(f'SELECT * FROM "{t}"')
        )


# No demo slots and courses: their ids and dates would hold the age's digits too.
@pytest.mark.bot_env(DEMO_SLOTS="false")
async def test_export_then_erase(
    consented_anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    await consented_anna.command("/requisiti")
    await consented_anna.reply()
    await consented_anna.say("ho 47 anni")  # stored as a pre-screening answer

    ready = await consented_anna.command("/imieidati")
    assert "due file" in ready.text
    documents = await consented_anna.expect(2)
    assert {d.method for d in documents} == {"sendDocument"}
    files = {
        c.files["document"].filename: c.files["document"].data
        for c in emulator.calls_to("sendDocument")
    }
    as_json = json.loads(next(data for name, data in files.items() if name.endswith(".json")))
    assert as_json["profile"]["name"] == "Anna"
    assert as_json["conversation"]["answers"] == [["age", "47"]]
    as_html = next(data for name, data in files.items() if name.endswith(".html")).decode()
    assert "<h1>I tuoi dati in Proximity</h1>" in as_html and "Anna" in as_html

    before = table_dump(tmp_path)
    assert "Anna" in before and str(consented_anna.chat_id) in before
    confirm = await consented_anna.command("/cancellami")
    assert "Non si può tornare indietro" in confirm.text
    done = await consented_anna.press("Sì, cancella tutto")
    assert "Ho cancellato tutti i tuoi dati" in done.text
    # The goodbye itself is an outbox row until its send is recorded, a moment later.
    for _ in range(50):
        if str(consented_anna.chat_id) not in table_dump(tmp_path):
            break
        await asyncio.sleep(0.1)
    after = table_dump(tmp_path)
    assert "Anna" not in after and str(consented_anna.chat_id) not in after
    # Timestamps (18:47:12) may hold the digits of the age; the age itself must be gone.
    assert "47" not in TIMESTAMP.sub("", after)

    again = await consented_anna.say("ciao")
    assert "consenso" in again.text  # a new start: consent is asked again


async def test_language_from_telegram_and_switching_mid_flow(bot, emulator: BotApiEmulator) -> None:  # type: ignore[no-untyped-def]
    from tests.emulator.models import TgUser

    ion = Person(emulator, TgUser(id=3003, first_name="Ion", language_code="ro"))
    welcome = await ion.command("/start")
    assert "PROXIMITY.CR" in welcome.text and "Ciao! Sono" not in welcome.text
    await ion.press("✅")
    await ion.reply()
    await ion.command("/requisiti")
    await ion.reply()
    residence = await ion.say("am 45 de ani")  # the age is understood in any language
    assert "ans:residence=in:Crema" in [data for row in residence.buttons for _, data in row]
    switched_menu = await ion.command("/lingua")
    assert "🇮🇹 Italiano" in [t for row in switched_menu.buttons for t, _ in row]
    changed = await ion.press("Italiano")
    assert "da adesso parlo italiano" in changed.text
    resume = await ion.reply()
    assert "Cosa vuoi fare" in resume.text
    assert "continuare da dove eri" in (await ion.command("/requisiti")).text
