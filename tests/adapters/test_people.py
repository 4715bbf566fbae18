"""The console's people service and audit reader against real databases (SQLite and
PostgreSQL): search, the person's page, answers on request, export and erasure through the
code of /imieidati and /cancellami, and every look audited with the operator as actor."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app import audit, people
from app.catalogue import Catalogue
from dialogs import State
from store import conversations, handoffs
from store.models import AuditEntry, Course
from store.settings import PROJECT_ROOT
from tests.adapters.test_privacy import ANNA, NOW, SECRET_ANSWER, everything_in_the_database, fill

OPERATOR = "web:7"
ROME = "Europe/Rome"


async def _audit(sessions) -> list[tuple[str, str, int | None]]:  # type: ignore[no-untyped-def]
    async with sessions() as session:
        rows, _ = await audit.entries(session, audit.AuditFilter(), ROME, page_size=1000)
    return [(r.actor, r.action, r.telegram_id) for r in reversed(rows)]


async def test_search_by_name_id_and_comune(sessions) -> None:  # type: ignore[no-untyped-def]
    await fill(sessions, ANNA, "Anna Rossi")
    await fill(sessions, 777, "Marco 100%_vero", now=NOW + timedelta(hours=1))
    async with sessions.begin() as session:
        await conversations.record_prescreening(
            session, 777, rules_version="r1", outcome="to_check",
            answers={"residence": "in:Crema"}, criteria=[], now=NOW,
        )  # fmt: skip
    service = people.PeopleService(sessions)

    def ids(found: people.Search) -> list[int]:
        return [p.telegram_id for p in found.people]

    assert ids(await service.find()) == [777, ANNA]  # newest activity first
    assert ids(await service.find("anna")) == [ANNA]
    assert ids(await service.find("ROSSI")) == [ANNA]
    assert ids(await service.find("100%_")) == [777]
    assert ids(await service.find("0%")) == [777]  # % is a letter here, not a wildcard
    assert ids(await service.find("a%a")) == []
    assert ids(await service.find(str(ANNA))) == [ANNA]
    assert ids(await service.find("42")) == []  # an id matches whole, never in part
    assert ids(await service.find(comune="pandino")) == [ANNA]
    # Only the newest pre-screening counts: Marco's first said Pandino too.
    assert ids(await service.find(comune="Crema")) == [777]
    assert ids(await service.find("marco", comune="pandino")) == []
    assert ids(await service.find("x")) == []
    assert people.search_problem("x") == "web-people-error-short"
    assert people.search_problem("1" * 16) == "web-people-error-id"
    assert people.search_problem("Al") is None and people.search_problem("5") is None


async def test_search_pages(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        for i in range(people.PAGE_SIZE + 3):
            await conversations.record_consent(
                session, 1000 + i, version="v1", accepted=True, language="it",
                display_name=f"Persona {i}", now=NOW + timedelta(minutes=i),
            )  # fmt: skip
    service = people.PeopleService(sessions)
    first, second = await service.find(page=1), await service.find(page=2)
    assert (len(first.people), first.has_next) == (people.PAGE_SIZE, True)
    assert (len(second.people), second.has_next) == (3, False)
    assert second.people[-1].name == "Persona 0"
    assert not {p.telegram_id for p in first.people} & {p.telegram_id for p in second.people}


async def test_someone_without_a_profile_is_found_by_id_only(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        await handoffs.open_handoff(session, 555, "distress", True, NOW)
        await conversations.save_state(session, 555, State(language="ro"), NOW)
    service = people.PeopleService(sessions)
    found = await service.find("555")
    assert [(p.telegram_id, p.name) for p in found.people] == [(555, None)]
    page = await service.page(555, OPERATOR, NOW)
    assert (page.has_profile, page.language, page.handoffs[0].reason) == (False, "ro", "distress")
    assert (await service.find()).people == ()


async def test_the_page_hides_answers_until_asked_and_audits_both(sessions) -> None:  # type: ignore[no-untyped-def]
    await fill(sessions, ANNA, "Anna")
    service = people.PeopleService(sessions)
    page = await service.page(ANNA, OPERATOR, NOW)
    assert page.name == "Anna" and page.language == "it" and page.created_at == NOW
    assert page.consents == (("v1", True, NOW),)
    assert [s.outcome for s in page.screenings] == ["likely_eligible"]
    assert page.screenings[0].answers is None and not page.answers_shown
    assert SECRET_ANSWER not in repr(page)
    assert [a["status"] for a in page.appointments] == ["booked"]
    assert [c["course"] for c in page.courses] == ["Corso"]
    assert [(h.reason, h.status) for h in page.handoffs] == [("asked", "open")]
    shown = await service.page(ANNA, OPERATOR, NOW, with_answers=True)
    assert shown.screenings[0].answers == {"age": "45", "residence": SECRET_ANSWER}
    assert (await _audit(sessions))[-2:] == [
        (OPERATOR, "web-person-viewed", ANNA),
        (OPERATOR, "web-answers-viewed", ANNA),
    ]
    with pytest.raises(people.PersonNotFound):
        await service.page(31337, OPERATOR, NOW)
    assert (await _audit(sessions))[-1][1] == "web-answers-viewed"  # nothing for nobody


async def test_export_is_the_imieidati_documents_and_is_audited(sessions) -> None:  # type: ignore[no-untyped-def]
    await fill(sessions, ANNA, "Anna")
    catalogue = Catalogue.load(PROJECT_ROOT / "locales")
    html_doc, json_doc = await people.PeopleService(sessions).export(
        ANNA, OPERATOR, NOW, catalogue, "ufficio@example.org"
    )
    data = json.loads(json_doc.content)
    assert data["profile"]["name"] == "Anna"
    assert data["prescreenings"][0]["answers"]["residence"] == SECRET_ANSWER
    assert html_doc.filename.endswith(".html") and b"ufficio@example.org" in html_doc.content
    assert (await _audit(sessions))[-1] == (OPERATOR, "exported", ANNA)
    with pytest.raises(people.PersonNotFound):
        await people.PeopleService(sessions).export(9, OPERATOR, NOW, catalogue, "x@y.z")


async def test_erasure_is_the_cancellami_one(sessions) -> None:  # type: ignore[no-untyped-def]
    await fill(sessions, ANNA, "Annabella")
    await fill(sessions, 777, "Marco")
    service = people.PeopleService(sessions)
    await service.page(ANNA, OPERATOR, NOW)
    await service.erase(ANNA, OPERATOR, NOW)
    after = await everything_in_the_database(sessions)
    assert str(ANNA) not in after and "Annabella" not in after and "Marco" in after
    async with sessions() as session:
        assert await session.scalar(select(Course.seats_taken)) == 1  # her seat is free
        entries = (await session.execute(select(AuditEntry.actor, AuditEntry.action))).all()
    # The operator's look stays, no longer linked to her; the erasure names the operator.
    assert (OPERATOR, "web-person-viewed") in entries and (OPERATOR, "erased") in entries
    assert all(telegram_id != ANNA for *_, telegram_id in await _audit(sessions))
    with pytest.raises(people.PersonNotFound):
        await service.erase(ANNA, OPERATOR, NOW)
    assert (await service.find("annabella")).people == ()


async def test_erasure_names_the_topic_to_tell(sessions) -> None:  # type: ignore[no-untyped-def]
    """The topic stays in the operators' group, so it must hear why the person went quiet."""
    await fill(sessions, ANNA, "Annabella")  # she had a handoff, so a topic
    async with sessions.begin() as session:
        await conversations.record_consent(
            session, 888, version="v1", accepted=True, language="it", display_name="Ugo", now=NOW
        )
        topic = await handoffs.topic_of(session, ANNA)
    assert topic is not None
    service = people.PeopleService(sessions)
    assert await service.erase(ANNA, OPERATOR, NOW) == topic.thread_id
    assert await service.erase(888, OPERATOR, NOW) is None  # never asked for a person


