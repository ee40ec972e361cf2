"""A kind of field as one object: everything each stage does with a value of that kind.

The field registry (model/fields.py) says which kind each field is; the stages ask the
kind, never branch on it themselves:

    schema(field)             the JSON Schema of a value (model/schema_blocks.py)
    read(raw, owner)          the model's value from the YAML value (load/loader.py)
    record(value)             the YAML / plan.json value from the model's (model/value_records.py)
    flatten(key, value)       (key, text) pairs the diff compares (model/diff.py)
    empty                     the value of a field that is not stated (model/resolved/)
    csv_tables                the open-data tables it is in (pages/opendata.py): "initiatives" (a
                              cell per column, `cells`), "texts" (an item per row), "refs" (a table
                              of its own per field), "schedule" (`schedule_rows`), "kpis"
    cells(field, value, ed)   its cells in initiatives.csv, one per column (pages/opendata.py)
    column_type               (Table Schema type, unit) of its initiatives.csv column
    schedule_rows(field, v)   its rows of schedule.csv (pages/opendata.py)
    schedule_years(value)     the fiscal years its value needs a column of the schedule table for,
    before_period(value)      and whether it needs the column before the plan period (済 items)
    change_label(field, rest) the name of a part of its value in a diff (model/fieldnames.py)
    sheet_columns / sheet_cells / sheet_read   its columns on the workbook's 取組 sheet, a value
                              as cells and back (staff/sheets/initiatives.py; [] when elsewhere)
    year_parts / year_cells / year_read   its columns per fiscal year on the スケジュール・進捗
                              sheet, a year's value as cells and back (staff/sheets/schedule.py)
    own_sheet                 the workbook sheet of its own it is on, if any (活動, KPI)
    entries, years, findings, measures   what validate/rules.py checks of a value: the
                              vocabulary entries it names, the fiscal years it states (within
                              the plan period), the problems it has on its own, its KPIs
    partial                   the template that shows it on an initiative page (theme/)

The YAML writer (staff/serialize.py) writes `record`; the loader reads with `read`; a value is
stated when `stated(value)`.

A kind of field added without one of these fails tests/unit/model/test_kinds.py (the
abstract methods make an incomplete class impossible to instantiate), not a staff member's
export. Like Lektor's field types: one class per kind, one partial.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from typing import Any, Iterable, NamedTuple

from generator.i18n import current_language, msg
from generator.model import flatten, schema_blocks, value_records
from generator.model.fields import Field, Kind, SheetLayout
from generator.model import fiscal
from generator.model.markup import plain_line, plain_text
from generator.model.plan import Activity, Initiative, Progress, Text

FieldKey = tuple
LIST_SEPARATOR = "|"   # entries within one CSV cell (pages/opendata.py)
OPEN_DATA_TABLES = frozenset({"initiatives", "texts", "refs", "schedule", "kpis"})


class SheetColumn(NamedTuple):
    """A column of the workbook's 取組 sheet a kind writes a value into."""

    name: str
    dropdown: bool = False    # its cells choose from the field's vocabulary (the 選択肢 sheet)
    wide: bool = False        # prose: a wide column with wrapped text


class Cells:
    """What a kind reads a value from in a workbook row (staff/sheets/table.py `RowCells` is
    one): cells by column name, read as the sheet reads them; a problem names its cell and
    says what is wrong with a message code (workbook.errors.<code>)."""

    header: list
    def text(self, name: str) -> str | None: ...
    def label(self, name: str) -> str | None: ...
    def prose(self, name: str) -> Text | None: ...
    def integer(self, name: str) -> int | None: ...
    def date(self, name: str) -> str | None: ...
    def lines(self, name: str) -> list[str]: ...
    def known(self, vocabulary) -> set: ...
    def problem(self, name: str, code: str, **params) -> None: ...


