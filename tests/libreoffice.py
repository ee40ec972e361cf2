"""Workbooks edited and saved by LibreOffice Calc (Debian's, headless), for tests of what
staff do in it. A missing LibreOffice fails the test: `python3 dev.py test` installs it."""

from __future__ import annotations

import atexit
import json
import select
import shutil
import subprocess
import tempfile
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
    outcome = _office().do(job)
    assert outcome == "ok", outcome
    assert target.is_file(), f"LibreOffice did not save {target}"
    return target


class _Office:
    """One LibreOffice (libreoffice_calc.py --serve) for the jobs of this test process: each
    job opens, edits, saves and closes its file in it. Starting soffice with a new profile
    took about 4 s of every job; now once per test process (ended when the process ends)."""

    def __init__(self):
        self.errors = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.process = subprocess.Popen([SYSTEM_PYTHON, str(SCRIPT), "--serve"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.errors, text=True)
        atexit.register(self.close)   # (and it ends by itself when this process's end closes its stdin)

    def do(self, job: Path, timeout: float = 180) -> str:
        self.process.stdin.write(f"{job}\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline() if ready else ""
        if not line:   # no answer: LibreOffice hung or ended; the next job starts another
            self.close()
            self.errors.seek(0)
            return f"LibreOffice gave no answer in {timeout} s: {self.errors.read()}"
        return line.strip()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


_running: list[_Office] = []


def _office() -> _Office:
    if not _running or _running[0].process.poll() is not None:
        _running[:] = [_Office()]
    return _running[0]


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
