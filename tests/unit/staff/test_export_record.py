"""What an export was made from (staff/export_record.py): a hidden sheet with the sha256 of
every working file and of the data the workbook shows of it; at import, a colleague's change
since the export is kept where the workbook left that data as exported, refused where both
changed it."""

from __future__ import annotations

from dataclasses import replace

from generator.staff.export_record import merge, read_record, record_table, shown_data, working_files


def _record(loaded, working):
    content = loaded.site.plans[0].working
    table = record_table("sample", working, content)
    assert table.hidden
    return read_record({table.name: table}), content


def test_the_record_reads_back_the_plan_and_every_files_digest(loaded, basic_content):
    working = basic_content / "plans/sample/working"
    record, content = _record(loaded, working)
    assert record.plan_id == "sample" and record.files == working_files(working)
    assert record.shown == {k: v for k, v in shown_data(content).items() if k in record.files}
    assert read_record({}) is None


def test_a_colleagues_change_is_kept_and_a_change_by_both_is_a_conflict(loaded, basic_content):
    working = basic_content / "plans/sample/working"
    record, content = _record(loaded, working)
    online = working / "initiatives/online.yml"
    online.write_text(online.read_text(encoding="utf-8") + "# 同僚の追記\n", encoding="utf-8")
    untouched = merge(record, content, content, working)       # the workbook left online as exported
    assert [c.path for c in untouched.kept] == ["initiatives/online.yml"] and untouched.conflicts == []
    changed = replace(content, initiatives=[replace(i, title=i.title + "（改）") if i.id == "online" else i
                                            for i in content.initiatives])
    both = merge(record, content, changed, working)
    assert [(c.path, c.how) for c in both.conflicts] == [("initiatives/online.yml", "changed")]
