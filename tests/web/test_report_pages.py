"""The coordinators' dashboard (/reports): the figures from the anonymous monthly counts
and the live handoffs, the period form, who may see it, and the page in Chromium (charts
drawn as SVG with their tables, contrast, keyboard). Screenshot: var/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from store.models import FunderCount, Handoff
from tests.web.accessibility import contrast_problems, focus_problems
from tests.web.support import MovableClock
from tests.web.test_browser import shot
from tests.web.test_handoff_pages import HandoffConsole, log_in
from tests.web.test_people_pages import browser_login
from web.roles import Role

COUNTS = {
    "2026-10": {"first_contact": 40, "consent_given": 31, "prescreening_likely_eligible": 12,
                "prescreening_to_check": 6, "prescreening_not_eligible": 4, "language_it": 20,
                "language_ar": 7, "language_ro": 4, "text_turn": 500, "event_clarify": 30,
                "event_misunderstood_twice": 5, "appointment_attended_orientation": 9,
                "appointment_no_show_orientation": 3, "appointment_booked_orientation": 12},
    "2026-11": {"first_contact": 25, "consent_given": 20, "taken_in_charge": 7,
                "text_turn": 300, "event_clarify": 15, "language_it": 12, "language_fr": 8,
                "course_enrolled": 3, "internship_started": 1, "lesson_attended": 18,
                "lesson_absent": 2},
    "2025-01": {"first_contact": 999},  # outside the period
}  # fmt: skip


@pytest.fixture
def console(tmp_path: Path, clock: MovableClock) -> Iterator[HandoffConsole]:
    server = HandoffConsole(f"sqlite:///{tmp_path / 'console.sqlite3'}", clock)
    server.start()
    yield server
    server.stop()


def seed(console: HandoffConsole) -> None:
    async def work(session):  # type: ignore[no-untyped-def]
        for month, metrics in COUNTS.items():
            for metric, count in metrics.items():
                session.add(FunderCount(month=month, metric=metric, count=count))
        # Tuesday 3 November 2026, Rome time: taken after 10, 30 and 90 office minutes
        # (the last across lunch); one still waiting.
        opened = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)  # 10:00 in Rome
        for waited in (10, 30):
            session.add(_handoff(opened, opened + timedelta(minutes=waited)))
        # 12:00 → 14:30 in Rome: 90 office minutes, 13:00-14:00 is lunch.
        session.add(_handoff(opened + timedelta(hours=2), opened + timedelta(hours=4, minutes=30)))
        session.add(_handoff(opened, None))

    console.db(work)


def _handoff(opened: datetime, claimed: datetime | None) -> Handoff:
    return Handoff(
        telegram_id=7, status="claimed" if claimed else "open", reason="asked", urgent=False,
        opened_at=opened, announced_at=opened, claimed_at=claimed,
    )  # fmt: skip


def test_the_figures_of_a_period(console: HandoffConsole) -> None:
    seed(console)
    client = console.http_login(console.ready_account("coord", Role.COORDINATOR))
    page = client.get("/reports", params={"from": "2026-10", "to": "2026-11"})
    assert page.status_code == 200
    html = page.text
    # The funnel: each step the sum of its counts in the two months.
    for label, count in (
        ("Primo contatto", 65), ("Consenso alla privacy", 51),
        ("Domande di orientamento", 22), ("Probabilmente nel programma", 12),
        ("Colloquio prenotato", 12), ("Colloquio fatto", 9), ("Presa in carico", 7),
        ("Corso o tirocinio", 4),
    ):  # fmt: skip
        assert f'<th scope="row">{label}</th><td class="num">{count}</td>' in html, label
    assert "999" not in html
    assert "25 % (3 su 12)" in html  # no-shows
    assert "10 % (2 su 20)" in html  # lessons missed
    assert "6,2 % (50 su 800)" in html  # not understood, with the Italian decimal comma
    # Office minutes 10, 30, 90: the median 30, the 90th percentile 90.
    assert "metà delle persone entro 30 min, 9 su 10 entro 90 min (3 richieste)" in html
    assert "1 richiesta ancora senza operatore" in html
    assert html.index("Italiano") < html.index("Francese") < html.index("Arabo")
    assert html.count("<svg") == 2


def test_a_wrong_period_is_explained_beside_the_field(console: HandoffConsole) -> None:
    client = console.http_login(console.ready_account("coord", Role.COORDINATOR))
    wrong = client.get("/reports", params={"from": "ottobre", "to": "2026-11"})
    assert wrong.status_code == 200
    assert "Scrivi il mese così: 2026-01." in wrong.text and "<svg" not in wrong.text
    backwards = client.get("/reports", params={"from": "2026-11", "to": "2026-01"})
    assert "Il secondo mese viene prima del primo." in backwards.text
    long = client.get("/reports", params={"from": "2020-01", "to": "2026-11"})
    assert "Scegli al massimo 36 mesi." in long.text


def test_operators_do_not_see_the_dashboard(console: HandoffConsole) -> None:
    client = console.http_login(console.ready_account("op", Role.OPERATOR))
    assert client.get("/reports").status_code == 403
    assert 'href="/reports"' not in client.get("/inbox").text


def test_the_dashboard_in_the_browser(page, console: HandoffConsole) -> None:  # type: ignore[no-untyped-def]
    seed(console)
    browser_login(page, console, console.ready_account("coord", Role.COORDINATOR))
    page.get_by_role("link", name="Andamento").click()
    page.get_by_label("Dal mese", exact=True).fill("2026-10")
    page.get_by_label("Al mese", exact=True).fill("2026-11")
    page.get_by_role("button", name="Mostra").click()
    funnel = page.get_by_role("img", name="Il percorso delle persone")
    assert funnel.count() == 1
    assert funnel.locator("rect").count() == 9
    assert page.get_by_role("img", name="Persone per mese").count() == 1
    assert contrast_problems(page) == []
    assert focus_problems(page) == []
    shot(page, "reports")


__all__ = ["log_in"]
