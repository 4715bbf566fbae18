"""How a course is told to its people outside a conversation: the reminder before a
lesson and the notice that dates or place changed. Pure, like the rest of the core."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dialogs import screens
from dialogs.agenda import AgendaConfig
from dialogs.course_view import CourseView
from dialogs.model import Button, Params, Reply

MY_COURSES = Button("btn-co-mine", "co-mine")


def course_reminder_reply(
    course: CourseView,
    lesson_start: datetime,
    lead: timedelta,
    config: AgendaConfig,
    zone: str,
    language: str = "it",
) -> Reply:
    """A reminder before a lesson: when and where, with "I miei corsi" (to withdraw).

    `lead` is how long before the lesson it is really sent (quiet hours may move it
    earlier). The text gives the date and time, which stay true whatever the lead;
    `lead_hours` is there for a translation that prefers "tra 2 ore"."""
    params = {
        **_place(course, config, language),
        "start": lesson_start.astimezone(ZoneInfo(zone)),
        "lead_hours": max(1, round(lead.total_seconds() / 3600)),
    }
    return Reply("co-reminder", params, buttons=((MY_COURSES,), *screens.FOOTER))


def course_changed_reply(
    course: CourseView, config: AgendaConfig, zone: str, language: str = "it"
) -> Reply:
    """An operator moved the dates or the place: the first lesson and where it is now."""
    first = course.first_start
    if first is None:
        raise ValueError(f"course {course.id} has no lessons to tell about")
    params = {**_place(course, config, language), "start": first.astimezone(ZoneInfo(zone))}
    return Reply("co-changed", params, buttons=((MY_COURSES,), *screens.FOOTER))


def course_cancelled_reply(course: CourseView, config: AgendaConfig, language: str = "it") -> Reply:
    """The office withdrew the whole course: an apology, and the other courses."""
    others = (Button("btn-co-all", "go", "courses"),)
    params = _place(course, config, language)
    return Reply("co-course-cancelled", params, buttons=(others, *screens.FOOTER))


def course_removed_reply(course: CourseView, config: AgendaConfig, language: str = "it") -> Reply:
    """The office took the person off the course (a call, a decision of the services):
    said plainly, with a person and the other courses one tap away."""
    others = (Button("btn-co-all", "go", "courses"),)
    params = _place(course, config, language)
    return Reply("co-removed-by-office", params, buttons=(others, *screens.FOOTER))


def _place(course: CourseView, config: AgendaConfig, language: str) -> Params:
    """`language` is the person's: the title as translated, or the Italian one."""
    venue = config.venue(course.venue_id)
    title = course.text(language).title
    return {"title": title, "place_name": venue.name, "address": venue.address}
