"""Course files for `proximity courses import`: YAML or CSV in, checked `CourseSpec`s out.

Pure parsing, no database. Times are local wall times (Europe/Rome) in the file and UTC
instants in the specs. Dates may be absolute or relative to the day of the import, so the
demo catalogue stays in the future whenever it is loaded:

    "2026-12-03"     an ISO date
    "+14d", "+2w"    14 days / 2 weeks after today
    "today", "next-monday", "next-monday + 1w"   as in the slots file

The YAML file (see config/demo_courses.yaml)::

    courses:
      - code: informatica_base       # unique slug; re-importing the same code updates it
        title: "Informatica di base"
        category: informatica         # see CATEGORIES
        place: crema                  # a key of `places` in config/appointments.yaml
        seats: 12
        requirement: none             # none | prescreened | in_charge
        min_italian: A2               # optional: A1, A2, B1, B2
        cost: gratuito                # optional, "gratuito" by default
        contact: "Giulia (EXAMPLE)"
        signup_deadline: "+12d 18:00" # optional; a date alone means 23:59 of that day
        remind_each_session: true     # optional, false by default
        description: "Per chi ... Alla fine ..."
        translations:                 # optional; each text optional, Italian where missing
          en: {title: "Basic computer skills", description: "For people who ..."}
          ro: {title: "...", description: "...", cost: "..."}   # en, ro, ar, fr, es
        sessions:                     # single lessons: "DATE HH:MM-HH:MM"
          - "+14d 09:00-12:00"
        weekly:                       # and/or a weekly pattern (public holidays skipped)
          days: [lun, mer]            # monday..sunday, lun..dom or 0..6
          from: "09:00"
          to: "12:00"
          first: "+14d"               # the first week starts on this day
          weeks: 4

The CSV file has one course a row and the same names as columns (`place`, `sessions` with
lessons separated by `|`, and `weekly_days`, `weekly_from`, `weekly_to`, `weekly_first`,
`weekly_weeks`), and for the translations `title_en`, `description_en`, `cost_en`,
`title_ro`, ... (an empty cell: no translation). Comma or semicolon separated (Excel in
Italian writes semicolons).

A translation may leave out any text: the card then shows the Italian one, and says so in
the person's language. `cost` needs no translation when it is "gratuito" (the message
catalogue says "free" in each language).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import yaml

from dialogs.slots import local_to_utc
from store.slot_admin import (
    SlotFileError,
    italian_holidays,
    parse_time,
    parse_weekday,
    relative_date,
)

CATEGORIES = (
    "informatica",
    "logistica",
    "pulizie",
    "ristorazione",
    "lingua_italiana",
    "sicurezza",
    "competenze_trasversali",
)
REQUIREMENTS = ("none", "prescreened", "in_charge")
ITALIAN_LEVELS = ("A1", "A2", "B1", "B2")
# The languages the bot speaks besides Italian (locales/); Italian is `title` itself.
LANGUAGES = ("en", "ro", "ar", "fr", "es")
TRANSLATED = ("title", "description", "cost")
# The same limits as the Italian columns (store/models.py).
LONGEST = {"title": 128, "description": 4096, "cost": 64}
MAX_SEATS = 500
_CODE = re.compile(r"^[a-z][a-z0-9_]{1,63}$")
_PLUS = re.compile(r"^\+\s*(\d{1,3})\s*([dw])$")
_LESSON = re.compile(
    r"^(?P<day>.+?)\s+(?P<start>\d{1,2}[:.]\d{2})\s*-\s*(?P<end>\d{1,2}[:.]\d{2})$"
)
_FIELDS = frozenset(
    ("code", "title", "description", "category", "place", "seats", "requirement",
     "min_italian", "cost", "contact", "signup_deadline", "remind_each_session", "sessions",
     "weekly", "translations")
)  # fmt: skip
_CSV_TRANSLATION = re.compile(rf"^({'|'.join(TRANSLATED)})_({'|'.join(LANGUAGES)})$")
_CSV_WEEKLY = ("days", "from", "to", "first", "weeks")
_CSV_COLUMNS = (
    "code", "title", "category", "place", "seats", "requirement", "min_italian", "cost",
    "contact", "signup_deadline", "remind_each_session", "description", "sessions",
)  # fmt: skip
_TRUE = frozenset({"true", "yes", "si", "sì", "1", "x"})
_FALSE = frozenset({"false", "no", "0", ""})


class CourseFileError(ValueError):
    """The file does not say what it should; the message names the course (or row)."""


class Lesson(NamedTuple):
    """One session of a course, in UTC."""

    starts_at: datetime
    ends_at: datetime


class Translation(NamedTuple):
    """A course's texts in one language; an empty text is not translated."""

    language: str
    title: str = ""
    description: str = ""
    cost: str = ""


