"""One participation in the programme, as the indicators see it.

The record mirrors the care record an operator keeps (taken in charge, the funder's intake
categories, the services received, the exit and the follow-up six months later), reduced
to plain values: no name, no Telegram id, nothing an indicator does not read. Building
these records from the care tables is the job of a small adapter (see the README,
"Reporting to the funder"); the indicators only ever see this type.

The allowed values of each categorical field are listed once, in `CHOICES`, so the
indicator file is checked against them when it is loaded (a rule that compares a field
with a value it can never hold is a typo, and is refused).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

Gender = Literal["female", "male", "non_binary", "not_stated"]
Education = Literal["isced_0_2", "isced_3_4", "isced_5_8", "not_stated"]
Employment = Literal["unemployed", "long_term_unemployed", "inactive", "employed", "not_stated"]
YesNo = Literal["yes", "no", "not_stated"]
ExitOutcome = Literal[
    "employed",
    "self_employed",
    "education_training",
    "qualification",
    "job_searching",
    "left_programme",
    "moved_away",
]
FollowUpStatus = Literal["employed", "self_employed", "better_situation", "no_change", "unknown"]

GENDERS: Final[tuple[Gender, ...]] = ("female", "male", "non_binary", "not_stated")

# field -> the values it can hold; None (unknown / not yet) is allowed where the field is
# optional, and is never equal to any of these.
CHOICES: Final[Mapping[str, tuple[str, ...]]] = {
    "gender": GENDERS,
    "education": ("isced_0_2", "isced_3_4", "isced_5_8", "not_stated"),
    "employment_at_entry": (
        "unemployed", "long_term_unemployed", "inactive", "employed", "not_stated",
    ),
    "disability": ("yes", "no", "not_stated"),
    "third_country_national": ("yes", "no", "not_stated"),
    "foreign_background": ("yes", "no", "not_stated"),
    "minority": ("yes", "no", "not_stated"),
    "homeless_or_housing_exclusion": ("yes", "no", "not_stated"),
    "exit_outcome": (
        "employed", "self_employed", "education_training", "qualification",
        "job_searching", "left_programme", "moved_away",
    ),
    "followup_status": ("employed", "self_employed", "better_situation", "no_change", "unknown"),
}  # fmt: skip

# Numeric fields a rule may compare (hours, and counts derived from dates).
NUMBERS: Final[frozenset[str]] = frozenset(
    {"birth_year", "tutoring_hours", "course_hours_attended", "internship_hours"}
)
# Free text fields a rule may compare with `is` / `in` (any value is valid).
TEXTS: Final[frozenset[str]] = frozenset({"comune_istat"})
DATES: Final[frozenset[str]] = frozenset(
    {"taken_in_charge_on", "exit_on", "internship_start", "internship_end", "followup_on"}
)


@dataclass(frozen=True)
class ParticipantRecord:
    """One participation: from being taken in charge to the follow-up after the exit.

    `key` is an opaque number that only tells two records apart (the care record's id);
    nothing in a report ever shows it. Special-category answers (disability, minority…)
    are None when the operator did not ask, "not_stated" when the person chose not to say.
    """

    key: int
    gender: Gender
    education: Education
    employment_at_entry: Employment
    taken_in_charge_on: date
    birth_year: int | None = None
    comune_istat: str | None = None
    disability: YesNo | None = None
    third_country_national: YesNo | None = None
    foreign_background: YesNo | None = None
    minority: YesNo | None = None
    homeless_or_housing_exclusion: YesNo | None = None
    # Services received.
    appointments_attended: Mapping[str, int] = field(default_factory=dict)
    tutoring_hours: float = 0.0
    course_hours_attended: float = 0.0
    internship_start: date | None = None
    internship_end: date | None = None
    internship_hours: float = 0.0
    # The exit and what it led to.
    exit_on: date | None = None
    exit_outcome: ExitOutcome | None = None
    # Six months after the exit, recorded by an operator or answered in the chat.
    followup_status: FollowUpStatus | None = None
    followup_on: date | None = None

    def age_at_entry(self) -> int | None:
        """Age reached in the year of entry: only the birth year is kept, so it can be one
        more than the exact age on the day (a deliberate trade: less data about the person)."""
        if self.birth_year is None:
            return None
        return self.taken_in_charge_on.year - self.birth_year
