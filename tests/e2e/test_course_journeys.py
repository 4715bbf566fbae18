"""Course journeys through the real bot, the real Rasa server and the emulator, on the demo
catalogue that `make run` loads into an empty database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.e2e.conftest import OPERATORS_GROUP
from tests.e2e.people import Person
from tests.emulator.models import MessageView, TgUser
from tests.emulator.server import BotApiEmulator

pytestmark = [pytest.mark.e2e, pytest.mark.bot_env(OFFERS_CHECK_SECONDS="1")]


def labels(message: MessageView) -> list[str]:
    return [text for row in message.buttons for text, _ in row]


def enrolments(tmp_path: Path, code: str) -> list[tuple[int, str]]:
    with sqlite3.connect(tmp_path / "proximity.sqlite3") as conn:
        return conn.execute(
            "SELECT b.telegram_id, e.status FROM enrolments e"
            " JOIN courses c ON c.id = e.course_id JOIN beneficiaries b ON b.id = e.beneficiary_id"
            " WHERE c.code = ? ORDER BY e.id",
            (code,),
        ).fetchall()


async def consent(person: Person) -> None:
    await person.command("/start")
    await person.press("Accetto")
    await person.expect(1)


async def test_browse_read_sign_up_and_withdraw(
    consented_anna: Person, emulator: BotApiEmulator, tmp_path: Path
) -> None:
    anna = consented_anna
    topics = await anna.command("/corsi")
    assert "Che corso cerchi" in topics.text
    assert any("Informatica" in label for label in labels(topics))
    listed = await anna.press("Informatica")
    card = await anna.press("Informatica di base")
    assert "📚 Informatica di base" in card.text and "Incontri" in card.text
    ask = await anna.press("Iscrivimi")
    assert "Vuoi iscriverti" in ask.text
    done = await anna.press("Sì, iscrivimi")
    assert "è confermata" in done.text
    ics = await anna.reply()
    assert ics.method == "sendDocument"
    sent = emulator.calls_to("sendDocument")[-1].files["document"].data
    events = Calendar.from_ical(sent).walk("VEVENT")
    assert len(events) >= 2  # every session of the course
    assert enrolments(tmp_path, "informatica_base") == [(anna.chat_id, "enrolled")]
    notice = await emulator.next_message(OPERATORS_GROUP, timeout=15)
    assert "Iscritto" in notice.text and "Informatica di base" in notice.text
    assert listed.text

    mine = await anna.press("I miei corsi")
    assert "Informatica di base" in mine.text and "iscrizione confermata" in mine.text
    ask_leave = await anna.press("Ritirati da")
    assert "Vuoi davvero ritirarti" in ask_leave.text
    left = await anna.press("Sì, mi ritiro")
    assert "Hai lasciato il corso" in left.text
    assert enrolments(tmp_path, "informatica_base") == [(anna.chat_id, "withdrawn")]


async def test_a_course_named_in_words_opens_its_card(consented_anna: Person) -> None:
    card = await consented_anna.say("mi iscrivi al corso di informatica?")
    assert "📚 Informatica di base" in card.text
    haccp = await consented_anna.say("vorrei fare il corso haccp")
    assert "HACCP" in haccp.text


async def test_full_course_waiting_list_then_promoted_on_withdrawal(
    bot, emulator: BotApiEmulator, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    people = [
        Person(emulator, TgUser(id=2000 + n, first_name=f"P{n}", language_code="it"))
        for n in range(3)
    ]
    for person in people:
        await consent(person)
        card = await person.say("vorrei il corso per il patentino del muletto")
        assert "Patentino del muletto" in card.text
        await person.press("Iscrivimi")
        result = await person.press("Sì, iscrivimi")
        if "è confermata" in result.text:
            assert (await person.reply()).method == "sendDocument"
    first, second, third = people
    assert "lista d'attesa" in third.last.text and "numero 1" in third.last.text
    assert enrolments(tmp_path, "carrellista") == [
        (first.chat_id, "enrolled"),
        (second.chat_id, "enrolled"),
        (third.chat_id, "waiting"),
    ]

    await first.command("/corsi")
    await first.press("I miei corsi")
    await first.press("Ritirati da")
    await first.press("Sì, mi ritiro")
    offer = await third.reply()
    assert "Si è liberato un posto" in offer.text
    # Typed, not pressed: the offer the bot sent on its own is what "sì" answers.
    accepted = await third.say("sì")
    assert "è tuo" in accepted.text
    statuses = dict(enrolments(tmp_path, "carrellista"))
    assert statuses == {
        first.chat_id: "withdrawn",
        second.chat_id: "enrolled",
        third.chat_id: "enrolled",
    }


async def test_the_case_card_shows_courses(
    consented_anna: Person, emulator: BotApiEmulator
) -> None:
    card = await consented_anna.say("mi iscrivi al corso di informatica?")
    assert "Informatica di base" in card.text
    await consented_anna.press("Iscrivimi")
    await consented_anna.press("Sì, iscrivimi")
    await consented_anna.reply()  # the calendar file
    await emulator.next_message(OPERATORS_GROUP, timeout=15)  # the enrolment notice
    await consented_anna.press("Parla con una persona")
    case = await emulator.next_message(OPERATORS_GROUP, timeout=15)
    assert "🎓 Informatica di base · ✅" in case.text


async def test_an_english_speaker_reads_the_course_in_english(
    bot, emulator: BotApiEmulator, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    emma = Person(emulator, TgUser(id=2100, first_name="Emma", language_code="en"))
    await emma.command("/start")
    await emma.press("I agree")
    await emma.expect(1)
    topics = await emma.command("/corsi")
    assert any("Computers" in label for label in labels(topics))
    listed = await emma.press("Computers")
    assert any("Basic computer skills" in label for label in labels(listed))
    card = await emma.press("Basic computer skills")
    assert "📚 Basic computer skills" in card.text
    assert "For people who rarely use a computer" in card.text
    assert "Cost: free" in card.text
    assert "Informatica di base" not in card.text and "(in Italian" not in card.text
    ask = await emma.press("Sign me up")
    assert "Basic computer skills" in ask.text
    done = await emma.press("Yes, sign me up")
    assert "Basic computer skills" in done.text
    assert (await emma.reply()).method == "sendDocument"
    # The calendar names the course in English too.
    sent = emulator.calls_to("sendDocument")[-1].files["document"].data
    summaries = {str(e["SUMMARY"]) for e in Calendar.from_ical(sent).walk("VEVENT")}
    assert summaries == {"PROXIMITY.CR: Basic computer skills"}
    assert enrolments(tmp_path, "informatica_base") == [(emma.chat_id, "enrolled")]
    mine = await emma.press("My courses")
    assert "Basic computer skills" in mine.text