class FieldKind(ABC):
    """One kind of field; a subclass implements every stage."""

    kind: Kind | str                  # a Kind, or the name of a kind registered elsewhere (KINDS)
    plan_may_declare: bool = False    # a plan may declare a field of its own of this kind (plan.yml fields.extra)
    empty: Any = None                 # the value of a field the document does not state
    own_sheet: str | None = None      # the workbook sheet of its own (staff/sheets/<own_sheet>.py)
    column_type: tuple[str, str] = ("string", "")   # initiatives.csv: Table Schema type, unit

    @property
    def partial(self) -> str:
        """The template (under theme/) that shows a value of this kind on an initiative page."""
        return f"planpub/partials/kinds/{self.kind}.html"

    @abstractmethod
    def schema(self, field: Field) -> dict[str, Any]: ...

    @abstractmethod
    def read(self, raw: Any, owner_id: str) -> Any: ...

    @abstractmethod
    def record(self, value: Any) -> Any: ...

    @abstractmethod
    def flatten(self, key: str, value: Any) -> Iterable[tuple[FieldKey, str]]: ...

    @abstractmethod
    def cells(self, field: Field, value: Any, edition) -> list: ...

    @abstractmethod
    def schedule_rows(self, field: Field, value: Any) -> Iterable[list]:
        """(fiscal_year, kind, status, text, as_of, end_fiscal_year, span) rows of schedule.csv."""

    @property
    @abstractmethod
    def csv_tables(self) -> frozenset[str]:
        """The open-data tables (OPEN_DATA_TABLES) a value of this kind is in."""

    # The workbook (staff/sheets/): on the 取組 sheet (a row per initiative) or per fiscal year on
    # the スケジュール・進捗 sheet; a kind on neither says so with [] / None.
    @abstractmethod
    def sheet_columns(self, field: Field, width: int) -> list[SheetColumn]:
        """Its columns on the 取組 sheet (`width`: how many numbered columns a field needs)."""

    @abstractmethod
    def sheet_cells(self, field: Field, value: Any, width: int) -> list:
        """A value as cells of those columns (a Text becomes a cell of prose)."""

    @abstractmethod
    def sheet_read(self, field: Field, cells: Cells) -> Any:
        """A value from a row's cells (None or empty when the row states none)."""

    @abstractmethod
    def year_parts(self, field: Field) -> list[tuple[str | None, str]]:
        """(part, column name) of its columns per fiscal year on the スケジュール・進捗 sheet
        (part None: the whole year's value; "status": a dropdown of the plan's statuses)."""

    @abstractmethod
    def year_cells(self, field: Field, value: Any) -> list:
        """One fiscal year's value (None when not stated) as cells of those columns."""

    @abstractmethod
    def year_read(self, field: Field, cells: Cells, columns: dict) -> Any:
        """One fiscal year's value from a row's cells; `columns`: part → column name."""

    def stated(self, value: Any) -> bool:
        """Whether the document states a value (an empty list is not; the fiscal year 0 would be)."""
        return bool(value)

    def schedule_years(self, value: Any) -> list[int]:
        """The fiscal years the schedule table shows a value of this kind in."""
        return []

    def before_period(self, value: Any) -> bool:
        """Whether the schedule table needs the column before the plan period (「令和4年度済」)."""
        return False

    def change_label(self, field: Field, rest: tuple, kpi_names: dict) -> str:
        """The name of a part of a value in a diff: `rest` is the diff key after the field's."""
        return field.label

    # What validation checks of a value (validate/rules.py asks; the messages are errors.<code>,
    # hints.<code>). A kind that states none of these keeps the defaults.
    def entries(self, value: Any) -> list[tuple[tuple, str]]:
        """(path within the value, entry) of each vocabulary entry it names."""
        return []

    def years(self, value: Any) -> list[tuple[tuple, int]]:
        """(path within the value, fiscal year) of each year that must lie in the plan period."""
        return []

    def findings(self, value: Any, statuses: list[str]) -> list[tuple[tuple, str, dict, dict]]:
        """(path, code, hint parameters, message parameters) of each problem the value has on its own."""
        return []

    def measures(self, value: Any) -> list:
        """The KPIs it holds (checked as every KPI is)."""
        return []


def _plain(text: str | None) -> str | None:
    """A line of prose in a CSV cell: its plain text (None when empty)."""
    return plain_text(text) or None


def _wareki(fy: int | None) -> str | None:
    return fiscal.fy_short(fy, "ja") if fy else None   # open data is in Japanese (its dictionary too)


def for_year(label: str, fy: int) -> str:
    """「予定・取組事項（令和6年度（2024年度））」: a name for one fiscal year's part of a value."""
    return msg("ui.label_for_year", label=label, year=fiscal.fy_label(fy, current_language()))


