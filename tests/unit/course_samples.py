"""A small course catalogue for the core's tests: five courses, one full, one screened."""

from __future__ import annotations

from datetime import timedelta

from dialogs.course_view import Courses, CourseView
from tests.unit.agenda_samples import NOW


def course(
    course_id: int,
    code: str,
    title: str,
    category: str,
    left: int = 5,
    requirement: str = "none",
) -> CourseView:
    start = NOW + timedelta(days=10)
    sessions = tuple(
        (start + timedelta(weeks=w), start + timedelta(weeks=w, hours=3)) for w in range(4)
    )
    return CourseView(
        course_id, code, title, "Per chi vuole imparare.", category, "crema", left,
        requirement, sessions, cost="gratuito",
    )  # fmt: skip


PC = course(1, "informatica_base", "Informatica di base", "informatica")
STORE = course(2, "logistica_magazzino", "Magazziniere e carrellista", "logistica", left=0)
HACCP = course(3, "haccp_ristorazione", "HACCP per la ristorazione", "ristorazione")
ITALIAN = course(4, "italiano_stranieri", "Italiano per stranieri A2", "lingua_italiana")
SCREENED = course(
    5, "soft_skills", "Come fare un colloquio", "competenze_trasversali", requirement="prescreened"
)
CATALOGUE = (PC, STORE, HACCP, ITALIAN, SCREENED)
OPEN = Courses(catalogue=CATALOGUE, prescreening_outcome="likely_eligible")
