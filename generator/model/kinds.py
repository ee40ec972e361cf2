"""A kind of field as one object: everything each stage does with a value of that kind.

The field registry (model/fields.py) says which kind each field is; the stages ask the
kind, never branch on it themselves:

    schema(field)             the JSON Schema of a value (model/schema_blocks.py)
    read(raw, owner)          the model's value from the YAML value (load/loader.py)
    record(value)             the YAML / plan.json value from the model's (model/value_records.py)
    flatten(key, value)       (key, text) pairs the diff compares (model/diff.py)
    empty                     the value of a field that is not stated (model/resolved/)
    cells(field, value, ed)   its cells in initiatives.csv, one per column (pages/opendata.py)
    schedule_rows(field, v)   its rows of schedule.csv (pages/opendata.py)
    entries, years, findings, measures   what validate/rules.py checks of a value: the
                              vocabulary entries it names, the fiscal years it states (within
                              the plan period), the problems it has on its own, its KPIs
    partial                   the template that shows it on an initiative page (theme/)

A kind of field added without one of these fails tests/unit/model/test_kinds.py (the
abstract methods make an incomplete class impossible to instantiate), not a staff member's
export. Like Lektor's field types: one class per kind, one partial.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Iterable

from generator.i18n import msg
from generator.model import flatten, schema_blocks, value_records
from generator.model.fields import Field, Kind
from generator.model import fiscal
from generator.model.markup import plain_line, plain_text
from generator.model.plan import Activity, Initiative, Progress, Text

FieldKey = tuple
LIST_SEPARATOR = "|"   # entries within one CSV cell (pages/opendata.py)


class FieldKind(ABC):
    """One kind of field; a subclass implements every stage."""

    kind: Kind
    empty: Any = None             # the value of a field the document does not state

    @property
    def partial(self) -> str:
        """The template (under theme/) that shows a value of this kind on an initiative page."""
        return f"planpub/partials/kinds/{self.kind.value}.html"

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


class LabelKind(_AsWritten, _OneCell, FieldKind):
    """One line as written (番号, 取組名)."""

    kind = Kind.LABEL

    def schema(self, field):
        return {"type": "string", "minLength": 1, "title": schema_blocks.field_title(field),
                "maxLength": field.max_length or schema_blocks.MAX_LINE,
                **(schema_blocks.LINE_BREAKS if field.line_breaks else {})}

    def cells(self, field, value, edition):
        return [plain_line(value) if isinstance(value, str) else value]


class TextKind(_OneCell, FieldKind):
    """Prose: a paragraph, or bullet items."""

    kind = Kind.TEXT

    def schema(self, field):
        return schema_blocks.text_node(f"initiative_{field.key}", fallback=schema_blocks.field_title(field))

    def read(self, raw, owner_id):
        return Text.of(raw)

    def record(self, value):
        return value_records.text_value(value)

    def flatten(self, key, value):
        text = flatten.text_of(value)
        return [((key,), text)] if text else []


class RefKind(_AsWritten, _OneCell, FieldKind):
    """One id of a vocabulary (主なテーマ)."""

    kind = Kind.REF

    def schema(self, field):
        return {**schema_blocks.id_node(f"initiative_{field.key}"), "title": schema_blocks.field_title(field)}

    def entries(self, value):
        return [((), value)]

    def cells(self, field, value, edition):
        if field.vocabulary is not None and field.vocabulary.value == "themes":
            theme = edition.theme(value) if value else None
            return [value, plain_line(theme.display_name) if theme else None]
        return [value]


class RefsKind(_OneCell, FieldKind):
    """Entries of a vocabulary (担当課, 区分, 関連するテーマ)."""

    kind = Kind.REFS
    empty = ()

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


class YearTextsKind(_OwnFile, FieldKind):
    """Prose per fiscal year (予定, 年次目標): a row of schedule.csv per year."""

    kind = Kind.YEAR_TEXTS
    empty = {}

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

    def years(self, value):
        return [((fy,), fy) for fy in value]


class ActivitiesKind(_OwnFile, FieldKind):
    """Rows of a schedule: items over fiscal years with their later cells; in schedule.csv a row
    per item and per later cell."""

    kind = Kind.ACTIVITIES
    empty = ()

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


class ProgressKind(FieldKind):
    """Status, text and as-of date per fiscal year (進捗): the latest status in initiatives.csv,
    a row of schedule.csv per year."""

    kind = Kind.PROGRESS
    empty = {}

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

    def years(self, value):
        return [((fy,), fy) for fy in value]

    def findings(self, value, statuses):
        return [((fy, "status"), "unknown_status", {"choices": msg("ui.list_separator").join(statuses)},
                 {"value": p.status}) for fy, p in value.items() if p.status and p.status not in statuses]


class KpisKind(_OwnFile, FieldKind):
    """Measures with baseline, targets and actuals (kpis.csv: a row per figure)."""

    kind = Kind.KPIS
    empty = ()

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


class FiscalYearKind(_AsWritten, _OneCell, FieldKind):
    """One fiscal year (目標時期)."""

    kind = Kind.FISCAL_YEAR

    def schema(self, field):
        return {**schema_blocks.fy_node(), "title": schema_blocks.field_title(field)}

    def read(self, raw, owner_id):
        return int(raw)

    def cells(self, field, value, edition):
        return [value, _wareki(value)]

    def flatten(self, key, value):
        return [((key,), str(value))] if value is not None else []


KINDS: dict[Kind, FieldKind] = {k.kind: k for k in (
    LabelKind(), TextKind(), RefKind(), RefsKind(), YearTextsKind(), ActivitiesKind(), ProgressKind(), KpisKind(),
    FiscalYearKind())}


def kind_of(kind: Kind | str) -> FieldKind:
    return KINDS[Kind(kind)]