@dataclass(frozen=True)
class CourseSpec:
    """A course as an operator describes it: everything but the counters."""

    code: str
    title: str
    description: str
    category: str
    place_id: str
    seats: int
    contact: str
    sessions: tuple[Lesson, ...]  # sorted, at least one
    requirement: str = "none"
    min_italian: str | None = None
    cost: str = "gratuito"
    signup_deadline: datetime | None = None
    remind_each_session: bool = False
    translations: tuple[Translation, ...] = ()  # by language, none empty


def translations_json(translations: Iterable[Translation]) -> dict[str, dict[str, str]]:
    """The column's value: only the texts given, so an import that adds one changes one."""
    return {
        t.language: {k: v for k, v in t._asdict().items() if k != "language" and v}
        for t in translations
    }


def translations_of(value: dict[str, dict[str, str]] | None) -> tuple[Translation, ...]:
    """The column read back, in the order `CourseSpec` keeps (by language)."""
    return tuple(
        sorted(
            Translation(
                language,
                texts.get("title", ""),
                texts.get("description", ""),
                texts.get("cost", ""),
            )
            for language, texts in (value or {}).items()
        )
    )


# ------------------------------------------------------------------ writing


def course_entry(spec: CourseSpec, zone: str) -> dict[str, Any]:
    """A course as the YAML file writes it, with absolute local dates: importing it again
    changes nothing (`proximity courses catalogue`)."""
    tz = ZoneInfo(zone)

    def local(instant: datetime) -> datetime:
        return instant.astimezone(tz)

    entry: dict[str, Any] = {
        "code": spec.code,
        "title": spec.title,
        "category": spec.category,
        "place": spec.place_id,
        "seats": spec.seats,
        "requirement": spec.requirement,
        "min_italian": spec.min_italian or "",
        "cost": spec.cost,
        "contact": spec.contact,
        "signup_deadline": (
            f"{local(spec.signup_deadline):%Y-%m-%d %H:%M}" if spec.signup_deadline else ""
        ),
        "remind_each_session": spec.remind_each_session,
        "description": spec.description,
        "translations": translations_json(spec.translations),
        "sessions": [f"{local(s):%Y-%m-%d %H:%M}-{local(e):%H:%M}" for s, e in spec.sessions],
    }
    return entry


def courses_yaml(specs: Iterable[CourseSpec], zone: str) -> str:
    entries = [course_entry(spec, zone) for spec in specs]
    return yaml.safe_dump({"courses": entries}, allow_unicode=True, sort_keys=False, width=88)


def courses_csv(specs: Iterable[CourseSpec], zone: str) -> str:
    """One course a row, semicolons (Excel in Italian), one column per translated text."""
    extra = [f"{key}_{language}" for language in LANGUAGES for key in TRANSLATED]
    columns = [f for f in _CSV_COLUMNS] + extra
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, delimiter=";", lineterminator="\n")
    writer.writeheader()
    for spec in specs:
        entry = course_entry(spec, zone)
        row = {k: v for k, v in entry.items() if k in _CSV_COLUMNS}
        row["sessions"] = "|".join(entry["sessions"])
        row["remind_each_session"] = "sì" if spec.remind_each_session else "no"
        for language, texts in entry["translations"].items():
            for key, text in texts.items():
                row[f"{key}_{language}"] = text
        writer.writerow(row)
    return buffer.getvalue()


# ------------------------------------------------------------------ files


