from generator.model.plan import Version
from generator.model.versions import display_name, order_versions


def v(label, date=None, precedes=None, vid=None):
    return Version(id=vid or label, name=f"第{label}版", label=label, date=date, precedes=precedes)


def test_versions_are_ordered_by_date_not_label():
    versions = [v("1.5", "2026-03-26"), v("1.41", "2025-09-30"), v("1.4", "2025-03-27"), v("1.10", "2024-01-01")]
    assert [x.label for x in order_versions(versions)] == ["1.10", "1.4", "1.41", "1.5"]


def test_undated_version_is_placed_before_the_one_it_precedes():
    versions = [v("1.5", "2026-03-26"), v("1.4", "2025-03-27"), Version(id="pre", name="x", precedes="1.5")]
    assert [x.id for x in order_versions(versions)] == ["1.4", "pre", "1.5"]


def test_month_precision_dates_sort_with_full_dates():
    versions = [v("b", "2023-07-15"), v("a", "2023-07")]
    assert [x.label for x in order_versions(versions)] == ["a", "b"]


def test_display_name_defaults_to_dai_ban():
    assert display_name("1.41", None, "x") == "第1.41版"
    assert display_name(None, "第1期（案）", "x") == "第1期（案）"
    assert display_name(None, None, "fallback") == "fallback"
