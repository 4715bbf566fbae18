"""The "I miei dati" documents: the same data as JSON for machines and HTML for people."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.catalogue import RIGHT_TO_LEFT, Catalogue


@dataclass(frozen=True)
class Document:
    filename: str
    content: bytes
    caption_key: str


def export_documents(
    data: dict[str, Any], catalogue: Catalogue, language: str, now: datetime, email: str
) -> tuple[Document, Document]:
    stamp = now.strftime("%Y%m%d")
    as_json = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode()
    as_html = _html(data, catalogue, language, now, email).encode()
    return (
        Document(f"proximity-dati-{stamp}.html", as_html, "export-caption"),
        Document(f"proximity-dati-{stamp}.json", as_json, "export-caption"),
    )


def _html(
    data: dict[str, Any], catalogue: Catalogue, language: str, now: datetime, email: str
) -> str:
    def t(key: str, **params: object) -> str:
        return html.escape(catalogue.render(key, language, params))

    def said(key: str, **params: object) -> str:  # escaped by `rows`, as every value
        return catalogue.render(key, language, params)

    def rows(pairs: list[tuple[str, object]]) -> str:
        cells = "".join(
            f"<tr><th>{t(label)}</th><td>{html.escape(_plain(value))}</td></tr>"
            for label, value in pairs
        )
        return f"<table>{cells}</table>"

    profile = data.get("profile") or {}
    sections = [
        f"<h1>{t('export-title')}</h1>",
        f"<p>{t('export-intro', date=now.strftime('%d/%m/%Y'))}</p>",
        f"<h2>{t('export-profile')}</h2>",
        rows(
            [
                ("export-field-telegram-id", data.get("telegram_id")),
                ("export-field-name", profile.get("name")),
                ("export-field-language", profile.get("language")),
                ("export-field-created", profile.get("created_at")),
                ("export-field-last-seen", profile.get("last_seen_at")),
                ("export-field-unreachable", profile.get("unreachable_since")),
                ("export-field-in-charge", profile.get("taken_in_charge_at")),
            ]
        ),
        f"<h2>{t('export-consents')}</h2>",
        *(
            rows(
                [
                    ("export-field-version", c["version"]),
                    ("export-field-accepted", c["accepted"]),
                    ("export-field-date", c["at"]),
                ]
            )
            for c in data.get("consents", [])
        ),
        f"<h2>{t('export-prescreenings')}</h2>",
        *(
            rows(
                [
                    ("export-field-date", p["at"]),
                    ("export-field-outcome", p["outcome"]),
                    ("export-field-version", p["rules_version"]),
                    ("export-field-answers", p["answers"]),
                ]
            )
            for p in data.get("prescreenings", [])
        ),
        f"<h2>{t('export-appointments')}</h2>",
        *(
            rows(
                [
                    ("export-field-when", a["starts_at"]),
                    ("export-field-place", a["place"]),
                    ("export-field-status", a["status"]),
                ]
            )
            for a in data.get("appointments", [])
        ),
        f"<h2>{t('export-courses')}</h2>",
        *(
            rows(
                [
                    ("export-field-course", c["course"]),
                    ("export-field-status", c["status"]),
                    ("export-field-when", c["first_session"]),
                ]
            )
            for c in data.get("courses", [])
        ),
        *(
            rows(
                [
                    ("export-field-course", c["course"]),
                    ("export-field-lessons", said("export-lessons-value", **c)),
                ]
            )
            for c in data.get("lessons", [])
        ),
        f"<h2>{t('export-care')}</h2>",
        *(
            rows(
                [
                    ("export-field-care-start", r["taken_in_charge_on"]),
                    ("export-field-care-services", ", ".join(r["services"]) or None),
                    ("export-field-care-details", _care_details(r)),
                    ("export-field-care-steps", _care_steps(r["steps"])),
                    ("export-field-care-exit", _care_exit(r)),
                    ("export-field-care-changes", _care_changes(r["changes"])),
                ]
            )
            for r in data.get("care", [])
        ),
        f"<h2>{t('export-conversation')}</h2>",
        f"<pre>{html.escape(json.dumps(data.get('conversation'), indent=2))}</pre>",
        f"<p>{t('export-rights', email=email)}</p>",
    ]
    direction = "rtl" if language in RIGHT_TO_LEFT else "ltr"
    style = "body{font-family:sans-serif;max-width:40em;margin:1em auto}th{text-align:start}"
    return (
        f'<!doctype html><html lang="{language}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>{t('export-title')}</title><style>{style}</style></head><body>"
        + "\n".join(sections)
        + "</body></html>"
    )


def _plain(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


# Keys of a care record (store.care.export) that are not one of the funder's categories.
_CARE_FRAME = frozenset(
    {"taken_in_charge_on", "recorded_by", "recorded_at", "services", "exit_on", "exit_outcome"}
    | {"steps", "changes"}
)


def _care_details(record: dict[str, Any]) -> dict[str, Any] | None:
    """The categories recorded at intake, the special ones too: the person sees it all."""
    return {k: v for k, v in record.items() if k not in _CARE_FRAME and v is not None} or None


def _care_steps(steps: list[dict[str, Any]]) -> str | None:
    parts = [
        " ".join(str(s[k]) for k in ("kind", "host", "starts_on", "ends_on", "status") if s.get(k))
        + (f" ({s['weekly_hours']} h)" if s.get("weekly_hours") else "")
        for s in steps
    ]
    return "; ".join(parts) or None


def _care_exit(record: dict[str, Any]) -> str | None:
    if not record.get("exit_on"):
        return None
    return f"{record['exit_on']} {record.get('exit_outcome') or ''}".strip()


def _care_changes(changes: list[dict[str, Any]]) -> str | None:
    return "; ".join(f"{c['at']} {c['by']}: {c['action']}" for c in changes) or None
