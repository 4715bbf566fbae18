"""`proximity courses ...`: the operators' side of the course catalogue.

    proximity courses list [--all]          the catalogue, with seats and waiting lists
    proximity courses show CODE             one course in full
    proximity courses import FILE           YAML or CSV (see store/course_import.py); again
                                            with the same codes updates them
    proximity courses export CODE [--out]   the enrolment list as CSV, for the course
                                            provider and the funder's attendance records
    proximity courses withdraw CODE         takes a course out of the catalogue
    proximity courses catalogue [--out F]   the courses in the import format (.yaml or
                                            .csv), translations included: edit, import

Every command calls the course service (app/course_admin.py), the same one the web
console calls, so a course checked, saved or exported here is checked, saved or exported
as in the browser. Times are typed and shown in settings.timezone (Europe/Rome) and stored
in UTC. Every command migrates first, as `serve` does. The CLI sends no messages: when
people must be told (changed dates or place, a withdrawn course) it prints their Telegram
ids, and seats it offers are sent by the bot (`store.courses.unsent_offers`).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli.common import agenda_config, fail, run_work, with_database
from store.settings import PROJECT_ROOT, Settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from app.course_admin import CourseAdmin
    from store.course_admin import CourseChange, Notice
    from store.course_import import CourseSpec
    from store.courses import CourseCard, Offer

courses = typer.Typer(
    no_args_is_help=True, help="Corsi: list, show, import, export, withdraw, catalogue."
)
log = logging.getLogger("proximity.courses")

DEMO_COURSES_FILE = PROJECT_ROOT / "config" / "demo_courses.yaml"
REQUIREMENT_IT = {
    "none": "nessuno",
    "prescreened": "pre-screening (probabile o da verificare)",
    "in_charge": "presa in carico dai servizi",
}


# ------------------------------------------------------------------ commands


@courses.command("list")
def courses_list(
    show_all: Annotated[
        bool, typer.Option("--all", help="Anche i corsi chiusi, passati e ritirati")
    ] = False,
) -> None:
    """Il catalogo: posti liberi, lista d'attesa, prima lezione."""
    from app.assistant import utc_now

    async def work(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        cards = await _service(settings, sessions).courses(utc_now(), everything=show_all)
        for card in cards:
            typer.echo(
                f"{card.code:<24} {card.title[:32]:<32} {card.place_id:<8} "
                f"{_when(card.first_start, settings):<16} {card.seats - card.seats_left:>3}/"
                f"{card.seats:<3} attesa {card.waiting:<3} {_state(card)}"
            )
        typer.echo(f"{len(cards)} corsi.")

    with_database(work)


@courses.command("show")
def courses_show(
    code: Annotated[str, typer.Argument(help="Il codice, es. informatica_base")],
) -> None:
    """Un corso per intero, con le lezioni e i conteggi."""
    from app.course_views import STATUS_IT

    async def work(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        service = _service(settings, sessions)
        card = await _card_orfail(service, code)
        counts = await service.counts(card.id)
        deadline = _when(card.signup_deadline, settings) if card.signup_deadline else "nessuna"
        for label, value in (
            ("Corso", f"{card.title} ({card.code}, id {card.id})"),
            ("Stato", _state(card)),
            ("Categoria", card.category),
            ("Luogo", card.place_id),
            ("Posti", f"{card.seats} ({card.seats_left} liberi)"),
            ("Requisito", REQUIREMENT_IT.get(card.requirement, card.requirement)),
            ("Italiano minimo", card.min_italian or "nessuno"),
            ("Costo", card.cost),
            ("Referente", card.contact),
            ("Iscrizioni entro", deadline),
            ("Promemoria a ogni lezione", "sì" if card.remind_each_session else "no"),
            ("Persone", ", ".join(f"{STATUS_IT[s]} {n}" for s, n in counts.items() if n) or "-"),
        ):
            typer.echo(f"{label + ':':<27}{value}")
        typer.echo("Lezioni:")
        for lesson in card.sessions:
            end = lesson.ends_at.astimezone(settings.tz)
            typer.echo(f"  {_when(lesson.starts_at, settings)}-{end:%H:%M}")
        typer.echo("Descrizione:\n  " + card.description.replace("\n", "\n  "))
        for translation in card.translations:
            typer.echo(f"Traduzione {translation.language}:")
            for label, text in (
                ("titolo", translation.title),
                ("descrizione", translation.description),
                ("costo", translation.cost),
            ):
                typer.echo(f"  {label}: {text.replace(chr(10), ' ') if text else '(in italiano)'}")

    with_database(work)


@courses.command("import")
def courses_import(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Un file .yaml o .csv")],
) -> None:
    """Crea o aggiorna i corsi di un file (vedi config/demo_courses.yaml). Un codice già
    presente aggiorna quel corso: reimportare lo stesso file non cambia nulla."""

    async def work(
        settings: Settings, sessions: async_sessionmaker[AsyncSession]
    ) -> list[tuple[str, CourseChange]]:
        specs = _read(file, settings)
        if not specs:
            fail("Nessun corso nel file.")
        return await _save(specs, settings, sessions)

    changes = with_database(work)
    _report(changes)


@courses.command("export")
def courses_export(
    code: Annotated[str, typer.Argument(help="Il codice del corso")],
    out: Annotated[
        Path | None, typer.Option("--out", help="File .csv o .xlsx (altrimenti CSV a video)")
    ] = None,
    by: Annotated[str, typer.Option(help="Il tuo nome, registrato nel log di accesso")] = "cli",
) -> None:
    """L'elenco degli iscritti in CSV, o XLSX con --out iscritti.xlsx (nome, contatto
    Telegram, stato, date), per l'ente del corso e il registro presenze del finanziatore.
    Ogni esportazione resta nel registro."""
    from app.assistant import utc_now

    kind = "xlsx" if out is not None and out.suffix.lower() == ".xlsx" else "csv"

    async def work(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> bytes:
        service = _service(settings, sessions)
        card = await _card_orfail(service, code)
        done = await service.export(card.id, f"cli:{by}", utc_now(), kind)
        if done is None:
            fail(f"Nessun corso con codice {code!r}.")
        log.info("course enrolments exported course=%d rows=%d", card.id, done.rows)
        return done.content

    content = with_database(work)
    if out is None:
        typer.echo(content.decode("utf-8-sig"), nl=False)
        return
    out.write_bytes(content)  # the CSV starts with a BOM: Excel reads the accents right
    rows = content.decode("utf-8-sig").count(chr(10)) - 1 if kind == "csv" else None
    typer.echo(f"Scritto {out}" + (f" ({rows} persone)." if rows is not None else "."))


@courses.command("withdraw")
def courses_withdraw(
    code: Annotated[str, typer.Argument(help="Il codice del corso")],
    yes: Annotated[bool, typer.Option("--yes", help="Non chiedere conferma")] = False,
) -> None:
    """Ritira un corso dal catalogo. Le iscrizioni finiscono: le persone vanno avvisate."""
    from app.assistant import utc_now

    async def work(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        service = _service(settings, sessions)
        card = await _card_orfail(service, code)
        people = (card.seats - card.seats_left) + card.waiting
        if (
            people
            and not yes
            and not typer.confirm(f"{card.code}: {people} persone iscritte o in attesa. Ritirare?")
        ):
            raise typer.Abort()
        done = await service.withdraw(card.id, utc_now())
        if done.already_withdrawn:
            typer.echo(f"{card.code} era già ritirato.")
            return
        typer.echo(f"{card.code} ritirato.")
        _tell("Il corso è stato ritirato", done.to_tell)

    with_database(work)


@courses.command("catalogue")
def courses_catalogue(
    out: Annotated[
        Path | None, typer.Option("--out", help="File .yaml o .csv (altrimenti YAML a video)")
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Anche i corsi ritirati")] = False,
) -> None:
    """I corsi nel formato dell'import, con le traduzioni e le date assolute: si può
    modificare il file (per esempio aggiungere le traduzioni) e importarlo di nuovo."""
    from app.assistant import utc_now
    from store.course_import import courses_csv, courses_yaml

    as_csv = out is not None and out.suffix.lower() == ".csv"

    async def work(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> str:
        specs = await _service(settings, sessions).specs(utc_now(), everything=show_all)
        write = courses_csv if as_csv else courses_yaml
        return write(specs, settings.timezone)

    text = with_database(work)
    if out is None:
        typer.echo(text, nl=False)
        return
    out.write_text(text, encoding="utf-8-sig" if as_csv else "utf-8")
    typer.echo(f"Scritto {out}.")


# ------------------------------------------------------------------ demo catalogue


def load_demo_courses(settings: Settings, file: Path = DEMO_COURSES_FILE) -> int:
    """The demo catalogue, when DEMO_SLOTS is on (the same switch as the demo agenda) and
    the courses table is empty: once real courses exist, the demo never comes back.
    Dates are relative to today. Returns how many courses were made. Call it after the
    migrations."""
    if not settings.demo_slots or not file.exists():
        return 0

    async def work(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> int:
        if not await _service(settings, sessions).is_empty():
            return 0
        changes = await _save(_read(file, settings), settings, sessions)
        log.info("demo courses loaded count=%d", len(changes))
        return len(changes)

    return run_work(work, settings)


# ------------------------------------------------------------------ helpers


def _service(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> CourseAdmin:
    from app.course_admin import CourseAdmin

    return CourseAdmin.from_settings(sessions, settings)


def _read(file: Path, settings: Settings) -> list[CourseSpec]:
    from app.assistant import utc_now
    from store.course_import import CourseFileError, read_course_file

    try:
        return read_course_file(
            file,
            settings.timezone,
            utc_now().astimezone(settings.tz).date(),
            places=agenda_config(settings).venues.keys(),
        )
    except CourseFileError as exc:
        fail(f"Nessun corso importato: {exc}")


async def _save(
    specs: list[CourseSpec], settings: Settings, sessions: async_sessionmaker[AsyncSession]
) -> list[tuple[str, CourseChange]]:
    """All of the file in one transaction: a bad course leaves the catalogue untouched."""
    from app.assistant import utc_now
    from app.catalogue import Catalogue
    from app.course_rules import CourseProblems

    try:
        changes = await _service(settings, sessions).save_all(specs, utc_now())
    except CourseProblems as exc:
        words = Catalogue.load(settings.locales_dir)
        said = "; ".join(
            words.render(f"web-course-error-{p.code}", "it", dict(p.params)) for p in exc.problems
        )
        fail(f"Nessun corso importato: {exc.code}: {said}")
    return [(spec.code, change) for spec, change in zip(specs, changes, strict=True)]


def _report(changes: list[tuple[str, CourseChange]]) -> None:
    created = updated = 0
    for code, change in changes:
        if change.created:
            created += 1
            typer.echo(f"{code}: creato")
        elif change.changed:
            updated += 1
            typer.echo(f"{code}: aggiornato ({', '.join(sorted(change.changed))})")
        _tell(f"{code}: date o luogo cambiati", change.to_tell)
        _offered(code, change.offers)
    typer.echo(
        f"{created} creati, {updated} aggiornati, {len(changes) - created - updated} invariati."
    )


def _tell(why: str, notices: tuple[Notice, ...]) -> None:
    if not notices:
        return
    typer.echo(
        f"{why}: {len(notices)} persone riceveranno un messaggio dal bot appena è in funzione"
        " (entro un minuto). Per scrivere loro di persona:"
    )
    from app.course_views import STATUS_IT

    for notice in notices:
        typer.echo(
            f"  /scrivi {notice.telegram_id}   ({STATUS_IT.get(notice.status, notice.status)})"
        )


def _offered(code: str, offers: tuple[Offer, ...]) -> None:
    if offers:
        typer.echo(
            f"{code}: {len(offers)} posti offerti alla lista d'attesa; il bot manda l'offerta "
            "(Accetto / Rinuncio) appena è in funzione."
        )


async def _card_orfail(service: CourseAdmin, code: str) -> CourseCard:
    from app.assistant import utc_now

    card = await service.by_code(code, utc_now())
    if card is None:
        fail(f"Nessun corso con codice {code!r} (vedi `proximity courses list --all`).")
    return card


def _state(card: CourseCard) -> str:
    if card.withdrawn:
        return "ritirato"
    if not card.is_open:
        return "chiuso"
    return "aperto, lista d'attesa" if card.goes_to_waiting_list else "aperto"


def _when(instant: datetime | None, settings: Settings) -> str:
    if instant is None:
        return "-"
    return f"{instant.astimezone(settings.tz):%Y-%m-%d %H:%M}"
