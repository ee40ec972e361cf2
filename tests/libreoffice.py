"""Workbooks edited and saved by LibreOffice Calc (Debian's, headless), for tests of what
staff do in it. A missing LibreOffice fails the test: `python3 dev.py test` installs it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "libreoffice_calc.py"
SYSTEM_PYTHON = "/usr/bin/python3"   # the Python that has LibreOffice's bridge (python3-uno)


def calc(source: Path, target: Path, *edits: dict) -> Path:
    """Open `source` in LibreOffice Calc, make `edits` (see libreoffice_calc.py), save as
    `target` (.xlsx or .ods, by its suffix) as LibreOffice writes it."""
    assert shutil.which("soffice") and Path(SYSTEM_PYTHON).exists(), \
        "LibreOffice is needed: python3 dev.py test installs libreoffice-calc-nogui and python3-uno"
    job = target.with_name(target.name + ".job.json")
    job.write_text(json.dumps({"open": str(source), "save": str(target), "edits": list(edits)}, ensure_ascii=False),
                   encoding="utf-8")
    result = subprocess.run([SYSTEM_PYTHON, str(SCRIPT), str(job)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert target.is_file(), f"LibreOffice did not save {target}"
    return target


def set_cell(sheet: str, column: str, value: str, **where: str) -> dict:
    return {"do": "set", "sheet": sheet, "column": column, "value": value, "where": where}


def copy_column(sheet: str, column: str) -> dict:
    return {"do": "copy_column", "sheet": sheet, "column": column}


def sort(sheet: str, column: str, descending: bool = False) -> dict:
    return {"do": "sort", "sheet": sheet, "column": column, "descending": descending}


def merge(sheet: str, cells: str) -> dict:
    return {"do": "merge", "sheet": sheet, "range": cells}


def rename(sheet: str, to: str) -> dict:
    return {"do": "rename", "sheet": sheet, "to": to}
