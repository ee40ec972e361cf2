"""The 選択肢 sheet: the vocabularies behind the dropdown lists of the other sheets."""

from __future__ import annotations

from generator.i18n import msg
from generator.model.fields import SheetLayout, Vocabulary
from generator.model.plan import PlanContent
from generator.staff.sheets.kpis import DIRECTIONS, VALUE_KINDS, direction_label, kind_label
from generator.staff.sheets.table import Table, column, sheet_name


def write(content: PlanContent, statuses: list[str]) -> Table:
    columns = {
        msg("workbook.choices.theme_ids"): [t.id for t in content.all_themes()],
        msg("workbook.choices.theme_names"): [t.display_name for t in content.all_themes()],
        msg("workbook.choices.vision_ids"): [v.id for v in content.all_visions()],
    }
    for field in content.fields:
        if field.sheet is SheetLayout.NUMBERED:   # a dropdown of entries of a vocabulary
            columns[field.table_label] = ([d.name for d in content.departments]
                                          if field.vocabulary is Vocabulary.DEPARTMENTS else list(content.categories))
    columns[msg("workbook.choices.statuses")] = list(statuses)
    columns[column("direction")] = [direction_label(d) for d in DIRECTIONS]
    columns[column("value_kind")] = [kind_label(k) for k in VALUE_KINDS]
    height = max(len(v) for v in columns.values())
    rows = [[values[i] if i < len(values) else None for values in columns.values()] for i in range(height)]
    return Table(sheet_name("choices"), list(columns), rows)
