"""A plan 版 as open data: one JSON document and CSV files (pure data, no file I/O).

The CSVs follow the national rules for machine-readable administrative data
(行政データにおける機械可読性に関するルール): a header line with a name for every column,
one record per line (no line breaks inside a cell; lists joined with LIST_SEPARATOR),
numbers without units (the unit has its own column), fiscal years in 西暦 with the
和暦 as an extra column, KPI values in long format (one row per KPI × fiscal year ×
baseline/target/actual), a stable documented column order, UTF-8 with BOM and CRLF.

The columns of initiatives.csv and the rows of schedule.csv come from the field
registry (model/fields.py): a field's declaration names its columns (`csv`) or the
`kind` of its schedule rows (`csv_kind`). What each column means is in the locale
catalogue (`opendata.*`); a prose field's column is explained by the field's label.

The data is the resolved edition (model/resolved/), exactly what its pages show: at the
stable address, the details the latest 版's document leaves out come from the earlier 版
they are carried from, and `source_version` names that 版 on every carried value; each
frozen 版's data is its own document. Text is plain (inline markup removed, model/markup.py).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import lru_cache

from generator.i18n import has, lookup, msg
from generator.model import fiscal
from generator.model.fields import Field, FieldSet, Kind
from generator.model.kinds import LIST_SEPARATOR, kind_of
from generator.model.kpi import target_year
from generator.model.markup import plain_line, plain_text
from generator.model.plan import Text
from generator.model import records
from generator.model.resolved import Figure, ResolvedEdition, ResolvedInitiative, ResolvedKpi, State, Value

ENCODING = "utf-8-sig"     # UTF-8 with BOM: Excel opens it correctly
NEWLINE = "\r\n"
INITIATIVES, SCHEDULE, KPIS = "initiatives.csv", "schedule.csv", "kpis.csv"


@dataclass(frozen=True)
class Column:
    """One column of a CSV file as the data dictionary describes it."""

    name: str
    meaning: str
    type: str
    unit: str
    example: str


def _column(file: str, name: str, meaning: str | None = None, label: str = "") -> Column:
    """A column as the catalogue describes it: `opendata.<file>.<name>` has its meaning and
    example, and the keys of its type and unit (under opendata.types / opendata.units)."""
    entry = lookup(f"opendata.{file.removesuffix('.csv')}.{name}")
    entry = entry if isinstance(entry, dict) else {}
    unit = entry.get("unit")
    return Column(name, meaning or str(entry.get("meaning", "")).format(separator=LIST_SEPARATOR, label=label),
                  msg(f"opendata.types.{entry.get('type', 'string')}"), msg(f"opendata.units.{unit}") if unit else "",
                  str(entry.get("example", "")))


def initiative_columns(fields: FieldSet) -> list[Column]:
    """initiative_id, then each field's columns in registry order. A column the catalogue
    does not describe is a prose field's: its label says what it is."""
    columns = [_column(INITIATIVES, "initiative_id")]
    for field in fields:
        for name in field.csv_columns:
            described = has(f"opendata.initiatives.{name}")
            columns.append(_column(INITIATIVES, name, None if described else field.label, field.label))
    return columns + [_column(INITIATIVES, name) for name in ("parent_id", "carried_columns", "source_version")]


def schedule_columns(fields: FieldSet) -> list[Column]:
    kinds = " / ".join(f"{f.csv_kind} = {f.table_label}" for f in fields if f.csv_kind)
    return [_column(SCHEDULE, name, msg("opendata.schedule_kind", kinds=kinds) if name == "kind" else None)
            for name in ("initiative_id", "fiscal_year", "fiscal_year_wareki", "kind", "status", "text", "as_of",
                         "end_fiscal_year", "span", "source_version")]


def kpi_columns() -> list[Column]:
    return [_column(KPIS, name) for name in (
        "kpi_id", "kpi_name", "initiative_id", "direction", "value_type", "fiscal_year", "fiscal_year_wareki",
        "value", "unit", "text", "change_percent", "base_fiscal_year", "as_of", "judgement", "ratio", "change",
        "target_by", "survey_planned", "theme_id", "source_version")]


