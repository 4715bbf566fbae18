"""Course seats and the waiting list, on SQLite and on the real PostgreSQL server.

Concurrent sign-ups each run in their own session and transaction, as concurrent turns do
in the bot. The clock is a parameter, so offers expire when the test says. After every
step the seat invariants are checked (`check_seats`):
- `seats_taken` equals the enrolled plus offered enrolments, never above `seats`;
- nobody waits while a seat is free (a newcomer would skip them);
- everyone holding a seat signed up before everyone still waiting (the order is kept);
- one live enrolment per person and course.
"""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from dialogs.course_view import CourseText
from store import course_admin, courses
from store.course_import import CourseSpec, Lesson, Translation
from store.models import ENROLLED, OFFERED, WAITING, Beneficiary, Course, Enrolment

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
FIRST_ID = 9000

Sessions = async_sessionmaker[AsyncSession]


def spec(code: str = "informatica_base", seats: int = 10, **changes: object) -> CourseSpec:
    start = NOW + 14 * DAY
    base = CourseSpec(
        code=code,
        title="Informatica di base",
        description="Per chi parte da zero.",
        category="informatica",
        place_id="crema",
        seats=seats,
        contact="Giulia",
        sessions=(
            Lesson(start, start + 3 * HOUR),
            Lesson(start + 2 * DAY, start + 2 * DAY + 3 * HOUR),
        ),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


async def add_people(sessions: Sessions, count: int, first: int = FIRST_ID) -> list[int]:
    ids = [first + n for n in range(count)]
    async with sessions.begin() as session:
        session.add_all(
            Beneficiary(
                telegram_id=i, display_name=f"Persona {i}", created_at=NOW, last_seen_at=NOW
            )
            for i in ids
        )
    return ids


async def add_course(sessions: Sessions, **kwargs: object) -> int:
    async with sessions.begin() as session:
        return (await course_admin.save_course(session, spec(**kwargs), NOW)).course_id  # type: ignore[arg-type]


async def enrol(sessions: Sessions, telegram_id: int, course_id: int, now: datetime = NOW) -> str:
    async with sessions.begin() as session:
        return (await courses.enrol(session, telegram_id, course_id, now)).status


async def withdraw(
    sessions: Sessions, telegram_id: int, course_id: int, now: datetime = NOW
) -> courses.Withdrawal:
    async with sessions.begin() as session:
        return await courses.withdraw(session, telegram_id, course_id, now)


async def answer(
    sessions: Sessions, telegram_id: int, enrolment_id: int, accept: bool, now: datetime
) -> courses.OfferAnswer:
    async with sessions.begin() as session:
        return await courses.answer_offer(session, telegram_id, enrolment_id, accept, now)


async def expire(sessions: Sessions, now: datetime) -> list[courses.Offer]:
    async with sessions.begin() as session:
        return await courses.expire_offers(session, now)


async def statuses(sessions: Sessions, course_id: int) -> dict[int, str]:
    """telegram id -> status of the newest enrolment, in enrolment order."""
    async with sessions() as session:
        rows = await session.execute(
            select(Beneficiary.telegram_id, Enrolment.status)
            .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
            .where(Enrolment.course_id == course_id)
            .order_by(Enrolment.id)
        )
        return dict(rows.all())


async def check_seats(sessions: Sessions, course_id: int) -> None:
    async with sessions() as session:
        course = await session.get(Course, course_id)
        rows = (
            (await session.execute(select(Enrolment).where(Enrolment.course_id == course_id)))
            .scalars()
            .all()
        )
    assert course is not None
    holding = [e.id for e in rows if e.status in (ENROLLED, OFFERED)]
    waiting = [e.id for e in rows if e.status == WAITING]
    assert course.seats_taken == len(holding) <= course.seats
    if waiting:
        assert course.seats_taken == course.seats, "somebody waits while a seat is free"
        assert max(holding) < min(waiting), "a later sign-up holds a seat before an earlier one"
    live = [e.beneficiary_id for e in rows if e.status in courses.LIVE]
    assert len(live) == len(set(live))


async def offered(sessions: Sessions, course_id: int) -> list[tuple[int, int]]:
    async with sessions() as session:
        rows = await session.execute(
            select(Beneficiary.telegram_id, Enrolment.id)
            .join(Beneficiary, Beneficiary.id == Enrolment.beneficiary_id)
            .where(Enrolment.course_id == course_id, Enrolment.status == OFFERED)
            .order_by(Enrolment.id)
        )
        return [(t, e) for t, e in rows.all()]


# ------------------------------------------------------------------ concurrency


async def test_fifty_simultaneous_sign_ups_for_ten_seats(sessions: Sessions) -> None:
    people = await add_people(sessions, 50)
    course_id = await add_course(sessions, seats=10)

    results = await asyncio.gather(
        *(enrol(sessions, i, course_id) for i in people), return_exceptions=True
    )

    assert [r for r in results if isinstance(r, BaseException)] == []  # no "database is locked"
    assert (results.count(ENROLLED), results.count(WAITING)) == (10, 40)
    await check_seats(sessions, course_id)
    order = await statuses(sessions, course_id)
    assert list(order.values()) == [ENROLLED] * 10 + [WAITING] * 40  # by enrolment id
    async with sessions() as session:
        listed = await course_admin.enrolment_list(session, course_id)
        card = await courses.get(session, course_id, NOW)
    assert [r.position for r in listed if r.status == WAITING] == list(range(1, 41))
    assert card is not None and (card.seats_left, card.waiting) == (0, 40)
    assert card.goes_to_waiting_list


async def test_a_double_tap_takes_one_seat(sessions: Sessions) -> None:
    [anna] = await add_people(sessions, 1)
    course_id = await add_course(sessions, seats=10)

    results = await asyncio.gather(
        *(enrol(sessions, anna, course_id) for _ in range(6)), return_exceptions=True
    )

    assert results.count(ENROLLED) == 1
    assert all(isinstance(r, courses.AlreadyEnrolled) for r in results if r != ENROLLED)
    await check_seats(sessions, course_id)


async def test_withdrawals_racing_sign_ups_skip_nobody(sessions: Sessions) -> None:
    people = await add_people(sessions, 30)
    course_id = await add_course(sessions, seats=10)
    for i in people[:20]:
        await enrol(sessions, i, course_id)  # 10 enrolled, 10 waiting
    leaving, newcomers = people[:5], people[20:]

    results = await asyncio.gather(
        *(withdraw(sessions, i, course_id) for i in leaving),
        *(enrol(sessions, i, course_id) for i in newcomers),
        return_exceptions=True,
    )

    assert [r for r in results if isinstance(r, BaseException)] == []
    assert results[len(leaving) :] == [WAITING] * len(newcomers)  # the line was not empty
    await check_seats(sessions, course_id)
    # The five freed seats went to the first five in line, nobody else.
    assert [t for t, _ in await offered(sessions, course_id)] == people[10:15]


# ------------------------------------------------------------------ the waiting list


async def test_accept_decline_timeout_and_withdraw_during_an_offer(sessions: Sessions) -> None:
    anna, bruno, carla, dario, elena, fatima = await add_people(sessions, 6)
    course_id = await add_course(sessions, seats=2)
    for person in (anna, bruno, carla, dario, elena):
        await enrol(sessions, person, course_id)
    await check_seats(sessions, course_id)

    # Bruno withdraws: Carla, first in line, is offered his seat for 24 hours.
    done = await withdraw(sessions, bruno, course_id)
    assert done.offer is not None and done.offer.telegram_id == carla
    assert done.offer.expires_at == NOW + 24 * HOUR
    await check_seats(sessions, course_id)

    # Carla declines: the seat goes to Dario.
    declined = await answer(sessions, carla, done.offer.enrolment_id, False, NOW + HOUR)
    assert declined.enrolment.status == courses.DECLINED
    assert declined.offer is not None and declined.offer.telegram_id == dario
    dario_offer = declined.offer
    await check_seats(sessions, course_id)

    # Dario does not answer in time: nothing happens before, Elena gets it after.
    assert await expire(sessions, dario_offer.expires_at - timedelta(seconds=1)) == []
    [elena_offer] = await expire(sessions, dario_offer.expires_at)
    assert (elena_offer.telegram_id, elena_offer.expires_at) == (
        elena,
        dario_offer.expires_at + 24 * HOUR,
    )
    await check_seats(sessions, course_id)
    with pytest.raises(courses.OfferGone):  # too late to accept the expired one
        await answer(sessions, dario, dario_offer.enrolment_id, True, dario_offer.expires_at)

    # Elena withdraws while holding the offer (= declines): nobody waits, the seat is free.
    gone = await withdraw(sessions, elena, course_id, NOW + 3 * DAY)
    assert (gone.enrolment.status, gone.offer) == (courses.DECLINED, None)
    await check_seats(sessions, course_id)

    # So a newcomer gets it at once.
    assert await enrol(sessions, fatima, course_id, NOW + 3 * DAY) == ENROLLED
    await check_seats(sessions, course_id)
    assert await statuses(sessions, course_id) == {
        anna: ENROLLED,
        bruno: courses.WITHDRAWN,
        carla: courses.DECLINED,
        dario: courses.EXPIRED,
        elena: courses.DECLINED,
        fatima: ENROLLED,
    }


async def test_an_accepted_offer_is_a_seat_and_the_line_moves_up(sessions: Sessions) -> None:
    anna, bruno, carla, dario = await add_people(sessions, 4)
    course_id = await add_course(sessions, seats=1)
    for person in (anna, bruno, carla, dario):
        await enrol(sessions, person, course_id)
    async with sessions() as session:
        [mine] = await courses.mine(session, dario, NOW)
    assert (mine.status, mine.position) == (WAITING, 3)

    done = await withdraw(sessions, anna, course_id)
    assert done.offer is not None
    accepted = await answer(sessions, bruno, done.offer.enrolment_id, True, NOW + 23 * HOUR)
    assert (accepted.enrolment.status, accepted.offer) == (ENROLLED, None)
    await check_seats(sessions, course_id)
    assert await expire(sessions, NOW + 30 * DAY) == []  # accepted offers never expire

    async with sessions() as session:
        [mine] = await courses.mine(session, dario, NOW)
        [bruno_now] = await courses.mine(session, bruno, NOW)
    assert (mine.status, mine.position) == (WAITING, 2)
    assert (bruno_now.status, bruno_now.position, bruno_now.offer_expires_at) == (
        ENROLLED,
        None,
        None,
    )
    with pytest.raises(courses.OfferGone):  # answered already
        await answer(sessions, bruno, done.offer.enrolment_id, False, NOW + 23 * HOUR)


async def test_offers_are_the_addressees_own(sessions: Sessions) -> None:
    anna, bruno, carla = await add_people(sessions, 3)
    course_id = await add_course(sessions, seats=1)
    for person in (anna, bruno, carla):
        await enrol(sessions, person, course_id)
    done = await withdraw(sessions, anna, course_id)
    assert done.offer is not None and done.offer.telegram_id == bruno

    for who, enrolment_id in ((carla, done.offer.enrolment_id), (bruno, 99999), (424242, 1)):
        with pytest.raises(courses.OfferGone):
            await answer(sessions, who, enrolment_id, True, NOW)
    await check_seats(sessions, course_id)


async def test_expiry_passes_several_offers_on_in_order(sessions: Sessions) -> None:
    people = await add_people(sessions, 7)
    course_id = await add_course(sessions, seats=3)
    for person in people:
        await enrol(sessions, person, course_id)
    for person in people[:3]:
        await withdraw(sessions, person, course_id)
    assert [t for t, _ in await offered(sessions, course_id)] == people[3:6]

    new = await expire(sessions, NOW + 24 * HOUR)

    # Three expired, one person was left in line: one new offer, two seats freed.
    assert [o.telegram_id for o in new] == [people[6]]
    await check_seats(sessions, course_id)
    async with sessions() as session:
        card = await courses.get(session, course_id, NOW)
    assert card is not None and (card.seats_left, card.waiting) == (2, 0)


# ------------------------------------------------------------------ closed courses


async def test_sign_ups_close_at_the_deadline_or_first_session(sessions: Sessions) -> None:
    anna, bruno = await add_people(sessions, 2)
    with_deadline = await add_course(sessions, code="haccp", signup_deadline=NOW + DAY)
    without = await add_course(sessions, code="pulizie")

    with pytest.raises(courses.CourseClosed):
        await enrol(sessions, anna, with_deadline, NOW + DAY)
    assert await enrol(sessions, anna, with_deadline, NOW + DAY - timedelta(seconds=1)) == ENROLLED
    with pytest.raises(courses.CourseClosed):
        await enrol(sessions, bruno, without, NOW + 14 * DAY)
    with pytest.raises(courses.AlreadyEnrolled):
        await enrol(sessions, anna, with_deadline, NOW)
    with pytest.raises(courses.CourseNotFound):
        await enrol(sessions, anna, 4242, NOW)
    with pytest.raises(courses.NoProfile):
        await enrol(sessions, 424242, without, NOW)
    async with sessions() as session:
        assert [c.code for c in await courses.catalogue(session, NOW)] == ["haccp", "pulizie"]
        assert [c.code for c in await courses.catalogue(session, NOW + 2 * DAY)] == ["pulizie"]


async def test_withdrawing_a_course_ends_every_enrolment(sessions: Sessions) -> None:
    people = await add_people(sessions, 3)
    course_id = await add_course(sessions, seats=2)
    for person in people:
        await enrol(sessions, person, course_id)

    async with sessions.begin() as session:
        done = await course_admin.withdraw_course(session, course_id, NOW)
    async with sessions.begin() as session:
        again = await course_admin.withdraw_course(session, course_id, NOW)

    assert [n.telegram_id for n in done.to_tell] == people
    assert again.already_withdrawn and again.to_tell == ()
    # The two with a seat are told the course is off; the one in line just leaves the line.
    assert sorted((await statuses(sessions, course_id)).values()) == [
        courses.COURSE_OFF,
        courses.COURSE_OFF,
        courses.WITHDRAWN,
    ]
    await check_seats(sessions, course_id)
    with pytest.raises(courses.CourseClosed):
        await enrol(sessions, people[0], course_id)
    async with sessions() as session:
        assert await courses.catalogue(session, NOW) == []


# ------------------------------------------------------------------ edits


async def test_an_edit_of_dates_or_place_tells_the_people_concerned(sessions: Sessions) -> None:
    anna, bruno, carla = await add_people(sessions, 3)
    course_id = await add_course(sessions, seats=1)
    for person in (anna, bruno, carla):
        await enrol(sessions, person, course_id)
    await withdraw(sessions, carla, course_id)  # out of the course: not told

    async with sessions.begin() as session:
        same = await course_admin.save_course(session, spec(seats=1), NOW)
        text = await course_admin.save_course(session, spec(seats=1, title="Computer"), NOW)
        later = tuple(Lesson(s + DAY, e + DAY) for s, e in spec().sessions)
        moved = await course_admin.save_course(
            session, spec(seats=1, title="Computer", sessions=later), NOW
        )
    assert (same.created, same.changed, same.to_tell) == (False, frozenset(), ())
    assert (text.changed, text.to_tell) == (frozenset({"title"}), ())
    assert moved.changed == frozenset({"sessions"})
    assert [(n.telegram_id, n.status) for n in moved.to_tell] == [
        (anna, ENROLLED),
        (bruno, WAITING),
    ]
    async with sessions() as session:
        [mine] = await courses.mine(session, anna, NOW)
        card = await courses.get(session, course_id, NOW)
    assert mine.ics_sequence == 1
    assert card is not None and card.sessions == later and card.title == "Computer"


async def test_added_seats_go_to_the_waiting_list_first(sessions: Sessions) -> None:
    people = await add_people(sessions, 5)
    course_id = await add_course(sessions, seats=2)
    for person in people:
        await enrol(sessions, person, course_id)

    async with sessions.begin() as session:
        change = await course_admin.save_course(session, spec(seats=4), NOW)
    assert [o.telegram_id for o in change.offers] == people[2:4]
    await check_seats(sessions, course_id)

    with pytest.raises(courses.SeatsBelowTaken):
        async with sessions.begin() as session:
            await course_admin.save_course(session, spec(seats=3), NOW)
    await check_seats(sessions, course_id)


async def test_releasing_a_person_frees_their_seats_before_erasure(sessions: Sessions) -> None:
    anna, bruno = await add_people(sessions, 2)
    first = await add_course(sessions, code="uno", seats=1)
    second = await add_course(sessions, code="due", seats=1)
    for course_id in (first, second):
        await enrol(sessions, anna, course_id)
    await enrol(sessions, bruno, first)

    async with sessions.begin() as session:
        offers = await courses.release_person(session, anna, NOW)

    assert [(o.telegram_id, o.course_id) for o in offers] == [(bruno, first)]
    for course_id in (first, second):
        await check_seats(sessions, course_id)


async def test_offers_made_outside_a_turn_wait_to_be_sent(sessions: Sessions) -> None:
    anna, bruno, carla = await add_people(sessions, 3)
    course_id = await add_course(sessions, seats=1)
    for person in (anna, bruno, carla):
        await enrol(sessions, person, course_id)
    async with sessions.begin() as session:
        await course_admin.save_course(session, spec(seats=3), NOW)  # an operator adds seats

    async with sessions.begin() as session:
        unsent = await courses.unsent_offers(session, NOW)
        assert [o.telegram_id for o in unsent] == [bruno, carla]
        assert await courses.mark_offer_sent(session, unsent[0].enrolment_id, NOW)
        assert not await courses.mark_offer_sent(session, unsent[0].enrolment_id, NOW)
    async with sessions() as session:
        assert [o.telegram_id for o in await courses.unsent_offers(session, NOW)] == [carla]
        assert await courses.unsent_offers(session, NOW + 24 * HOUR) == []  # expired


async def test_the_core_gets_the_catalogue_and_the_persons_enrolments(sessions: Sessions) -> None:
    anna, bruno = await add_people(sessions, 2)
    course_id = await add_course(sessions, seats=1)
    closed = await add_course(sessions, code="chiuso", signup_deadline=NOW - DAY)
    for person in (anna, bruno):
        await enrol(sessions, person, course_id)

    async with sessions() as session:
        loaded = await courses.load_courses(session, bruno, NOW)

    assert [c.id for c in loaded.catalogue] == [course_id]  # not the closed one
    [view] = loaded.catalogue
    assert (view.code, view.venue_id, view.seats_left) == ("informatica_base", "crema", 0)
    assert view.sessions == tuple((s, e) for s, e in spec().sessions)
    [waiting] = loaded.mine
    assert (waiting.course_id, waiting.status, waiting.position) == (course_id, WAITING, 1)
    assert (loaded.prescreening_outcome, loaded.taken_in_charge) == (None, False)
    assert closed not in [c.id for c in loaded.catalogue]


ENGLISH = Translation("en", "Basic computer skills", "For people starting from zero.")
ARABIC_TITLE = Translation("ar", "أساسيات الحاسوب")  # no description: Italian on the card


async def test_translations_are_stored_loaded_and_updated_by_code(sessions: Sessions) -> None:
    [anna] = await add_people(sessions, 1)
    course_id = await add_course(sessions, translations=(ARABIC_TITLE, ENGLISH))
    await enrol(sessions, anna, course_id)
    async with sessions() as session:
        loaded = await courses.load_courses(session, anna, NOW)
        alone = await courses.course_view(session, course_id, NOW)
    [view] = loaded.catalogue
    assert view == alone
    assert view.text("en") == CourseText(
        "en", "Basic computer skills", "For people starting from zero.", "gratuito"
    )
    assert view.text("ar").title == "أساسيات الحاسوب"
    assert view.text("ar").italian and view.text("fr").italian and not view.text("it").italian
    assert view.titles == ("Informatica di base", "أساسيات الحاسوب", "Basic computer skills")

    # Importing the same course again changes nothing, whatever the order in the file.
    same = spec(translations=(ARABIC_TITLE, ENGLISH))
    async with sessions.begin() as session:
        again = await course_admin.save_course(session, same, NOW)
        assert (again.created, again.changed) == (False, frozenset())
        assert (await course_admin.current_spec(session, course_id)).translations == (
            ARABIC_TITLE,
            ENGLISH,
        )
    # A new text is an update, and the people in the course are not told about it.
    french = Translation("fr", "Informatique de base", "Pour partir de zéro.", "gratuit")
    async with sessions.begin() as session:
        changed = await course_admin.save_course(
            session, spec(translations=(ENGLISH, french)), NOW + HOUR
        )
    assert (changed.changed, changed.to_tell) == (frozenset({"translations"}), ())
    async with sessions() as session:
        view = await courses.course_view(session, course_id, NOW)
    assert view is not None
    assert [t.language for t in view.translations] == ["en", "fr"]
    assert view.text("fr").cost == "gratuit" and view.text("ar").title == "Informatica di base"
