"""When someone would like the appointment, from what they write: "martedì mattina", "dopo le 15".

The phrases are Italian as typed on a phone: lowercase, accents dropped or written as an
apostrophe ("martedi'"), the odd typo ("giovedl", "pomerigio"). The result is a `Preference`,
a filter over local slot start times; `parse_preference` returns None when it understood
nothing, so the caller can simply show every free slot.

Readings, and why:
- "mattina" is a start before 13:00 and "pomeriggio" from 13:00, the office's lunch break.
- "dopo le 15" includes 15:00 (that is what people mean); "prima delle 11" excludes 11:00.
- "alle 10" accepts a start up to 30 minutes either side: slots come every 45-60 minutes,
  and an exact match would usually find nothing.
- Hours 1 to 7 are afternoon hours ("dopo le 3" is 15:00): nobody books at 3 in the morning.
- A named date ("il 3 dicembre", "domani") wins over a weekday said with it ("martedì 3
  dicembre"): the weekday can only repeat the date or be a slip.
- A date without a year is its next occurrence from `today` on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TypeVar

from dialogs import matching

__all__ = ["AROUND", "NOON", "DayPeriod", "Preference", "normalise", "parse_preference"]

NOON = time(13, 0)  # where morning ends and afternoon begins
AROUND = timedelta(minutes=30)  # how far from "alle 10" a start may be
# A word this similar to a known one (see dialogs/matching.py) is taken for it: one slip in a
# seven-letter word still passes, a different word of similar shape does not.
FUZZY = 0.8
MIN_FUZZY_CHARS = 5
# Below this hour a bare number is an afternoon hour: "dopo le 3" means 15:00.
AFTERNOON_BELOW = 8


class DayPeriod(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"


@dataclass(frozen=True)
class Preference:
    """Conditions on a slot's local start; every condition that is set must hold."""

    weekdays: frozenset[int] = frozenset()  # 0 = Monday; any of them
    excluded_weekdays: frozenset[int] = frozenset()  # "non il lunedì"
    days: frozenset[date] = frozenset()  # named dates; any of them
    within: tuple[date, date] | None = None  # inclusive range, e.g. next week
    periods: frozenset[DayPeriod] = frozenset()  # any of them
    after: time | None = None  # start at or after
    before: time | None = None  # start strictly before
    around: time | None = None  # start within AROUND of it

    def is_empty(self) -> bool:
        return self == Preference()

    def matches(self, slot_local_start: datetime) -> bool:
        """Whether a slot starting at this wall time (Europe/Rome, naive or aware) fits."""
        day, clock = slot_local_start.date(), slot_local_start.time()
        return self._day_fits(day) and self._time_fits(clock)

    def _day_fits(self, day: date) -> bool:
        if self.days and day not in self.days:
            return False
        if self.within is not None and not self.within[0] <= day <= self.within[1]:
            return False
        if self.weekdays and day.weekday() not in self.weekdays:
            return False
        return day.weekday() not in self.excluded_weekdays

    def _time_fits(self, clock: time) -> bool:
        if self.periods and not any(_in_period(clock, p) for p in self.periods):
            return False
        if self.after is not None and clock < self.after:
            return False
        if self.before is not None and clock >= self.before:
            return False
        if self.around is not None:
            return abs(_minutes(clock) - _minutes(self.around)) <= AROUND.total_seconds() // 60
        return True


def _in_period(clock: time, period: DayPeriod) -> bool:
    return clock < NOON if period is DayPeriod.MORNING else clock >= NOON


def _minutes(clock: time) -> int:
    return clock.hour * 60 + clock.minute


# -- vocabulary ------------------------------------------------------------------------------

