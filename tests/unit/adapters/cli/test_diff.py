"""`planpub diff` (adapters/cli/diff.py): the field-level changes between two 版 (or the
working copy) as text for drafting 改訂内容; an unknown plan or 版 named with the choices."""

from __future__ import annotations

from generator.adapters.cli.diff import find_content, format_diff
from generator.i18n import set_language
from generator.model.diff import diff_contents
from generator.validate import load_valid_site

from tests.conftest import FIXTURES, run_cli


def test_the_text_names_both_editions_then_each_change():
    set_language("ja")
    plan = load_valid_site(FIXTURES / "basic").site.plans[0]
    text = format_diff(diff_contents(plan.snapshots["1.0"], plan.snapshots["1.1"]), "第1.0版", "第1.1版")
    lines = text.splitlines()
    assert "第1.0版" in lines[0] and "第1.1版" in lines[0]
    assert any(line.startswith("[追加]") or "[追加]" in line for line in lines)
    assert any("+ " in line for line in lines)
    assert format_diff(diff_contents(plan.snapshots["1.1"], plan.snapshots["1.1"]), "a", "b").count("\n") >= 2


def test_a_version_by_id_or_label_or_the_working_copy():
    plan = load_valid_site(FIXTURES / "basic").site.plans[0]
    assert find_content(plan, "1.0")[0] is plan.snapshots["1.0"]
    assert find_content(plan, "working")[0] is plan.working
    assert find_content(plan, "9.9")[0] is None


def test_unknown_plans_and_versions_are_named(basic_content):
    ok = run_cli("diff", "sample", "1.0", "working", "--content", str(basic_content))
    assert ok.returncode == 0 and "■" in ok.stdout
    missing = run_cli("diff", "sample", "1.0", "9.9", "--content", str(basic_content))
    assert missing.returncode == 1 and "9.9" in missing.stderr and "1.1" in missing.stderr
    assert run_cli("diff", "nothing", "1.0", "1.1", "--content", str(basic_content)).returncode == 1


def test_a_chapter_is_compared_on_its_text_as_the_compare_page_does():
    from dataclasses import replace
    set_language("ja")
    plan = load_valid_site(FIXTURES / "basic").site.plans[0]
    old = plan.snapshots["1.1"]
    chapter = old.chapters[0]
    new = replace(old, chapters=[replace(chapter, markdown=chapter.markdown + "\n\n**追記**した段落\n"), *old.chapters[1:]])
    text = format_diff(diff_contents(old, new), "第1.1版", "作業中", old, new)
    assert "    + 追記した段落" in text and "**" not in text
    assert f"    + {chapter.title}" in text          # the title as written, never read as a list


def test_initiatives_come_first_then_the_plan_wide_changes_then_the_chapters_as_on_the_compare_page():
    from dataclasses import replace
    from generator.adapters.cli.diff import readable
    from generator.i18n import msg
    set_language("ja")
    plan = load_valid_site(FIXTURES / "basic").site.plans[0]
    old, new = plan.snapshots["1.0"], plan.snapshots["1.1"]
    chapter = new.chapters[0]
    new = replace(new, title=new.title + "（改訂）",
                  chapters=[replace(chapter, markdown=chapter.markdown + "\n\n追記した段落\n"), *new.chapters[1:]])
    diff = diff_contents(old, new)
    lines = format_diff(diff, "第1.0版", "第1.1版", old, new).splitlines()
    order = [msg(f"ui.diff_{kind}") for kind in ("changed", "added", "removed", "renamed", "plan")]
    shown = [next(i for i, label in enumerate(order) if line.startswith(f"■ {label}")) for line in lines if line.startswith("■")]
    assert shown == sorted(shown) and shown[-1] == len(order) - 1 and len(shown) >= 2
    view = readable(diff, old, new)
    assert view.plan_wide and view.chapters
    plan_part = lines[next(i for i, line in enumerate(lines) if line.startswith(f"■ {order[-1]}")):]
    labels = [line.split("] ", 1)[1] for line in plan_part if line.startswith("[")]
    assert labels == [c.label for c in view.plan_wide + view.chapters]
