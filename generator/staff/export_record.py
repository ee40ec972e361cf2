"""What a workbook was exported from, so an import never undoes a colleague's work.

The export adds a hidden sheet (書き出し情報; in CSV, a file of that name) with the plan's
id and, for plan.yml and every initiative file, two sha256: of the file's bytes as they
were, and of the data the workbook shows from it. At import, a file changed, added or
deleted since the export (a colleague edited the YAML or imported another workbook) is
- kept as it is now when the workbook's data for it is still what was exported (the
  person importing did not touch it: the colleague's change stays);
- refused by name otherwise (both changed it): importing would revert the colleague's
  change, so the person is told how to re-export.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.i18n import msg
from generator.model.plan import PlanContent
from generator.model.records import initiative_dict, kpi_dict
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


def _data_digest(data) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def initiative_path(initiative_id: str) -> str:
    return f"{INITIATIVES}/{initiative_id}.yml"


def shown_data(content: PlanContent) -> dict[str, str]:
    """Per file, the sha256 of what the workbook shows of it: each initiative's data, and of
    plan.yml the plan's own KPIs and its themes' own labels (its list of initiatives follows
    their files, merged one by one)."""
    data = {initiative_path(i.id): _data_digest(initiative_dict(i, content.fields)) for i in content.initiatives}
    shown = [kpi_dict(k) for k in content.kpis]
    theme_labels = {t.id: t.labels for t in content.all_themes() if t.labels}
    # a theme's own labels (テーマの項目名) are shown too; a plan without any keeps the digest it always had
    data["plan.yml"] = _data_digest({"kpis": shown, "theme_labels": theme_labels} if theme_labels else shown)
    return data


@dataclass
class ExportRecord:
    plan_id: str
    exported_at: str
    files: dict[str, str] = field(default_factory=dict)   # relative path → sha256 of its bytes at export
    shown: dict[str, str] = field(default_factory=dict)   # relative path → sha256 of the data shown


def record_table(plan_id: str, working: Path, content: PlanContent, now: dt.datetime | None = None) -> Table:
    """The hidden sheet: one row per fact (種類, 名前, 値, 表のデータ)."""
    kinds = {key: msg(f"workbook.record.{key}") for key in ("plan", "exported", "file", "about")}
    exported = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    rows = [[kinds["about"], msg("workbook.record.about_text"), None, None],
            [kinds["plan"], plan_id, None, None], [kinds["exported"], exported, None, None]]
    shown = shown_data(content)
    rows += [[kinds["file"], name, digest, shown.get(name)] for name, digest in working_files(working).items()]
    return Table(sheet_name(), [msg(f"workbook.record.columns.{c}") for c in ("kind", "name", "value", "shown")],
                 rows, hidden=True)


def read_record(tables: dict[str, Table]) -> ExportRecord | None:
    """The record the export wrote, or None when the workbook has none (or it was emptied)."""
    table = tables.get(sheet_name())
    if table is None:
        return None
    kinds = {msg(f"workbook.record.{key}"): key for key in ("plan", "exported", "file")}
    record = ExportRecord("", "")
    for row in table.rows:
        kind, name, value, shown = (list(row) + [None] * 4)[:4]
        key = kinds.get(str(kind).strip()) if kind is not None else None
        if key == "plan" and name:
            record.plan_id = str(name).strip()
        elif key == "exported" and name:
            record.exported_at = str(name).strip()
        elif key == "file" and name and value:
            record.files[str(name).strip()] = str(value).strip()
            if shown:
                record.shown[str(name).strip()] = str(shown).strip()
    return record if record.plan_id and record.files else None


@dataclass(frozen=True)
class Conflict:
    path: str               # relative to working/
    initiative_id: str | None
    how: str                # changed / added / deleted: what happened to the file since the export


@dataclass
class Merge:
    content: PlanContent                                        # what to write
    kept: list[Conflict] = field(default_factory=list)         # a colleague's change, kept (untouched here)
    conflicts: list[Conflict] = field(default_factory=list)    # changed by both: refused


def merge(record: ExportRecord, current: PlanContent, imported: PlanContent, working: Path) -> Merge:
    """The imported content, with each file changed since the export as it is now where the
    workbook left its data as exported; a file both changed is a conflict (and, should the
    import go on without it, also kept as it is now)."""
    now = working_files(working)
    then_shown = record.shown
    imported_shown = shown_data(imported)
    result = Merge(imported)
    by_id = {i.id: i for i in current.initiatives}
    replaced: dict[str, object] = {}
    for path in sorted(set(record.files) | set(now)):
        if record.files.get(path) == now.get(path):
            continue
        how = "added" if path not in record.files else "deleted" if path not in now else "changed"
        initiative_id = Path(path).stem if path.startswith(INITIATIVES + "/") else None
        conflict = Conflict(path, initiative_id, how)
        untouched = imported_shown.get(path) == then_shown.get(path)
        (result.kept if untouched else result.conflicts).append(conflict)
        if initiative_id is not None:
            replaced[initiative_id] = by_id.get(initiative_id)   # None: deleted now
    initiatives = [replaced.get(i.id, i) if i.id in replaced else i for i in imported.initiatives]
    initiatives = [i for i in initiatives if i is not None]
    initiatives += [i for iid, i in replaced.items() if i is not None and iid not in {x.id for x in initiatives}]
    order = {i.id: n for n, i in enumerate(current.initiatives)}
    initiatives.sort(key=lambda i: (i.id not in order, order.get(i.id, 0)))
    plan_changed = any(c.initiative_id is None for c in result.kept + result.conflicts)
    result.content = replace(imported, initiatives=initiatives, kpis=current.kpis if plan_changed else imported.kpis,
                             themes=current.themes if plan_changed else imported.themes)
    return result
