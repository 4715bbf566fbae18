"""The six-month follow-up (app/followup.py, scheduler/followup.py, store/followup.py) on
real databases (SQLite and PostgreSQL): the due day from the exit form, only with consent,
asked once (two runs, two runs at once, a crash after the send), only in daytime and not on
a Sunday, the refusals of the messaging port, the answer through a real turn, the
operator's record, and the funder's EECR05."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from app.followup import FOLLOWUP_RECORDED, FollowUpService, RecordNotClosed, due_on, may_ask_now
from app.intake import IntakeService
from app.intake_config import IntakeConfig
from app.ports import SlowDown, Unreachable
from app.reporting.care_source import CareRecordSource
from app.reporting.indicators import Period, compute, load_indicators
from dialogs.events import ButtonPressed
from dialogs.model import State
from runtime.services import Core, build_core
from scheduler.followup import FollowUpMessenger
from store import conversations, privacy
from store.models import AuditEntry, Beneficiary, CareChange, CareRecord, FunderCount
from store.settings import PROJECT_ROOT, Settings
from tests.memory_messenger import MemoryMessenger

CONFIG = IntakeConfig.load()
INDICATORS = load_indicators(PROJECT_ROOT / "config" / "indicators.yaml")
ANNA, MARCO, LUCA = 4242, 4343, 4444
EXIT = date(2026, 5, 29)  # due 29/11/2026, a Sunday
TAKEN = datetime(2026, 3, 2, 9, tzinfo=UTC)
EXITED = datetime(2026, 5, 29, 9, tzinfo=UTC)
SUNDAY_MORNING = datetime(2026, 11, 29, 9, tzinfo=UTC)  # 10:00 in Rome
MONDAY_DAWN = datetime(2026, 11, 30, 5, tzinfo=UTC)  # 06:00 in Rome: quiet hours
MONDAY_NIGHT = datetime(2026, 11, 30, 20, 30, tzinfo=UTC)  # 21:30 in Rome
MONDAY_MORNING = datetime(2026, 11, 30, 9, tzinfo=UTC)  # 10:00 in Rome
FORM = {"taken_in_charge_on": "2026-03-02", "gender": "female"}


@dataclass
class Clock:
    now: datetime = MONDAY_MORNING

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def core(database_url: str, tmp_path: Any) -> AsyncIterator[Core]:
    from store.migrate import upgrade

    upgrade(database_url)
    settings = Settings(database_url=database_url, var_dir=tmp_path, _env_file=None)
    built = build_core(settings)
    yield built
    await built.aclose()


async def _person(core: Core, telegram_id: int, language: str = "it") -> None:
    async with core.sessions.begin() as session:
        session.add(
            Beneficiary(
                telegram_id=telegram_id,
                display_name=f"Persona {telegram_id}",
                language=language,
                consent_version=core.programme.privacy_notice_version,
                consent_at=TAKEN,
                created_at=TAKEN,
                last_seen_at=TAKEN,
            )
        )


async def _exited(
    core: Core, telegram_id: int, consent: str, exit_on: date = EXIT, language: str = "it"
) -> None:
    """Taken in charge and exited through the coordinator's service, as the exit form does."""
    await _person(core, telegram_id, language)
    service = IntakeService(core.sessions, CONFIG)
    assert (await service.take_in_charge(telegram_id, FORM, ["sil"], "Carla", "web:1", TAKEN)).ok
    out = {"exit_on": exit_on.isoformat(), "exit_outcome": "job_searching"}
    done = await service.record_exit(
        telegram_id,
        {**out, "followup_consent": consent},
        "Carla",
        "web:1",
        datetime.combine(exit_on, EXITED.timetz()),
    )
    assert done.ok, done.problems


async def _record(core: Core, telegram_id: int) -> CareRecord:
    async with core.sessions() as session:
        found = await session.scalar(
            select(CareRecord)
            .join(Beneficiary, Beneficiary.id == CareRecord.beneficiary_id)
            .where(Beneficiary.telegram_id == telegram_id)
        )
        assert found is not None
        return found


