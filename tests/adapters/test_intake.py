"""Taking a person in charge (app/intake.py) against real databases (SQLite and PostgreSQL):
the checks of every field, the record and its history, the kinds the bot then offers, the
exit, the special categories shown only on request, the export and the erasure."""

from __future__ import annotations

import contextlib
import json
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app import intake
from app.catalogue import Catalogue
from app.export_doc import export_documents
from app.intake import IntakeService
from app.intake_config import IntakeConfig
from app.intake_form import check_exit, check_intake, check_step
from app.people import PersonNotFound
from store import appointments, conversations, privacy
from store.agenda_config import load_agenda_config
from store.models import AuditEntry, CareChange, CareRecord, CareStep, FunderCount, Slot
from store.settings import PROJECT_ROOT
from tests.adapters.test_privacy import ANNA, NOW, everything_in_the_database, fill

CONFIG = IntakeConfig.load()
TODAY = date(2026, 11, 25)  # NOW in Rome
HOST = "Cooperativa Girasole Bianco"
COORDINATOR = "web:3"
FORM = {
    "taken_in_charge_on": "2026-11-20",
    "gender": "female",
    "education": "isced_3_4",
    "employment_at_entry": "long_term_unemployed",
    "birth_year": "1978",
    "comune_istat": "",
    "disability": "yes",
    "minority": "not_stated",
}


def test_the_keys_and_values_are_the_funders() -> None:
    """Another engineer computes the indicators on exactly these."""
    values = {f.key: set(f.values) for f in CONFIG.fields if f.kind == "choice"}
    assert values == {
        "gender": {"female", "male", "non_binary", "not_stated"},
        "education": {"isced_0_2", "isced_3_4", "isced_5_8", "not_stated"},
        "employment_at_entry": {
            "unemployed", "long_term_unemployed", "inactive", "employed", "not_stated",
        },
        **{
            key: {"yes", "no", "not_stated"}
            for key in (
                "disability", "third_country_national", "foreign_background", "minority",
                "homeless_or_housing_exclusion",
            )
        },
    }  # fmt: skip
    assert set(CONFIG.exit_outcomes) == {
        "employed", "self_employed", "education_training", "qualification", "job_searching",
        "left_programme", "moved_away",
    }  # fmt: skip
    assert {f.key for f in CONFIG.apart} == {
        "disability", "third_country_national", "foreign_background", "minority",
        "homeless_or_housing_exclusion",
    }  # fmt: skip
    assert all(f.optional for f in CONFIG.apart)
    assert {f.key for f in CONFIG.fields if f.special_category} == {"disability", "minority"}
    assert all(f.purpose and f.legal_basis for f in CONFIG.fields)
    assert "9(2)(g)" in CONFIG.field("disability").legal_basis
    assert len(CONFIG.comuni) == 48 and CONFIG.comuni["019035"] == "Crema"


def test_what_the_intake_form_refuses() -> None:
    good, problems = check_intake(CONFIG, FORM, ["sil", "asst"], TODAY)
    assert problems == {} and good is not None
    assert good.services == ("sil", "asst") and good.values["birth_year"] == 1978
    assert good.values["third_country_national"] is None  # optional, not asked
    assert good.values["comune_istat"] is None
    defaults, _ = check_intake(CONFIG, {"taken_in_charge_on": "20/11/2026"}, [], TODAY)
    assert defaults is not None and defaults.values["gender"] == "not_stated"
    # An empty comune takes the pre-screening's.
    taken, _ = check_intake(CONFIG, FORM, [], TODAY, comune_from_screening="019035")
    assert taken is not None and taken.values["comune_istat"] == "019035"

    bad = {
        **FORM,
        "taken_in_charge_on": "2026-11-26",  # tomorrow
        "gender": "woman",
        "birth_year": "78",
        "comune_istat": "019036",  # Cremona: not in the Ambito
        "disability": "maybe",
    }
    none, problems = check_intake(CONFIG, bad, ["sil", "police"], TODAY)
    assert none is None
    assert problems == {
        "taken_in_charge_on": "web-care-error-future",
        "services": "web-care-error-service",
        "gender": "web-care-error-value",
        "birth_year": "web-care-error-year",
        "comune_istat": "web-care-error-comune",
        "disability": "web-care-error-value",
    }
    assert check_intake(CONFIG, {"taken_in_charge_on": "31/02/2026"}, [], TODAY)[1] == {
        "taken_in_charge_on": "web-care-error-date"
    }
    assert check_intake(CONFIG, {}, [], TODAY)[1] == {
        "taken_in_charge_on": "web-care-error-date-missing"
    }