def read_course_file(
    path: Path, zone: str, today: date, places: Collection[str] = ()
) -> list[CourseSpec]:
    """The courses of a .yaml/.yml or .csv file. Raises CourseFileError."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CourseFileError(f"cannot read {path.name}: {exc}") from None
    if path.suffix.lower() == ".csv":
        return courses_from_csv(text, zone, today, places)
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            raise CourseFileError(f"not a YAML file: {exc}") from None
        return courses_from_yaml(data, zone, today, places)
    raise CourseFileError(f"{path.name}: use a .yaml, .yml or .csv file")


def courses_from_yaml(
    data: Any, zone: str, today: date, places: Collection[str] = ()
) -> list[CourseSpec]:
    if not isinstance(data, Mapping) or set(data) - {"courses"}:
        raise CourseFileError("the file must be a mapping with one key, `courses`")
    entries = data.get("courses") or []
    if not isinstance(entries, list):
        raise CourseFileError("`courses` must be a list")
    return _unique(
        [_spec(f"course #{n}", e, zone, today, places) for n, e in enumerate(entries, 1)]
    )


def courses_from_csv(
    text: str, zone: str, today: date, places: Collection[str] = ()
) -> list[CourseSpec]:
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    specs = []
    for row in reader:
        name = f"row {reader.line_num}"
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue  # blank line
        specs.append(_spec(name, _csv_entry(name, row), zone, today, places))
    if reader.fieldnames is None:
        raise CourseFileError("the CSV file is empty")
    return _unique(specs)


def _csv_entry(name: str, row: Mapping[str | None, Any]) -> dict[str, Any]:
    if None in row:
        raise CourseFileError(f"{name}: more cells than columns (a separator inside a text?)")
    cells = {str(k).strip(): (v or "").strip() for k, v in row.items()}
    entry: dict[str, Any] = {
        k: v
        for k, v in cells.items()
        if v and not k.startswith("weekly_") and not _CSV_TRANSLATION.match(k)
    }
    translations: dict[str, dict[str, str]] = {}
    for key, value in cells.items():
        found = _CSV_TRANSLATION.match(key)
        if found and value:
            translations.setdefault(found[2], {})[found[1]] = value
    if translations:
        entry["translations"] = translations
    if cells.get("sessions"):
        entry["sessions"] = [s for s in re.split(r"[|;]", cells["sessions"]) if s.strip()]
    weekly = {k: cells.get(f"weekly_{k}", "") for k in _CSV_WEEKLY}
    if any(weekly.values()):
        weekly["days"] = [d for d in re.split(r"[|,;\s]+", weekly["days"]) if d]
        entry["weekly"] = weekly
    return entry


def _unique(specs: list[CourseSpec]) -> list[CourseSpec]:
    seen: set[str] = set()
    for spec in specs:
        if spec.code in seen:
            raise CourseFileError(f"code {spec.code!r} appears twice")
        seen.add(spec.code)
    return specs


# ------------------------------------------------------------------ one course


def _spec(name: str, entry: Any, zone: str, today: date, places: Collection[str]) -> CourseSpec:
    try:
        if not isinstance(entry, Mapping):
            raise CourseFileError("must be a mapping")
        name = f"{name} ({entry.get('code', '?')})"
        return _build(entry, zone, today, places)
    except (CourseFileError, SlotFileError, ValueError, TypeError) as exc:
        raise CourseFileError(f"{name}: {exc}") from None


def _build(entry: Mapping[str, Any], zone: str, today: date, places: Collection[str]) -> CourseSpec:
    unknown = set(entry) - _FIELDS
    if unknown:
        raise CourseFileError(f"unknown fields: {', '.join(sorted(map(str, unknown)))}")
    code = _required(entry, "code")
    if not _CODE.match(code):
        raise CourseFileError(f"code {code!r}: lowercase letters, digits and _ only")
    place = _required(entry, "place")
    if places and place not in places:
        raise CourseFileError(f"unknown place {place!r} (one of {', '.join(sorted(places))})")
    seats = _int(entry, "seats")
    if not 1 <= seats <= MAX_SEATS:
        raise CourseFileError(f"seats must be between 1 and {MAX_SEATS}")
    lessons = _lessons(entry, zone, today)
    deadline = entry.get("signup_deadline")
    return CourseSpec(
        code=code,
        title=_required(entry, "title"),
        description=_required(entry, "description"),
        category=_choice(entry, "category", CATEGORIES),
        place_id=place,
        seats=seats,
        contact=_required(entry, "contact"),
        sessions=lessons,
        requirement=_choice(entry, "requirement", REQUIREMENTS, "none"),
        min_italian=_level(entry.get("min_italian")),
        cost=str(entry.get("cost") or "gratuito").strip(),
        signup_deadline=None if deadline in (None, "") else _deadline(deadline, zone, today),
        remind_each_session=_bool(entry.get("remind_each_session", False)),
        translations=_translations(entry.get("translations")),
    )


def _required(entry: Mapping[str, Any], key: str) -> str:
    text = str(entry.get(key) or "")
    # Titles and names on one line; a description keeps its paragraphs.
    value = text.strip() if key == "description" else " ".join(text.split())
    if not value:
        raise CourseFileError(f"missing {key}")
    return value


def _translations(value: object) -> tuple[Translation, ...]:
    if value in (None, ""):
        return ()
    if not isinstance(value, Mapping):
        raise CourseFileError("`translations` must map a language (en, ro, ...) to its texts")
    found = []
    for language, texts in value.items():
        if language not in LANGUAGES:
            hint = "; the Italian texts are title and description" if language == "it" else ""
            raise CourseFileError(
                f"translations: unknown language {language!r} (one of {', '.join(LANGUAGES)})"
                + hint
            )
        if not isinstance(texts, Mapping) or set(texts) - set(TRANSLATED):
            raise CourseFileError(
                f"translations.{language}: give {', '.join(TRANSLATED)} (each optional)"
            )
        words = {key: _text(key, texts.get(key)) for key in TRANSLATED}
        for key, text in words.items():
            if len(text) > LONGEST[key]:
                raise CourseFileError(f"translations.{language}.{key}: longer than {LONGEST[key]}")
        if any(words.values()):
            found.append(Translation(language, **words))
    return tuple(sorted(found))


def _text(key: str, value: object) -> str:
    """As `_required`, but a missing text is just empty."""
    text = "" if value is None else str(value)
    return text.strip() if key == "description" else " ".join(text.split())


def _int(entry: Mapping[str, Any], key: str) -> int:
    value = entry.get(key)
    if value in (None, ""):
        raise CourseFileError(f"missing {key}")
    if isinstance(value, bool) or not str(value).strip().isdigit():
        raise CourseFileError(f"{key}: not a whole number: {value!r}")
    return int(str(value).strip())


def _choice(
    entry: Mapping[str, Any], key: str, allowed: tuple[str, ...], default: str | None = None
) -> str:
    value = str(entry.get(key) or default or "").strip()
    if value not in allowed:
        raise CourseFileError(f"{key} {value!r} is not one of {', '.join(allowed)}")
    return value


def _level(value: object) -> str | None:
    if value in (None, "", "none"):
        return None
    level = str(value).strip().upper()
    if level not in ITALIAN_LEVELS:
        raise CourseFileError(f"min_italian {value!r} is not one of {', '.join(ITALIAN_LEVELS)}")
    return level


def _bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE | _FALSE:
        return text in _TRUE
    raise CourseFileError(f"not yes/no: {value!r}")


def course_date(value: object, today: date) -> date:
    """An absolute or relative date (see the module docstring)."""
    match = _PLUS.match(str(value).strip().lower())
    if match is not None:
        amount, unit = int(match[1]), match[2]
        return today + (timedelta(weeks=amount) if unit == "w" else timedelta(days=amount))
    return relative_date(value, today)


def _deadline(value: object, zone: str, today: date) -> datetime:
    if isinstance(value, datetime):
        return local_to_utc(value.replace(tzinfo=None), zone)
    text = str(value).strip()
    day, _, hour = text.rpartition(" ")
    if day and ":" in hour:
        return local_to_utc(datetime.combine(course_date(day, today), parse_time(hour)), zone)
    return local_to_utc(datetime.combine(course_date(text, today), time(23, 59)), zone)


def _lessons(entry: Mapping[str, Any], zone: str, today: date) -> tuple[Lesson, ...]:
    lessons: set[Lesson] = set()
    single = entry.get("sessions") or []
    if isinstance(single, str):
        single = [single]
    for item in single:
        lessons.add(_lesson(item, zone, today))
    if entry.get("weekly"):
        lessons.update(_weekly(entry["weekly"], zone, today))
    if not lessons:
        raise CourseFileError("no sessions: give `sessions` and/or `weekly`")
    return tuple(sorted(lessons))


def _lesson(value: object, zone: str, today: date) -> Lesson:
    match = _LESSON.match(str(value).strip())
    if match is None:
        raise CourseFileError(f'not a session: {value!r} (use "2026-12-03 09:00-12:00")')
    day = course_date(match["day"], today)
    return _between(day, match["start"].replace(".", ":"), match["end"].replace(".", ":"), zone)


def _between(day: date, start: object, end: object, zone: str) -> Lesson:
    begins = local_to_utc(datetime.combine(day, parse_time(start)), zone)
    ends = local_to_utc(datetime.combine(day, parse_time(end)), zone)
    if ends <= begins:
        raise CourseFileError(f"{day}: a session must end after it starts")
    return Lesson(begins, ends)


def _weekly(value: Any, zone: str, today: date) -> Iterable[Lesson]:
    if not isinstance(value, Mapping):
        raise CourseFileError("`weekly` must be a mapping with days, from, to, first, weeks")
    missing = [k for k in _CSV_WEEKLY if value.get(k) in (None, "", [])]
    if missing:
        raise CourseFileError(f"weekly: missing {', '.join(missing)}")
    days = value["days"] if isinstance(value["days"], list) else [value["days"]]
    weekdays = sorted({parse_weekday(d) for d in days})
    first = course_date(value["first"], today)
    weeks = int(value["weeks"])
    if not 1 <= weeks <= 52:
        raise CourseFileError("weekly: weeks must be between 1 and 52")
    dates = [
        first + timedelta(weeks=n, days=(weekday - first.weekday()) % 7)
        for n in range(weeks)
        for weekday in weekdays
    ]
    closed = italian_holidays(d.year for d in dates)
    return [_between(d, value["from"], value["to"], zone) for d in dates if d not in closed]