def _job(core: Core, people: Any, clock: Clock, unreachable: list[int]) -> FollowUpMessenger:
    async def mark(telegram_id: int) -> None:
        unreachable.append(telegram_id)
        await core.assistant.mark_unreachable(telegram_id)

    return FollowUpMessenger(core.sessions, people, "Europe/Rome", clock, mark)


def test_the_due_day_is_six_calendar_months_after_the_exit() -> None:
    assert due_on(date(2026, 5, 29)) == date(2026, 11, 29)
    assert due_on(date(2026, 8, 31)) == date(2027, 2, 28)
    assert due_on(date(2027, 8, 31)) == date(2028, 2, 29)  # a leap year
    assert due_on(date(2026, 12, 15)) == date(2027, 6, 15)


@pytest.mark.parametrize(
    ("utc", "allowed"),
    [
        (SUNDAY_MORNING, False),
        (MONDAY_DAWN, False),
        (MONDAY_NIGHT, False),
        (MONDAY_MORNING, True),
        (datetime(2026, 11, 30, 7, 0, tzinfo=UTC), True),  # 08:00 in Rome: quiet hours end
        (datetime(2026, 11, 30, 19, 59, tzinfo=UTC), True),  # 20:59 in Rome
        (datetime(2026, 11, 28, 14, tzinfo=UTC), True),  # a Saturday afternoon
        (datetime(2026, 7, 6, 5, 30, tzinfo=UTC), False),  # 07:30 in summer time (UTC+2)
        (datetime(2026, 7, 6, 6, 30, tzinfo=UTC), True),  # 08:30 in summer time
    ],
)
def test_asked_only_in_daytime_and_not_on_sunday(utc: datetime, allowed: bool) -> None:
    assert may_ask_now(utc) is allowed


async def test_the_exit_keeps_the_consent_and_the_due_day(core: Core) -> None:
    await _exited(core, ANNA, "yes")
    await _exited(core, MARCO, "no")
    anna, marco = await _record(core, ANNA), await _record(core, MARCO)
    assert (anna.followup_consent, anna.followup_due_on) == (True, date(2026, 11, 29))
    assert (marco.followup_consent, marco.followup_due_on) == (False, date(2026, 11, 29))
    assert anna.followup_asked_at is anna.followup_status is None
    view = await IntakeService(core.sessions, CONFIG).view(ANNA, "web:1", MONDAY_MORNING)
    assert view.records[0].followup_consent is True
    assert dict((k, new) for k, _, new in view.records[0].changes[0].changes)[
        "followup_consent"
    ] is True  # fmt: skip
    # Without an answer the exit changes nothing.
    await _person(core, LUCA)
    service = IntakeService(core.sessions, CONFIG)
    assert (await service.take_in_charge(LUCA, FORM, [], "Carla", "web:1", TAKEN)).ok
    out = {"exit_on": "2026-05-29", "exit_outcome": "employed", "followup_consent": "maybe"}
    done = await service.record_exit(LUCA, out, "Carla", "web:1", EXITED)
    assert done.problems == {"followup_consent": "web-followup-error-consent"}
    assert (await _record(core, LUCA)).exit_on is None