def test_what_the_path_and_the_exit_refuse() -> None:
    step = {"kind": "internship", "host": HOST, "starts_on": "2026-12-01", "ends_on": "2027-05-31"}
    found, problems = check_step(CONFIG, {**step, "weekly_hours": "20,5"}, entry=TODAY)
    assert problems == {} and found is not None and found.weekly_hours == 20.5
    assert found.status == "planned"
    assert check_step(CONFIG, {**step, "host": " "})[1] == {"host": "web-care-error-host"}
    assert check_step(CONFIG, {**step, "ends_on": "2026-11-30"})[1] == {
        "ends_on": "web-care-error-end-before-start"
    }
    for hours in ("-4", "0", "41", "tanti", "nan"):
        assert check_step(CONFIG, {**step, "weekly_hours": hours})[1] == {
            "weekly_hours": "web-care-error-hours"
        }, hours
    assert check_step(CONFIG, {"kind": "holiday", "status": "maybe"})[1] == {
        "kind": "web-care-error-kind",
        "status": "web-care-error-status",
    }
    assert check_step(CONFIG, {**step, "starts_on": "2026-11-01"}, entry=TODAY)[1] == {
        "starts_on": "web-care-error-before-entry"
    }
    entry = date(2026, 11, 20)
    done, problems = check_exit(
        CONFIG,
        {"exit_on": "2026-11-24", "exit_outcome": "employed", "followup_consent": "yes"},
        entry,
        TODAY,
    )
    assert problems == {} and done is not None and done.followup_consent
    assert check_exit(CONFIG, {"exit_on": "2026-11-19", "exit_outcome": "x"}, entry, TODAY)[1] == {
        "exit_on": "web-care-error-exit-before-entry",
        "exit_outcome": "web-care-error-outcome",
        "followup_consent": "web-followup-error-consent",
    }
    late = {"exit_on": "2026-11-26", "exit_outcome": "employed", "followup_consent": "no"}
    assert check_exit(CONFIG, late, entry, TODAY)[1] == {"exit_on": "web-care-error-future"}


async def _counts(sessions) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    async with sessions() as session:
        return tuple(  # type: ignore[return-value]
            [
                await session.scalar(select(func.count()).select_from(table))
                for table in (CareRecord, CareStep, CareChange)
            ]
        )


async def _offered_kinds(sessions) -> set[str]:  # type: ignore[no-untyped-def]
    """The kinds of free slots the bot's appointments flow would offer the person now."""
    config = load_agenda_config(PROJECT_ROOT / "config" / "appointments.yaml")
    async with sessions() as session:
        agenda = await appointments.load_agenda(session, ANNA, NOW, config)
    return {s.kind for s in agenda.free}


async def _slots(sessions) -> None:  # type: ignore[no-untyped-def]
    async with sessions.begin() as session:
        for hours, kind in enumerate(("orientation", "skills_assessment", "tutoring"), start=50):
            start = NOW + timedelta(hours=hours)
            session.add(
                Slot(
                    type=kind, starts_at=start, ends_at=start + timedelta(hours=1),
                    place_id="crema", operator="Giulia", created_at=NOW,
                )
            )  # fmt: skip


