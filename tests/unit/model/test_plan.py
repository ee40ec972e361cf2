"""The plan model (model/plan.py): prose as a string or bullet items, theme trees and their
paths, sub-items, years an initiative mentions, the latest status, activities that span
years, versions and the latest snapshot."""

from __future__ import annotations

from generator.model.plan import (Activity, Initiative, Kpi, KpiValue, Plan, PlanContent, Progress, Text, Theme,
                                  Version)


def test_text_is_a_string_or_bullet_items():
    assert Text.of("一行") == Text(("一行",)) and not Text.of("").is_list
    assert Text.of(["a", "b"]) == Text(("a", "b"), True) and Text.of(["a", "b"]).plain() == "a\nb"
    assert Text.of(None) is None and not Text(())


def test_theme_trees_are_walked_and_found_with_their_path():
    child = Theme("window", "窓口改革", "①", parent_id="service", depth=1)
    parent = Theme("service", "市民サービス", "①", children=[child])
    content = PlanContent("架空市", "計画", 2023, 2025, themes=[parent])
    assert [t.id for t in content.all_themes()] == ["service", "window"]
    assert content.theme("window") is child and content.theme("nothing") is None
    assert [t.id for t in content.theme_path("window")] == ["service", "window"]
    assert child.display_name == "① 窓口改革"
    assert list(content.period) == [2023, 2024, 2025]


def test_sub_items_their_ids_and_display_titles():
    item = Initiative(id="online.a", title="受付", parent_id="online")
    initiative = Initiative(id="online", title="オンライン申請", number="No.1", items=[item])
    assert [i.id for i in initiative.walk()] == ["online", "online.a"] and item.local_id == "a"
    assert initiative.display_title == "No.1 オンライン申請" and item.display_title == "受付"


def test_the_years_an_initiative_mentions_and_its_latest_status():
    initiative = Initiative(id="x", title="x", schedule={2024: Text(("試行",))},
                            progress={2023: Progress("検討中"), 2025: Progress(None, Text(("記録",)))},
                            activities=[Activity("整備", 2022, 2023)])
    assert initiative.years() == [2022, 2023, 2024, 2025]
    assert initiative.latest_status() == (2023, "検討中")      # 2025 states no status


def test_an_activity_covers_its_years_open_ended_to_the_plans_last():
    assert Activity("a", 2023, 2024).covers(2024, 2027) and not Activity("a", 2023, 2024).covers(2025, 2027)
    assert Activity("a", 2024, ongoing=True).covers(2027, 2027) and Activity("a", 2024, ongoing=True).last_year(2027) == 2027
    assert not Activity("a", done=2022).covers(2022, 2027) and Activity("a", 2024).last_year(2027) == 2024


def test_kpis_of_the_plan_and_of_initiatives_and_their_owner():
    kpi = Kpi("k", "手続数", "件", "increase", targets={2025: KpiValue(value=10)}, actuals={2023: KpiValue(value=2)},
              initiative_id="x")
    plan_kpi = Kpi("p", "満足度", "%", "increase")
    initiative = Initiative(id="x", title="x", kpis=[kpi])
    content = PlanContent("架空市", "計画", 2023, 2025, initiatives=[initiative], kpis=[plan_kpi])
    assert {k.id for k in content.all_kpis()} == {"k", "p"} and kpi.years() == [2023, 2025]
    assert content.owner_of(kpi) is initiative and content.owner_of(plan_kpi) is None


def test_the_latest_version_is_the_last_snapshot():
    versions = [Version(id="0.9", name="第0.9版", snapshot=False), Version(id="1.0", name="第1.0版", snapshot=True),
                Version(id="1.1", name="第1.1版", snapshot=True)]
    plan = Plan(id="p", versions=versions, snapshots={})
    assert [v.id for v in plan.snapshot_versions] == ["1.0", "1.1"] and plan.latest.id == "1.1"
    assert plan.version("0.9").name == "第0.9版" and plan.version("2.0") is None
    assert Plan(id="q", versions=[], snapshots={}).latest is None