async def test_asked_once_only_with_consent_in_daytime(core: Core) -> None:
    await _exited(core, ANNA, "yes", language="en")
    await _exited(core, MARCO, "no")
    await _exited(core, LUCA, "yes", exit_on=date(2026, 6, 1))  # due 1/12: not yet
    people, clock, unreachable = MemoryMessenger(), Clock(SUNDAY_MORNING), []
    job = _job(core, people, clock, unreachable)
    assert await job.run() == 0  # the due day is a Sunday
    for quiet in (MONDAY_DAWN, MONDAY_NIGHT):
        clock.now = quiet
        assert await job.run() == 0
    assert people.sent == []
    clock.now = MONDAY_MORNING
    assert await job.run() == 1
    (sent,) = people.sent
    assert (sent.chat_id, sent.language, sent.reply.key) == (ANNA, "en", "fu-question")
    actions = [(b.action, b.arg) for row in sent.reply.buttons for b in row]
    assert actions[:5] == [
        ("followup", "employed"),
        ("followup", "self_employed"),
        ("followup", "better_situation"),
        ("followup", "no_change"),
        ("followup", "unknown"),
    ]
    assert ("go", "person") in actions
    assert await job.run() == 0  # run again: nobody asked twice
    assert len(people.sent) == 1
    assert (await _record(core, ANNA)).followup_asked_at == MONDAY_MORNING
    assert (await _record(core, MARCO)).followup_asked_at is None  # said no: never
    clock.now = datetime(2026, 12, 1, 9, tzinfo=UTC)
    assert await job.run() == 1 and people.sent[-1].chat_id == LUCA
    async with core.sessions() as session:
        asked = await session.execute(
            select(FunderCount.month, FunderCount.count).where(
                FunderCount.metric == "followup_asked"
            )
        )
    assert sorted(asked.tuples().all()) == [("2026-11", 1), ("2026-12", 1)]


async def test_two_runs_at_once_ask_once(core: Core) -> None:
    for n in range(5):
        await _exited(core, 5000 + n, "yes")
    people = MemoryMessenger()
    first = _job(core, people, Clock(), [])
    second = _job(core, people, Clock(), [])
    counts = await asyncio.gather(first.run(), second.run(), first.run())
    assert sum(counts) == 5
    assert sorted(s.chat_id for s in people.sent) == [5000 + n for n in range(5)]


class CrashAfterSend(MemoryMessenger):
    """Delivers, then the process dies before anything after the send (as a SIGKILL would)."""

    async def send(self, *args: Any, **kwargs: Any) -> Any:
        await super().send(*args, **kwargs)
        raise SystemExit("killed after the send")


async def test_a_crash_after_the_send_does_not_ask_again(core: Core) -> None:
    await _exited(core, ANNA, "yes")
    crashing = CrashAfterSend()
    with pytest.raises(SystemExit):
        await _job(core, crashing, Clock(), []).run()
    assert len(crashing.sent) == 1
    restarted = MemoryMessenger()
    assert await _job(core, restarted, Clock(), []).run() == 0
    assert restarted.sent == []


async def test_what_the_messaging_port_answers(core: Core) -> None:
    await _exited(core, ANNA, "yes")
    await _exited(core, MARCO, "yes")
    people, unreachable = MemoryMessenger(), []
    # A flood limit: not delivered, so the claim is given back and the run stops.
    people.answer(ANNA, SlowDown(3))
    job = _job(core, people, Clock(), unreachable)
    assert await job.run() == 0
    assert [s.chat_id for s in people.sent] == [ANNA]
    assert (await _record(core, ANNA)).followup_asked_at is None
    # Next run: Anna gets it; Marco blocked the bot and is marked unreachable, not asked again.
    people.answer(MARCO, Unreachable("blocked"))
    assert await job.run() == 1
    assert unreachable == [MARCO]
    assert (await _record(core, MARCO)).followup_asked_at is not None
    assert await job.run() == 0
    assert len(people.delivered_to(ANNA)) == 1 and people.delivered_to(MARCO) == []


async def test_skipped_when_unreachable_recorded_or_erased(core: Core) -> None:
    await _exited(core, ANNA, "yes")
    await _exited(core, MARCO, "yes")
    await _exited(core, LUCA, "yes")
    await core.assistant.mark_unreachable(ANNA)
    recorded = await FollowUpService(core.sessions).record(
        MARCO,
        (await _record(core, MARCO)).id,
        {"followup_status": "employed", "followup_on": "2026-11-20"},
        "Dario",
        "web:2",
        MONDAY_MORNING,
    )
    assert recorded == {}
    async with core.sessions.begin() as session:
        assert await privacy.erase_person(session, LUCA, MONDAY_MORNING, actor="self")
    people = MemoryMessenger()
    assert await _job(core, people, Clock(), []).run() == 0
    assert people.sent == []


