from generator.model.diff import diff_contents, flatten_initiative, inline_diff
from generator.validate import load_valid_site

from tests.conftest import FIXTURES, SAMPLE_CONTENT

FIXTURE = FIXTURES / "basic"


def _plan():
    result = load_valid_site(FIXTURE)
    assert not result.problems
    return result.site.plans[0]


def test_diff_between_two_snapshots_lists_added_and_changed_initiatives():
    plan = _plan()
    diff = diff_contents(plan.snapshots["1.0"], plan.snapshots["1.1"])
    assert [(c.id, c.kind) for c in diff.initiatives] == [("online", "changed"), ("reservation", "added")]
    online = diff.initiatives[0]
    kinds = {change.key: change.kind for change in online.fields}
    assert kinds[("issues",)] == "added"
    assert kinds[("schedule", 2025)] == "added"
    assert kinds[("related_themes",)] == "added"
    assert ("kpi", "online-procedures", "targets", 2024) in kinds
    assert diff.summary()["kpi_targets"] == 3
    assert diff.summary()["added"] == 1


def test_identical_contents_have_no_diff():
    plan = _plan()
    assert diff_contents(plan.snapshots["1.1"], plan.snapshots["1.1"]).is_empty


def test_removed_and_renamed_initiatives():
    plan = _plan()
    diff = diff_contents(plan.snapshots["1.1"], plan.snapshots["1.0"])
    assert [c.kind for c in diff.initiatives] == ["changed", "removed"]
    old = plan.snapshots["1.0"]
    renamed = plan.snapshots["1.0"].initiatives[1]
    original_title = renamed.title
    renamed.title = "新しい名前"
    try:
        diff = diff_contents(plan.snapshots["1.1"], old)
        assert any(c.kind == "renamed" and c.old.title == original_title for c in diff.initiatives)
    finally:
        renamed.title = original_title


def test_flattened_fields_follow_reading_order():
    plan = _plan()
    keys = list(flatten_initiative(plan.snapshots["1.1"].initiative("online")))
    assert keys.index(("purpose",)) < keys.index(("current",)) < keys.index(("schedule", 2023))


def test_inline_diff_marks_inserted_and_deleted_characters():
    segments = inline_diff("システムの検討", "システムの試行")
    assert [(s.kind, s.text) for s in segments] == [("equal", "システムの"), ("delete", "検討"), ("insert", "試行")]


def test_every_field_key_of_the_sample_has_a_label():
    from generator.model.diff import flatten_initiative, flatten_plan
    from generator.model.fieldnames import field_label
    from generator.i18n import set_language
    set_language("ja")
    for source in (SAMPLE_CONTENT, FIXTURE):
        for plan in load_valid_site(source).site.plans:
            for content in plan.snapshots.values():
                keys = list(flatten_plan(content))
                for initiative in content.initiatives:
                    keys += list(flatten_initiative(initiative))
                for key in keys:
                    label = field_label(key)
                    assert label and not label.startswith("ui."), key


def test_omitted_fields_are_not_deletions_but_additions_still_show():
    plan = _plan()
    old, new = plan.snapshots["1.0"], plan.snapshots["1.1"]
    # 1.1 gains "issues" for online; pretend 1.0's document omitted it: still an addition.
    diff = diff_contents(old, new, ignore=())
    assert any(f.key == ("issues",) and f.kind == "added" for f in diff.initiatives[0].fields)
    # Going back (1.1 → 1.0) with 1.0 declaring it omits "issues": absence is not a deletion.
    back = diff_contents(new, old, ignore=("issues",))
    online = next(c for c in back.initiatives if c.id == "online")
    assert not any(f.key == ("issues",) for f in online.fields)
    assert any(f.key == ("effect",) and f.kind == "removed" for f in online.fields)


def test_a_removed_field_is_placed_where_it_stood_among_the_changes():
    """A removed field is listed right after the field that came before it in the old 版,
    not at the start or the end of the changes (the compare page reads in page order)."""
    from generator.model.diff import compare_fields
    old = {("title",): "a", ("purpose",): "b", ("current",): "c", ("ideal",): "d"}
    new = {("title",): "A", ("current",): "C", ("ideal",): "D"}
    assert [(c.key, c.kind) for c in compare_fields(old, new)] == [
        (("title",), "changed"), (("purpose",), "removed"), (("current",), "changed"), (("ideal",), "changed")]
    new = {("title",): "A", ("purpose",): "B", ("ideal",): "D"}     # after the last of its predecessors
    assert [c.key for c in compare_fields(old, new)] == [("title",), ("purpose",), ("current",), ("ideal",)]
    # The first field removed goes first; several removed in a row keep their order.
    old = {("title",): "a", ("purpose",): "b", ("current",): "c", ("ideal",): "d"}
    new = {("current",): "C", ("ideal",): "D"}
    assert [c.key for c in compare_fields(old, new)] == [("title",), ("purpose",), ("current",), ("ideal",)]


def test_an_omitted_field_that_a_newer_edition_adds_is_still_an_addition():
    """`omits` (the newer 版's document lacks a field) hides removals only: a field that is
    added is reported even when its name is in the ignore list, for initiatives and for the
    plan's own fields (departments, chapters)."""
    from dataclasses import replace

    from generator.model.diff import initiative_changed
    from generator.model.plan import Chapter, Text
    plan = _plan()
    old, new = plan.snapshots["1.0"], plan.snapshots["1.1"]
    ignore = ("issues", "departments", "theme", "chapters", "schedule")
    online = next(c for c in diff_contents(old, new, ignore=ignore).initiatives if c.id == "online")
    assert any(f.key == ("issues",) and f.kind == "added" for f in online.fields)
    assert any(f.key == ("schedule", 2025) and f.kind == "added" for f in online.fields)
    # An initiative whose only change is an omitted field being added has changed.
    before = old.initiative("online")
    after = replace(before, texts={**before.texts, "issues": Text(("新たな課題",))})
    assert initiative_changed(before, after, ignore=ignore)
    assert not initiative_changed(after, before, ignore=ignore)   # its removal is not a change
    # Plan level: departments and a chapter that the newer 版 adds are shown although omitted…
    bare = replace(new, departments=[])
    grown = replace(new, chapters=[*new.chapters, Chapter("added-chapter", "追加の章", "added.md", "本文")])
    assert [(f.key, f.kind) for f in diff_contents(bare, grown, ignore=ignore).plan_fields] == [
        (("plan", "departments"), "added"), (("chapter", "added-chapter"), "added")]
    # …while their removal (going back) is hidden, as the omission says.
    assert diff_contents(grown, bare, ignore=ignore).plan_fields == []
