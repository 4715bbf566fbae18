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
    course: CourseView, lesson_start: datetime, lead: timedelta, config: AgendaConfig, zone: str
) -> Reply:
    """A reminder before a lesson: when and where, with "I miei corsi" (to withdraw).

    `lead` is how long before the lesson it is really sent (quiet hours may move it
    earlier). The text gives the date and time, which stay true whatever the lead;
    `lead_hours` is there for a translation that prefers "tra 2 ore"."""
    params = {
        **_place(course, config),
        "start": lesson_start.astimezone(ZoneInfo(zone)),
        "lead_hours": max(1, round(lead.total_seconds() / 3600)),
    }
    return Reply("co-reminder", params, buttons=((MY_COURSES,), *screens.FOOTER))


def course_changed_reply(course: CourseView, config: AgendaConfig, zone: str) -> Reply:
    """An operator moved the dates or the place: the first lesson and where it is now."""
    first = course.first_start
    if first is None:
        raise ValueError(f"course {course.id} has no lessons to tell about")
    params = {**_place(course, config), "start": first.astimezone(ZoneInfo(zone))}
    return Reply("co-changed", params, buttons=((MY_COURSES,), *screens.FOOTER))


def course_cancelled_reply(course: CourseView, config: AgendaConfig) -> Reply:
    """The office withdrew the whole course: an apology, and the other courses."""
    others = (Button("btn-co-all", "go", "courses"),)
    return Reply("co-course-cancelled", _place(course, config), buttons=(others, *screens.FOOTER))


def _place(course: CourseView, config: AgendaConfig) -> Params:
    venue = config.venue(course.venue_id)
    return {"title": course.title, "place_name": venue.name, "address": venue.address}