async def test_the_answer_in_the_chat_is_recorded_once(core: Core) -> None:
    await _exited(core, ANNA, "yes")
    await _exited(core, MARCO, "yes")
    async with core.sessions.begin() as session:
        # Anna accepted the current notice; Marco's was an older one (six months is long).
        consented = State(consent_version=core.programme.privacy_notice_version)
        await conversations.save_state(session, ANNA, consented, TAKEN)
        await conversations.save_state(session, MARCO, State(consent_version="0-old"), TAKEN)
    # A button pressed before any question was asked records nothing.
    early = await core.assistant.handle(ANNA, ButtonPressed("followup", "employed"))
    assert (await _record(core, ANNA)).followup_status is None
    assert [r.key for r in early.turn.replies] == ["fu-thanks"]
    people = MemoryMessenger()
    assert await _job(core, people, Clock(), []).run() == 2
    handled = await core.assistant.handle(ANNA, ButtonPressed("followup", "employed"))
    (thanks,) = handled.turn.replies
    assert thanks.key == "fu-thanks" and thanks.buttons  # the menu: everything still works
    record = await _record(core, ANNA)
    assert (record.followup_status, record.followup_by) == ("employed", "self")
    assert record.followup_on is not None
    # A second press (scrolled up) changes nothing: the first answer stays.
    await core.assistant.handle(ANNA, ButtonPressed("followup", "no_change"))
    assert (await _record(core, ANNA)).followup_status == "employed"
    # A forged value is the menu, and records nothing for Marco.
    forged = await core.assistant.handle(MARCO, ButtonPressed("followup", "rich"))
    assert forged.turn.replies[0].key == "button-expired"
    assert (await _record(core, MARCO)).followup_status is None
    # Marco answers before accepting the new notice: kept, thanked, then the notice.
    renewed = await core.assistant.handle(MARCO, ButtonPressed("followup", "no_change"))
    assert [r.key for r in renewed.turn.replies] == ["fu-thanks", "consent-renewed"]
    assert (await _record(core, MARCO)).followup_status == "no_change"
    async with core.sessions() as session:
        counted = dict(
            (await session.execute(select(FunderCount.metric, FunderCount.count))).tuples().all()
        )
        history = list(await session.scalars(select(CareChange.action)))
        audited = list(await session.scalars(select(AuditEntry.action)))
    assert counted.get("followup_answered_employed") == 1
    assert counted.get("followup_answered_no_change") == 1  # Marco's, not Anna's second
    assert history.count(FOLLOWUP_RECORDED) == 2 and audited.count(FOLLOWUP_RECORDED) == 2
    # What the indicators read: Anna is employed six months after, counted by EECR05.
    records = await _participants(core)
    assert sorted(r.followup_status for r in records) == ["employed", "no_change"]
    report = compute(INDICATORS, records, Period(date(2026, 11, 1), date(2026, 11, 30)), ())
    assert report.row("EECR05").total == 1
    assert report.row("CR06").total == 1


async def test_a_double_tap_answered_by_two_turns_at_once_counts_once(core: Core) -> None:
    """Two turns of Anna's answer run side by side (a double tap, two processes): the first
    holds its transaction open a moment; the second must find the question answered, not
    record and count it again. What makes it so: a turn writes the conversation first
    (app/assistant.py), and that row (PostgreSQL) or the file (SQLite) stays locked to the
    commit, so the second turn reads only after the first has committed."""
    from app.followup import record_self_answer

    await _exited(core, ANNA, "yes")
    assert await _job(core, MemoryMessenger(), Clock(), []).run() == 1
    async with core.sessions.begin() as session:  # she has chatted before
        await conversations.save_state(session, ANNA, State(), TAKEN)
    first_in = asyncio.Event()

    async def turn(status: str, hold: float) -> bool:
        async with core.sessions.begin() as session:
            await conversations.save_state(session, ANNA, State(), MONDAY_MORNING)
            kept = await record_self_answer(session, ANNA, status, MONDAY_MORNING, "Europe/Rome")
            first_in.set()
            await asyncio.sleep(hold)
            return kept

    async def second() -> bool:
        await first_in.wait()
        return await turn("no_change", 0)

    assert await asyncio.gather(turn("employed", 0.3), second()) == [True, False]
    assert (await _record(core, ANNA)).followup_status == "employed"
    async with core.sessions() as session:
        counted = dict(
            (await session.execute(select(FunderCount.metric, FunderCount.count))).tuples().all()
        )
    assert counted.get("followup_answered_employed") == 1
    assert "followup_answered_no_change" not in counted


