"""Courses: browse by category, read a course, sign up, the waiting list, withdraw.

The shell loads `Courses` (the open catalogue and the person's enrolments) before a turn
that needs them. Signing up is an effect: only the database knows whether the last seat
is still there, so the shell comes back with `EnrolmentDone` (enrolled, or waiting with a
position) and the core answers from that.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from dialogs import matching, screens
from dialogs.agenda import AgendaConfig
from dialogs.course_view import ENROLLED, OFFERED, WAITING, Courses, CourseView, MyEnrolment
from dialogs.effects import AnswerOffer, EnrolCourse, WithdrawCourse
from dialogs.events import (
    ButtonPressed,
    CommandIssued,
    EnrolmentDone,
    Event,
    OfferAnswered,
    TextSaid,
)
from dialogs.flow import Flow
from dialogs.keywords import guess_intent
from dialogs.model import Button, Env, Parts, Reply, State, Turn, arg_number
from dialogs.preferences import normalise

INTENTS = frozenset({"list_courses", "enroll_course", "withdraw_course"})
CATEGORY = "co-cat"  # arg: "<category>|<page>"
SEE = "co-see"  # arg: course id
SIGN_UP = "co-in"  # arg: course id -> asks to confirm
YES = "co-yes"  # arg: course id -> signs up
MINE = "co-mine"
LEAVE = "co-out"  # arg: course id -> asks to confirm
LEAVE_YES = "co-outyes"  # arg: course id
ACCEPT = "co-acc"  # arg: enrolment id (a seat offered from the waiting list)
DECLINE = "co-dec"  # arg: enrolment id
ACTIONS = frozenset({CATEGORY, SEE, SIGN_UP, YES, MINE, LEAVE, LEAVE_YES, ACCEPT, DECLINE})
PER_PAGE = 6
SESSIONS_SHOWN = 6
# Course titles are cut on buttons so the label stays readable on a phone.
TITLE_ON_BUTTON = 22
# Words that say "a course" but not which one.
_NOT_A_NAME = frozenset(
    {"corso", "corsi", "vorrei", "voglio", "iscrivere", "iscrivermi", "iscriviti", "posso"}
    | {"fare", "seguire", "frequentare", "quello", "sono", "interessato", "interessata"}
    # The same words in the other languages, now that titles are matched in them too.
    | {"course", "courses", "want", "would", "like", "sign", "take", "training", "about"}
    | {"curs", "cursul", "cursuri", "vreau", "doresc", "inscriu", "cours", "veux"}
    | {"voudrais", "faire", "suivre", "curso", "cursos", "quiero", "hacer", "tomar"}
    | {"formation", "formations", "formazione", "formare", "vous", "avez", "avete", "have"}
    | {"there", "tienen", "ofrecen", "aveti", "exista", "existe", "quels", "quali", "which"}
)

MY_COURSES = Button("btn-co-mine", MINE)
ALL_COURSES = Button("btn-co-all", "go", "courses")


def ready(env: Env) -> bool:
    return env.courses is not None


def needs_courses(state: State, event: Event) -> bool:
    if isinstance(event, EnrolmentDone | OfferAnswered):
        return True
    if isinstance(event, ButtonPressed):
        return event.action in ACTIONS or (event.action == "go" and event.arg == "courses")
    if isinstance(event, CommandIssued):
        return event.name == "corsi"
    if isinstance(event, TextSaid) and event.understanding is not None:
        said = event.understanding
        if said.intent in INTENTS or said.entity("course") is not None:
            return True
    if isinstance(event, TextSaid):  # the NLU is unsure or down: a course word is enough
        return guess_intent(event.text) in INTENTS
    return False


# -- entry points ----------------------------------------------------------------------------


def categories(state: State, env: Env) -> Turn:
    courses = _courses(env)
    if not any(c.open for c in courses.catalogue):
        reply = Reply("co-none-open", buttons=_with_mine(courses, screens.FOOTER))
        return Turn((reply,), state)
    counts: dict[str, int] = {}
    for course in (c for c in courses.catalogue if c.open):
        counts[course.category] = counts.get(course.category, 0) + 1
    rows = tuple(
        (Button("btn-co-category", CATEGORY, f"{name}|0", {"category": name, "count": n}),)
        for name, n in sorted(counts.items())
    )
    reply = Reply("co-categories", buttons=(*rows, *_with_mine(courses, screens.FOOTER)))
    return Turn((reply,), state)


def names_a_course(said: TextSaid, env: Env) -> bool:
    """Whether a text names a course of the catalogue ("corso magazinere")."""
    return env.courses is not None and bool(match(said, env.courses.catalogue))


def from_intent(intent: str, said: TextSaid, state: State, env: Env) -> Turn:
    courses = _courses(env)
    found = match(said, courses.catalogue)
    if intent == "withdraw_course":
        live = [e.course_id for e in courses.mine if courses.course(e.course_id)]
        named = [c.id for c in found if c.id in live]
        if len(named) == 1 or (len(live) == 1 and not found):
            return _ask_leave(state, (named or live)[0], env)
        if live:
            return my_courses(state, env)
        # Nothing to leave: a course named in a muddled sentence is more likely wanted.
    found = [c for c in found if c.open]
    if len(found) == 1:
        return _detail(state, found[0], env)
    if found:
        rows = tuple(
            (Button("btn-co-course", SEE, str(c.id), _course_label(c, state)),) for c in found
        )
        reply = Reply("co-which", buttons=(*rows, (ALL_COURSES,), *screens.FOOTER))
        return Turn((reply,), state)
    if intent == "withdraw_course":
        return my_courses(state, env)
    return categories(state, env)


def on_button(state: State, event: ButtonPressed, env: Env) -> Turn:
    courses, action, arg = _courses(env), event.action, event.arg
    if action == MINE:
        return my_courses(state, env)
    if action == CATEGORY:
        name, _, page = arg.partition("|")
        return _category(state, env, name, arg_number(page) or 0)
    if action in (ACCEPT, DECLINE):
        enrolment = courses.enrolment(arg_number(arg) or -1)
        if enrolment is None or enrolment.status != OFFERED:
            return Turn((Reply("co-offer-gone"), *my_courses(state, env).replies), state)
        return Turn((), state, (AnswerOffer(enrolment.id, accept=action == ACCEPT),))
    course = courses.course(arg_number(arg) or -1)
    if course is None:
        return Turn((Reply("co-gone"), *categories(state, env).replies), state)
    if action == SEE:
        return _detail(state, course, env)
    if action == SIGN_UP:
        return _ask_sign_up(state, course, env)
    if action == YES:
        if (
            courses.enrolment_in(course.id)
            or courses.missing_requirement(course)
            or not course.open
        ):
            return _detail(state, course, env)
        return Turn((), state, (EnrolCourse(course.id),))
    if action == LEAVE:
        return _ask_leave(state, course.id, env)
    if courses.enrolment_in(course.id) is None:
        return my_courses(state, env)
    params = _course_params(course, env, state)
    reply = Reply("co-left", params, buttons=((ALL_COURSES,), *screens.FOOTER))
    return Turn((reply,), state, (WithdrawCourse(course.id),))


def enrolment_done(state: State, event: EnrolmentDone, env: Env) -> Turn:
    """What the database decided: a seat, or a place in the waiting list."""
    course = _courses(env).course(event.course_id)
    if course is None or event.status == "closed":
        return Turn((Reply("co-gone"), *categories(state, env).replies), state)
    params = _course_params(course, env, state)
    after = ((MY_COURSES,), *screens.FOOTER)
    if event.status == ENROLLED:
        parts: Parts = (
            ("co-sessions", {"list": _sessions_text(course, env)}),
            ("ap-calendar", {}),
        )
        return Turn((Reply("co-enrolled", params, buttons=after, parts=parts),), state)
    if event.status == WAITING:
        waiting = Reply("co-waiting", {**params, "position": event.position or 1}, buttons=after)
        return Turn((waiting,), state)
    return Turn((Reply("co-already", params, buttons=after),), state)


def offer_answered(state: State, event: OfferAnswered, env: Env) -> Turn:
    course = _courses(env).course(event.course_id)
    params = _course_params(course, env, state) if course else {"title": ""}
    after = ((MY_COURSES,), *screens.FOOTER)
    key = {"accepted": "co-offer-accepted", "declined": "co-offer-declined"}.get(
        event.result, "co-offer-gone"
    )
    return Turn((Reply(key, params, buttons=after),), state)


def my_courses(state: State, env: Env) -> Turn:
    courses = _courses(env)
    live = [(e, c) for e in courses.mine if (c := courses.course(e.course_id)) is not None]
    if not live:
        reply = Reply("co-mine-none", buttons=((ALL_COURSES,), *screens.FOOTER))
        return Turn((reply,), state)
    parts = tuple(("co-mine-item", _enrolment_params(e, c, env, state)) for e, c in live)
    rows: list[tuple[Button, ...]] = []
    for enrolment, course in live:
        if enrolment.status == OFFERED:
            rows.append(
                (
                    Button("btn-co-accept", ACCEPT, str(enrolment.id)),
                    Button("btn-co-decline", DECLINE, str(enrolment.id)),
                )
            )
        label = _course_label(course, state)
        rows.append((Button("btn-co-leave-one", LEAVE, str(course.id), label),))
    reply = Reply(
        "co-mine",
        {"count": len(live)},
        buttons=(*rows, (ALL_COURSES,), *screens.FOOTER),
        parts=parts,
    )
    return Turn((reply,), state)


def offer_reply(
    course: CourseView,
    enrolment: MyEnrolment,
    config: AgendaConfig,
    zone: str,
    language: str = "it",
) -> Reply:
    """The message that offers a freed seat to the first person waiting, in their
    language (the course's title as translated, or the Italian one)."""
    if enrolment.offer_expires is None:
        raise ValueError(f"enrolment {enrolment.id} holds no offer")
    until = enrolment.offer_expires
    params = {
        **_params(course, config, zone, until, language),
        "until": until.astimezone(ZoneInfo(zone)),
    }
    buttons = (
        (Button("btn-co-accept", ACCEPT, str(enrolment.id)),),
        (Button("btn-co-decline", DECLINE, str(enrolment.id)),),
        *screens.FOOTER,
    )
    return Reply("co-offer", params, buttons=buttons)


# -- matching course names in free text ------------------------------------------------------


def match(said: TextSaid, catalogue: tuple[CourseView, ...]) -> list[CourseView]:
    """The courses a message names: the NLU's `course` entity first, then a typo-tolerant
    comparison of the words with the titles ("corso magazziniere", "informatica base")."""
    code = said.understanding.entity("course") if said.understanding else None
    by_code = [c for c in catalogue if code and c.code == code]
    if by_code:
        return by_code
    words = [w for w in normalise(said.text).split() if len(w) >= 4 and w not in _NOT_A_NAME]
    if not words:
        return []
    scored = [(_score(words, course), course) for course in catalogue]
    best = max((score for score, _ in scored), default=0.0)
    if best < 0.8:
        return []
    return [course for score, course in scored if score >= best - 0.01]


def _score(words: list[str], course: CourseView) -> float:
    # Titles in every language: "computer course" finds "Informatica di base".
    titles = " ".join(course.titles)
    names = set(normalise(f"{titles} {course.code.replace('_', ' ')}").split())
    names = {n for n in names if len(n) >= 4}
    hits = [max((s for _, s in matching.ranked(word, names, 0.8)), default=0.0) for word in words]
    good = [h for h in hits if h >= 0.8]
    return sum(good)


# -- screens ---------------------------------------------------------------------------------


def _category(state: State, env: Env, name: str, page: int) -> Turn:
    listed = [c for c in _courses(env).catalogue if c.category == name and c.open]
    if not listed:
        return categories(state, env)
    pages = (len(listed) + PER_PAGE - 1) // PER_PAGE
    page = min(max(page, 0), pages - 1)
    shown = listed[page * PER_PAGE : (page + 1) * PER_PAGE]
    rows: list[tuple[Button, ...]] = [
        (Button("btn-co-course", SEE, str(c.id), _course_label(c, state)),) for c in shown
    ]
    nav = []
    if page > 0:
        nav.append(Button("btn-ap-earlier", CATEGORY, f"{name}|{page - 1}"))
    if page < pages - 1:
        nav.append(Button("btn-ap-later", CATEGORY, f"{name}|{page + 1}"))
    if nav:
        rows.append(tuple(nav))
    reply = Reply("co-list", {"category": name}, buttons=(*rows, (ALL_COURSES,), *screens.FOOTER))
    return Turn((reply,), state)


def _detail(state: State, course: CourseView, env: Env) -> Turn:
    courses = _courses(env)
    params = _course_params(course, env, state)
    parts: list[tuple[str, Any]] = [
        ("co-detail-sessions", {"list": _sessions_text(course, env)}),
        ("co-detail-seats", {"left": course.seats_left}),
    ]
    if course.text(state.language).italian:
        # Said in the person's language, so they know why the card switched to Italian.
        parts.insert(0, ("co-detail-in-italian", {}))
    if course.min_italian:
        parts.append(("co-detail-italian", {"level": course.min_italian}))
    if course.deadline is not None:
        local = course.deadline.astimezone(ZoneInfo(env.timezone))
        parts.append(("co-detail-deadline", {"when": local}))
    mine = courses.enrolment_in(course.id)
    if mine is not None:
        action = (Button("btn-co-leave", LEAVE, str(course.id)),)
        parts.append(("co-detail-status", {"status": mine.status, "position": mine.position or 0}))
    elif course.open:
        action = (Button("btn-co-sign-up", SIGN_UP, str(course.id)),)
    else:
        action = (ALL_COURSES,)
    back = (Button("btn-back", CATEGORY, f"{course.category}|0"),)
    reply = Reply("co-detail", params, buttons=(action, back, *screens.FOOTER), parts=tuple(parts))
    return Turn((reply,), state)


def _ask_sign_up(state: State, course: CourseView, env: Env) -> Turn:
    courses = _courses(env)
    if courses.enrolment_in(course.id) is not None or not course.open:
        return _detail(state, course, env)
    missing = courses.missing_requirement(course)
    params = _course_params(course, env, state)
    if missing == "prescreening":
        first = (Button("btn-eligibility", "go", "eligibility"),)
        return Turn(
            (Reply("co-needs-prescreening", params, buttons=(first, *screens.FOOTER)),), state
        )
    if missing is not None:
        reply = Reply(
            f"co-needs-{missing.replace('_', '-')}",
            params,
            buttons=((screens.PERSON,), (screens.MENU,)),
        )
        return Turn((reply,), state)
    key = "co-ask-waiting" if course.seats_left <= 0 else "co-ask"
    buttons = (
        (Button("btn-co-yes", YES, str(course.id)),),
        (Button("btn-back", SEE, str(course.id)),),
        *screens.FOOTER,
    )
    return Turn((Reply(key, params, buttons=buttons),), state)


def _ask_leave(state: State, course_id: int, env: Env) -> Turn:
    course = _courses(env).course(course_id)
    if course is None or _courses(env).enrolment_in(course_id) is None:
        return my_courses(state, env)
    buttons = (
        (Button("btn-co-leave-yes", LEAVE_YES, str(course.id)),),
        (Button("btn-co-stay", MINE),),
        *screens.FOOTER,
    )
    params = _course_params(course, env, state)
    return Turn((Reply("co-leave-ask", params, buttons=buttons),), state)


def _with_mine(courses: Courses, footer: Any) -> tuple[tuple[Button, ...], ...]:
    return ((MY_COURSES,), *footer) if courses.mine else tuple(footer)


# -- helpers ---------------------------------------------------------------------------------


def _course_label(course: CourseView, state: State) -> dict[str, Any]:
    title = course.text(state.language).title
    return {"title": title[:TITLE_ON_BUTTON], "left": max(course.seats_left, 0)}


def _course_params(course: CourseView, env: Env, state: State) -> dict[str, Any]:
    assert env.agenda_config is not None
    return _params(course, env.agenda_config, env.timezone, env.now, state.language)


def _params(
    course: CourseView, config: AgendaConfig, zone: str, fallback: datetime, language: str
) -> dict[str, Any]:
    """The course's words in the person's language (Italian where not translated).
    `fallback` stands for the first lesson of a course that has none left (a text
    always needs a date); the core reads no clock."""
    venue = config.venue(course.venue_id)
    first = course.first_start or fallback
    words = course.text(language)
    return {
        "title": words.title,
        "description": words.description,
        "category": course.category,
        "place_name": venue.name,
        "address": venue.address,
        # "gratuito", the usual cost, is put in words by the catalogue (a Fluent selector).
        "cost": words.cost or "-",
        "count": len(course.sessions),
        "start": first.astimezone(ZoneInfo(zone)),
    }


def _enrolment_params(
    enrolment: MyEnrolment, course: CourseView, env: Env, state: State
) -> dict[str, Any]:
    return {
        **_course_params(course, env, state),
        "status": enrolment.status,
        "position": enrolment.position or 0,
    }


def _sessions_text(course: CourseView, env: Env) -> str:
    """ "mar 1/12 9:00-13:00" lines: numbers only, so every language reads them."""
    zone = ZoneInfo(env.timezone)
    lines = []
    for start, end in course.sessions[:SESSIONS_SHOWN]:
        a, b = start.astimezone(zone), end.astimezone(zone)
        lines.append(f"• {a.day}/{a.month} {a.hour}:{a.minute:02d}-{b.hour}:{b.minute:02d}")
    if len(course.sessions) > SESSIONS_SHOWN:
        lines.append(f"• … +{len(course.sessions) - SESSIONS_SHOWN}")
    return "\n".join(lines)


def _courses(env: Env) -> Courses:
    assert env.courses is not None, "the shell loads courses when needs_courses() says so"
    return env.courses


def on_event(state: State, event: Event, env: Env) -> Turn | None:
    """The database's answer to a sign-up or a seat offer, and this flow's buttons."""
    if isinstance(event, EnrolmentDone):
        return enrolment_done(state, event, env)
    if isinstance(event, OfferAnswered):
        return offer_answered(state, event, env)
    if isinstance(event, ButtonPressed) and event.action in ACTIONS:
        return on_button(state.with_(misunderstood=0), event, env)
    return None


SPEC = Flow(
    name="courses",
    screen="courses",
    commands=("corsi",),
    intents=INTENTS,
    actions=ACTIONS,
    ready=ready,
    open=categories,
    on_intent=lambda intent, said, state, env: from_intent(intent, said, state, env),
    on_event=on_event,
    data="courses",
    needs_data=needs_courses,
)

__all__ = ["ACTIONS", "ENROLLED", "INTENTS", "SPEC", "WAITING"]