def dictionary(fields: FieldSet) -> dict[str, list[Column]]:
    """The columns of every CSV file, in order (for the data page's dictionary)."""
    return {INITIATIVES: initiative_columns(fields), SCHEDULE: schedule_columns(fields), KPIS: kpi_columns()}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Text):
        value = LIST_SEPARATOR.join(plain_text(item) for item in value.items)
    if isinstance(value, (list, tuple)):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # One record per line: line breaks inside text become spaces.
    return " ".join(str(value).split("\n")).replace("\r", " ")


@lru_cache(maxsize=256)
def _wareki(fy: int | None) -> str:
    return fiscal.fy_short(fy, "ja") if fy else ""


def _carried_from(value: Value) -> str:
    return value.source.version_id if value.carried else ""


def initiative_rows(content: ResolvedEdition) -> list[list[str]]:
    """One row per initiative, its sub-items after it (with its id as parent_id); a carried
    cell is listed in `carried_columns`, with the 版 it comes from in `source_version`
    (one entry per carried column, in the same order)."""
    rows = []
    for item in content.all_items():
        row, carried, sources = [item.id], [], []
        for field in content.fields:
            if not field.csv_columns:
                continue
            value = item.value(field.key)
            cells = kind_of(field.kind).cells(field, value.value if value.shown else None, content)
            row += cells
            if value.carried:
                carried += list(field.csv_columns)
                sources += [value.source.version_id] * len(field.csv_columns)
        rows.append([_cell(v) for v in row + [item.parent_id, carried, sources]])
    return rows


def schedule_rows(content: ResolvedEdition) -> list[list[str]]:
    rows = []
    for item in content.all_items():
        for field in content.fields:
            value = item.value(field.key)
            if field.csv_kind and value.stated:
                for fy, kind, status, text, as_of, end, span in kind_of(field.kind).schedule_rows(field, value.value):
                    rows.append([item.id, fy, _wareki(fy), kind, status, text, as_of, end, span, _carried_from(value)])
    return [[_cell(v) for v in row] for row in rows]


def kpi_rows(content: ResolvedEdition) -> list[list[str]]:
    """One row per KPI × (baseline, each target, each actual, each reference figure), in
    kpi_columns order. A target's `value` is its number, or the one computed from its base
    year once known; `target_by` is set for a target without a year of its own."""
    rows = []
    for kpi in content.all_kpis():
        head = [kpi.id, plain_line(kpi.name), kpi.initiative_id, kpi.direction]
        tail = [kpi.theme_id, kpi.source.version_id if kpi.carried else ""]
        judgement = kpi.assessment.judgement

        def row(kind: str, fy, value: Figure | None, number, judged=None, by=None) -> list:
            value = value or Figure()
            return head + [kind, fy, _wareki(fy), number, kpi.unit, plain_line(value.text) or None,
                           value.change_percent, value.base_fy, value.as_of, judged, value.ratio, value.change,
                           by, value.survey_planned] + tail

        baseline = kpi.baseline
        rows.append(row("baseline", baseline.fy if baseline else None, baseline,
                        baseline.value if baseline else None, judgement))
        for fy, target in sorted(kpi.targets.items()):
            rows.append(row("target", fy, target, target.resolved))
        if kpi.target is not None:
            year = target_year(kpi.target, content.period_end)
            rows.append(row("target", year, kpi.target, kpi.target.resolved, by=kpi.target.by or "unstated"))
        for fy, actual in sorted(kpi.actuals.items()):
            rows.append(row("actual", fy, actual, actual.value))
        for reference in kpi.references:
            rows.append(row("reference", reference.fy, reference, reference.value))
    return [[_cell(v) for v in row] for row in rows]


def csv_bytes(columns: list[Column], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=NEWLINE)
    writer.writerow([c.name for c in columns])
    writer.writerows(rows)
    return buffer.getvalue().encode(ENCODING)


def kpi_dict(kpi: ResolvedKpi) -> dict:
    """A measure as its file holds it, and the 版 it is carried from (`source_version`)."""
    data = records.kpi_dict(kpi)
    if kpi.carried:
        data["source_version"] = kpi.source.version_id
    return data


