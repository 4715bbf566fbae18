"""Pre-screening journeys through the real bot, the real Rasa server and the emulator."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.e2e.people import Person

pytestmark = pytest.mark.e2e


def labels(message) -> list[str]:  # type: ignore[no-untyped-def]
    return [text for row in message.buttons for text, _ in row]


def outcomes(tmp_path: Path) -> list[tuple[str, dict[str, str], str]]:
    with sqlite3.connect(tmp_path / "proximity.sqlite3") as conn:
        rows = conn.execute("SELECT outcome, answers, rules_version FROM prescreenings ORDER BY id")
        return [(outcome, json.loads(answers), version) for outcome, answers, version in rows]


async def test_eligible_with_free_text_ends_with_the_booking_offer(
    consented_anna: Person, tmp_path: Path
) -> None:
    first = await consented_anna.say("ho 45 anni e non lavoro, posso partecipare al progetto?")
    assert "alcune domande" in first.text
    question = await consented_anna.reply()
    assert "In quale Comune abiti" in question.text  # the age was already said
    # "non lavoro" was said already: the work question is skipped too.
    assert "Ti segue già un servizio" in (await consented_anna.say("abito a spino dada")).text
    assert "Unione Europea" in (await consented_anna.press("Sì")).text
    assert "DID" in (await consented_anna.press("Sì")).text
    result = await consented_anna.press("No")
    assert "Sembra che tu possa partecipare" in result.text
    assert "Spino d'Adda è nel Cremasco" in result.text
    assert "📅 Prenota un colloquio" in labels(result)
    assert "🙋 Parla con una persona" in labels(result)
    [(outcome, answers, version)] = outcomes(tmp_path)
    assert (outcome, answers["age"], answers["residence"], answers["work"]) == (
        "likely_eligible",
        "45",
        "in:Spino d'Adda",
        "not_working",
    )
    assert version == "2026-11-1"


async def test_ineligible_says_why_and_where_else_to_turn(
    consented_anna: Person, tmp_path: Path
) -> None:
    await consented_anna.command("/requisiti")
    await consented_anna.reply()
    assert "Comune" in (await consented_anna.say("sono nato nel 1950")).text
    assert "Adesso lavori" in (await consented_anna.say("Treviglio")).text
    await consented_anna.press("Sì, lavoro")
    await consented_anna.press("No")
    await consented_anna.press("Sì")
    result = await consented_anna.press("Sì")
    assert "non è per te" in result.text
    assert "al massimo 60 anni" in result.text
    assert "Treviglio (BG) non è tra i 48 Comuni" in result.text
    assert "Centro per l'Impiego" in result.text
    assert outcomes(tmp_path)[0][0] == "not_eligible"


async def test_interruption_resume_correction_and_annulla(consented_anna: Person) -> None:
    await consented_anna.command("/requisiti")
    assert "Quanti anni" in (await consented_anna.reply()).text
    assert "non ho capito" in (await consented_anna.say("7")).text
    assert "Quanti anni" in (await consented_anna.reply()).text  # asked again, kindly
    assert "In quale Comune" in (await consented_anna.say("52")).text
    assert "Ti scriverà qui" in (await consented_anna.say("posso parlare con un operatore?")).text
    assert "di nuovo l'assistente" in (await consented_anna.press("Torna al menu")).text
    await consented_anna.reply()  # the menu
    resume = await consented_anna.command("/requisiti")
    assert "continuare da dove eri" in resume.text
    assert "In quale Comune" in (await consented_anna.press("Continua")).text
    corrected = await consented_anna.say("ho sbagliato l'età")
    assert "correggiamo" in corrected.text
    assert "Quanti anni" in (await consented_anna.reply()).text
    stopped = await consented_anna.command("/annulla")
    assert "Ho fermato le domande" in stopped.text
