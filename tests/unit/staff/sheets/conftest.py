"""What the sheet tests share: one plan content with every kind of field, in Japanese."""

from __future__ import annotations

import pytest

from generator.i18n import set_language
from generator.model.plan import Activity, Department, Initiative, Kpi, KpiValue, PlanContent, Progress, Text, Theme


@pytest.fixture(autouse=True)
def japanese():
    set_language("ja")


@pytest.fixture
def content() -> PlanContent:
    content = PlanContent("架空市", "計画", 2023, 2025, themes=[Theme("counter", "窓口改革", "①")],
                          categories=["窓口"], departments=[Department("市民課"), Department("税務課")])
    content.initiatives = [Initiative(
        id="online", title="オンライン申請", number="No.1", theme="counter", departments=["市民課", "税務課"],
        categories=["窓口"], texts={"purpose": Text(("来庁不要", "手数料"), True)},
        schedule={2024: Text(("試行",))}, progress={2024: Progress("運用中", Text(("開始",)), "2024-12-31")},
        activities=[Activity("検討", 2023, 2025)],
        kpis=[Kpi("k", "手続数", "件", "increase", baseline=KpiValue(value=0, fy=2023),
                  targets={2025: KpiValue(value=10)}, initiative_id="online")])]
    return content
