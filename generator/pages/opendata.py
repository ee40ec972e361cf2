"""A plan 版 as open data: plan.json and CSV tables with their schemas (pure data, no file I/O).

The CSVs follow the national rules for machine-readable administrative data
(行政データにおける機械可読性に関するルール) that apply to CSV:
- one value per cell (L1-07): a field with several values is a table of its own, one row per
  value, joined to initiatives.csv by `initiative_id` (`initiative_departments.csv`, the prose
  items in `initiative_texts.csv`, the schedule's items in `schedule.csv`); no 「|」-joined cells;
- plain text (L1-06, L1-11): inline markup removed (model/markup.py); no line breaks in a cell;
- numeric columns hold numbers only (L2-01): a target due 「by the end of the period」 says so in
  `target_timing`, its year in the numeric `fiscal_year`;
- a header line of ASCII names, units in their own column, 西暦 with the 和暦 beside it, blank
  only where nothing is stated; UTF-8 with BOM and CRLF;
- every text cell formula-safe: a value a spreadsheet would take for a formula (「=」「+」「-」「@」,
  tab, CR) is written after an apostrophe, as the workbook's CSV does (staff/tableio.py);
- each table starts with the municipality's 全国地方公共団体コード (`region_code`).

Each `Table` declares its columns (type, unit, enumeration, pattern), primary and foreign keys
once: the CSV, the Table Schema in datapackage.json (pages/datapackage.py) and the data
dictionary on the data page are all made from it, so they cannot disagree. The words of each
column are in the locale catalogue (`opendata.<table>.<column>`); which columns and tables
there are comes from the field registry (model/fields.py).

The data is the resolved edition (model/resolved/), exactly what its pages show: at the stable
address, the details the latest 版's document leaves out come from the earlier 版 they are
carried from, and `source_version` names that 版 on every carried row (`carried_values.csv`
for the cells of initiatives.csv); each frozen 版's data is its own document.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field as dataclass_field
from functools import lru_cache

from generator.i18n import has, lookup, msg
from generator.model import fiscal, region_code
from generator.model.fields import Field, Vocabulary
from generator.model.kpi import PERIOD_END, target_year
from generator.model.markup import plain_line, plain_text
from generator.model.plan import Text
from generator.model import records
from generator.model.kinds import kind_of
from generator.model.resolved import Figure, ResolvedEdition, ResolvedInitiative, ResolvedKpi, State
from generator.model.cells import neutralise

ENCODING = "utf-8-sig"     # UTF-8 with BOM: Excel opens it correctly
NEWLINE = "\r\n"
INITIATIVES, TEXTS, SCHEDULE, KPIS = "initiatives.csv", "initiative_texts.csv", "schedule.csv", "kpis.csv"
THEMES, CARRIED, VERSIONS = "themes.csv", "carried_values.csv", "versions.csv"
DATE_AS_STATED = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"   # as precise as the document: YYYY, YYYY-MM, YYYY-MM-DD
SPANS = ("range", "open_end", "end_unstated", "done", "continued")
VALUE_TYPES = ("baseline", "target", "actual", "reference")
TARGET_TIMINGS = ("fiscal_year", "period_end", "unstated")
JUDGEMENTS = ("achieved", "on_track", "behind", "not_measured")


@dataclass(frozen=True)
class Column:
    """One column: its Table Schema type and constraints, and its words for people."""

    name: str
    meaning: str
    type: str = "string"            # Table Schema: string, integer, number, boolean
    unit: str = ""
    example: str = ""
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    required: bool = False

    @property
    def type_label(self) -> str:
        return msg(f"opendata.types.{self.type}")


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str                      # the file name of the table referred to
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """One CSV file: its columns, keys and rows (typed values; None is a blank cell)."""

    name: str
    title: str
    columns: list[Column]
    rows: list[list] = dataclass_field(default_factory=list)
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def csv_bytes(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator=NEWLINE)
        writer.writerow(self.column_names)
        for row in self.rows:
            writer.writerow([_cell(value, column) for value, column in zip(row, self.columns)])
        return buffer.getvalue().encode(ENCODING)


def _column(table: str, name: str, meaning: str | None = None, label: str = "", **constraints) -> Column:
    """A column as the catalogue describes it: `opendata.<table>.<name>` has its meaning,
    example, Table Schema type and unit (the unit's words under opendata.units)."""
    entry = lookup(f"opendata.{table.removesuffix('.csv')}.{name}")
    entry = entry if isinstance(entry, dict) else {}
    unit = entry.get("unit")
    return Column(name, meaning or str(entry.get("meaning", "")).format(label=label),
                  constraints.pop("type", entry.get("type", "string")),
                  msg(f"opendata.units.{unit}") if unit else "", str(entry.get("example", "")), **constraints)


def _region(table: str) -> Column:
    return _column(table, "region_code", msg("opendata.region_code"), pattern=region_code.PATTERN)


@lru_cache(maxsize=256)
def _wareki(fy: int | None) -> str | None:
    return fiscal.fy_short(fy, "ja") if fy else None


def _cell(value, column: Column) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if column.type != "string":
        return text
    # One record per line: line breaks and layout whitespace inside text become one space.
    return neutralise(" ".join(text.split()))


def _plain(text: Text | str | None) -> str | None:
    if isinstance(text, Text):
        return " ".join(plain_text(item) for item in text.items) or None
    return plain_line(text) or None


def _source(value) -> str | None:
    """The 版 a carried value or row comes from (None: this 版's own document)."""
    return value.source.version_id if value.carried else None


# ── initiatives.csv: one row per initiative and sub-item, one value per column ──

def in_table(fields, table: str) -> list[Field]:
    """The fields whose kind puts them in one of the tables (model/kinds.py `csv_tables`)."""
    return [f for f in fields if table in kind_of(f.kind).csv_tables]


def _field_columns(field: Field) -> list[Column]:
    columns = []
    for name in field.csv_columns:
        if has(f"opendata.initiatives.{name}"):
            columns.append(_column(INITIATIVES, name, label=field.label))
        else:   # a field of the plan's own: its label says what it is, its kind the column's type
            columns.append(Column(name, field.label, *kind_of(field.kind).column_type))
        if columns[-1].unit == msg("opendata.units.fiscal_year"):
            columns.append(Column(f"{name}_wareki", msg("opendata.wareki_of", column=name)))
    return columns


def initiatives_table(content: ResolvedEdition) -> Table:
    """One row per initiative, its sub-items after it (with its id as parent_id)."""
    fields = [f for f in in_table(content.fields, "initiatives") if f.csv_columns]
    columns = [_region(INITIATIVES), _column(INITIATIVES, "initiative_id", required=True),
               _column(INITIATIVES, "parent_id")]
    for field in fields:
        columns += _field_columns(field)
    rows = []
    for item in content.all_items():
        row = [content.region_code, item.id, item.parent_id]
        for field in fields:
            value = item.value(field.key)
            row += kind_of(field.kind).cells(field, value.value if value.shown else None, content)
        rows.append(row)
    keys = [ForeignKey(("parent_id",), INITIATIVES, ("initiative_id",))]
    if "theme_id" in [c.name for c in columns]:
        keys.append(ForeignKey(("theme_id",), THEMES, ("theme_id",)))
    return Table(INITIATIVES, msg("opendata.tables.initiatives"), columns, rows, ("initiative_id",), tuple(keys))


def _by_initiative(table: str) -> ForeignKey:
    return ForeignKey(("initiative_id",), INITIATIVES, ("initiative_id",))


# ── initiative_texts.csv: each prose field's items, one per row ──

def texts_table(content: ResolvedEdition) -> Table:
    prose = in_table(content.fields, "texts")
    columns = [_region(TEXTS), _column(TEXTS, "initiative_id", required=True),
               _column(TEXTS, "field", required=True, enum=tuple(f.key for f in prose)),
               _column(TEXTS, "field_label"), _column(TEXTS, "item", required=True),
               _column(TEXTS, "text"), _column(TEXTS, "source_version")]
    rows = []
    for item in content.all_items():
        for field in prose:
            value = item.value(field.key)
            if value.state is State.STATED and value.value:
                for number, text in enumerate(value.value.items, start=1):
                    rows.append([content.region_code, item.id, field.key, value.label, number, _plain(text),
                                 _source(value)])
    return Table(TEXTS, msg("opendata.tables.texts"), columns, rows, ("initiative_id", "field", "item"),
                 (_by_initiative(TEXTS),))


# ── initiative_<field>.csv: the entries of a vocabulary an initiative names ──

def _refs_target(field: Field, content: ResolvedEdition, column: str) -> tuple[tuple[str, ...], ForeignKey | None]:
    """An enumeration of the vocabulary, or a foreign key to the table that lists it."""
    if field.vocabulary is Vocabulary.THEMES:
        return (), ForeignKey((column,), THEMES, ("theme_id",))
    if field.vocabulary is Vocabulary.INITIATIVES:
        return (), ForeignKey((column,), INITIATIVES, ("initiative_id",))
    if field.vocabulary is Vocabulary.DEPARTMENTS:
        return tuple(d.name for d in content.departments), None
    if field.vocabulary is Vocabulary.CATEGORIES:
        return tuple(content.categories), None
    return tuple(v.id for theme in content.all_themes() for v in theme.visions), None


def refs_table_name(field: Field) -> str:
    return f"initiative_{field.key}.csv"


def refs_table(field: Field, content: ResolvedEdition) -> Table:
    name, column = refs_table_name(field), field.csv_columns[0]
    enum, key = _refs_target(field, content, column)
    columns = [_region(name), _column("refs", "initiative_id", required=True),
               _column("refs", "position", required=True),
               Column(column, msg("opendata.refs.value", label=field.label), enum=enum, required=True),
               _column("refs", "source_version")]
    rows = []
    for item in content.all_items():
        value = item.value(field.key)
        if value.state is State.STATED:
            for position, entry in enumerate(value.value, start=1):
                rows.append([content.region_code, item.id, position, entry, _source(value)])
    return Table(name, msg("opendata.tables.refs", label=field.label), columns, rows, ("initiative_id", "position"),
                 (_by_initiative(name),) + ((key,) if key else ()))


# ── schedule.csv: every fiscal year's item, progress and activity, one per row ──

def schedule_table(content: ResolvedEdition) -> Table:
    kinds = [f for f in in_table(content.fields, "schedule") if f.csv_kind]
    described = " / ".join(f"{f.csv_kind} = {f.table_label}" for f in kinds)
    columns = [_region(SCHEDULE), _column(SCHEDULE, "initiative_id", required=True),
               _column(SCHEDULE, "kind", msg("opendata.schedule_kind", kinds=described), required=True,
                       enum=tuple(f.csv_kind for f in kinds)),
               _column(SCHEDULE, "fiscal_year"), _column(SCHEDULE, "fiscal_year_wareki"),
               _column(SCHEDULE, "item", required=True), _column(SCHEDULE, "status"), _column(SCHEDULE, "text"),
               _column(SCHEDULE, "as_of", pattern=DATE_AS_STATED), _column(SCHEDULE, "end_fiscal_year"),
               _column(SCHEDULE, "span", enum=SPANS), _column(SCHEDULE, "source_version")]
    rows = []
    for item in content.all_items():
        for field in kinds:
            value = item.value(field.key)
            if value.stated:
                for fy, number, status, text, as_of, end, span in kind_of(field.kind).schedule_rows(field, value.value):
                    rows.append([content.region_code, item.id, field.csv_kind, fy, _wareki(fy), number, status,
                                 text, as_of, end, span, _source(value)])
    return Table(SCHEDULE, msg("opendata.tables.schedule"), columns, rows, (), (_by_initiative(SCHEDULE),))


# ── kpis.csv: one row per KPI × baseline, target, actual and reference figure ──

def kpi_columns() -> list[Column]:
    enums = {"direction": ("increase", "decrease"), "value_type": VALUE_TYPES, "judgement": JUDGEMENTS,
             "target_timing": TARGET_TIMINGS}
    return [_region(KPIS)] + [
        _column(KPIS, name, enum=enums.get(name, ()), required=name in ("kpi_id", "value_type"),
                pattern=DATE_AS_STATED if name in ("as_of", "survey_planned") else None)
        for name in ("kpi_id", "kpi_name", "initiative_id", "theme_id", "direction", "value_type", "fiscal_year",
                     "fiscal_year_wareki", "target_timing", "value", "unit", "text", "change_percent",
                     "base_fiscal_year", "as_of", "judgement", "ratio", "change", "survey_planned", "source_version")]


def _timing(target: Figure) -> str:
    if target.by == PERIOD_END:
        return "period_end"
    return "fiscal_year" if isinstance(target.by, int) else "unstated"


def kpi_rows(content: ResolvedEdition) -> list[list]:
    """A target's `value` is its number, or the one computed from its base year once known; a
    target without a year of its own says when it is due in `target_timing`."""
    rows = []
    for kpi in content.all_kpis():
        head = [content.region_code, kpi.id, plain_line(kpi.name), kpi.initiative_id, kpi.theme_id, kpi.direction]
        source = kpi.source.version_id if kpi.carried else None

        def row(kind: str, fy, value: Figure | None, number, judged=None, timing=None) -> list:
            value = value or Figure()
            return head + [kind, fy, _wareki(fy), timing, number, kpi.unit, plain_line(value.text) or None,
                           value.change_percent, value.base_fy, value.as_of, judged, value.ratio, value.change,
                           value.survey_planned, source]

        baseline = kpi.baseline
        rows.append(row("baseline", baseline.fy if baseline else None, baseline,
                        baseline.value if baseline else None, kpi.assessment.judgement))
        for fy, target in sorted(kpi.targets.items()):
            rows.append(row("target", fy, target, target.resolved, timing="fiscal_year"))
        if kpi.target is not None:
            rows.append(row("target", target_year(kpi.target, content.period_end), kpi.target, kpi.target.resolved,
                            timing=_timing(kpi.target)))
        for fy, actual in sorted(kpi.actuals.items()):
            rows.append(row("actual", fy, actual, actual.value))
        for reference in kpi.references:
            rows.append(row("reference", reference.fy, reference, reference.value))
    return rows


def kpis_table(content: ResolvedEdition) -> Table:
    return Table(KPIS, msg("opendata.tables.kpis"), kpi_columns(), kpi_rows(content), (),
                 (_by_initiative(KPIS), ForeignKey(("theme_id",), THEMES, ("theme_id",))))


# ── themes.csv and carried_values.csv ──

def themes_table(content: ResolvedEdition) -> Table:
    columns = [_region(THEMES)] + [_column(THEMES, name, required=name == "theme_id")
                                   for name in ("theme_id", "parent_id", "number", "name", "level_name")]
    rows = [[content.region_code, t.id, t.parent_id, t.number, plain_line(t.name), t.level_name]
            for t in content.all_themes()]
    return Table(THEMES, msg("opendata.tables.themes"), columns, rows, ("theme_id",),
                 (ForeignKey(("parent_id",), THEMES, ("theme_id",)),))


def carried_table(content: ResolvedEdition) -> Table:
    """The fields of each initiative that come from an earlier 版 (only at the stable address
    of a 版 whose document leaves some out; empty elsewhere)."""
    columns = [_region(CARRIED), _column(CARRIED, "initiative_id", required=True),
               _column(CARRIED, "field", required=True, enum=tuple(f.key for f in content.fields)),
               _column(CARRIED, "field_label"), _column(CARRIED, "source_version", required=True),
               _column(CARRIED, "source_version_name")]
    rows = [[content.region_code, item.id, value.key, value.label, value.source.version_id,
             value.source.titled_name] for item in content.all_items() for value in item.carried]
    return Table(CARRIED, msg("opendata.tables.carried"), columns, rows, ("initiative_id", "field"),
                 (_by_initiative(CARRIED),))


# ── versions.csv: the plan's 版 as known when this 版 was published, with their stage facts ──

VERSION_DATES = ("date", "public_comment_start", "public_comment_end", "next_stage_planned")


def known_versions(content: ResolvedEdition) -> list:
    """The revision history as known when the edition's 版 was published (oldest first): a
    frozen 版's data never names a later one; the working copy knows everything published."""
    ids = [v.id for v in content.versions]
    if content.version.id not in ids:
        return list(content.versions)
    return list(content.versions[: ids.index(content.version.id) + 1])


def versions_table(content: ResolvedEdition) -> Table:
    """One row per 版: its number (blank when the document gives none), name, stage and date,
    whether it is frozen on the site, its public-comment period and what the consultation
    excluded, and the stage planned next with its planned date; each date with its 和暦."""
    names = ("version_id", "label", "name", "status", "stage", "date", "frozen", "public_comment_start",
             "public_comment_end", "public_comment_excludes", "next_stage", "next_stage_name", "next_stage_planned")
    columns = [_region(VERSIONS)]
    for name in names:
        columns.append(_column(VERSIONS, name, required=name in ("version_id", "name", "frozen"),
                               pattern=DATE_AS_STATED if name in VERSION_DATES else None))
        if name in VERSION_DATES:
            columns.append(Column(f"{name}_wareki", msg("opendata.wareki_date_of", column=name),
                                  example=fiscal.wareki_date(columns[-1].example)))
    rows = []
    for version in known_versions(content):
        comment, following = version.public_comment, version.next_stage
        cells = {"version_id": version.id, "label": version.label, "name": version.titled_name,
                 "status": version.stage_id, "stage": version.stage, "date": version.date,
                 "frozen": version.snapshot,
                 "public_comment_start": comment.start if comment else None,
                 "public_comment_end": comment.end if comment else None,
                 "public_comment_excludes": _plain(comment.excludes) if comment else None,
                 "next_stage": following.stage_id if following else None,
                 "next_stage_name": following.name if following else None,
                 "next_stage_planned": following.date if following else None}
        row = [content.region_code]
        for name in names:
            row.append(cells[name])
            if name in VERSION_DATES:
                row.append(fiscal.wareki_date(cells[name]) or None)
        rows.append(row)
    return Table(VERSIONS, msg("opendata.tables.versions"), columns, rows, ("version_id",))


def tables(content: ResolvedEdition) -> list[Table]:
    """Every table of one edition, in the order the data page lists them."""
    refs = [refs_table(f, content) for f in in_table(content.fields, "refs") if f.csv_columns]
    return [initiatives_table(content), texts_table(content), *refs, schedule_table(content), kpis_table(content),
            themes_table(content), carried_table(content), versions_table(content)]


def provenance(content: ResolvedEdition, edition_tables: list[Table]) -> list[tuple[str, list[tuple[str, int]]]]:
    """Per table, the earlier 版 its carried rows come from and how many (the data page says so)."""
    names = {v.id: v.titled_name for v in content.versions}
    found = []
    for table in edition_tables:
        if table.name == CARRIED or "source_version" not in table.column_names:
            continue
        at = table.column_names.index("source_version")
        counts: dict[str, int] = {}
        for row in table.rows:
            if row[at]:
                counts[row[at]] = counts.get(row[at], 0) + 1
        if counts:
            found.append((table.name, [(names.get(v, v), n) for v, n in counts.items()]))
    return found


# ── plan.json ──

MARKDOWN_SUFFIX = "_markdown"
_AS_WRITTEN = {"id", "plan_id", "markdown", "file", "licence", "region_code", "date", "as_of", "unit", "status"}


def plain_json(data):
    """plan.json's text is plain; where a text has inline markup, its Markdown source stays
    beside it under `<key>_markdown` (declared so in plan.schema.json). A text is a string,
    bullet items, or such texts per fiscal year (a year's schedule)."""
    if isinstance(data, list):
        return [plain_json(v) for v in data]
    if not isinstance(data, dict):
        return data
    result = {}
    for key, value in data.items():
        if key in _AS_WRITTEN:
            result[key] = value
        elif _is_text(value) and _plain_value(value) != value:
            result[key] = _plain_value(value)
            result[f"{key}{MARKDOWN_SUFFIX}"] = value
        else:
            result[key] = plain_json(value)
    return result


def _is_text(value) -> bool:
    if isinstance(value, str):
        return True
    if isinstance(value, list):
        return all(isinstance(v, str) for v in value)
    return isinstance(value, dict) and bool(value) and all(isinstance(k, int) and _is_text(v) for k, v in value.items())


def _plain_value(value):
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, list):
        return [plain_text(v) for v in value]
    return {k: _plain_value(v) for k, v in value.items()}


