"""The compare page in names (pages/diff_names.py): theme and vision ids become their names,
changed fields come before added and removed ones."""

from generator.i18n import set_language
from generator.model.diff import FieldChange, InitiativeChange, PlanDiff, diff_contents
from generator.model.fieldnames import field_label
from generator.pages.diff_names import part_names, readable_diff
from generator.validate import load_valid_site

from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "basic"


def _plan():
    set_language("ja")
    result = load_valid_site(FIXTURE)
    assert not result.problems
    return result.site.plans[0]


def test_theme_ids_in_values_become_theme_names():
    plan = _plan()
    old, new = plan.snapshots["1.0"], plan.snapshots["1.1"]
    names = part_names(old, new)
    raw = diff_contents(old, new)
    diff = readable_diff(raw, names)
    online = next(c for c in diff.initiatives if c.id == "online")
    related = next(f for f in online.fields if f.key == ("related_themes",))
    raw_related = next(f for f in next(c for c in raw.initiatives if c.id == "online").fields
                       if f.key == ("related_themes",))
    assert raw_related.new == "service"                     # the diff itself compares ids …
    assert related.new == new.theme("service").display_name  # … the page shows the name


def test_changed_fields_come_first_in_registry_order_within_a_kind():
    fields = [FieldChange(("purpose",), None, "new"), FieldChange(("current",), "a", "b"),
              FieldChange(("issues",), "gone", None), FieldChange(("ideal",), "c", "d")]
    diff = readable_diff(PlanDiff(initiatives=[InitiativeChange("x", None, None, fields)]), {})
    assert [f.key for f in diff.initiatives[0].fields] == [("current",), ("ideal",), ("purpose",), ("issues",)]


def test_plan_level_labels_name_the_theme_not_its_id():
    plan = _plan()
    new = plan.snapshots["1.1"]
    theme = next(new.all_themes())
    names = part_names(new)
    assert field_label(("theme", theme.id), part_names=names) == f"テーマ「{theme.display_name}」"
    assert field_label(("theme", theme.id)) == f"テーマ「{theme.id}」"   # without names (the CLI) as before
