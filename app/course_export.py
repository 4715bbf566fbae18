"""The enrolment list of a course as a file for the course provider and the funder: CSV
(semicolons, what Excel in Italian expects) or XLSX. Who took it is audited by the course
service (app/course_admin.py), which reads the rows."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font

from app.audit import FORMULA_START
from app.course_views import STATUS_IT
from store.course_admin import EnrolmentRow

EXPORT_COLUMNS = ("nome", "telegram_id", "stato", "posizione_attesa", "iscrizione", "ultimo_cambio")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ExportFormat = Literal["csv", "xlsx"]


@dataclass(frozen=True)
class Export:
    filename: str
    media_type: str
    content: bytes
    rows: int


def _cell(text: str) -> str:
    # A spreadsheet runs a cell that starts with "=", "+", ... as a formula.
    return "'" + text if text.startswith(FORMULA_START) else text


def _export_rows(
    rows: Sequence[EnrolmentRow], zone: str
) -> list[tuple[str, int, str, int | str, datetime, datetime]]:
    tz = ZoneInfo(zone)
    return [
        (
            _cell(row.display_name or ""),
            row.telegram_id,
            STATUS_IT.get(row.status, row.status),
            row.position or "",
            row.created_at.astimezone(tz),
            row.updated_at.astimezone(tz),
        )
        for row in rows
    ]


def enrolment_csv(rows: Sequence[EnrolmentRow], zone: str) -> str:
    """The list as CSV: semicolon separated (what Excel in Italian expects), local times."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for name, telegram_id, status, position, created, updated in _export_rows(rows, zone):
        writer.writerow(
            (name, telegram_id, status, position, f"{created:%Y-%m-%d %H:%M}",
             f"{updated:%Y-%m-%d %H:%M}")
        )  # fmt: skip
    return buffer.getvalue()


def enrolment_xlsx(rows: Sequence[EnrolmentRow], zone: str, title: str) -> bytes:
    """The same list as a workbook: real dates (local, without a zone, as Excel keeps
    them), the course's title as the sheet's name."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "iscritti"
    sheet.append(EXPORT_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for name, telegram_id, status, position, created, updated in _export_rows(rows, zone):
        sheet.append(
            [name, telegram_id, status, position, created.replace(tzinfo=None),
             updated.replace(tzinfo=None)]
        )  # fmt: skip
    for row in sheet.iter_rows(min_row=2):
        row[0].data_type = "s"  # a name is text, whatever it starts with
        for cell in row[4:6]:
            cell.number_format = "dd/mm/yyyy hh:mm"
    for column, width in zip("ABCDEF", (28, 14, 16, 10, 17, 17), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
