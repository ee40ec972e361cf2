"""The 取組 sheet: one row per initiative, one or more columns per registered field.

Which fields are here comes from the field registry; their columns, how a value looks in its
cells and how it is read back, from the field's kind (model/kinds.py `sheet_columns`,
`sheet_cells`, `sheet_read`): prose, a line, a fiscal year or a vocabulary id in one column;
entries of a vocabulary in one cell with an entry per line (SheetLayout.LINES) or in numbered
dropdown columns (担当課1, 担当課2 …; NUMBERED).
"""

from __future__ import annotations

import re

from generator.i18n import msg
from generator.model.fields import Field, FieldSet, SheetLayout, Vocabulary
from generator.model.kinds import kind_of, numbered
from generator.model.plan import Initiative, PlanContent
from generator.model.schema import ID_PATTERN
from generator.staff.sheets.table import (CellProblem, RowCells, SheetReader, Table, as_cell, column, error,
                                          lines, sheet_name)

ID_RE = re.compile(ID_PATTERN)
# The choices-sheet column a vocabulary's dropdown lists.
CHOICE_COLUMNS = {Vocabulary.THEMES: "theme_ids", Vocabulary.VISIONS: "vision_ids"}


def sheet_fields(fields: FieldSet) -> list[Field]:
    """The fields with columns on this sheet (their kind says which columns)."""
    return [f for f in fields if kind_of(f.kind).sheet_columns(f, f.sheet_min)]


def width(content: PlanContent, field: Field) -> int:
    """How many numbered columns a field needs: its most entries, at least `sheet_min`."""
    if field.sheet is not SheetLayout.NUMBERED:
        return field.sheet_min
    return max([len(field.value(i)) for i in content.initiatives] + [field.sheet_min])


def choice_column(field: Field) -> str:
    key = CHOICE_COLUMNS.get(field.vocabulary)
    return msg(f"workbook.choices.{key}") if key else field.table_label


def write(content: PlanContent) -> Table:
    fields = sheet_fields(content.fields)
    widths = {f.key: width(content, f) for f in fields}
    header, dropdowns, wide = [column("id")], {}, set()
    for field in fields:
        for name, dropdown, is_wide in kind_of(field.kind).sheet_columns(field, widths[field.key]):
            header.append(name)
            if dropdown:
                dropdowns[name] = choice_column(field)
            if is_wide:
                wide.add(name)
    header += [column("stated_empty"), column("parent"), column("labels")]
    table = Table(sheet_name("initiatives"), header, dropdowns=dropdowns, wide=wide)
    for initiative in (item for top in content.initiatives for item in top.walk()):
        row = [initiative.id]
        for field in fields:
            row += [as_cell(cell) for cell in kind_of(field.kind).sheet_cells(field, field.value(initiative),
                                                                              widths[field.key])]
        empty = [f.table_label for f in content.fields if f.key in initiative.stated_empty]
        table.rows.append(row + ["\n".join(empty) or None, initiative.parent_id, labels_cell(initiative, content)])
    return table