_WEEKDAY_NAMES = ("lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica")
# Abbreviations are matched exactly: three letters are too short to guess typos from.
_WEEKDAY_SHORT = {
    "lun": 0,
    "mar": 1,
    "mart": 1,
    "mer": 2,
    "merc": 2,
    "gio": 3,
    "giov": 3,
    "ven": 4,
    "sab": 5,
    "dom": 6,
}
_MONTH_NAMES = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)
_MONTH_SHORT = {name[:3]: n for n, name in enumerate(_MONTH_NAMES, start=1)} | {"sett": 9}
_PERIOD_WORDS = {
    "mattina": DayPeriod.MORNING,
    "mattino": DayPeriod.MORNING,
    "mattinata": DayPeriod.MORNING,
    "pomeriggio": DayPeriod.AFTERNOON,
    "pome": DayPeriod.AFTERNOON,  # as it is said in Lombardy
}
_NUMBER_WORDS = {
    "una": 1,
    "due": 2,
    "tre": 3,
    "quattro": 4,
    "cinque": 5,
    "sei": 6,
    "sette": 7,
    "otto": 8,
    "nove": 9,
    "dieci": 10,
    "undici": 11,
    "dodici": 12,
    "mezzogiorno": 12,
}
_NEGATIONS = frozenset({"non", "no", "tranne", "eccetto", "escluso", "esclusi", "salvo"})
# Words allowed between a negation and the weekday it negates ("non il lunedì").
_ARTICLES = frozenset({"il", "la", "i", "di", "de", "del", "nel", "nei", "per"})

# -- patterns --------------------------------------------------------------------------------

# Minutes after the hour: "15:30", "15.30", "15h30", "3 e mezza", "10 e un quarto".
_MINUTES = r"(?:\s*[:.,h]\s*\d{2}|\s+e\s+(?:mezza|mezzo|un\s+quarto|\d{2}))?"
_WORDS = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_DIGITS = rf"\d{{1,2}}{_MINUTES}"
_CLOCK = rf"(?:\d{{1,2}}|{_WORDS}){_MINUTES}"
_CLOCK_PARTS = re.compile(
    rf"(?P<h>\d{{1,2}}|{_WORDS})"
    r"(?:\s*[:.,h]\s*(?P<m>\d{2})|\s+e\s+(?P<extra>mezza|mezzo|un\s+quarto|\d{2}))?"
)
_ORE = r"(?:ore\s+)?"
_ART = r"(?:le|l)"  # "le 10", and "l'una" once the apostrophe is a space
_RANGE = re.compile(
    rf"\b(?:dalle|dall|(?:tra|fra)\s+{_ART})\s+{_ORE}(?P<a>{_CLOCK})"
    rf"\s+(?:alle|all|e\s+{_ART}|e)\s+{_ORE}(?P<b>{_CLOCK})\b"
)
_NOT_BEFORE = re.compile(rf"\bnon\s+prima\s+(?:delle|dell|di)\s+{_ORE}(?P<a>{_CLOCK})\b")
_NOT_AFTER = re.compile(rf"\bnon\s+(?:dopo|oltre)\s+{_ART}\s+{_ORE}(?P<a>{_CLOCK})\b")
# A bare number word needs its article: "dopo una settimana" is not "after 13:00".
_AFTER = re.compile(
    rf"\b(?:(?:dopo|oltre)\s+{_ART}|(?:a\s+partire\s+)?(?:dalle|dall))\s+{_ORE}(?P<a>{_CLOCK})\b"
    rf"|\bdopo\s+{_ORE}(?P<b>{_DIGITS})\b"
)
_BEFORE = re.compile(rf"\b(?:prima\s+(?:delle|dell|di)|entro\s+{_ART})\s+{_ORE}(?P<a>{_CLOCK})\b")
_AT = re.compile(
    rf"\b(?:verso\s+{_ART}\s+|(?:intorno|circa)\s+(?:alle|all)\s+|alle\s+|all\s+|ore\s+)"
    rf"{_ORE}(?P<a>{_CLOCK})\b"
)
# Day first, as in Italy. A dash or dot only with a year: "10-12" is more often 10 to 12 o'clock.
_SLASH_DATE = re.compile(r"\b(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{2,4}))?\b")
_DASH_DATE = re.compile(r"\b(?P<d>\d{1,2})([-.])(?P<m>\d{1,2})\2(?P<y>\d{2}|\d{4})\b")
_NAMED_DATE = re.compile(r"\b(?P<d>\d{1,2})\s+(?P<m>[a-z]+)(?:\s+(?P<y>\d{4}))?\b")
_NEXT_WEEK = re.compile(r"\b(?:prossima\s+settimana|settimana\s+prossima)\b")
_THIS_WEEK = re.compile(r"\b(?:questa\s+settimana|in\s+settimana)\b")
_DAY_AFTER_TOMORROW = re.compile(r"\bdopo\s*domani\b")
# Words, and the punctuation that ends a clause (a negation does not reach past it).
_TOKEN = re.compile(r"[a-z]+|[,.;]")

