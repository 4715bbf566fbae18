"""The monthly PDF report (/reports/pdf): made from the dashboard and the month's indicators
on the agency's letterhead, small cells hidden, A4 with page numbers, audited; page 1 turned
into an image with pdftoppm (var/screenshots/report-page1.png) must not be blank; and the
PDF renderer fetches nothing that is not a local file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from app.reporting.pdf import html_to_pdf
from store.models import FunderCount
from tests.web.support import SCREENSHOTS, MovableClock
from tests.web.test_handoff_pages import HandoffConsole
from tests.web.test_indicator_pages import NOW, QUARTER, audited, take_in_charge
from web.roles import Role

STATIC = Path(__file__).resolve().parents[2] / "web" / "static"
COUNTS = {
    "2025-12": {"first_contact": 30, "consent_given": 22, "taken_in_charge": 4},
    "2026-01": {"first_contact": 41, "consent_given": 35, "taken_in_charge": 6},
    "2026-02": {"first_contact": 52, "consent_given": 44, "prescreening_likely_eligible": 20,
                "appointment_booked_orientation": 15, "appointment_attended_orientation": 12,
                "appointment_no_show_orientation": 3, "taken_in_charge": 9, "text_turn": 400,
                "event_clarify": 20, "language_it": 30, "language_ro": 9, "language_ar": 5,
                "lesson_attended": 36, "lesson_absent": 4},
}  # fmt: skip


@pytest.fixture(scope="module")
def poppler() -> None:
    if shutil.which("pdftoppm") and shutil.which("pdftotext"):
        return
    if os.environ.get("CI"):
        pytest.fail("poppler-utils is required in CI (tests/poppler.sh installs it)")
    pytest.skip("no pdftoppm (run `make poppler`)")


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(NOW)


@pytest.fixture
def console(tmp_path: Path, clock: MovableClock) -> Iterator[HandoffConsole]:
    server = HandoffConsole(f"sqlite:///{tmp_path / 'console.sqlite3'}", clock)
    server.start()
    yield server
    server.stop()


def seed_counts(console: HandoffConsole) -> None:
    async def work(session):  # type: ignore[no-untyped-def]
        for month, metrics in COUNTS.items():
            for metric, count in metrics.items():
                session.add(FunderCount(month=month, metric=metric, count=count))

    console.db(work)


def non_white_share(pgm: bytes) -> float:
    """The share of pixels darker than near-white in a binary PGM (P5, 8 bits)."""
    fields = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
    assert fields, pgm[:20]
    width, height, top = (int(v) for v in fields.groups())
    assert top == 255
    pixels = pgm[fields.end() : fields.end() + width * height]
    assert len(pixels) == width * height
    return sum(1 for p in pixels if p < 235) / len(pixels)


def test_the_monthly_pdf(console: HandoffConsole, poppler: None, tmp_path: Path) -> None:
    seed_counts(console)
    take_in_charge(console, QUARTER)  # 3 women and 6 men on 10 February 2026
    client = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    reports = client.get("/reports").text
    assert 'action="http://127.0.0.1' in reports and "/reports/pdf" in reports
    response = client.get("/reports/pdf", params={"month": "2026-02"}, timeout=60)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'attachment; filename="rapporto-2026-02.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert audited(console, "report-pdf-made") == 1
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(response.content)

    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert pages >= 2
    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "Comunità Sociale Cremasca a.s.c.",  # the letterhead, from config/programme.yaml
        "Via Esempio 1, 26013 Crema",
        "PROXIMITY.CR",
        "Codice progetto EXAMPLE-0000",
        "Rapporto mensile · febbraio 2026",
        "Dal 01/02/2026 al 28/02/2026",
        "Fatto il 20/05/2026 11:0",
        f"Pagina 1 di {pages}",
        f"Pagina {pages} di {pages}",
        "20 % (3 su 15)",  # no-shows: 3 of the 15 marked
        "10 % (4 su 40)",  # lessons missed
        "Romeno 9",
    ):
        assert expected in text, expected
    # The indicators leave the agency: the 3 women are "<5", the 6 men beside them "n.d.".
    eeco01 = next(line for line in text.splitlines() if line.strip().startswith("EECO01"))
    assert re.search(r"9\s+<5\s+n\.d\.\s+0\s+0\s*$", eeco01), eeco01
    assert " 3 " not in eeco01 and " 6 " not in eeco01

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    out = SCREENSHOTS / "report-page1"
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, out],
        check=True,
    )
    assert (SCREENSHOTS / "report-page1.png").stat().st_size > 5_000
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, tmp_path / "p"],
        check=True,
    )
    share = non_white_share((tmp_path / "p.pgm").read_bytes())
    assert 0.03 < share < 0.6, share  # text and charts, not a blank or a black page


def test_a_wrong_month_is_explained_beside_the_field(console: HandoffConsole) -> None:
    client = console.http_login(console.ready_account("carla", Role.COORDINATOR))
    for typed in ("febbraio", "2026-13", "26-02"):
        page = client.get("/reports/pdf", params={"month": typed})
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert 'id="month-error">Scrivi il mese così: 2026-01.' in page.text
    assert audited(console, "report-pdf-made") == 0


class Counting(BaseHTTPRequestHandler):
    asked: list[str] = []  # noqa: RUF012 - shared on purpose: the test reads it

    def do_GET(self) -> None:
        Counting.asked.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_the_pdf_renderer_fetches_only_local_files(tmp_path: Path) -> None:
    server = HTTPServer(("127.0.0.1", 0), Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    remote = f"http://127.0.0.1:{server.server_address[1]}"
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    html = (
        '<link rel="stylesheet" href="report-print.css">'
        f'<link rel="stylesheet" href="{remote}/style.css">'
        f'<link rel="stylesheet" href="{secret.as_uri()}">'
        f'<img src="{remote}/logo.png" alt="">'
        '<img src="../templates/base.html" alt="">'
        "<p>Rapporto</p>"
    )
    try:
        pdf, refused = html_to_pdf(html, STATIC)
    finally:
        server.shutdown()
    assert pdf.startswith(b"%PDF-")
    assert Counting.asked == []  # nothing reached the server
    assert f"{remote}/style.css" in refused and f"{remote}/logo.png" in refused
    assert secret.as_uri() in refused  # a local file outside web/static
    assert any(url.endswith("/web/templates/base.html") for url in refused)
    assert not any(url.endswith("report-print.css") for url in refused)
