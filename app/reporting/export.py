"""The indicator tables as they leave the agency: CSV and XLSX, small cells suppressed,
under a header that names the programme (config/programme.yaml, section `reporting`).

The CSV is for Italian spreadsheets: UTF-8 with a byte-order mark and `;` between fields.
Text that a spreadsheet would run as a formula is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from app.reporting.indicators import HIDDEN, SMALL, THRESHOLD, Report, ShownRow, suppress

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    "Codice", "Indicatore", "Indicator (EN)", "Riferimento", "Quadro", "Tipo",
    "Suddivisione", "Gruppo", "Donne", "Uomini", "Non binari", "Non dichiarato", "Totale",
)  # fmt: skip
KIND_WORDS = {
    "output": "realizzazione (all'ingresso)",
    "result_on_leaving": "risultato (all'uscita)",
    "result_six_months": "risultato (a sei mesi dall'uscita)",
}
SPLIT_WORDS = {"all": "tutti", "age_band": "fascia d'età", "comune": "comune (ISTAT)"}
GROUP_WORDS = {"other": "altra età o non nota", "unknown": "non indicato"}
LEGEND = (
    f"'{SMALL}': da 1 a {THRESHOLD - 1} persone, non mostrato. "
    f"'{HIDDEN}': {THRESHOLD} o più persone, non mostrato perché un totale non riveli una "
    "cella piccola accanto."
)


@dataclass(frozen=True)
class ReportHeader:
    programme: str
    funder: str
    project_code: str
    controller: str


def load_report_header(path: Path) -> ReportHeader:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    section = data.get("reporting") or {}
    return ReportHeader(
        programme=str(section.get("programme") or data.get("office", {}).get("name", "")),
        funder=str(section.get("funder", "")),
        project_code=str(section.get("project_code", "")),
        controller=str(data.get("controller", "")),
    )


def header_lines(header: ReportHeader, report: Report, generated_at: datetime) -> list[list[str]]:
    state = (
        f"chiuso il {report.closed_at:%d/%m/%Y}: dati congelati"
        if report.closed_at
        else "aperto: dati provvisori, cambiano con le registrazioni"
    )
    lines = [
        ["Programma", header.programme],
        ["Ente", header.controller],
        ["Finanziamento", header.funder],
        ["Codice progetto", header.project_code],
        ["Periodo", f"{report.period.start:%d/%m/%Y} - {report.period.end:%d/%m/%Y}"],
        ["Stato del periodo", state],
        ["Generato il", f"{generated_at:%d/%m/%Y %H:%M}"],
        ["Unità", "partecipanti"],
        ["Legenda", LEGEND],
    ]
    return [line for line in lines if line[1]]


def _values(shown: ShownRow) -> list[Any]:
    row = shown.row
    return [
        row.code, row.name_it, row.name_en, row.regulation, row.framework,
        KIND_WORDS.get(row.kind, row.kind), SPLIT_WORDS.get(row.split, row.split),
        GROUP_WORDS.get(row.group, row.group),
        *shown.cells,
    ]  # fmt: skip


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(report: Report, header: ReportHeader, generated_at: datetime) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for line in header_lines(header, report, generated_at):
        writer.writerow([_safe(v) for v in line])
    writer.writerow([])
    writer.writerow(COLUMNS)
    for shown in suppress(report):
        writer.writerow([_safe(v) for v in _values(shown)])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(report: Report, header: ReportHeader, generated_at: datetime) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = "Indicatori"
    bold = Font(bold=True)
    lines = header_lines(header, report, generated_at)
    for line in lines:
        sheet.append(line)
        sheet.cell(row=sheet.max_row, column=1).font = bold
    sheet.append([])
    sheet.append(list(COLUMNS))
    table_head = sheet.max_row
    for cell in sheet[table_head]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for shown in suppress(report):
        # openpyxl writes text as text (never a formula) unless it starts with '='.
        sheet.append([_safe(v) for v in _values(shown)])
    sheet.freeze_panes = f"C{table_head + 1}"
    for letter, width in zip(
        "ABCDEFGHIJKLM", (14, 60, 50, 28, 18, 24, 14, 10, 9, 9, 10, 14, 9), strict=True
    ):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