V = TypeVar("V")
Reader = Callable[["_Found", date], "_Found"]


@dataclass(frozen=True)
class _Found:
    """What the readers have found so far, and the text still to read."""

    text: str
    preference: Preference = Preference()


def normalise(text: str) -> str:
    """Lowercase, accents and apostrophes gone, one space between words."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(r"[’'`´]", " ", plain)
    plain = re.sub(r"[;!?]+", ",", plain)
    return re.sub(r"\s+", " ", re.sub(r"[^0-9a-z:/.,-]+", " ", plain)).strip()


def parse_preference(text: str, today: date) -> Preference | None:
    """The preference in a free-text answer, or None when nothing in it was understood."""
    found = _Found(f" {normalise(text)} ")
    for read in _READERS:
        found = read(found, today)
    preference = _words(found, today)
    if preference.days:
        preference = replace(preference, weekdays=frozenset())
    return None if preference.is_empty() else preference


# -- readers: each takes what it recognises out of the text ----------------------------------


def _sub(
    found: _Found, pattern: re.Pattern[str], apply: Callable[[re.Match[str]], Preference | None]
) -> _Found:
    """Runs `apply` on every match; a match it accepts is blanked so no later reader sees it."""
    text, preference = found.text, found.preference
    for match in pattern.finditer(found.text):
        understood = apply(match)
        if understood is None:
            continue
        preference = _merge(preference, understood)
        # Same length, so the other matches' positions stay valid.
        text = text[: match.start()] + " " * len(match[0]) + text[match.end() :]
    return _Found(text, preference)


def _merge(a: Preference, b: Preference) -> Preference:
    """Every condition of both; of two bounds of the same kind the stricter is kept."""
    return Preference(
        weekdays=a.weekdays | b.weekdays,
        excluded_weekdays=a.excluded_weekdays | b.excluded_weekdays,
        days=a.days | b.days,
        within=_intersect(a.within, b.within),
        periods=a.periods | b.periods,
        after=max((t for t in (a.after, b.after) if t is not None), default=None),
        before=min((t for t in (a.before, b.before) if t is not None), default=None),
        around=a.around or b.around,
    )


def _intersect(
    a: tuple[date, date] | None, b: tuple[date, date] | None
) -> tuple[date, date] | None:
    if a is None or b is None:
        return a or b
    # An empty intersection stays empty (first day after the last): it matches no day.
    return max(a[0], b[0]), min(a[1], b[1])


def _ranges(found: _Found, today: date) -> _Found:
    def apply(m: re.Match[str]) -> Preference | None:
        start, end = _clock(m["a"]), _clock(m["b"])
        if start is None or end is None or end <= start:
            return None
        return Preference(after=start, before=end)

    return _sub(found, _RANGE, apply)


def _at(field: str, clock: time) -> Preference:
    """A preference on one clock-time condition: "after", "before" or "around"."""
    if field == "after":
        return Preference(after=clock)
    if field == "before":
        return Preference(before=clock)
    return Preference(around=clock)


def _bound(pattern: re.Pattern[str], field: str, shift: timedelta = timedelta(0)) -> Reader:
    """A reader turning the clock time `pattern` captures into the condition `field`."""

    def read(found: _Found, today: date) -> _Found:
        def apply(m: re.Match[str]) -> Preference | None:
            groups = m.groupdict()
            clock = _clock(groups.get("a") or groups.get("b") or "")
            if clock is None:
                return None
            return _at(field, _add(clock, shift))

        return _sub(found, pattern, apply)

    return read


def _dates(pattern: re.Pattern[str]) -> Reader:
    """A reader for dates written with digits, or a day and a month name."""

    def read(found: _Found, today: date) -> _Found:
        def apply(m: re.Match[str]) -> Preference | None:
            month = int(m["m"]) if m["m"].isdigit() else _month(m["m"])
            day = None if month is None else _date(int(m["d"]), month, m["y"], today)
            return None if day is None else Preference(days=frozenset({day}))

        return _sub(found, pattern, apply)

    return read


def _relative_days(found: _Found, today: date) -> _Found:
    monday = today - timedelta(days=today.weekday())
    found = _sub(
        found, _DAY_AFTER_TOMORROW, lambda m: Preference(days=frozenset({today + timedelta(2)}))
    )
    found = _sub(
        found,
        _NEXT_WEEK,
        lambda m: Preference(within=(monday + timedelta(7), monday + timedelta(13))),
    )
    return _sub(found, _THIS_WEEK, lambda m: Preference(within=(today, monday + timedelta(6))))


_READERS: tuple[Reader, ...] = (
    # Longer phrases first: "dalle 10 alle 12" must not be read as "alle 12".
    _ranges,
    _bound(_NOT_BEFORE, "after"),
    # "non dopo le 15" accepts 15:00 itself, and `before` is exclusive.
    _bound(_NOT_AFTER, "before", timedelta(minutes=1)),
    _bound(_AFTER, "after"),
    _bound(_BEFORE, "before"),
    _bound(_AT, "around"),
    _dates(_SLASH_DATE),
    _dates(_DASH_DATE),
    _dates(_NAMED_DATE),
    _relative_days,
)


def _words(found: _Found, today: date) -> Preference:
    """Single words left over: weekdays, parts of the day, oggi/domani, a month on its own."""
    preference = found.preference
    tokens = _TOKEN.findall(found.text)
    for i, token in enumerate(tokens):
        weekday = _weekday(token)
        if weekday is None:
            preference = _merge(preference, _other_word(token, today))
        elif _negated(tokens[:i]):
            preference = _merge(preference, Preference(excluded_weekdays=frozenset({weekday})))
        else:
            preference = _merge(preference, Preference(weekdays=frozenset({weekday})))
    return preference


def _other_word(word: str, today: date) -> Preference:
    if word == "oggi":
        return Preference(days=frozenset({today}))
    if word == "domani":
        return Preference(days=frozenset({today + timedelta(1)}))
    period = _fuzzy(word, _PERIOD_WORDS)
    if period is not None:
        return Preference(periods=frozenset({period}))
    month = _fuzzy(word, _MONTHS)
    if month is not None:
        return Preference(within=_month_range(month, today))
    return Preference()


def _negated(before: list[str]) -> bool:
    """Whether the words just before a weekday negate it: "non il", "tranne", "no"."""
    for word in reversed(before):
        if word in _NEGATIONS:
            return True
        if word not in _ARTICLES:
            return False
    return False


_WEEKDAYS = {name: n for n, name in enumerate(_WEEKDAY_NAMES)}
_MONTHS = {name: n for n, name in enumerate(_MONTH_NAMES, start=1)}


def _weekday(word: str) -> int | None:
    if word in _WEEKDAY_SHORT:
        return _WEEKDAY_SHORT[word]
    return _fuzzy(word, _WEEKDAYS)


def _month(word: str) -> int | None:
    if word in _MONTH_SHORT:
        return _MONTH_SHORT[word]
    return _fuzzy(word, _MONTHS)


def _fuzzy(word: str, table: Mapping[str, V]) -> V | None:
    """The value of the known word that `word` is, or is one small typo away from."""
    if word in table:
        return table[word]
    if len(word) < MIN_FUZZY_CHARS:
        return None
    return matching.closest(word, table, FUZZY)


# -- values ----------------------------------------------------------------------------------


def _clock(text: str) -> time | None:
    m = _CLOCK_PARTS.fullmatch(text.strip())
    if m is None:
        return None
    hour = int(m["h"]) if m["h"].isdigit() else _NUMBER_WORDS[m["h"]]
    minute = int(m["m"]) if m["m"] else _extra_minutes(m["extra"])
    if 1 <= hour < AFTERNOON_BELOW:
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _extra_minutes(extra: str | None) -> int:
    if extra is None:
        return 0
    if extra in ("mezza", "mezzo"):
        return 30
    if extra.startswith("un"):
        return 15
    return int(extra)


def _add(clock: time, delta: timedelta) -> time:
    return (datetime.combine(date.min, clock) + delta).time()


def _date(day: int, month: int, year: str | None, today: date) -> date | None:
    """The date, or its next occurrence from today when the year is missing; None if invalid."""
    if not 1 <= month <= 12:
        return None
    if year is not None:
        full = int(year) + (2000 if len(year) == 2 else 0)
        try:
            return date(full, month, day)
        except ValueError:
            return None
    for candidate_year in (today.year, today.year + 1):
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def _month_range(month: int, today: date) -> tuple[date, date]:
    """The rest of the month if it is this month, else its next occurrence, as days."""
    year = today.year if month >= today.month else today.year + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return max(date(year, month, 1), today), following - timedelta(days=1)
