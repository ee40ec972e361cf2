"""Plain-data records of the model (model/records.py), shared by the open data, the YAML
writer and the workbook: empty values left out, texts as written, years as numbers."""

from __future__ import annotations

from generator.model.plan import Initiative, Kpi, KpiValue, PlanContent, Text, Theme
from generator.model.records import initiative_dict, kpi_dict, plan_dict, text_value, theme_dict


def test_texts_stay_a_string_or_a_list_as_written():
    assert text_value(Text(("一行",))) == "一行" and text_value(Text(("a", "b"), True)) == ["a", "b"]
    assert text_value(None) is None


def test_an_initiative_without_its_empty_fields():
    record = initiative_dict(Initiative(id="x", title="申請", departments=["市民課"], texts={"purpose": Text(("便利",))},
                                        schedule={2024: Text(("試行",))}))
    assert record["title"] == "申請" and record["departments"] == ["市民課"] and record["purpose"] == "便利"
    assert record["schedule"] == {2024: "試行"} and "kpis" not in record and "categories" not in record


def test_a_kpi_with_its_values_by_year():
    record = kpi_dict(Kpi("k", "手続数", "件", "increase", baseline=KpiValue(value=0, fy=2023),
                          targets={2025: KpiValue(value=10)}))
    assert record["id"] == "k" and record["targets"] == {2025: {"value": 10}} and record["baseline"]["fy"] == 2023


def test_themes_and_the_plan():
    theme = Theme("window", "窓口改革", "①", children=[Theme("sub", "下位")])
    assert theme_dict(theme)["children"][0]["id"] == "sub"
    record = plan_dict(PlanContent("架空市", "計画", 2023, 2025, themes=[theme]), ["a", "b"])
    assert record["municipality"] == "架空市" and record["period"] == {"start": 2023, "end": 2025}
    assert record["initiatives"] == ["a", "b"]
