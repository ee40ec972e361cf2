"""The 選択肢 sheet (staff/sheets/choices.py): every vocabulary a dropdown offers."""

from __future__ import annotations

from generator.staff.sheets import choices


def test_choices_sheet_lists_every_vocabulary(content):
    table = choices.write(content, ["運用中", "完了"])
    column = {name: [row[i] for row in table.rows if row[i]] for i, name in enumerate(table.header)}
    assert column["担当課"] == ["市民課", "税務課"] and column["区分"] == ["窓口"]
    assert column["進捗状況"] == ["運用中", "完了"] and column["種別"] == ["目標", "実績", "参考"]