def read(table: Table, base: PlanContent, problems: list[CellProblem]) -> dict[str, Initiative]:
    """Initiatives (with only this sheet's fields) by id, in row order; cells checked
    against the plan's vocabularies."""
    sheet = SheetReader(table, problems)
    fields = sheet_fields(base.fields)
    title_field = base.fields["title"]
    sheet.require_columns([column("id"), title_field.table_label])
    vocabularies = {Vocabulary.THEMES: {t.id for t in base.all_themes()},
                    Vocabulary.VISIONS: {v.id for v in base.all_visions()},
                    Vocabulary.DEPARTMENTS: {d.name for d in base.departments},
                    Vocabulary.CATEGORIES: set(base.categories),
                    # related initiatives: those of the 版 and those the sheet adds
                    Vocabulary.INITIATIVES: {i.id for i in base.initiatives}
                    | {sheet.text(row, column("id")) for _, row in sheet.rows()} - {None}}
    initiatives: dict[str, Initiative] = {}
    rows_of: dict[str, int] = {}
    id_column = column("id")
    for number, row in sheet.rows():
        iid = sheet.text(row, id_column)
        if not iid:
            sheet.problem(number, id_column, error("no_id"))
            continue
        if not ID_RE.fullmatch(iid):
            sheet.problem(number, id_column, error("bad_id", value=iid))
            continue
        if iid in initiatives:
            sheet.problem(number, id_column, error("duplicate_id", value=iid, row=rows_of[iid]))
            continue
        values, texts, extra = {}, {}, {}
        cells = RowCells(sheet, number, row, vocabularies)
        for field in fields:
            value = kind_of(field.kind).sheet_read(field, cells)
            if value:
                {"texts": texts, "extra": extra, "attribute": values}[field.slot(Initiative)][field.key] = value
        if not values.get("title"):
            sheet.problem(number, title_field.table_label, error("no_title"))
        values.setdefault("title", "")
        parent = sheet.text(row, column("parent"))
        if parent is not None and (parent not in initiatives or not iid.startswith(parent + ".")):
            sheet.problem(number, column("parent"), error("bad_parent", value=parent, id=iid))
            parent = None
        empty = _stated_empty(sheet, number, row, base.fields)
        initiatives[iid] = Initiative(id=iid, texts=texts, extra=extra, parent_id=parent, stated_empty=empty,
                                      labels=_labels(sheet, number, row, base.fields), **values)
        if parent is not None:
            siblings = initiatives[parent].items
            local = iid[len(parent) + 1:]
            initiatives[iid].stated_id = None if local == str(len(siblings) + 1) else local
            siblings.append(initiatives[iid])
        rows_of[iid] = number
    return initiatives




def labels_cell(initiative: Initiative, content: PlanContent) -> str | None:
    """What this initiative's document calls fields, one per line: 「予定・取組事項: 環境整備」
    (the plan's name for the field, then this initiative's)."""
    return "\n".join(f"{content.fields[key].table_label}: {name}" for key, name in initiative.labels.items()
                     if key in content.fields) or None


def _labels(sheet: SheetReader, number: int, row, fields: FieldSet) -> dict[str, str]:
    """The この取組での項目の呼び方 cell read back. An older workbook without the column states none."""
    return read_labels(sheet, number, row, fields, column("labels"))


def read_labels(sheet: SheetReader, number: int, row, fields: FieldSet, header: str,
                problem: str = "bad_label_line") -> dict[str, str]:
    """A cell of labels (「予定・取組事項: 環境整備」, one per line) read back: field key → name;
    a line that names no field of the plan is a problem of that cell."""
    if header not in sheet.table.header:
        return {}
    by_label = {f.table_label: f.key for f in fields} | {f.key: f.key for f in fields}
    found = {}
    separators = re.compile(r"\s*[" + re.escape(msg("workbook.label_separators")) + r"]\s*")
    for line in lines(sheet.get(row, header)):
        parts = separators.split(line, maxsplit=1)
        if len(parts) == 2 and parts[0] in by_label and parts[1]:
            found[by_label[parts[0]]] = parts[1]
        else:
            sheet.problem(number, header, error(problem, value=line, example=f"{fields['title'].table_label}: …"))
    return found


def _stated_empty(sheet: SheetReader, number: int, row, fields: FieldSet) -> frozenset[str]:
    """The 資料で空欄の項目 cell: labels of fields the document shows empty (an empty schedule
    table), one per line. An older workbook without the column states none."""
    if column("stated_empty") not in sheet.table.header:
        return frozenset()
    by_label = {f.table_label: f.key for f in fields}
    keys = set()
    for label in lines(sheet.get(row, column("stated_empty"))):
        if label in by_label:
            keys.add(by_label[label])
        else:
            sheet.problem(number, column("stated_empty"), error("unknown_field_label", value=label,
                                                                  example=fields["schedule"].table_label
                                                                  if "schedule" in fields else fields["title"].table_label))
    return frozenset(keys)
