"""The ledger of published 版 (load/ledger.py): a listed 版 missing or changed, a folder
not listed, a ledger that cannot be read — each a problem by name; no ledger yet, a note."""

from __future__ import annotations

import shutil

import pytest

from generator.i18n import set_language
from generator.load.ledger import check_ledger, frozen_dirs, manifest_digest, read_ledger
from generator.load.problems import Problems


@pytest.fixture
def plan(basic_content):
    set_language("ja")
    return basic_content / "plans/sample"


def _write_ledger(plan, ids):
    lines = ["versions:"] + [f"  - id: \"{i}\"\n    manifest: {manifest_digest(plan / 'releases' / i)}" for i in ids]
    (plan / "ledger.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _codes(plan) -> tuple[list[str], list[str]]:
    problems = Problems(plan.parent.parent)
    check_ledger(plan, problems)
    return [p.code for p in problems], [n.code for n in problems.notes]


def test_a_plan_without_a_ledger_gets_a_note_not_an_error(plan):
    assert [p.name for p in frozen_dirs(plan)] == ["1.0", "1.1"]
    assert _codes(plan) == ([], ["ledger_none"])


def test_a_ledger_that_matches_is_quiet_and_read_with_lines(plan):
    _write_ledger(plan, ["1.0", "1.1"])
    entries = read_ledger(plan, Problems())
    assert [(e.version_id, e.line) for e in entries] == [("1.0", 2), ("1.1", 4)]
    assert entries[0].manifest == manifest_digest(plan / "releases/1.0") and entries[0].manifest.startswith("sha256:")
    assert _codes(plan) == ([], [])


def test_missing_changed_and_unlisted_editions_are_each_named(plan):
    _write_ledger(plan, ["1.0", "1.1"])
    (plan / "releases/1.1/manifest.json").write_text("{}\n", encoding="utf-8")
    shutil.copytree(plan / "releases/1.0", plan / "releases/2.0")
    shutil.rmtree(plan / "releases/1.0")
    assert sorted(_codes(plan)[0]) == ["ledger_version_changed", "ledger_version_extra", "ledger_version_missing"]


def test_a_ledger_that_is_not_a_list_of_versions_is_refused(plan):
    (plan / "ledger.yml").write_text("versions:\n  - id: 1.0\n", encoding="utf-8")
    problems = Problems()
    assert read_ledger(plan, problems) is None and [p.code for p in problems] == ["ledger_invalid"]
