"""The KPI and KPIの値 sheets (staff/sheets/kpis.py)."""

from __future__ import annotations

from generator.model.plan import Initiative, KpiValue
from generator.staff.sheets import kpis


def test_kpi_sheets_round_trip_and_refuse_unknown_kinds(content):
    kpi_table, value_table = kpis.write(content)
    found = {"online": Initiative(id="online", title="x")}
    problems = []
    assert kpis.read(kpi_table, value_table, found, problems) == []  # no plan-level KPI
    kpi = found["online"].kpis[0]
    assert (kpi.name, kpi.direction, kpi.targets, kpi.baseline.fy) == ("手続数", "increase",
                                                                       {2025: KpiValue(value=10)}, 2023)
    value_table.rows[0][value_table.header.index("種別")] = "予定"
    kpis.read(kpi_table, value_table, {"online": Initiative(id="online", title="x")}, problems)
    assert [p.message for p in problems] == ["「予定」は選べません（目標／実績／参考）"]