async def _participants(core: Core) -> list[Any]:
    async with core.sessions() as session:
        return list(await CareRecordSource(as_of=date(2026, 12, 1)).participants(session))


async def test_the_operator_records_it_any_time_after_the_exit(core: Core) -> None:
    await _exited(core, ANNA, "no")
    service = FollowUpService(core.sessions)
    record_id = (await _record(core, ANNA)).id
    view = await service.view(ANNA, record_id, "web:2", MONDAY_MORNING)
    assert (view.consent, view.due_on, view.status) == (False, date(2026, 11, 29), None)
    bad = await service.record(
        ANNA, record_id, {"followup_status": "rich", "followup_on": "2026-01-01"}, "Dario",
        "web:2", MONDAY_MORNING,
    )  # fmt: skip
    assert bad == {
        "followup_status": "web-followup-error-status",
        "followup_on": "web-followup-error-before-exit",
    }
    future = {"followup_status": "self_employed", "followup_on": "2026-12-25"}
    assert (await service.record(ANNA, record_id, future, "Dario", "web:2", MONDAY_MORNING)) == {
        "followup_on": "web-care-error-future"
    }
    assert (await _record(core, ANNA)).followup_status is None  # nothing saved
    good = {"followup_status": "self_employed", "followup_on": "30/11/2026"}
    assert await service.record(ANNA, record_id, good, "Dario", "web:2", MONDAY_MORNING) == {}
    record = await _record(core, ANNA)
    assert (record.followup_status, record.followup_on, record.followup_by) == (
        "self_employed", date(2026, 11, 30), "Dario",
    )  # fmt: skip
    # Another person's record, or an open one, is not found.
    await _person(core, MARCO)
    with pytest.raises(RecordNotClosed):
        await service.view(MARCO, record_id, "web:2", MONDAY_MORNING)
    async with core.sessions() as session:
        audited = list(await session.scalars(select(AuditEntry.action)))
    assert "web-care-followup-viewed" in audited and FOLLOWUP_RECORDED in audited
    records = await _participants(core)
    report = compute(INDICATORS, records, Period(date(2026, 11, 1), date(2026, 11, 30)), ())
    assert report.row("EECR05").total == 1
    # The person's export carries it.
    async with core.sessions() as session:
        data = await privacy.personal_data(session, ANNA, MONDAY_MORNING)
    (care,) = data["care"]
    assert care["followup_status"] == "self_employed" and care["followup_consent"] is False


async def test_the_bot_runs_the_job(sqlite_url: str, tmp_path: Any) -> None:
    """The runtime as `proximity run` builds it: the follow-up job is in its scheduler, with
    the reminders' quiet hours."""
    from runtime.telegram import FOLLOWUP_CHECK_SECONDS, _background, build
    from store.migrate import upgrade

    upgrade(sqlite_url)
    settings = Settings(
        _env_file=None,
        telegram_bot_token="123456:TEST",
        database_url=sqlite_url,
        var_dir=tmp_path,
        operator_chat_id=None,
    )
    runtime = build(settings)
    scheduler = _background(runtime)
    try:
        job = scheduler.get_job("follow-up")
        assert job is not None and job.func == runtime.followup.run
        assert job.trigger.interval.total_seconds() == FOLLOWUP_CHECK_SECONDS
    finally:
        scheduler.shutdown(wait=False)
        await runtime.core.aclose()