def kpi_dict(kpi: ResolvedKpi) -> dict:
    """A measure as its file holds it, and the 版 it is carried from (`source_version`)."""
    data = records.kpi_dict(kpi)
    if kpi.carried:
        data["source_version"] = kpi.source.version_id
    return data


def initiative_dict(item: ResolvedInitiative, fields) -> dict:
    """An initiative as its file holds it (each field the edition shows, in registry order; a
    field the document shows empty is written empty), with `source_versions`: field → the 版
    a carried value comes from."""
    data = {"id": item.stated_id} if item.parent_id else {}
    empty = {v.key for v in item.values.values() if v.state is State.STATED_EMPTY}
    for field in fields:
        value = item.value(field.key)
        if value.state is State.STATED:
            kind = kind_of(field.kind)
            # a value that holds KPIs is written as resolved (figures with their source 版)
            data[field.key] = [kpi_dict(k) for k in item.kpis] if kind.measures(value.value) else kind.record(value.value)
        elif value.state is State.STATED_EMPTY:
            data[field.key] = kind_of(field.kind).record(value.value)
    data["items"] = [initiative_dict(child, fields) for child in item.items]
    data["labels"] = dict(item.stated_labels)
    data["source_versions"] = {v.key: v.source.version_id for v in item.carried}
    return {k: v for k, v in data.items() if k in empty or v not in (None, [], {}, "")}


