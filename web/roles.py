"""Who may open what: ONE table, route name → the least role that may use it.

Every route of the console is named, and `web.app.create_app` refuses to build a route
that has no entry here, so a page cannot be added without saying who may see it. The
roles are ordered: a coordinator may do all an operator may, an admin all a coordinator
may. `PUBLIC` routes need no session (logging in, setting up an account, static files).

To add a page: give its route a name, add the name here with its role, and list the route
in `web.app.ROUTES` (or a module's routes that it includes).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum


class Role(IntEnum):
    OPERATOR = 1
    COORDINATOR = 2
    ADMIN = 3

    @classmethod
    def named(cls, name: str) -> Role:
        return cls[name.upper()]

    @property
    def key(self) -> str:
        """How the role is stored and typed: "operator", "coordinator", "admin"."""
        return self.name.lower()


PUBLIC = None

ROLE_TABLE: Mapping[str, Role | None] = {
    # Public: no session needed.
    "login": PUBLIC,
    "setup": PUBLIC,
    "static": PUBLIC,
    # Every account.
    "home": Role.OPERATOR,
    "logout": Role.OPERATOR,
    "logout_everywhere": Role.OPERATOR,
    "dashboard_operator": Role.OPERATOR,  # inbox, cases
    "inbox": Role.OPERATOR,  # web/handoff_pages.py: the inbox and a handoff's page
    "inbox_live": Role.OPERATOR,
    "handoff": Role.OPERATOR,  # each view audited
    "handoff_live": Role.OPERATOR,
    "handoff_act": Role.OPERATOR,  # claim, release, close
    "handoff_write": Role.OPERATOR,  # reply, note
    "handoff_canned": Role.OPERATOR,  # send a canned reply, {nome} filled in
    "handoff_file": Role.OPERATOR,  # a relayed photo or document of that handoff, audited
    "people": Role.OPERATOR,
    "person": Role.OPERATOR,
    "person_answers": Role.OPERATOR,  # pre-screening answers, audited
    "care_special": Role.OPERATOR,  # web/intake_pages.py: special categories, audited
    "care_followup": Role.OPERATOR,  # web/followup_pages.py: six months after, audited
    "care_followup_save": Role.OPERATOR,
    "agenda": Role.OPERATOR,  # web/agenda_pages.py: the week, names only on a slot's page
    "agenda_slot": Role.OPERATOR,  # a slot and who booked it, audited
    "agenda_today": Role.OPERATOR,  # today's list per place, each person shown audited
    "agenda_mark": Role.OPERATOR,  # Presente / Assente
    "courses": Role.OPERATOR,  # web/course_pages.py: the courses and a course's page
    "course": Role.OPERATOR,  # each person shown audited
    "course_lesson": Role.OPERATOR,  # web/lesson_pages.py: a lesson's register, audited
    "course_lesson_save": Role.OPERATOR,  # Presente / Assente; a change: coordinators only
    # Coordinators: agenda, courses, canned replies, reports, erasure.
    "dashboard_coordinator": Role.COORDINATOR,
    "person_export": Role.COORDINATOR,  # a data request received at the desk
    "person_erase": Role.COORDINATOR,
    "person_erase_confirm": Role.COORDINATOR,
    "care_form": Role.COORDINATOR,  # web/intake_pages.py: taking in charge (audited view)
    "care_save": Role.COORDINATOR,
    "care_path": Role.COORDINATOR,  # the planned path, every change kept
    "care_step_add": Role.COORDINATOR,
    "care_step": Role.COORDINATOR,
    "care_step_save": Role.COORDINATOR,
    "care_exit": Role.COORDINATOR,
    "care_exit_save": Role.COORDINATOR,
    "canned": Role.COORDINATOR,  # web/canned_pages.py: canned replies, kept by coordinators
    "canned_add": Role.COORDINATOR,
    "canned_edit": Role.COORDINATOR,
    "canned_save": Role.COORDINATOR,
    "canned_delete": Role.COORDINATOR,
    "reports": Role.COORDINATOR,  # web/report_pages.py: the dashboard (anonymous counts)
    "reports_pdf": Role.COORDINATOR,  # web/indicator_pages.py: the monthly PDF, audited
    "indicators": Role.COORDINATOR,  # every count, for the agency's own staff
    "indicators_export": Role.COORDINATOR,  # CSV / XLSX, small cells hidden, audited
    "indicators_close": Role.COORDINATOR,  # confirm page, then the POST freezes the period
    "agenda_add": Role.COORDINATOR,  # availability, one-off or weekly
    "agenda_add_save": Role.COORDINATOR,
    "agenda_withdraw": Role.COORDINATOR,  # the person booked is told
    "agenda_book": Role.COORDINATOR,  # on someone's behalf
    "agenda_move": Role.COORDINATOR,
    "agenda_cancel": Role.COORDINATOR,
    "course_new": Role.COORDINATOR,  # one form for a course and its lessons
    "course_edit": Role.COORDINATOR,
    "course_save": Role.COORDINATOR,  # the people in it are told by the bot
    "course_withdraw": Role.COORDINATOR,  # confirm step, then everyone is told
    "course_withdraw_person": Role.COORDINATOR,  # confirm step; the seat goes to the next
    "course_export": Role.COORDINATOR,  # CSV or XLSX, audited as an export
    # Admins: accounts, audit.
    "dashboard_admin": Role.ADMIN,
    "audit": Role.ADMIN,
    "audit_csv": Role.ADMIN,
}

# The page each role lands on after logging in.
DASHBOARDS: Mapping[Role, str] = {
    Role.OPERATOR: "dashboard_operator",
    Role.COORDINATOR: "dashboard_coordinator",
    Role.ADMIN: "dashboard_admin",
}
