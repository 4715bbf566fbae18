"""WCAG 2.1 AA on the console's pages, measured in Chromium: the contrast of every visible
text (1.4.3) and a visible focus on every control reached by Tab (2.4.7). The pages are
filled as in real use: an urgent and an ordinary request, a conversation with replies and
a note, a person with answers, errors beside the fields."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.accessibility import contrast_problems, focus_problems
from tests.web.support import MovableClock
from tests.web.test_handoff_pages import XSS, HandoffConsole, log_in
from tests.web.test_people_pages import ANNA, seed
from web.roles import Role


@pytest.fixture
def console(tmp_path: Path, clock: MovableClock) -> Iterator[HandoffConsole]:
    server = HandoffConsole(f"sqlite:///{tmp_path / 'console.sqlite3'}", clock)
    server.start()
    yield server
    server.stop()


def look_at(page, path: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What fails on the page at `path`, contrast first, then focus."""
    if path:
        page.goto(path)
    contrast = [f"contrast {problem}" for problem in contrast_problems(page)]
    focus = [f"no visible focus on {html}" for html in focus_problems(page)]
    return contrast + focus


def test_the_checks_catch_low_contrast_and_an_invisible_focus(  # type: ignore[no-untyped-def]
    page, console: HandoffConsole
) -> None:
    """The checks themselves: a grey-on-white line and a control without focus style
    are found, so a passing page means something."""
    page.goto(console.url + "/login")
    page.evaluate(
        """() => {
            const p = document.createElement('p');
            p.textContent = 'grigio chiaro';
            p.style.color = '#aaaaaa';
            document.querySelector('main').prepend(p);
            const b = document.createElement('button');
            b.textContent = 'senza fuoco';
            b.style.cssText = 'outline: none !important; box-shadow: none !important;'
              + 'background: #fff !important; color: #000 !important; border: 0 !important';
            b.className = 'plain';
            document.querySelector('main').prepend(b);
        }"""
    )
    contrast = contrast_problems(page)
    assert [p.text for p in contrast] == ["grigio chiaro"]
    assert contrast[0].ratio < 4.5
    found = focus_problems(page)
    assert any("senza fuoco" in html for html in found), found


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.ADMIN])
def test_every_page_meets_contrast_and_focus(  # type: ignore[no-untyped-def]
    page, console: HandoffConsole, role: Role
) -> None:
    seed(console)
    urgent = console.person_asks(12, XSS, urgent=True, ago=3)
    console.person_asks(11, "Giulia Rossi", ago=25)
    console.person_writes(urgent, "Ho bisogno di parlare con qualcuno.")

    problems: dict[str, list[str]] = {}
    page.goto(console.url + "/login")
    problems["login"] = look_at(page, "")
    page.get_by_role("button", name="Accedi").click()  # empty: errors beside the fields
    problems["login errors"] = look_at(page, "")

    log_in(page, console, console.ready_account("lucia", role))
    problems["dashboard"] = look_at(page, "")
    problems["inbox"] = look_at(page, console.url + "/inbox")

    page.goto(f"{console.url}/handoffs/{urgent}")
    page.get_by_role("button", name="Prendo io").click()
    page.get_by_label("Risposta alla persona").fill("Sono qui, dimmi pure.")
    page.get_by_role("button", name="Invia alla persona").click()
    page.get_by_label("Nota interna").fill("Richiamare domani.")
    page.get_by_role("button", name="Salva la nota").click()
    problems["conversation"] = look_at(page, "")

    problems["people"] = look_at(page, console.url + "/people?q=Marco")
    problems["person"] = look_at(page, f"{console.url}/people/{ANNA}")
    if role is Role.ADMIN:
        problems["audit"] = look_at(page, console.url + "/audit")
        problems["canned"] = look_at(page, console.url + "/canned")
        problems["erase"] = look_at(page, f"{console.url}/people/{ANNA}/erase")

    failing = {name: found for name, found in problems.items() if found}
    assert failing == {}