async def test_taking_in_charge_opens_the_kinds_and_keeps_every_change(sessions) -> None:  # type: ignore[no-untyped-def]
    await fill(sessions, ANNA, "Anna")
    await _slots(sessions)
    service = IntakeService(sessions, CONFIG)
    assert await _offered_kinds(sessions) == {"orientation"}

    # A bad form changes nothing.
    refused = await service.take_in_charge(
        ANNA, {**FORM, "gender": "x"}, ["sil"], "Carla", COORDINATOR, NOW
    )
    assert refused.problems == {"gender": "web-care-error-value"}
    assert await _counts(sessions) == (0, 0, 0)
    assert await _offered_kinds(sessions) == {"orientation"}

    done = await service.take_in_charge(ANNA, FORM, ["sil", "asst"], "Carla", COORDINATOR, NOW)
    assert done.ok
    assert await _offered_kinds(sessions) == {"orientation", "skills_assessment", "tutoring"}
    again = await service.take_in_charge(ANNA, FORM, [], "Marco", COORDINATOR, NOW)
    assert again.problems == {"form": "web-care-error-already"}

    later = NOW + timedelta(days=1)
    changed = await service.update_intake(
        ANNA, {**FORM, "education": "isced_5_8"}, ["sil", "asst"], "Carla", COORDINATOR, later
    )
    assert changed.ok
    # The same values again: nothing is recorded.
    assert (
        await service.update_intake(
            ANNA, {**FORM, "education": "isced_5_8"}, ["sil", "asst"], "Carla", COORDINATOR, later
        )
    ).ok
    step = {"kind": "internship", "host": HOST, "starts_on": "2026-12-01", "weekly_hours": "20"}
    assert (await service.add_step(ANNA, step, "Carla", COORDINATOR, later)).ok
    bad_step = await service.add_step(ANNA, {**step, "weekly_hours": "-3"}, "Carla", "x", later)
    assert bad_step.problems == {"weekly_hours": "web-care-error-hours"}
    view = await service.view(ANNA, COORDINATOR, later)
    record = view.open
    assert record is not None and len(record.steps) == 1
    step_id = record.steps[0].id
    assert await _funder_counts(sessions) == {"taken_in_charge": 1}  # planned: not started
    moved = {**step, "ends_on": "2027-03-31", "status": "ongoing"}
    assert (await service.change_step(ANNA, step_id, moved, "Dario", COORDINATOR, later)).ok
    with pytest.raises(LookupError):
        await service.change_step(ANNA, step_id + 99, moved, "Dario", COORDINATOR, later)

    view = await service.view(ANNA, COORDINATOR, later)
    record = view.open
    assert record is not None
    assert record.services == ("sil", "asst") and record.values["education"] == "isced_5_8"
    assert [c.action for c in record.changes] == [
        intake.STEP_CHANGED,
        intake.STEP_ADDED,
        intake.INTAKE_CHANGED,
        intake.TAKEN_IN_CHARGE,
    ]
    step_change = record.changes[0]
    assert step_change.by == "Dario"
    assert dict((k, (old, new)) for k, old, new in step_change.changes) == {
        "ends_on": (None, "2027-03-31"),
        "status": ("planned", "ongoing"),
    }
    assert record.changes[2].changes == (("education", "isced_3_4", "isced_5_8"),)

    # The exit: not before the entry; then the kinds close, and the record stays.
    wrong = await service.record_exit(
        ANNA,
        {"exit_on": "2026-11-01", "exit_outcome": "employed", "followup_consent": "no"},
        "Carla",
        COORDINATOR,
        later,
    )
    assert wrong.problems == {"exit_on": "web-care-error-exit-before-entry"}
    out = {"exit_on": "2026-11-26", "exit_outcome": "employed", "followup_consent": "no"}
    assert (await service.record_exit(ANNA, out, "Carla", COORDINATOR, later)).ok
    assert await _offered_kinds(sessions) == {"orientation"}
    # The dashboard's funnel: each step counted once, anonymously.
    assert await _funder_counts(sessions) == {
        "taken_in_charge": 1,
        "internship_started": 1,
        "exit_employed": 1,
    }
    with pytest.raises(intake.CareNotOpen):
        await service.add_step(ANNA, step, "Carla", COORDINATOR, later)
    # Taken in charge again: a new record; the first one is history.
    assert (await service.take_in_charge(ANNA, FORM, [], "Carla", COORDINATOR, later)).ok
    view = await service.view(ANNA, COORDINATOR, later)
    assert [r.is_open for r in view.records] == [True, False]
    assert view.records[1].exit_outcome == "employed"
    assert await _offered_kinds(sessions) == {"orientation", "skills_assessment", "tutoring"}

    async with sessions() as session:
        actions = list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    # Refused forms and the unchanged save audited nothing; reading without `audit` neither.
    assert actions == [
        "exported",  # fill()'s own
        intake.TAKEN_IN_CHARGE,
        intake.INTAKE_CHANGED,
        intake.STEP_ADDED,
        intake.STEP_CHANGED,
        intake.EXIT_RECORDED,
        intake.TAKEN_IN_CHARGE,
    ]