class _AsWritten:
    """A value held as it is written (a line, an id, a fiscal year): read and recorded unchanged."""

    def read(self, raw, owner_id):
        return raw

    def record(self, value):
        return value

    def flatten(self, key, value):
        return [((key,), value)] if value else []


class _OneCell:
    """A value that is one cell of initiatives.csv and no row of schedule.csv."""

    def cells(self, field, value, edition):
        return [value]

    def schedule_rows(self, field, value):
        return []


class _OwnFile:
    """A value with a CSV file of its own (schedule.csv, kpis.csv): no cell of initiatives.csv."""

    def cells(self, field, value, edition):
        return []


class _NotPerYear:
    """A value the スケジュール・進捗 sheet has no column for."""

    def year_parts(self, field):
        return []

    def year_cells(self, field, value):
        return []

    def year_read(self, field, cells, columns):
        return None


class _OneColumn(_NotPerYear):
    """A value in one column of the 取組 sheet, not per fiscal year."""

    def sheet_columns(self, field, width):
        return [SheetColumn(field.table_label)]

    def sheet_cells(self, field, value, width):
        return [value]


class _NotOnInitiativeSheet:
    """A value the 取組 sheet has no column for (it is per fiscal year, or on a sheet of its own)."""

    def sheet_columns(self, field, width):
        return []

    def sheet_cells(self, field, value, width):
        return []

    def sheet_read(self, field, cells):
        return None


class _OwnSheet(_NotOnInitiativeSheet, _NotPerYear):
    """A value on a workbook sheet of its own (`own_sheet`): no column of the other sheets."""


class LabelKind(_AsWritten, _OneCell, _OneColumn, FieldKind):
    """One line as written (番号, 取組名)."""

    kind = Kind.LABEL
    plan_may_declare = True
    csv_tables = frozenset({"initiatives"})

    def sheet_read(self, field, cells):
        return cells.label(field.table_label)

    def schema(self, field):
        return {"type": "string", "minLength": 1, "title": schema_blocks.field_title(field),
                "maxLength": field.max_length or schema_blocks.MAX_LINE,
                **(schema_blocks.LINE_BREAKS if field.line_breaks else {})}

    def cells(self, field, value, edition):
        return [plain_line(value) if isinstance(value, str) else value]


class TextKind(_OneCell, _OneColumn, FieldKind):
    """Prose: a paragraph, or bullet items (initiative_texts.csv: a row per item)."""

    kind = Kind.TEXT
    plan_may_declare = True
    csv_tables = frozenset({"texts"})

    def sheet_columns(self, field, width):
        return [SheetColumn(field.table_label, wide=True)]

    def sheet_read(self, field, cells):
        return cells.prose(field.table_label)

    def schema(self, field):
        return schema_blocks.text_node(f"initiative_{field.key}", fallback=schema_blocks.field_title(field))

    def read(self, raw, owner_id):
        return Text.of(raw)

    def record(self, value):
        return value_records.text_value(value)

    def flatten(self, key, value):
        text = flatten.text_of(value)
        return [((key,), text)] if text else []


# The workbook's message for an entry outside a vocabulary (workbook.errors.<code>).
_UNKNOWN_ENTRY = {("themes", False): "unknown_theme", ("themes", True): "unknown_related_theme",
                  ("visions", True): "unknown_vision"}


def _entries_read(field: Field, cells: Cells, entries: list, several: bool) -> list:
    """Entries of a vocabulary from one cell, each checked: listed once, and in the vocabulary."""
    known = cells.known(field.vocabulary)
    for position, entry in enumerate(entries):
        if entry is not None and entry in entries[:position]:
            cells.problem(field.table_label, "duplicate_entry", label=field.table_label, value=entry,
                          first=field.table_label)
        elif entry is not None and entry not in known:
            code = _UNKNOWN_ENTRY.get((str(field.vocabulary), several), "not_in_list")
            cells.problem(field.table_label, code, value=entry, label=field.table_label)
    return entries


