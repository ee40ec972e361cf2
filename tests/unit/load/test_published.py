"""The record of plans with published 版 (load/published.py): a listed plan whose folder
and ledger are gone is an error; a plan with published 版 not listed is too; content from
before the record gets a note."""

from __future__ import annotations

import shutil

from generator.i18n import set_language
from generator.load.problems import Problems
from generator.load.published import RECORD_NAME, check_record, published_plans, read_record
from generator.staff.ledger import current_entries, write_ledger


def _codes(content):
    problems = Problems(content)
    check_record(content, problems)
    return [p.code for p in problems], [n.code for n in problems.notes]


def test_a_plan_with_a_ledger_is_published_and_the_record_is_checked(basic_content):
    set_language("ja")
    plan = basic_content / "plans/sample"
    assert published_plans(basic_content) == []                    # no ledger yet
    write_ledger(plan, current_entries(plan))
    assert published_plans(basic_content) == ["sample"]
    assert _codes(basic_content) == ([], ["published_record_none"])
    (basic_content / RECORD_NAME).write_text("plans: [sample]\n", encoding="utf-8")
    assert read_record(basic_content, Problems()) == [("sample", 1)] and _codes(basic_content) == ([], [])


def test_a_plan_deleted_with_its_ledger_or_left_out_is_an_error(basic_content):
    set_language("ja")
    write_ledger(basic_content / "plans/sample", current_entries(basic_content / "plans/sample"))
    (basic_content / RECORD_NAME).write_text("plans: []\n", encoding="utf-8")
    assert _codes(basic_content)[0] == ["published_plan_unlisted"]
    (basic_content / RECORD_NAME).write_text("plans: [sample]\n", encoding="utf-8")
    shutil.rmtree(basic_content / "plans/sample")
    assert _codes(basic_content)[0] == ["published_plan_missing"]
    (basic_content / RECORD_NAME).write_text("plans: sample\n", encoding="utf-8")
    assert _codes(basic_content)[0] == ["published_record_invalid"]