async def test_special_categories_only_on_request(sessions) -> None:  # type: ignore[no-untyped-def]
    await fill(sessions, ANNA, "Anna")
    service = IntakeService(sessions, CONFIG)
    assert (await service.take_in_charge(ANNA, FORM, [], "Carla", COORDINATOR, NOW)).ok
    plain = await service.view(ANNA, "web:9", NOW)
    record = plain.open
    assert record is not None and "disability" not in record.values
    assert record.values["gender"] == "female"
    opened = record.changes[0]
    assert "disability" in opened.hidden
    assert ("disability", None, None) in opened.changes
    shown = await service.view(ANNA, "web:9", NOW, with_special=True)
    assert shown.open is not None and shown.open.values["disability"] == "yes"
    async with sessions() as session:
        rows = (await session.execute(select(AuditEntry.actor, AuditEntry.action))).all()
    assert ("web:9", intake.SPECIAL_VIEWED) in rows
    assert sum(1 for _, action in rows if action == intake.SPECIAL_VIEWED) == 1
    with pytest.raises(PersonNotFound):
        await service.view(999, "web:9", NOW)


async def test_the_export_holds_it_all_and_the_erasure_leaves_nothing(sessions) -> None:  # type: ignore[no-untyped-def]
    await fill(sessions, ANNA, "Annabella")
    await fill(sessions, 777, "Marco")
    service = IntakeService(sessions, CONFIG)
    for telegram_id in (ANNA, 777):
        assert (await service.take_in_charge(telegram_id, FORM, ["sil"], "Carla", "x", NOW)).ok
        step = {"kind": "internship", "host": f"{HOST} {telegram_id}", "weekly_hours": "12"}
        assert (await service.add_step(telegram_id, step, "Carla", "x", NOW)).ok
    assert (
        await service.record_exit(
            ANNA,
            {"exit_on": "2026-11-25", "exit_outcome": "qualification", "followup_consent": "yes"},
            "Carla",
            "x",
            NOW,
        )
    ).ok

    async with sessions() as session:
        data = await privacy.personal_data(session, ANNA, NOW)
    (record,) = data["care"]
    assert record["disability"] == "yes" and record["gender"] == "female"
    assert record["exit_outcome"] == "qualification" and record["services"] == ["sil"]
    assert record["steps"][0]["host"] == f"{HOST} {ANNA}"
    assert [c["action"] for c in record["changes"]] == [
        intake.TAKEN_IN_CHARGE,
        intake.STEP_ADDED,
        intake.EXIT_RECORDED,
    ]
    catalogue = Catalogue.load(PROJECT_ROOT / "locales")
    as_html, as_json = export_documents(data, catalogue, "it", NOW, "info@example.org")
    page = as_html.content.decode()
    assert "Percorso con i servizi" in page and f"{HOST} {ANNA}" in page
    assert "disability: yes" in page and "qualification" in page
    assert json.loads(as_json.content)["care"][0]["steps"][0]["weekly_hours"] == 12.0

    before = await everything_in_the_database(sessions)
    assert f"{HOST} {ANNA}" in before  # the check below can fail
    async with sessions.begin() as session:
        assert await privacy.erase_person(session, ANNA, NOW, actor="self")
    after = await everything_in_the_database(sessions)
    assert f"{HOST} {ANNA}" not in after and "Annabella" not in after
    assert f"{HOST} 777" in after
    # Marco's record, step and changes stay; none of Anna's.
    assert await _counts(sessions) == (1, 1, 2)
    async with sessions() as session:
        marco = await conversations.find_beneficiary(session, 777)
        owners = set(await session.scalars(select(CareRecord.beneficiary_id)))
    assert marco is not None and owners == {marco.id}


