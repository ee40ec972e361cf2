"""A measure resolved (model/resolved/kpis.py): each figure's number and words together, the
target and actual a summary shows, the item the measure belongs to."""

from __future__ import annotations

from generator.model.plan import Kpi, KpiValue
from generator.model.resolved.kpis import Figure, KpiOwner, resolve_kpi
from generator.model.resolved.values import Source

OWN = Source("1.0", "第1.0版")


def _kpi(**figures) -> Kpi:
    return Kpi("k", "相談件数", unit="件", direction="increase", **figures)


def test_a_figure_keeps_the_number_and_the_words_as_written():
    kpi = _kpi(baseline=KpiValue(value=1, text="1 名以上", fy=2022))
    figure = Figure.of(kpi, kpi.baseline)
    assert (figure.value, figure.text, figure.unit, figure.resolved, figure.fy) == (1, "1 名以上", "件", 1.0, 2022)
    assert Figure.of(kpi, None) is None and not figure.relative


def test_a_relative_target_comes_to_a_number_from_its_base_year():
    kpi = _kpi(baseline=KpiValue(value=200, fy=2022), targets={2026: KpiValue(ratio=1.5, base_fy=2022)})
    resolved = resolve_kpi(kpi, KpiOwner("plan"), OWN, 2026)
    target = resolved.targets[2026]
    assert target.relative and target.resolved == 300 and target.value is None


def test_the_summary_shows_the_target_the_judgement_compares_with_and_the_latest_actual():
    kpi = _kpi(baseline=KpiValue(value=100, fy=2022),
               targets={2024: KpiValue(value=150), 2026: KpiValue(value=200, text="延べ人数 200 件")},
               actuals={2023: KpiValue(value=120), 2024: KpiValue(value=160, text="160 件（速報値）")})
    resolved = resolve_kpi(kpi, KpiOwner("initiative", "online", "online", "オンライン申請"), OWN, 2026)
    assert resolved.final.text == "延べ人数 200 件" and resolved.final.resolved == 200
    assert resolved.latest.text == "160 件（速報値）"
    assert resolved.years() == [2023, 2024, 2026]
    assert not resolved.carried and resolved.owner.kind == "initiative"
    assert resolved.assessment.kpi is None          # views get the judgement, not the raw measure


def test_a_kpi_carried_from_an_earlier_version_says_so():
    resolved = resolve_kpi(_kpi(), KpiOwner("plan"), Source("0.9", "第0.9版", carried=True), 2026)
    assert resolved.carried and resolved.final is None and resolved.latest is None


def test_kpis_keep_their_words_and_know_the_item_they_belong_to(edition):
    shapes = edition("kpi-shapes")
    specialists = next(k for k in shapes.all_kpis() if k.id == "specialists")
    assert specialists.final.text == "各課に1名以上" and specialists.final.value == 1
    owners = {k.id: k.owner for k in edition("hierarchy").all_kpis()}
    assert owners["rpa-hours"].kind == "item" and owners["rpa-hours"].page_id == "rpa"
    assert owners["rpa-hours"].anchor == "item-1" and owners["rpa-hours"].path == ("①－Ⅲ－i 定型業務の自動化",)
    assert owners["digital-procedures"].kind == "theme" and owners["digital-procedures"].path == ("① 行政運営の改革",)
