"""Loading and checking a portal part by part (validate/plan_source.py)."""

from __future__ import annotations

from generator.i18n import set_language
from generator.validate import load_valid_site
from generator.validate.plan_source import PlanSource

from tests.unit.build.plans import small_portal


def test_plans_are_loaded_and_checked_when_asked_for_and_as_a_whole_load_would(tmp_path):
    set_language("ja")
    content = small_portal(tmp_path / "content", ["a", "b"])
    (content / "plans/new/working").mkdir(parents=True)
    source = PlanSource(content)
    assert source.result.site.plans == [] and not source.failed
    assert [[d.name for d in part] for part in source.parts] == [["a", "b"]]
    plans = source.load(source.parts[0])
    assert [p.id for p in plans] == ["a", "b"] and all(p.latest for p in plans)
    assert source.part_site(plans).plans == plans and source.result.site.plans == []
    source.finish()
    whole = load_valid_site(content)
    assert sorted(p.format() for p in source.result.problems) == sorted(p.format() for p in whole.problems)
    assert source.left_out == ["new"]


def test_every_plan_is_checked_after_a_problem(tmp_path):
    set_language("ja")
    content = small_portal(tmp_path / "content", ["a", "b"])
    for plan in ("a", "b"):
        history = content / "plans" / plan / "history.yml"
        history.write_text("versions: [", encoding="utf-8")
    source = PlanSource(content)
    source.load(source.parts[0])
    assert source.failed
    assert {p.file.split("/")[-2] for p in source.result.problems} == {"a", "b"}
