"""An imported working copy written as the few changes it is (staff/working_update.py):
unchanged files untouched, changed ones changed in place, removed initiatives deleted."""

from __future__ import annotations

from dataclasses import replace

from generator.staff.working_update import apply_writes, planned_writes


def test_no_change_writes_nothing(loaded, basic_content):
    working = loaded.site.plans[0].working
    assert planned_writes(working, working, basic_content / "plans/sample/working", basic_content) == {}


def test_a_changed_title_and_a_removed_initiative(loaded, basic_content):
    folder = basic_content / "plans/sample/working"
    old = loaded.site.plans[0].working
    online, *others = old.initiatives
    new = replace(old, initiatives=[replace(online, title="オンライン申請（改）"), *others[1:]])
    writes = planned_writes(old, new, folder, basic_content)
    removed = f"initiatives/{others[0].id}.yml"
    # plan.yml lists the initiatives, so it changes too; the other files do not.
    assert set(writes) == {"plan.yml", "initiatives/online.yml", removed} and writes[removed] is None
    untouched = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and p.name not in ("plan.yml", "online.yml")
                 and p.name != f"{others[0].id}.yml"}
    apply_writes(folder, writes)
    assert "オンライン申請（改）" in (folder / "initiatives/online.yml").read_text(encoding="utf-8")
    assert others[0].id not in (folder / "plan.yml").read_text(encoding="utf-8")
    assert not (folder / removed).exists() and all(p.read_bytes() == data for p, data in untouched.items())
    assert not list(folder.rglob(".*.yml.*"))
