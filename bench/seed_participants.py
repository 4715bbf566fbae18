"""10,000 plausible participants over three years, the same every run (a fixed seed).

    .venv/bin/python bench/seed_participants.py [--people 10000] [--db sqlite:///var/x.sqlite3]

Without --db it prints a summary of the records; with it, it writes them as people and
care records (with their internship and tutoring steps and attended appointments) into
that database, migrated first, for the reporting benchmark and for trying the exports.

The shares are invented to look like a programme for people aged 30 to 60 who are not
employed when taken in charge (more long-term unemployed than others, most with ISCED
0-4, comuni weighted by population); they are not the programme's data.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import random
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.reporting.indicators import followup_due
from app.reporting.records import ParticipantRecord
from store.models import Appointment, Beneficiary, CareRecord, CareStep, Slot
from store.settings import PROJECT_ROOT

SEED = 14
FIRST_DAY = date(2023, 1, 1)
LAST_DAY = date(2025, 12, 31)
# Follow-ups recorded up to this day; later ones are not due yet.
AS_OF = date(2026, 3, 31)
FIRST_TELEGRAM_ID = 500_000_000
BATCH = 5_000
T = TypeVar("T")


def weighted(rng: random.Random, table: Sequence[tuple[T, float]]) -> T:
    values, weights = zip(*table, strict=True)
    return rng.choices(values, weights)[0]


def comuni() -> list[tuple[str, float]]:
    with (PROJECT_ROOT / "config" / "comuni_ambito.csv").open(encoding="utf-8") as f:
        return [
            (r["codice_istat"], float(r["popolazione_censimento_2011"])) for r in csv.DictReader(f)
        ]


def special(rng: random.Random, asked: bool, yes: float) -> Any:
    """A special-category answer: None when not asked (3 in 10), else yes / no / not stated."""
    if not asked:
        return None
    return weighted(rng, [("yes", yes), ("no", 0.9 - yes), ("not_stated", 0.1)])


def participants(people: int = 10_000, seed: int = SEED) -> list[ParticipantRecord]:
    rng = random.Random(seed)
    places = comuni()
    span = (LAST_DAY - FIRST_DAY).days
    records: list[ParticipantRecord] = []
    for key in range(1, people + 1):
        entry = FIRST_DAY + timedelta(days=rng.randrange(span + 1))
        age = min(60, max(30, round(rng.triangular(30, 61, 47))))
        asked = rng.random() < 0.7  # special-category questions asked of 7 in 10

        internship = rng.random() < 0.4
        start = entry + timedelta(days=rng.randint(30, 90)) if internship else None
        weeks = rng.randint(12, 52) if internship else 0
        end = start + timedelta(weeks=weeks) if start else None
        stay = rng.randint(90, 540)
        exit_on = entry + timedelta(days=stay) if rng.random() < 0.8 else None
        if exit_on and exit_on > LAST_DAY:
            exit_on = None
        if end and exit_on and end > exit_on:
            end = exit_on
        outcome = None
        if exit_on:
            outcome = weighted(rng, [
                ("employed", 28), ("self_employed", 3), ("education_training", 10),
                ("qualification", 12), ("job_searching", 27), ("left_programme", 15),
                ("moved_away", 5),
            ])  # fmt: skip
        followup = None
        if exit_on and followup_due(exit_on) <= AS_OF:
            working = outcome in ("employed", "self_employed")
            followup = weighted(rng, [
                ("employed", 60 if working else 25), ("self_employed", 3),
                ("better_situation", 4), ("no_change", 18 if working else 45), ("unknown", 15),
            ])  # fmt: skip
        records.append(
            ParticipantRecord(
                key=key,
                gender=weighted(
                    rng, [("female", 52), ("male", 46), ("non_binary", 0.5), ("not_stated", 1.5)]
                ),
                education=weighted(
                    rng, [("isced_0_2", 45), ("isced_3_4", 42), ("isced_5_8", 8), ("not_stated", 5)]
                ),
                employment_at_entry=weighted(
                    rng,
                    [
                        ("long_term_unemployed", 45),
                        ("unemployed", 30),
                        ("inactive", 22),
                        ("not_stated", 3),
                    ],
                ),
                taken_in_charge_on=entry,
                birth_year=None if rng.random() < 0.02 else entry.year - age,
                comune_istat=weighted(rng, places),
                disability=special(rng, asked, 0.18),
                third_country_national=special(rng, asked, 0.15),
                foreign_background=special(rng, asked, 0.25),
                minority=special(rng, asked, 0.02),
                homeless_or_housing_exclusion=special(rng, asked, 0.06),
                appointments_attended={
                    "orientamento": rng.choice([1, 1, 1, 2]),
                    "bilancio_competenze": rng.randint(0, 8),
                },
                tutoring_hours=float(rng.randint(0, 40)),
                course_hours_attended=float(rng.choice([0, 0, 20, 40, 60, 80])),
                internship_start=start,
                internship_end=end,
                internship_hours=float(weeks * rng.choice([15, 20, 25])),
                exit_on=exit_on,
                exit_outcome=outcome,
                followup_status=followup,
                followup_on=followup_due(exit_on) if followup else None,
            )
        )
    return records


async def store(database_url: str, records: Sequence[ParticipantRecord]) -> None:
    """People, care records, their steps and attended appointments, by bulk inserts."""
    from store.db import create_engine_async, session_factory
    from store.migrate import upgrade

    upgrade(database_url)
    engine = create_engine_async(database_url)
    sessions = session_factory(engine)
    now = datetime(2026, 4, 1, tzinfo=UTC)
    people, cares, steps, slots, bookings = [], [], [], [], []
    for r in records:
        people.append({"id": r.key, "telegram_id": FIRST_TELEGRAM_ID + r.key,
                       "display_name": None, "language": "it", "created_at": now,
                       "last_seen_at": now})  # fmt: skip
        cares.append({
            "id": r.key, "beneficiary_id": r.key, "taken_in_charge_on": r.taken_in_charge_on,
            "recorded_by": "bench", "recorded_at": now, "updated_at": now, "services": ["sil"],
            "gender": r.gender, "education": r.education,
            "employment_at_entry": r.employment_at_entry, "birth_year": r.birth_year,
            "comune_istat": r.comune_istat, "disability": r.disability,
            "third_country_national": r.third_country_national,
            "foreign_background": r.foreign_background, "minority": r.minority,
            "homeless_or_housing_exclusion": r.homeless_or_housing_exclusion,
            "exit_on": r.exit_on, "exit_outcome": r.exit_outcome, "exit_recorded_by": None,
            # The six-month follow-up (migration 0018), as an operator would record it.
            "followup_consent": True if r.exit_on else None,
            "followup_due_on": followup_due(r.exit_on) if r.exit_on else None,
            "followup_status": r.followup_status, "followup_on": r.followup_on,
            "followup_by": "bench" if r.followup_status else None,
        })  # fmt: skip
        if r.internship_start:
            steps.append({"record_id": r.key, "kind": "internship", "host": None,
                          "starts_on": r.internship_start, "ends_on": r.internship_end,
                          "weekly_hours": 20.0, "status": "done", "created_at": now,
                          "updated_at": now})  # fmt: skip
        steps.append({"record_id": r.key, "kind": "tutoring", "host": None,
                      "starts_on": r.taken_in_charge_on, "ends_on": r.exit_on,
                      "weekly_hours": 1.0, "status": "ongoing", "created_at": now,
                      "updated_at": now})  # fmt: skip
        at = datetime.combine(r.taken_in_charge_on, datetime.min.time(), UTC) - timedelta(days=7)
        slots.append({"id": r.key, "type": "orientamento", "starts_at": at,
                      "ends_at": at + timedelta(hours=1), "place_id": "crema",
                      "operator": f"op-{r.key % 7}-{r.key}", "created_at": now})  # fmt: skip
        bookings.append({"slot_id": r.key, "beneficiary_id": r.key, "status": "attended",
                         "booked_by": "self", "booked_at": now, "updated_at": now,
                         "ics_sequence": 0})  # fmt: skip
    async with sessions.begin() as session:
        for model, rows in ((Beneficiary, people), (CareRecord, cares), (CareStep, steps),
                            (Slot, slots), (Appointment, bookings)):  # fmt: skip
            for i in range(0, len(rows), BATCH):
                await session.execute(insert(model), rows[i : i + BATCH])
    await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--db", help="a database URL to write them into (migrated first)")
    args = parser.parse_args()
    records = participants(args.people)
    if args.db:
        asyncio.run(store(args.db, records))
        print(f"{len(records)} participants written to {args.db}")
        return
    print(f"{len(records)} participants, {FIRST_DAY} to {LAST_DAY}")
    for name in ("gender", "employment_at_entry", "education", "exit_outcome", "followup_status"):
        counts = Counter(getattr(r, name) for r in records)
        print(f"  {name}: " + ", ".join(f"{k}={v}" for k, v in counts.most_common()))


if __name__ == "__main__":
    main()