def initiative_dict(item: ResolvedInitiative, fields: FieldSet) -> dict:
    """An initiative as its file holds it (each field the edition shows, in registry order; a
    field the document shows empty is written empty), with `source_versions`: field → the 版
    a carried value comes from."""
    data = {"id": item.stated_id} if item.parent_id else {}
    empty = {v.key for v in item.values.values() if v.state is State.STATED_EMPTY}
    for field in fields:
        value = item.value(field.key)
        if value.state is State.STATED:
            data[field.key] = [kpi_dict(k) for k in item.kpis] if field.kind is Kind.KPIS else \
                kind_of(field.kind).record(value.value)
        elif value.state is State.STATED_EMPTY:
            data[field.key] = kind_of(field.kind).record(value.value)
    data["items"] = [initiative_dict(child, fields) for child in item.items]
    data["labels"] = dict(item.stated_labels)
    data["source_versions"] = {v.key: v.source.version_id for v in item.carried}
    return {k: v for k, v in data.items() if k in empty or v not in (None, [], {}, "")}


def plan_json(content: ResolvedEdition, licence: str) -> dict:
    version = content.version
    return {
        "plan_id": content.id,
        "goals": list(content.goals.items) if content.goals else [],
        "version": {"id": version.id, "label": version.label, "name": version.name, "date": version.date,
                    "status": version.stage_id, "stage": version.stage,
                    "notes": list(version.notes.items) if version.notes else [],
                    "source": list(version.source.items) if version.source else [],
                    **stage_facts_dict(version)},
        "licence": licence,
        "municipality": content.municipality,
        "title": content.title,
        "parent_strategy": content.parent_strategy,
        "period": {"start_fiscal_year": content.period_start, "end_fiscal_year": content.period_end},
        "adoption": content.adoption,
        "themes": [records.theme_dict(t) for t in content.themes],
        "departments": [d.name for d in content.departments],
        "categories": list(content.categories),
        "chapters": [{"id": c.id, "title": c.title, "markdown": c.markdown} for c in content.chapters],
        "kpis": [kpi_dict(k) for k in content.kpis],
        "initiatives": [{"id": i.id, **initiative_dict(i, content.fields.set)} for i in content.initiatives],
    }


def stage_facts_dict(version) -> dict:
    """A 版's stage facts as stated (only those stated): its public-comment period and what it
    excluded, the stage planned next and its date."""
    data = {}
    comment = version.public_comment
    if comment is not None:
        data["public_comment"] = {k: v for k, v in (("start", comment.start), ("end", comment.end),
                                                    ("excludes", list(comment.excludes.items)
                                                     if comment.excludes else None)) if v is not None}
    if version.next_stage is not None:
        data["next_stage"] = {"status": version.next_stage.stage_id, "stage": version.next_stage.name,
                              **({"date": version.next_stage.date} if version.next_stage.date else {})}
    return data


def json_bytes(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, default=str) + "\n").encode("utf-8")


def data_files(content: ResolvedEdition, licence: str) -> dict[str, bytes]:
    """File name → bytes for one edition: plan.json and the three CSVs."""
    return {
        "plan.json": json_bytes(plan_json(content, licence)),
        INITIATIVES: csv_bytes(initiative_columns(content.fields.set), initiative_rows(content)),
        SCHEDULE: csv_bytes(schedule_columns(content.fields.set), schedule_rows(content)),
        KPIS: csv_bytes(kpi_columns(), kpi_rows(content)),
    }


def plan_json_schema() -> dict:
    """The JSON Schema of plan.json (published at data/plan.schema.json)."""
    def words(key: str) -> dict:
        return {"description": msg(f"opendata.plan_json.{key}")} if has(f"opendata.plan_json.{key}") else {}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": msg("opendata.plan_json.title"),
        "type": "object",
        "required": ["plan_id", "version", "licence", "municipality", "title", "period", "initiatives"],
        "properties": {
            "plan_id": {"type": "string", **words("plan_id")},
            "version": {"type": "object", **words("version")},
            "licence": {"type": "string", **words("licence")},
            "municipality": {"type": "string"}, "title": {"type": "string"},
            "parent_strategy": {"type": ["string", "null"]},
            "period": {"type": "object", **words("period"),
                       "properties": {"start_fiscal_year": {"type": ["integer", "null"]},
                                      "end_fiscal_year": {"type": ["integer", "null"]}}},
            "adoption": {"enum": ["adopted", "draft"]},
            "themes": {"type": "array", **words("themes")},
            "departments": {"type": "array", "items": {"type": "string"}},
            "categories": {"type": "array", "items": {"type": "string"}},
            "chapters": {"type": "array", **words("chapters")},
            "kpis": {"type": "array", **words("kpis")},
            "initiatives": {"type": "array", **words("initiatives")},
        },
    }
