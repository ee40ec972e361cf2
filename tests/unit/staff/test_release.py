"""Publishing a 版 (staff/release.py): every precondition checked before anything is
written; the new frozen folder with its manifest, release.yml and the ledger; a failure
part way leaves no trace."""

from __future__ import annotations

import pytest

from generator.load.ledger import read_ledger
from generator.load.problems import Problems
from generator.staff import release as publishing
from generator.staff.release import ReleaseRefused, ReleaseRequest, parse_notes, prepare_release, write_release
from generator.validate import load_valid_site

from tests.conftest import tree_digest


def test_notes_are_one_item_per_line_without_bullets():
    assert parse_notes("・誤字の修正\n\n- 表の更新\n  新しい取組\n") == ["誤字の修正", "表の更新", "新しい取組"]


@pytest.mark.parametrize("label, date, reason", [("1.1", "2026-04-01", "1.1"), ("第1.2版", "2026-04-01", "1.2"),
                                                 ("1.2", "2020-01-01", "2020"), ("1.2", "2026-02-30", "2026-02-30")])
def test_a_refusal_says_why_before_anything_is_written(loaded, basic_content, label, date, reason):
    before = tree_digest(basic_content)
    with pytest.raises(ReleaseRefused) as refused:
        prepare_release(loaded, basic_content, ReleaseRequest("sample", label, date, "変更"))
    assert reason in str(refused.value) and tree_digest(basic_content) == before


def test_the_new_version_is_frozen_with_its_manifest_and_in_the_ledger(loaded, basic_content):
    plan = prepare_release(loaded, basic_content, ReleaseRequest("sample", "1.2", "2026-04-01", "・誤字の修正"))
    assert plan.previous.id == "1.1" and plan.notes == ["誤字の修正"] and plan.diff is not None
    assert plan.release_data() == {"label": "1.2", "date": "2026-04-01", "notes": ["誤字の修正"]}
    target = write_release(plan, basic_content.resolve())
    assert (target / "manifest.json").is_file() and (target / "release.yml").is_file()
    assert [e.version_id for e in read_ledger(basic_content / "plans/sample", Problems())] == ["1.0", "1.1", "1.2"]
    again = load_valid_site(basic_content)
    assert not again.problems and again.site.plans[0].latest.id == "1.2"


def test_a_release_that_fails_part_way_leaves_no_trace(loaded, basic_content, monkeypatch):
    plan = prepare_release(loaded, basic_content, ReleaseRequest("sample", "1.2", "2026-04-01", "変更"))
    before = tree_digest(basic_content)

    def explode(_):
        raise OSError("disk full")
    monkeypatch.setattr(publishing, "build_manifest", explode)
    with pytest.raises(OSError):
        write_release(plan, basic_content.resolve())
    assert tree_digest(basic_content) == before
