"""A kind of field is one object (model/kinds.py): every kind has every stage's behaviour and its
template partial, and no stage branches on kinds with a table of its own (issue 18)."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest

from generator.i18n import set_language
from generator.model.fields import INITIATIVE_FIELDS, Field, Kind, Place
from generator.model.kinds import KINDS, OPEN_DATA_TABLES, FieldKind, kind_of
from generator.model.plan import Activity, Kpi, KpiValue, Progress, Text
from generator.model.schema import initiative
from generator.staff.sheets.table import RowCells, SheetReader, Table, as_cell

ROOT = Path(__file__).resolve().parents[3]

# One value of each kind as a document states it (what `record` writes and `read` reads back).
EXAMPLES = {
    Kind.LABEL: "No.1",
    Kind.TEXT: Text(("来庁不要", "手数料"), True),
    Kind.REF: "counter",
    Kind.REFS: ["counter", "service"],
    Kind.YEAR_TEXTS: {2024: Text(("試行",))},
    Kind.ACTIVITIES: [Activity("検討", 2023, 2025, cells={2024: "導入・運用"}), Activity("方針", done=2022),
                      Activity("周知", 2024, end_unstated=True)],
    Kind.PROGRESS: {2024: Progress("運用中", Text(("開始",)), "2024-12")},
    Kind.KPIS: [Kpi("k", "手続数", "件", "increase", baseline=KpiValue(fy=2023, survey_planned="2024-03"),
                    targets={2025: KpiValue(value=10)}, initiative_id="i")],
    Kind.FISCAL_YEAR: 2025,
}


@pytest.fixture(autouse=True)
def japanese():
    set_language("ja")


def test_every_kind_is_one_object_with_every_stage():
    assert set(KINDS) == set(Kind)
    stages = {name for name, member in vars(FieldKind).items() if getattr(member, "__isabstractmethod__", False)}
    assert stages == STAGES
    for kind, handler in KINDS.items():
        assert handler.kind is kind and kind_of(kind.value) is handler
        assert (ROOT / "theme" / handler.partial).is_file(), f"{kind}: no partial {handler.partial}"
        assert handler.csv_tables and handler.csv_tables <= OPEN_DATA_TABLES, kind


# Every stage a kind must have (abstract in FieldKind): the JSON Schema, the loader, the YAML
# writer and plan.json, the diff, the open data, the workbook's 取組 sheet and its per-year sheet.
STAGES = {"schema", "read", "record", "flatten", "cells", "schedule_rows", "csv_tables",
          "sheet_columns", "sheet_cells", "sheet_read", "year_parts", "year_cells", "year_read"}


@pytest.mark.parametrize("missing", sorted(STAGES))
def test_a_kind_lacking_any_one_stage_cannot_exist(missing):
    """Take any one stage away from a complete kind: the class cannot be instantiated."""
    complete = {name: getattr(kind_of(Kind.LABEL), name) for name in STAGES}
    members = {name: (lambda self, *args: None) for name in STAGES - {missing}}
    assert all(complete.values())
    incomplete = type("Incomplete", (FieldKind,), {"kind": "incomplete", **members})
    with pytest.raises(TypeError, match=missing):
        incomplete()
    type("Complete", (FieldKind,), {"kind": "complete", **members, missing: lambda self, *args: None})()


def test_a_kind_without_a_stage_cannot_exist():
    class HalfAdded(FieldKind):   # read and written, never flattened for the diff or exported
        kind = Kind.TEXT

        def schema(self, field):
            return {}

        def read(self, raw, owner_id):
            return raw

        def record(self, value):
            return value

    with pytest.raises(TypeError, match="cells|flatten"):
        HalfAdded()


@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_each_kind_round_trips_through_every_stage(kind):
    handler = kind_of(kind)
    field = next((f for f in INITIATIVE_FIELDS if f.kind is kind), Field("own", kind, Place.BODY, 0))
    value = EXAMPLES[kind]
    recorded = handler.record(value)
    assert handler.read(recorded, "i") == (value if kind is not Kind.REFS else list(value))
    document = {"title": "t", field.key: recorded} if field.key != "title" else {"title": recorded}
    if field.key in {f.key for f in INITIATIVE_FIELDS}:
        errors = list(jsonschema.Draft202012Validator(initiative()).iter_errors(
            {str(k) if isinstance(k, int) else k: v for k, v in _json(document).items()}))
        assert not errors, [e.message for e in errors]
    assert list(handler.flatten(field.key, value))               # a stated value is compared by the diff
    assert list(handler.flatten(field.key, handler.empty)) == []   # an absent one is not
    cells = handler.cells(field, value, _Edition())
    # initiatives.csv: a cell per column, and a 和暦 column after each fiscal year (pages/opendata.py)
    fiscal_years = 1 if kind in (Kind.PROGRESS, Kind.FISCAL_YEAR) else 0
    assert len(cells) == (len(field.csv_columns) + fiscal_years if field.csv is None or field.csv else 0)
    assert all(len(row) == 7 for row in handler.schedule_rows(field, value))
    # what validation checks of it: the example is valid, so the kind finds nothing wrong with it
    assert handler.findings(value, ["運用中"]) == []
    assert all(isinstance(fy, int) for _, fy in handler.years(value))
    assert [entry for _, entry in handler.entries(value)] == ([value] if kind is Kind.REF else
                                                              list(value) if kind is Kind.REFS else [])
    assert handler.measures(value) == (value if kind is Kind.KPIS else [])



@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_each_kind_round_trips_through_the_workbook(kind):
    """What a kind writes into its workbook cells it reads back: on the 取組 sheet, and per
    fiscal year on the スケジュール・進捗 sheet (a kind on its own sheet has neither)."""
    handler = kind_of(kind)
    field = next((f for f in INITIATIVE_FIELDS if f.kind is kind), Field("own", kind, Place.BODY, 0))
    value = EXAMPLES[kind]
    entries = [entry for _, entry in handler.entries(value)]   # a vocabulary that has them
    vocabularies = {field.vocabulary: set(entries), "statuses": ["運用中"]}

    def read_back(names, cells, read):
        problems = []
        table = Table("sheet", list(names), [[as_cell(c) for c in cells]])
        found = read(RowCells(SheetReader(table, problems), 2, table.rows[0], vocabularies))
        assert problems == []
        return found

    width = len(value) if kind is Kind.REFS else 1
    columns = handler.sheet_columns(field, width)
    if columns:
        cells = handler.sheet_cells(field, value, width)
        assert len(cells) == len(columns)
        assert read_back([c.name for c in columns], cells, lambda row: handler.sheet_read(field, row)) == value
    parts = handler.year_parts(field)
    if parts:
        for fy, year_value in value.items():
            cells = handler.year_cells(field, year_value)
            assert len(cells) == len(parts)
            assert read_back([name for _, name in parts], cells,
                             lambda row: handler.year_read(field, row, {part: name for part, name in parts})) == year_value
    assert columns or parts or handler.own_sheet, f"{kind}: no place in the workbook"


def test_a_kind_says_what_is_wrong_with_a_value_on_its_own():
    progress, activities = kind_of(Kind.PROGRESS), kind_of(Kind.ACTIVITIES)
    assert progress.findings({2024: Progress("運用")}, ["運用中"])[0][1] == "unknown_status"
    assert [f[1] for f in activities.findings([Activity("a", 2025, 2024), Activity("b", 2024, 2024, cells={2025: "x"})],
                                              [])] == ["activity_reversed", "activity_cell_outside"]


def test_no_stage_branches_on_kinds():
    """Only the registry (fields.py, which declares each field's kind) and the kinds themselves
    name a kind: every other module of generator/ asks the field's kind object, so a new kind
    is one class and one partial."""
    declaring = {"generator/model/fields.py", "generator/model/kinds.py"}
    for path in sorted((ROOT / "generator").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name in declaring:
            continue
        text = path.read_text(encoding="utf-8")
        found = re.findall(r"\bKind\.[A-Z_]+\b|\.kind (?:is|==|in) \(?Kind\b|of_kind\(", text)
        assert not found, f"{name} branches on kinds: {found}"


class _Edition:
    """What a kind's open-data cells ask of the edition: a theme by id."""

    def theme(self, theme_id):
        return type("Theme", (), {"display_name": "① 窓口改革"})()


def _json(value):
    """The YAML value as the JSON Schema sees it (year keys as strings)."""
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value
