"""A citizen opens the open data's CSV in a spreadsheet: LibreOffice Calc (Debian's, headless)
must show a title that looks like a formula as text — never run it, never make it a live link.
The same cell written without the neutralisation is run as a formula by the same LibreOffice,
so the test shows the protection is what makes the difference. A missing LibreOffice fails:
`python3 dev.py test` installs it."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .test_open_data_package import FORMULAS, WORKING, _editions_data, formula_content

pytestmark = pytest.mark.slow   # LibreOffice in a process of its own

# Comma-separated, double quotes, UTF-8 (76), from line 1: how a CSV is opened in Calc.
CSV_FILTER = "CSV:44,34,76,1"


def _open_in_calc(csv_files: list[Path], folder: Path) -> dict[str, Path]:
    """Each CSV opened by LibreOffice Calc and saved as .xlsx (what Calc made of every cell)."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is needed: python3 dev.py test installs libreoffice-calc-nogui"
    result = subprocess.run([soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
                             f"--infilter={CSV_FILTER}", "--convert-to", "xlsx", "--outdir", str(folder / "out"),
                             *map(str, csv_files)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    return {path.name: folder / "out" / f"{path.stem}.xlsx" for path in csv_files}


def test_libreoffice_shows_a_formula_like_title_as_text(tmp_path):
    files = _editions_data(formula_content(tmp_path))[WORKING]
    published = tmp_path / "initiatives.csv"
    published.write_bytes(files["initiatives.csv"])
    rows = list(csv.reader(io.StringIO(files["initiatives.csv"].decode("utf-8-sig"))))
    raw = tmp_path / "unprotected.csv"     # the same table with the apostrophes taken out
    raw.write_bytes(files["initiatives.csv"].decode("utf-8-sig").replace("'=", "=").replace("'+", "+")
                    .encode("utf-8-sig"))
    saved = _open_in_calc([published, raw], tmp_path)

    sheet = load_workbook(saved["initiatives.csv"]).active
    header = [c.value for c in sheet[1]]
    titles = {row[header.index("initiative_id")].value: row[header.index("title")] for row in sheet.iter_rows(min_row=2)}
    for initiative_id, title in FORMULAS.items():
        cell = titles[initiative_id]
        assert cell.data_type == "s" and cell.hyperlink is None, (initiative_id, cell.value)
        assert cell.value.endswith(title)       # the title as written, shown as text
    assert len(rows) - 1 == sheet.max_row - 1

    unprotected = load_workbook(saved["unprotected.csv"]).active
    formulas = [c for row in unprotected.iter_rows(min_row=2) for c in row if c.data_type == "f"]
    assert {c.value for c in formulas} >= {FORMULAS["online"]}, "without the apostrophe Calc runs the formula"
