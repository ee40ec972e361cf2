"""Each workbook sheet on its own: what it writes, and what its reader accepts or refuses
(staff/sheets/)."""

from __future__ import annotations

import pytest

from generator.i18n import set_language
from generator.model.plan import Activity, Department, Initiative, Kpi, KpiValue, PlanContent, Progress, Text, Theme
from generator.staff.sheets import activities, choices, initiatives, kpis, schedule
from generator.staff.sheets.table import SheetReader, Table, cell_text, text_from_cell


@pytest.fixture(autouse=True)
def japanese():
    set_language("ja")


def _content() -> PlanContent:
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


def test_cells_keep_lists_and_paragraphs_apart():
    assert text_from_cell(cell_text(Text(("一つ",), True))) == Text(("一つ",), True)
    assert text_from_cell(cell_text(Text(("段落",)))) == Text(("段落",))
    assert text_from_cell("  \n ") is None


def test_initiatives_sheet_round_trip():
    content = _content()
    table = initiatives.write(content)
    assert table.header[:4] == ["取組ID", "番号", "取組名", "主なテーマ"]
    assert {"担当課1", "担当課2", "担当課3", "区分1"} <= set(table.header) and "目的" in table.wide
    problems = []
    found = initiatives.read(table, content, problems)
    assert problems == []
    online = found["online"]
    assert (online.title, online.theme, online.departments, online.texts) == (
        "オンライン申請", "counter", ["市民課", "税務課"], {"purpose": Text(("来庁不要", "手数料"), True)})


def test_initiatives_sheet_names_each_bad_cell():
    content = _content()
    table = initiatives.write(content)
    row = table.rows[0]
    row[table.header.index("担当課2")] = "市民科"
    row[table.header.index("主なテーマ")] = "nothing"
    table.rows.append(["online"] + [None] * (len(table.header) - 1))
    problems = []
    initiatives.read(table, content, problems)
    assert [(p.row, p.column) for p in problems] == [(2, "主なテーマ"), (2, "担当課2"), (3, "取組ID")]


def test_schedule_sheet_reads_years_from_headers():
    content = _content()
    table = schedule.write(content)
    assert "令和6年度（2024年度） 予定・取組事項" in table.header and "令和6年度（2024年度） 進捗の時点" in table.header
    found = {"online": Initiative(id="online", title="x")}
    problems = []
    schedule.read(table, found, content, ["運用中"], problems)
    assert problems == [] and found["online"].schedule == {2024: Text(("試行",))}
    assert found["online"].progress == {2024: Progress("運用中", Text(("開始",)), "2024-12-31")}
    table.rows[0][table.header.index("令和6年度（2024年度） 進捗状況")] = "運用"
    schedule.read(table, {"online": Initiative(id="online", title="x")}, content, ["運用中"], problems)
    assert [p.column for p in problems] == ["令和6年度（2024年度） 進捗状況"]


def test_activities_sheet():
    content = _content()
    table = activities.write(content)
    found = {"online": Initiative(id="online", title="x")}
    problems = []
    activities.read(table, found, content.fields, problems)
    assert found["online"].activities == [Activity("検討", 2023, 2025)] and problems == []
    table.rows[0][table.header.index("開始年度")] = "令和5年度"
    read = {"online": Initiative(id="online", title="x")}
    activities.read(table, read, content.fields, problems)
    assert [(p.message, p.note) for p in problems] == [("「令和5年度」を 2023 として読み取りました", True)]
    assert read["online"].activities[0].start == 2023
    problems.clear()
    table.rows[0][table.header.index("開始年度")] = "来年度"
    activities.read(table, {"online": Initiative(id="online", title="x")}, content.fields, problems)
    assert [p.message for p in problems] == ["「来年度」は整数ではありません（例: 2024）"]


def test_kpi_sheets_round_trip_and_refuse_unknown_kinds():
    content = _content()
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


def test_choices_sheet_lists_every_vocabulary():
    table = choices.write(_content(), ["運用中", "完了"])
    column = {name: [row[i] for row in table.rows if row[i]] for i, name in enumerate(table.header)}
    assert column["担当課"] == ["市民課", "税務課"] and column["区分"] == ["窓口"]
    assert column["進捗状況"] == ["運用中", "完了"] and column["種別"] == ["目標", "実績", "参考"]


def test_reader_numbers_and_dates():
    problems = []
    reader = SheetReader(Table("s", ["n", "d"], [["1,234", "2024-03-31"]]), problems)
    number, row = next(reader.rows())
    assert reader.number(number, row, "n") == 1234 and reader.date(number, row, "d") == "2024-03-31"
    assert problems == []


@pytest.mark.parametrize("paragraph", ["・申請の導入", "・一行目\n・二行目", "\\・先頭に印", "\\"])
def test_a_paragraph_that_reads_like_bullets_keeps_its_shape(paragraph):
    """Found by tests/test_generated_plans.py: a paragraph beginning with 「・」 came back as a list."""
    for value in (Text((paragraph,), False), Text(tuple(paragraph.split("\n")), True)):
        assert text_from_cell(cell_text(value)) == value