class RefKind(_AsWritten, _OneCell, _OneColumn, FieldKind):
    """One id of a vocabulary (主なテーマ)."""

    kind = Kind.REF
    csv_tables = frozenset({"initiatives"})

    def sheet_columns(self, field, width):
        return [SheetColumn(field.table_label, dropdown=True)]

    def sheet_read(self, field, cells):
        return _entries_read(field, cells, [cells.text(field.table_label)], False)[0]

    def schema(self, field):
        return {**schema_blocks.id_node(f"initiative_{field.key}"), "title": schema_blocks.field_title(field)}

    def entries(self, value):
        return [((), value)]

    def cells(self, field, value, edition):
        if field.vocabulary is not None and field.vocabulary.value == "themes":
            theme = edition.theme(value) if value else None
            return [value, plain_line(theme.display_name) if theme else None]
        return [value]


def numbered(field: Field, n: int | str) -> str:
    """The name of the n-th of a field's numbered workbook columns (担当課1, 担当課2 …)."""
    return msg("workbook.columns.numbered", label=field.table_label, n=n)


class RefsKind(_OneCell, _OneColumn, FieldKind):
    """Entries of a vocabulary (担当課, 区分, 関連するテーマ): a table of their own in the open data;
    in the workbook one cell with an entry per line (SheetLayout.LINES) or numbered dropdown
    columns (NUMBERED)."""

    kind = Kind.REFS
    empty = ()
    csv_tables = frozenset({"refs"})

    def sheet_columns(self, field, width):
        if field.sheet is SheetLayout.NUMBERED:
            return [SheetColumn(numbered(field, n), dropdown=True) for n in range(1, width + 1)]
        return [SheetColumn(field.table_label)]

    def sheet_cells(self, field, value, width):
        if field.sheet is SheetLayout.NUMBERED:
            return [value[n] if n < len(value) else None for n in range(width)]
        return ["\n".join(value) or None]

    def sheet_read(self, field, cells):
        if field.sheet is not SheetLayout.NUMBERED:
            return _entries_read(field, cells, cells.lines(field.table_label), True)
        known = cells.known(field.vocabulary)
        found, where = [], {}
        prefix, _, suffix = numbered(field, "\0").partition("\0")
        pattern = re.compile(re.escape(prefix) + r"\d+" + re.escape(suffix))
        for header in [h for h in cells.header if h and pattern.fullmatch(h)]:
            value = cells.text(header)
            if value is None:
                continue
            if value in where:   # the same department in 担当課1 and 担当課3: listed once
                cells.problem(header, "duplicate_entry", label=field.table_label, value=value, first=where[value])
                continue
            if value not in known:
                cells.problem(header, "not_in_list", label=field.table_label, value=value)
            where[value] = header
            found.append(value)
        return found

    def schema(self, field):
        return schema_blocks.refs_node(field)

    def read(self, raw, owner_id):
        return list(raw)

    def record(self, value):
        return list(value)

    def flatten(self, key, value):
        return [((key,), msg("ui.list_separator").join(value))] if value else []

    def entries(self, value):
        return [((index,), entry) for index, entry in enumerate(value)]


class _PerYear(_NotOnInitiativeSheet):
    """A value per fiscal year: a column per year and part on the スケジュール・進捗 sheet, a
    column of the schedule table per year, a name per year in a diff."""

    def schedule_years(self, value):
        return sorted(value)

    def years(self, value):
        return [((fy,), fy) for fy in value]


class YearTextsKind(_OwnFile, _PerYear, FieldKind):
    """Prose per fiscal year (予定, 年次目標): a row of schedule.csv per year."""

    kind = Kind.YEAR_TEXTS
    empty = {}
    csv_tables = frozenset({"schedule"})

    def year_parts(self, field):
        return [(None, field.table_label)]

    def year_cells(self, field, value):
        return [value]

    def year_read(self, field, cells, columns):
        return cells.prose(columns[None])

    def change_label(self, field, rest, kpi_names):
        return for_year(field.label, rest[0]) if len(rest) == 1 else field.label

    def schema(self, field):
        title = schema_blocks.field_title(field)
        item = schema_blocks.text_node(f"initiative_{field.key}_item", fallback=title)
        return schema_blocks.per_year_node(f"initiative_{field.key}", item, fallback=title)

    def read(self, raw, owner_id):
        return {int(fy): Text.of(v) for fy, v in raw.items()}

    def record(self, value):
        return {fy: value_records.text_value(v) for fy, v in sorted(value.items())}

    def flatten(self, key, value):
        return [((key, fy), text) for fy, item in sorted(value.items()) if (text := flatten.text_of(item))]

    def schedule_rows(self, field, value):
        return [[fy, number, None, _plain(line), None, None, None] for fy, text in sorted(value.items())
                for number, line in enumerate(text.items or ("",), start=1)]