def plan_json(content: ResolvedEdition, licence: str) -> dict:
    version = content.version
    return plain_json({
        "plan_id": content.id,
        "region_code": content.region_code,
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
    })


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


def data_files(content: ResolvedEdition, licence: str, edition_tables: list[Table] | None = None) -> dict[str, bytes]:
    """File name → bytes for one edition: plan.json and the CSV tables (datapackage.json is
    added by pages/datapackage.py)."""
    edition_tables = tables(content) if edition_tables is None else edition_tables
    return {"plan.json": json_bytes(plan_json(content, licence)),
            **{table.name: table.csv_bytes() for table in edition_tables}}


def plan_json_schema() -> dict:
    """The JSON Schema of plan.json (published at data/plan.schema.json)."""
    def words(key: str) -> dict:
        return {"description": msg(f"opendata.plan_json.{key}")} if has(f"opendata.plan_json.{key}") else {}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": msg("opendata.plan_json.title"),
        "description": msg("opendata.plan_json.markdown"),
        "type": "object",
        "required": ["plan_id", "version", "licence", "municipality", "title", "period", "initiatives"],
        "properties": {
            "plan_id": {"type": "string", **words("plan_id")},
            "region_code": {"type": ["string", "null"], "pattern": region_code.PATTERN, **words("region_code")},
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
