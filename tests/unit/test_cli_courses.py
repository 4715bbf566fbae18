"""`proximity courses ...` and the course file format, on a temporary SQLite database,
through typer's CliRunner (no bot, no Telegram: TELEGRAM_BOT_TOKEN is empty)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from cli.common import migrate_database
from cli.courses import courses as courses_cli
from cli.courses import load_demo_courses
from store import course_admin, courses
from store.course_import import CourseFileError, course_date, courses_from_yaml
from store.models import AuditEntry, Beneficiary, Course, CourseSession
from store.settings import PROJECT_ROOT, Settings
from tests.unit.cli_support import invoke, run, use_database

ROME = "Europe/Rome"
NLU_CODES = {
    "informatica_base", "logistica_magazzino", "pulizie_sanificazione", "haccp_ristorazione",
    "italiano_stranieri", "sicurezza_lavoro", "soft_skills", "carrellista",
}  # fmt: skip
COURSE = {
    "code": "haccp_ristorazione",
    "title": "HACCP per la ristorazione",
    "category": "ristorazione",
    "place": "crema",
    "seats": 2,
    "contact": "Giulia",
    "description": "Per chi vuole lavorare in cucina.",
    "sessions": ["2030-12-03 09:00-12:00"],
    "weekly": {"days": ["lun"], "from": "14:00", "to": "16:00", "first": "2030-12-09", "weeks": 2},
}
CSV_HEADER = (
    "code;title;category;place;seats;contact;description;sessions;"
    "weekly_days;weekly_from;weekly_to;weekly_first;weekly_weeks"
)
# The same course as COURSE, as Excel in Italian saves it (semicolons, a BOM).
CSV_ROW = (
    "haccp_ristorazione;HACCP per la ristorazione;ristorazione;crema;2;Giulia;"
    "Per chi vuole lavorare in cucina.;2030-12-03 09:00-12:00;lun;14:00;16:00;2030-12-09;2"
)


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    return use_database(tmp_path, monkeypatch, DEMO_SLOTS="true")


def cli(*args: str, input: str | None = None, code: int = 0) -> str:
    return invoke(courses_cli, *args, input=input, code=code)


def write_yaml(path: Path, *entries: dict) -> Path:  # type: ignore[type-arg]
    path.write_text(yaml.safe_dump({"courses": list(entries)}, allow_unicode=True), "utf-8")
    return path


def stored(database: str) -> list[tuple[str, str, int, list[tuple[datetime, datetime]]]]:
    async def work(session):  # type: ignore[no-untyped-def]
        rows = []
        for course in (await session.execute(select(Course).order_by(Course.code))).scalars():
            lessons = await session.execute(
                select(CourseSession.starts_at, CourseSession.ends_at)
                .where(CourseSession.course_id == course.id)
                .order_by(CourseSession.starts_at)
            )
            rows.append((course.code, course.title, course.seats, [tuple(r) for r in lessons]))
        return rows

    return run(database, work)


def enrol_people(database: str, code: str, names: list[str]) -> list[int]:
    """Beneficiaries 5001... signed up for the course, in this order."""
    now = datetime.now(UTC)
    ids = [5001 + n for n in range(len(names))]

    async def work(session):  # type: ignore[no-untyped-def]
        session.add_all(
            Beneficiary(telegram_id=i, display_name=name, created_at=now, last_seen_at=now)
            for i, name in zip(ids, names, strict=True)
        )
        await session.flush()
        card = await courses.by_code(session, code, now)
        for i in ids:
            await courses.enrol(session, i, card.id, now)

    run(database, work)
    return ids


# ------------------------------------------------------------------ the file format


def test_relative_dates() -> None:
    today = date(2026, 11, 25)  # a Wednesday
    assert course_date("+14d", today) == date(2026, 12, 9)
    assert course_date("+2w", today) == date(2026, 12, 9)
    assert course_date("today", today) == today
    assert course_date("next-monday + 1w", today) == date(2026, 12, 7)
    assert course_date("2027-01-04", today) == date(2027, 1, 4)
    with pytest.raises(ValueError):
        course_date("domani", today)


def test_weekly_lessons_skip_holidays_and_store_utc() -> None:
    entry = {**COURSE, "sessions": [], "weekly": {
        "days": ["mar", "gio"], "from": "09:00", "to": "12:00", "first": "+0d", "weeks": 2,
    }}  # fmt: skip
    [spec] = courses_from_yaml({"courses": [entry]}, ROME, date(2026, 12, 7), places=["crema"])
    # Tuesday 8 December is a public holiday (Immacolata); 09:00 in Rome is 08:00 UTC.
    assert [s.starts_at for s in spec.sessions] == [
        datetime(2026, 12, 10, 8, 0, tzinfo=UTC),
        datetime(2026, 12, 15, 8, 0, tzinfo=UTC),
        datetime(2026, 12, 17, 8, 0, tzinfo=UTC),
    ]
    assert all(s.ends_at - s.starts_at == timedelta(hours=3) for s in spec.sessions)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"place": "cremona"}, "unknown place"),
        ({"seats": 0}, "seats"),
        ({"category": "cucina"}, "category"),
        ({"requirement": "maybe"}, "requirement"),
        ({"min_italian": "C2"}, "min_italian"),
        ({"sessions": ["2030-12-03 12:00-09:00"], "weekly": None}, "end after"),
        ({"sessions": [], "weekly": None}, "no sessions"),
        ({"code": "Informatica Base"}, "code"),
        ({"colour": "red"}, "unknown fields"),
        ({"translations": {"de": {"title": "Hygiene"}}}, "unknown language 'de'"),
        ({"translations": {"it": {"title": "HACCP"}}}, "the Italian texts are title"),
        ({"translations": {"en": {"name": "HACCP"}}}, "translations.en: give title"),
        ({"translations": {"en": {"title": "x" * 129}}}, "translations.en.title: longer"),
        ({"translations": ["en"]}, "must map a language"),
    ],
)
def test_a_wrong_course_is_named_and_explained(change: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(CourseFileError, match=message) as error:
        courses_from_yaml({"courses": [{**COURSE, **change}]}, ROME, date(2026, 11, 25), ["crema"])
    assert "course #1" in str(error.value)


# ------------------------------------------------------------------ import


def test_import_yaml_is_idempotent_and_updates_by_code(database: str, tmp_path: Path) -> None:
    file = write_yaml(tmp_path / "corsi.yaml", COURSE)
    assert "1 creati, 0 aggiornati, 0 invariati" in cli("import", str(file))
    assert "0 creati, 0 aggiornati, 1 invariati" in cli("import", str(file))
    [(code, title, seats, lessons)] = stored(database)
    assert (code, title, seats) == ("haccp_ristorazione", "HACCP per la ristorazione", 2)
    assert lessons == [
        (datetime(2030, 12, 3, 8, 0, tzinfo=UTC), datetime(2030, 12, 3, 11, 0, tzinfo=UTC)),
        (datetime(2030, 12, 9, 13, 0, tzinfo=UTC), datetime(2030, 12, 9, 15, 0, tzinfo=UTC)),
        (datetime(2030, 12, 16, 13, 0, tzinfo=UTC), datetime(2030, 12, 16, 15, 0, tzinfo=UTC)),
    ]

    write_yaml(file, {**COURSE, "title": "HACCP", "seats": 12})
    assert "haccp_ristorazione: aggiornato (seats, title)" in cli("import", str(file))
    assert [(c, t, s) for c, t, s, _ in stored(database)] == [("haccp_ristorazione", "HACCP", 12)]


def test_import_csv_semicolons_and_commas(database: str, tmp_path: Path) -> None:
    excel = tmp_path / "corsi.csv"
    excel.write_text("\ufeff" + CSV_HEADER + "\n" + CSV_ROW + "\n", encoding="utf-8")
    assert "1 creati" in cli("import", str(excel))
    assert "1 invariati" in cli("import", str(excel))
    # The YAML of the same course changes nothing: both formats read the same.
    assert "1 invariati" in cli("import", str(write_yaml(tmp_path / "c.yaml", COURSE)))

    commas = tmp_path / "altri.csv"
    row = CSV_ROW.replace("haccp_ristorazione", "soft_skills").replace(
        "ristorazione;", "competenze_trasversali;"
    )
    commas.write_text(
        CSV_HEADER.replace(";", ",") + "\n" + ",".join(f'"{c}"' for c in row.split(";")) + "\n",
        encoding="utf-8",
    )
    assert "1 creati" in cli("import", str(commas))
    assert [c for c, *_ in stored(database)] == ["haccp_ristorazione", "soft_skills"]


def test_a_bad_file_imports_nothing(database: str, tmp_path: Path) -> None:
    good = {**COURSE, "code": "soft_skills", "category": "competenze_trasversali"}
    file = write_yaml(tmp_path / "corsi.yaml", good, {**COURSE, "place": "milano"})
    output = cli("import", str(file), code=1)
    assert "course #2 (haccp_ristorazione): unknown place 'milano'" in output
    assert stored(database) == []


def test_moving_the_dates_lists_the_people_to_tell(database: str, tmp_path: Path) -> None:
    file = write_yaml(tmp_path / "corsi.yaml", COURSE)
    cli("import", str(file))
    anna, _, carla = enrol_people(database, "haccp_ristorazione", ["Anna", "Bruno", "Carla"])

    write_yaml(file, {**COURSE, "sessions": ["2030-12-04 09:00-12:00"]})
    output = cli("import", str(file))

    assert "date o luogo cambiati: 3 persone riceveranno un messaggio dal bot" in output
    assert f"/scrivi {anna}" in output and f"/scrivi {carla}" in output
    assert "in attesa" in output  # Carla is told she is still waiting

    write_yaml(file, {**COURSE, "sessions": ["2030-12-04 09:00-12:00"], "seats": 3})
    assert "1 posti offerti alla lista d'attesa" in cli("import", str(file))


# ------------------------------------------------------------------ export, withdraw, list


def test_export_lists_everyone_in_order_with_local_times(database: str, tmp_path: Path) -> None:
    cli("import", str(write_yaml(tmp_path / "corsi.yaml", COURSE)))
    ids = enrol_people(database, "haccp_ristorazione", ["Anna", "Bruno", "Chiara Àlvarez"])
    out = tmp_path / "iscritti.csv"

    assert "3 persone" in cli("export", "haccp_ristorazione", "--out", str(out), "--by", "Giulia")

    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert [(r["nome"], r["telegram_id"], r["stato"], r["posizione_attesa"]) for r in rows] == [
        ("Anna", str(ids[0]), "iscritto", ""),
        ("Bruno", str(ids[1]), "iscritto", ""),
        ("Chiara Àlvarez", str(ids[2]), "in attesa", "1"),
    ]

    async def first_sign_up(session):  # type: ignore[no-untyped-def]
        card = await courses.by_code(session, "haccp_ristorazione", datetime.now(UTC))
        return (await course_admin.enrolment_list(session, card.id))[0].created_at

    created = run(database, first_sign_up)
    assert rows[0]["iscrizione"] == f"{created.astimezone(Settings().tz):%Y-%m-%d %H:%M}"
    assert rows[0]["iscrizione"] != f"{created:%Y-%m-%d %H:%M}"  # Rome time, not UTC
    assert cli("export", "haccp_ristorazione") == text  # the same on screen

    async def audited(session):  # type: ignore[no-untyped-def]
        return await session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "course_export", AuditEntry.actor == "cli:Giulia")
        )

    assert run(database, audited) == 3
    assert "Nessun corso" in cli("export", "nessuno", code=1)


def test_withdraw_asks_then_lists_who_to_tell(database: str, tmp_path: Path) -> None:
    cli("import", str(write_yaml(tmp_path / "corsi.yaml", COURSE)))
    [anna] = enrol_people(database, "haccp_ristorazione", ["Anna"])

    cli("withdraw", "haccp_ristorazione", input="n\n", code=1)
    assert "aperto" in cli("show", "haccp_ristorazione")

    output = cli("withdraw", "haccp_ristorazione", input="y\n")
    assert f"/scrivi {anna}" in output
    assert "ritirato" in cli("show", "haccp_ristorazione")
    assert "0 corsi" in cli("list")
    assert "ritirato" in cli("list", "--all")
    assert "già ritirato" in cli("withdraw", "haccp_ristorazione", "--yes")


# ------------------------------------------------------------------ the demo catalogue


def test_demo_catalogue_loads_once_with_the_nlu_codes(database: str) -> None:
    settings = Settings()
    migrate_database(settings)

    assert load_demo_courses(settings) == 8
    assert load_demo_courses(settings) == 0  # not empty any more

    async def cards(session):  # type: ignore[no-untyped-def]
        return await courses.catalogue(session, datetime.now(UTC))

    catalogue = run(database, cards)
    assert {c.code for c in catalogue} == NLU_CODES  # all open, in the future
    assert {c.place_id for c in catalogue} <= {"crema", "rivolta"}
    assert {c.cost for c in catalogue} == {"gratuito"}
    assert sorted(c.seats for c in catalogue)[0] == 2
    assert all(8 <= c.seats <= 15 for c in catalogue if c.code != "carrellista")
    assert all(len(c.description) < 400 for c in catalogue)


def test_demo_catalogue_is_off_with_the_demo_switch(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEMO_SLOTS", "false")
    settings = Settings()
    migrate_database(settings)
    assert load_demo_courses(settings) == 0
    assert (PROJECT_ROOT / "config" / "demo_courses.yaml").exists()


# ------------------------------------------------------------------ translations

TRANSLATIONS = {
    "en": {"title": "HACCP for food service", "description": "For people who want to cook."},
    "ar": {"title": "HACCP للمطاعم"},  # a title only: the card shows the Italian description
    "es": {"cost": "gratis"},
}


def stored_translations(database: str) -> dict[str, dict[str, dict[str, str]]]:
    async def work(session):  # type: ignore[no-untyped-def]
        rows = await session.execute(select(Course.code, Course.translations))
        return dict(rows.all())

    return run(database, work)


def test_translations_import_from_yaml_and_csv_idempotently(database: str, tmp_path: Path) -> None:
    file = write_yaml(tmp_path / "corsi.yaml", {**COURSE, "translations": TRANSLATIONS})
    assert "1 creati" in cli("import", str(file))
    assert "0 creati, 0 aggiornati, 1 invariati" in cli("import", str(file))
    assert stored_translations(database) == {"haccp_ristorazione": TRANSLATIONS}

    # The same texts as CSV columns (empty cells: no translation) change nothing.
    header = CSV_HEADER + ";title_en;description_en;title_ro;title_ar;cost_es"
    row = CSV_ROW + ";HACCP for food service;For people who want to cook.;;HACCP للمطاعم;gratis"
    excel = tmp_path / "corsi.csv"
    excel.write_text("\ufeff" + header + "\n" + row + "\n", encoding="utf-8")
    assert "0 creati, 0 aggiornati, 1 invariati" in cli("import", str(excel))

    # One text more is an update, and nobody is told (only dates or place are told).
    excel.write_text(header + "\n" + row.replace(";;", ";HACCP pentru bucătărie;") + "\n")
    output = cli("import", str(excel))
    assert "haccp_ristorazione: aggiornato (translations)" in output
    assert "/scrivi" not in output
    assert stored_translations(database)["haccp_ristorazione"]["ro"] == {
        "title": "HACCP pentru bucătărie"
    }
    assert "1 invariati" in cli("import", str(excel))
    # A file without translations takes them away: the file is the catalogue.
    assert "aggiornato (translations)" in cli("import", str(write_yaml(file, COURSE)))
    assert stored_translations(database) == {"haccp_ristorazione": {}}


def test_the_demo_courses_speak_every_language_and_show_lists_them(database: str) -> None:
    migrate_database(Settings())
    load_demo_courses(Settings())
    translations = stored_translations(database)
    assert set(translations) == NLU_CODES
    for code, texts in translations.items():
        assert set(texts) == {"en", "ro", "ar", "fr", "es"}, code
        assert all(t["title"] and len(t["description"]) < 450 for t in texts.values()), code
    shown = cli("show", "informatica_base")
    assert "Traduzione en:" in shown and "Basic computer skills" in shown


@pytest.mark.parametrize("suffix", [".yaml", ".csv"])
def test_the_catalogue_written_out_imports_back_unchanged(
    database: str, tmp_path: Path, suffix: str
) -> None:
    migrate_database(Settings())
    load_demo_courses(Settings())
    out = tmp_path / f"catalogo{suffix}"
    cli("catalogue", "--out", str(out))
    assert "0 creati, 0 aggiornati, 8 invariati" in cli("import", str(out))
    text = out.read_text(encoding="utf-8-sig")
    assert "Basic computer skills" in text and "Informatică de bază" in text
    if suffix == ".csv":
        assert text.splitlines()[0].endswith("title_es;description_es;cost_es")
    # Edited in the file, a translation comes back as an update.
    out.write_text(text.replace("Basic computer skills", "Computer basics"), encoding="utf-8")
    assert "informatica_base: aggiornato (translations)" in cli("import", str(out))