class ActivitiesKind(_OwnFile, _OwnSheet, FieldKind):
    """Rows of a schedule: items over fiscal years with their later cells; in schedule.csv a row
    per item and per later cell; in the workbook a row per item on the 複数年度の活動 sheet."""

    kind = Kind.ACTIVITIES
    empty = ()
    own_sheet = "activities"
    csv_tables = frozenset({"schedule"})

    def schedule_years(self, value):
        return sorted({fy for activity in value for fy in activity.years()})

    def before_period(self, value):
        return any(activity.done is not None for activity in value)

    def change_label(self, field, rest, kpi_names):
        named = msg("ui.named_item", field=field.label, name=rest[0])
        return for_year(named, rest[1]) if len(rest) > 1 else named

    def schema(self, field):
        return schema_blocks.activities_node(field)

    def read(self, raw, owner_id):
        return [Activity(a["name"], a.get("start"), a["end"] if isinstance(a.get("end"), int) else None,
                         a.get("end") == "open", a.get("done"), a.get("end") == "unstated",
                         {int(fy): str(text) for fy, text in (a.get("cells") or {}).items()}) for a in raw]

    def record(self, value):
        return [value_records.drop_empty({
            "name": a.name, "start": a.start, "end": "open" if a.ongoing else "unstated" if a.end_unstated else a.end,
            "done": a.done, "cells": dict(sorted(a.cells.items()))}) for a in value]

    def flatten(self, key, value):
        return [pair for a in value for pair in [((key, a.name), flatten.span_text(a))]
                + [((key, a.name, fy), text) for fy, text in sorted(a.cells.items())]]

    def schedule_rows(self, field, value):
        rows = []
        for number, activity in enumerate(value, start=1):
            name = plain_line(activity.name)
            if activity.done is not None:
                rows.append([activity.done, number, None, name, None, activity.done, "done"])
            else:
                rows.append([activity.start, number, None, name, None, activity.end,
                             "open_end" if activity.ongoing else "end_unstated" if activity.end_unstated else "range"])
            for fy, text in sorted(activity.cells.items()):   # later cells of the same row: its item number
                rows.append([fy, number, None, f"{name}{LIST_SEPARATOR}{plain_line(text)}", None, None, "continued"])
        return rows

    def years(self, value):
        # a 済 item may lie before the plan period; a later cell lies within the period too
        return [((i, part), getattr(a, part)) for i, a in enumerate(value) for part in ("start", "end")
                if getattr(a, part) is not None] + [((i, "cells", fy), fy) for i, a in enumerate(value) for fy in a.cells]

    def findings(self, value, statuses):
        found = []
        for i, a in enumerate(value):
            if a.start is not None and a.end is not None and a.start > a.end:
                found.append(((i,), "activity_reversed", {}, {"start": a.start, "end": a.end}))
            for fy in a.cells:   # a later cell continues the row: it lies within the row
                if a.start is None or fy < a.start or (a.end is not None and fy > a.end):
                    found.append(((i, "cells", fy), "activity_cell_outside", {}, {"value": fy, "name": a.name}))
        return found


