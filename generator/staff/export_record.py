"""What a workbook was exported from, so an import never undoes a colleague's work.

The export adds a hidden sheet (書き出し情報; in CSV, a file of that name) with the plan's
id and the sha256 of plan.yml and of every initiative file as they were. The import
writes a file only if it is still as it was then: a file changed, added or deleted since
the export (by a colleague editing the YAML or importing another workbook) would have
its change reverted, so the import refuses it by name and says how to re-export.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from generator.i18n import msg
from generator.staff.sheets.table import Table

INITIATIVES = "initiatives"


def sheet_name() -> str:
    return msg("workbook.sheets.record")


def _file_digest(path: Path) -> str | None:
    if not path.is_file():
        return None
    with open(path, "rb") as handle:
        return "sha256:" + hashlib.file_digest(handle, "sha256").hexdigest()


def working_files(working: Path) -> dict[str, str]:
    """plan.yml and each initiative file (relative to working/) → the sha256 of its bytes."""
    paths = [working / "plan.yml", *sorted((working / INITIATIVES).glob("*.yml"))]
    return {p.relative_to(working).as_posix(): digest for p in paths if (digest := _file_digest(p))}


@dataclass
class ExportRecord:
    plan_id: str
    exported_at: str
    files: dict[str, str] = field(default_factory=dict)   # relative path → digest at export


def record_table(plan_id: str, working: Path, now: dt.datetime | None = None) -> Table:
    """The hidden sheet: one row per fact (種類, 名前, 値)."""
    kinds = {key: msg(f"workbook.record.{key}") for key in ("plan", "exported", "file", "about")}
    exported = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    rows = [[kinds["about"], msg("workbook.record.about_text"), None],
            [kinds["plan"], plan_id, None], [kinds["exported"], exported, None]]
    rows += [[kinds["file"], name, digest] for name, digest in working_files(working).items()]
    return Table(sheet_name(), [msg(f"workbook.record.columns.{c}") for c in ("kind", "name", "value")], rows,
                 hidden=True)


def read_record(tables: dict[str, Table]) -> ExportRecord | None:
    """The record the export wrote, or None when the workbook has none (or it was emptied)."""
    table = tables.get(sheet_name())
    if table is None:
        return None
    kinds = {msg(f"workbook.record.{key}"): key for key in ("plan", "exported", "file")}
    record = ExportRecord("", "")
    for row in table.rows:
        kind, name, value = (list(row) + [None, None, None])[:3]
        key = kinds.get(str(kind).strip()) if kind is not None else None
        if key == "plan" and name:
            record.plan_id = str(name).strip()
        elif key == "exported" and name:
            record.exported_at = str(name).strip()
        elif key == "file" and name and value:
            record.files[str(name).strip()] = str(value).strip()
    return record if record.plan_id and record.files else None


@dataclass(frozen=True)
class Conflict:
    path: str               # relative to working/
    initiative_id: str | None
    how: str                # changed / added / deleted: what happened to the file since the export


def conflicts(record: ExportRecord, working: Path, writes: dict[str, str | None]) -> list[Conflict]:
    """Each file the import would write (or delete) that is not as it was at the export."""
    now = working_files(working)
    found = []
    for path in sorted(writes):
        then, current = record.files.get(path), now.get(path)
        if then == current:
            continue
        how = "added" if then is None else "deleted" if current is None else "changed"
        initiative = Path(path).stem if path.startswith(INITIATIVES + "/") else None
        found.append(Conflict(path, initiative, how))
    return found