@contextlib.asynccontextmanager
async def _two_processes(database_url: str):  # type: ignore[no-untyped-def]
    """Two engines on one migrated database, as two processes, with Anna in it: the first
    one's sessions, and an intake service on each."""
    from store.db import create_engine_async, session_factory
    from store.migrate import upgrade

    upgrade(database_url)
    engines = [create_engine_async(database_url) for _ in range(2)]
    try:
        first, second = (session_factory(engine) for engine in engines)
        await fill(first, ANNA, "Anna")
        yield first, [IntakeService(first, CONFIG), IntakeService(second, CONFIG)]
    finally:
        for engine in engines:
            await engine.dispose()


async def test_two_coordinators_at_once_one_record_and_a_clear_answer(database_url: str) -> None:  # type: ignore[no-untyped-def]
    """Two coordinators (two engines, as two processes) save the intake of the same person
    at the same instant: one record is opened, the other is told the person is already in
    charge (never an error page)."""
    import asyncio

    async with _two_processes(database_url) as (first, services):
        for round_ in range(4):
            results = await asyncio.gather(
                *(
                    s.take_in_charge(ANNA, FORM, ["sil"], "Carla", COORDINATOR, NOW)
                    for s in services
                )
            )
            assert sorted(r.ok for r in results) == [False, True], results
            assert [r.problems for r in results if not r.ok] == [{"form": "web-care-error-already"}]
            async with first() as session:
                open_ = await session.scalar(
                    select(func.count()).select_from(CareRecord).where(CareRecord.exit_on.is_(None))
                )
            assert open_ == 1, round_
            async with first.begin() as session:  # close it for the next round
                for record in await session.scalars(select(CareRecord)):
                    record.exit_on = TODAY
                    record.exit_outcome = "job_searching"


async def test_two_coordinators_record_the_exit_at_once_one_exit_counted(
    database_url: str,
) -> None:  # type: ignore[no-untyped-def]
    """Both save the exit form of the same person at the same instant (two engines, as two
    processes): one exit is recorded and counted once; the other finds the record closed
    (CareNotOpen: the page then shows the person), never a second count or history line."""
    import asyncio

    async with _two_processes(database_url) as (first, services):
        out = {"exit_on": "2026-11-25", "exit_outcome": "employed", "followup_consent": "no"}
        for round_ in range(3):
            assert (await services[0].take_in_charge(ANNA, FORM, ["sil"], "C", COORDINATOR, NOW)).ok
            results = await asyncio.gather(
                *(s.record_exit(ANNA, out, "Carla", COORDINATOR, NOW) for s in services),
                return_exceptions=True,
            )
            assert sorted(type(r).__name__ for r in results) == ["CareNotOpen", "Done"], results
            counts = await _funder_counts(first)
            assert counts["exit_employed"] == round_ + 1, counts
        async with first() as session:
            exits = await session.scalar(
                select(func.count())
                .select_from(CareChange)
                .where(CareChange.action == intake.EXIT_RECORDED)
            )
        assert exits == 3


async def _funder_counts(sessions) -> dict[str, int]:  # type: ignore[no-untyped-def]
    async with sessions() as session:
        rows = await session.execute(
            select(FunderCount.metric, func.sum(FunderCount.count)).group_by(FunderCount.metric)
        )
        return {
            metric: int(total)
            for metric, total in rows
            if not metric.startswith(("consent", "language"))
        }