class ProgressKind(_PerYear, FieldKind):
    """Status, text and as-of date per fiscal year (進捗): the latest status in initiatives.csv,
    a row of schedule.csv per year; in the workbook a status, a text and a date per year."""

    kind = Kind.PROGRESS
    empty = {}
    csv_tables = frozenset({"initiatives", "schedule"})
    parts = ("status", "text", "as_of")

    def year_parts(self, field):
        return [(part, field.part_label(part)) for part in self.parts]

    def year_cells(self, field, value):
        progress = value or Progress()
        return [progress.status, progress.text, progress.as_of]

    def year_read(self, field, cells, columns):
        status = cells.text(columns.get("status", ""))
        if status and status not in cells.known("statuses"):
            cells.problem(columns["status"], "unknown_status", value=status,
                          choices=msg("ui.list_separator").join(cells.known("statuses")))
        text = cells.prose(columns.get("text", ""))
        as_of = cells.date(columns.get("as_of", ""))
        return Progress(status, text, as_of) if status or text or as_of else None

    def change_label(self, field, rest, kpi_names):
        return for_year(field.part_label(rest[1]), rest[0]) if len(rest) > 1 else field.label

    def schema(self, field):
        return schema_blocks.progress_node(field)

    def read(self, raw, owner_id):
        return {int(fy): Progress(p.get("status"), Text.of(p.get("text")), value_records.stated_date(p.get("as_of")))
                for fy, p in raw.items()}

    def record(self, value):
        return {fy: value_records.drop_empty({"status": p.status, "text": value_records.text_value(p.text),
                                              "as_of": p.as_of}) for fy, p in sorted(value.items())}

    def flatten(self, key, value):
        return flatten.flatten_progress(key, value)

    def cells(self, field, value, edition):
        status = Initiative.latest_of(value or {})
        return [status[1], status[0], _wareki(status[0])] if status else [None, None, None]

    def schedule_rows(self, field, value):
        return [[fy, number, p.status, _plain(line), p.as_of, None, None] for fy, p in sorted(value.items())
                for number, line in enumerate(p.text.items if p.text else ("",), start=1)]

    def findings(self, value, statuses):
        return [((fy, "status"), "unknown_status", {"choices": msg("ui.list_separator").join(statuses)},
                 {"value": p.status}) for fy, p in value.items() if p.status and p.status not in statuses]


class KpisKind(_OwnFile, _OwnSheet, FieldKind):
    """Measures with baseline, targets and actuals (kpis.csv: a row per figure; the workbook's
    KPI and KPIの値 sheets)."""

    kind = Kind.KPIS
    empty = ()
    own_sheet = "kpis"
    csv_tables = frozenset({"kpis"})

    def change_label(self, field, rest, kpi_names):
        kpi_id, attribute = rest[0], rest[1]
        label = msg("ui.kpi_field", name=(kpi_names or {}).get(kpi_id, kpi_id), part=msg(f"ui.kpi_fields.{attribute}"))
        if attribute == "references":
            return msg("ui.numbered_item", label=label, n=rest[2] + 1)
        return for_year(label, rest[2]) if len(rest) > 2 else label

    def schema(self, field):
        return {"type": "array", "items": {"$ref": "#/$defs/kpi"}, "title": schema_blocks.field_title(field)}

    def read(self, raw, owner_id):
        return [value_records.kpi_from_dict(k, owner_id) for k in raw]

    def record(self, value):
        return [value_records.kpi_dict(k) for k in value]

    def flatten(self, key, value):
        return [pair for kpi in value for pair in flatten.flatten_kpi(kpi).items()]

    def schedule_rows(self, field, value):
        return []

    def measures(self, value):
        return list(value)


class FiscalYearKind(_AsWritten, _OneCell, _OneColumn, FieldKind):
    """One fiscal year (目標時期)."""

    kind = Kind.FISCAL_YEAR
    plan_may_declare = True
    csv_tables = frozenset({"initiatives"})

    @property
    def column_type(self):
        return "integer", msg("opendata.units.fiscal_year")

    def stated(self, value):
        return value is not None

    def sheet_read(self, field, cells):
        return cells.integer(field.table_label)

    def schema(self, field):
        return {**schema_blocks.fy_node(), "title": schema_blocks.field_title(field)}

    def read(self, raw, owner_id):
        return int(raw)

    def cells(self, field, value, edition):
        return [value, _wareki(value)]

    def flatten(self, key, value):
        return [((key,), str(value))] if value is not None else []


KINDS: dict[Kind | str, FieldKind] = {k.kind: k for k in (
    LabelKind(), TextKind(), RefKind(), RefsKind(), YearTextsKind(), ActivitiesKind(), ProgressKind(), KpisKind(),
    FiscalYearKind())}


def plan_kinds() -> list[str]:
    """The kinds a plan may give the fields it declares itself (plan.yml fields.extra[].kind)."""
    return sorted(str(name) for name, kind in KINDS.items() if kind.plan_may_declare)


def kind_of(kind: Kind | str) -> FieldKind:
    """The kind of a field (a Kind, or the name of a kind registered in KINDS: a Kind is equal
    to its name)."""
    return KINDS[kind]