async def test_audit_filters_pages_and_csv(sessions) -> None:  # type: ignore[no-untyped-def]
    await fill(sessions, ANNA, "Anna")
    await fill(sessions, 777, "Marco")
    service = people.PeopleService(sessions)
    await service.page(ANNA, OPERATOR, NOW)
    # 23:30 in Rome on the 26th is still the 26th there, though the 27th nowhere else.
    late = NOW.replace(hour=22, minute=30) + timedelta(days=1)
    await service.page(777, "web:8", late)
    await service.page(ANNA, "web:8", NOW + timedelta(days=5))

    async def found(**wanted: object) -> list[tuple[str, str, int | None]]:
        async with sessions() as session:
            rows, _ = await audit.entries(session, audit.AuditFilter(**wanted), ROME)  # type: ignore[arg-type]
        return [(r.actor, r.action, r.telegram_id) for r in rows]

    assert await found(actors=("web:8",)) == [
        ("web:8", "web-person-viewed", ANNA),
        ("web:8", "web-person-viewed", 777),
    ]
    assert await found(actors=()) == []
    assert await found(telegram_id=777, action="web-person-viewed") == [
        ("web:8", "web-person-viewed", 777)
    ]
    assert await found(since=date(2026, 11, 26), until=date(2026, 11, 26)) == [
        ("web:8", "web-person-viewed", 777)
    ]
    assert len(await found(until=date(2026, 11, 25))) == 3  # with the fills' self-exports
    async with sessions() as session:
        first, more = await audit.entries(session, audit.AuditFilter(), ROME, page_size=2)
        rest, no_more = await audit.entries(session, audit.AuditFilter(), ROME, page=3, page_size=2)
        assert (len(first), more, len(rest), no_more) == (2, True, 1, False)  # 5 in all
        assert "web-person-viewed" in await audit.actions(session)
        rows = await audit.all_entries(session, audit.AuditFilter(actors=("web:8",)), ROME)
    text = audit.as_csv(rows, ROME, {"web:8": "=cmd|' /C calc'!A0"})
    lines = text.splitlines()
    assert lines[0] == "id,at,actor,actor_name,action,telegram_id"
    assert lines[2].endswith(",web:8,'=cmd|' /C calc'!A0,web-person-viewed,777")
    assert "2026-11-26T23:30:00+01:00" in lines[2]
