"""Plans of many shapes (tests/fixtures/patterns/): each pattern real plans use is held,
shown, diffed and published as open data without inventing or dropping a fact."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.validate import load_valid_site

from generator.pages import urls
from generator.pages.kinds import EditionKind, PageKind as Kind

from .conftest import FIXTURES, PATTERNS, build_site, run_cli
from .site_pages import data_file, page_path

TAG = re.compile(r"<[^>]+>")
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def model():
    result = load_valid_site(PATTERNS)
    assert not result.problems, [p.format() for p in result.problems]
    return {plan.id: plan for plan in result.site.plans}


def text_of(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    main = raw[raw.find('<div class="md-content__inner'):raw.find("</main>")]   # the edition header and the text
    return re.sub(r"\s+", " ", html.unescape(TAG.sub(" ", main)))


def csv_rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


# ── 1. dates as documents state them, 2. draft and adoption ──────────────────────────

def test_dates_keep_their_stated_precision(model, patterns_site):
    plan = model["dates-and-stages"]
    assert [(v.id, v.date) for v in plan.versions] == [
        ("0.1", "2021"), ("0.2", None), ("1.0-draft", "2022-12"), ("1.0", "2023-03"), ("1.1", "2025")]
    revisions = text_of(page_path(patterns_site, "dates-and-stages", Kind.REVISIONS))
    assert "発行日: 2025年" in revisions and "発行日: 2023年3月" in revisions and "発行日: 記載なし" in revisions
    assert not re.search(r"2025年\d+月|2023年3月\d+日|2022年12月\d+日", revisions)   # no invented month or day
    page = text_of(page_path(patterns_site, "dates-and-stages", Kind.INITIATIVE, "mynumber"))
    assert "2024年3月時点" in page and "2025年時点" in page


def test_feeds_and_open_data_keep_the_stated_dates(patterns_site):
    feed = ET.parse(patterns_site / urls.plan_feed("dates-and-stages")).getroot()
    dates = [e.find("{http://purl.org/dc/elements/1.1/}date").text for e in feed.findall(f"{ATOM}entry")]
    assert dates == ["2025", "2023-03", "2022-12", "2021"]
    summaries = " ".join(e.find(f"{ATOM}summary").text for e in feed.findall(f"{ATOM}entry"))
    assert "2025年" in summaries and "2025年1月" not in summaries
    data = json.loads((patterns_site / data_file("dates-and-stages", "plan.json")).read_text(encoding="utf-8"))
    assert data["version"]["date"] == "2025" and data["version"]["status"] == "adopted"
    rows = csv_rows(patterns_site / data_file("dates-and-stages", "schedule.csv"))
    assert {r["as_of"] for r in rows if r["kind"] == "progress"} == {"2024-03", "2025"}


def test_a_draft_and_the_adopted_plan_share_a_number(model, patterns_site):
    plan = model["dates-and-stages"]
    draft, adopted = plan.version("1.0-draft"), plan.version("1.0")
    assert (draft.label, draft.status, draft.name) == ("1.0", "draft", "第1.0版（案）")
    assert (adopted.label, adopted.status, adopted.name) == ("1.0", "adopted", "第1.0版")
    assert "第1.0版（案）" in text_of(page_path(patterns_site, "dates-and-stages", version="1.0-draft"))
    assert "策定状況 案" in text_of(page_path(patterns_site, "dates-and-stages", version="1.0-draft"))
    assert (patterns_site / urls.page_file(urls.compare("dates-and-stages", "1.0-draft", "1.0"))).is_file()


def test_the_revisions_page_shows_policy_stages_sources_and_missing_notes(patterns_site):
    page = text_of(page_path(patterns_site, "dates-and-stages", Kind.REVISIONS))
    assert "版数の付け方 計画の大きな見直しは版数の整数部分を" in page
    first = page[page.index("第1.1版 発行日"):page.index("第1.0版 発行日")]
    assert "策定" in first and "この版の資料には改訂内容の記載がありません。" in first
    assert "出典: 架空町デジタル化推進計画 第1.1版（令和7年）" in first


# ── planpub release: dates as stated, stages, sources, no notes ───────────────────────

@pytest.fixture
def staged(tmp_path) -> Path:
    import shutil
    content = tmp_path / "content"
    shutil.copytree(PATTERNS, content)
    return content


@pytest.mark.parametrize("typed, stored", [("2026-09", "2026-09"), ("2026", "2026"), ("令和8年9月", "2026-09"),
                                           ("R8.9.30", "2026-09-30"), ("２０２６／９／３０", "2026-09-30")])
def test_release_takes_a_date_as_the_document_states_it(staged, typed, stored):
    result = run_cli("release", "dates-and-stages", "1.2", "--date", typed, "--no-notes", "--status", "adopted",
                     "--source", "第1.2版（令和8年）", "--yes", "--content", str(staged))
    assert result.returncode == 0, result.stderr
    release = (staged / "plans/dates-and-stages/releases/1.2/release.yml").read_text(encoding="utf-8")
    assert f"date: '{stored}'" in release or f"date: {stored}" in release or f'date: "{stored}"' in release
    assert "notes" not in release and "source: 第1.2版（令和8年）" in release and "status: adopted" in release
    assert "この版の資料には記載がありません" in result.stdout


def test_release_reuses_a_number_at_another_stage_only(staged):
    refused = run_cli("release", "dates-and-stages", "1.1", "--date", "2026", "--no-notes", "--status", "adopted",
                      "--id", "1.1-again", "--yes", "--content", str(staged))
    assert refused.returncode == 1 and "版数「1.1」は既に使われています" in refused.stderr
    ok = run_cli("release", "dates-and-stages", "2.0", "--date", "2026-01", "--notes", "/dev/null", "--yes",
                 "--content", str(staged))
    assert ok.returncode == 1 and "改訂内容のファイルが空です" in ok.stderr   # an empty file is a mistake, --no-notes says it
    unknown = run_cli("release", "dates-and-stages", "2.0", "--date", "2026", "--no-notes", "--status", "final",
                      "--yes", "--content", str(staged))
    assert unknown.returncode == 1 and "版の段階「final」はありません" in unknown.stderr
    assert "Traceback" not in refused.stderr + ok.stderr + unknown.stderr


def test_release_refuses_a_date_that_is_not_a_date_or_not_later(staged):
    for typed in ("2026-02-30", "来年"):
        result = run_cli("release", "dates-and-stages", "1.2", "--date", typed, "--no-notes", "--yes",
                         "--content", str(staged))
        assert result.returncode == 1 and f"発行日「{typed}」は日付として読めません" in result.stderr
    earlier = run_cli("release", "dates-and-stages", "1.2", "--date", "2024", "--no-notes", "--yes",
                      "--content", str(staged))
    assert earlier.returncode == 1 and "後ではありません" in earlier.stderr
    assert not (staged / "plans/dates-and-stages/releases/1.2").exists()


# ── 3. KPIs as plans write them ───────────────────────────────────────────────────────

def _kpis(model, plan_id):
    content = model[plan_id].snapshots[model[plan_id].latest.id]
    return {k.id: k for k in content.all_kpis()}, content


def test_relative_targets_are_structure_judged_once_the_base_is_known(model):
    from generator.model.kpi import assess, resolve
    kpis, content = _kpis(model, "kpi-shapes")
    online = kpis["online-rate"]
    assert (online.targets[2025].ratio, online.targets[2025].base_fy) == (1.5, 2022)
    assert resolve(online, online.targets[2025]) == 30      # 20 (令和4年度) × 1.5
    counter = kpis["counter-time"]
    assert counter.targets[2027].change_percent == -50 and resolve(counter, counter.targets[2027]) is None
    assert assess(counter, content.period_end).reason == "no_actual"
    paper = kpis["paper"]
    assert resolve(paper, paper.targets[2026]) == 1_500_000
    assert assess(paper, content.period_end).judgement == "on_track"
    # Before the 2025 target is due, 32% is compared with the line from 20% (2022) to 30% (2025).
    assert assess(online, content.period_end).judgement == "on_track"


def test_targets_without_a_year_qualitative_targets_and_references(model, patterns_site):
    from generator.model.kpi import assess
    kpis, content = _kpis(model, "kpi-shapes")
    assert kpis["online-rate"].target.by == "period_end" and kpis["specialists"].target.by is None
    assert assess(kpis["culture"], content.period_end).reason == "qualitative"
    assert [r.value for r in kpis["online-rate"].references] == [12]
    page = text_of(page_path(patterns_site, "kpi-shapes", Kind.KPI))
    assert "目標（計画期間の終わりまでに） 60% 計画期間の終わりまでに60%" in page
    assert "目標（年度の記載なし） 1人 各課に1名以上" in page
    assert "令和4年度比 1.5倍（= 30%） 令和4年度の1.5倍" in page
    assert "令和5年度比 -50% （基準年度の値が分かると、数値を計算します） 50%減（令和5年度比）" in page
    assert "〈参考〉 資料に参考として書かれている数値です。実績値ではなく、判定には使っていません。" in page
    assert "基準値（令和4年度（2022年度）） 20% （2023年3月時点）" in page
    assert "全職員がデジタル化の効果を実感している" in page


def test_plan_wide_goals_and_kpis_and_the_plans_own_term(patterns_site):
    home = text_of(page_path(patterns_site, "kpi-shapes"))
    assert "目指す姿 誰もが、いつでもどこでも行政サービスを利用できるまち 職員が市民に向き合う時間を増やす市役所" in home
    assert "計画全体の指標 主な手続のオンライン化率" in home and "指標の達成状況" in home
    kpi_page = page_path(patterns_site, "kpi-shapes", Kind.KPI).read_text(encoding="utf-8")
    assert "<h1>指標</h1>" in kpi_page and 'aria-current="page">指標</a>' in kpi_page


def test_kpi_shapes_in_open_data_and_the_workbook(model, patterns_site, tmp_path):
    rows = csv_rows(patterns_site / data_file("kpi-shapes", "kpis.csv"))
    online = [r for r in rows if r["kpi_id"] == "online-rate"]
    assert [(r["value_type"], r["fiscal_year"], r["value"], r["target_timing"]) for r in online] == [
        ("baseline", "2022", "20", ""), ("target", "2025", "30", "fiscal_year"), ("target", "2027", "60", "period_end"),
        ("actual", "2024", "32", ""), ("reference", "2021", "12", "")]
    assert next(r for r in online if r["fiscal_year"] == "2025")["ratio"] == "1.5"
    from generator.staff.sheets import from_tables, to_tables
    _, content = _kpis(model, "kpi-shapes")
    statuses = ["未着手", "実施中", "完了"]
    initiatives, plan_kpis, problems = from_tables({t.name: t for t in to_tables(content, statuses)}, content, statuses)
    assert problems == []
    assert plan_kpis == content.kpis
    assert [i.kpis for i in initiatives] == [i.kpis for i in content.initiatives]


def test_kpi_shapes_in_the_diff(model):
    from generator.model.diff import flatten_kpi
    kpis, _ = _kpis(model, "kpi-shapes")
    flat = flatten_kpi(kpis["online-rate"])
    assert flat[("kpi", "online-rate", "target")] == "60 期限: 計画期間の終わり 「計画期間の終わりまでに60%」"
    assert flat[("kpi", "online-rate", "targets", 2025)] == "1.5倍（2022年度比） 「令和4年度の1.5倍」"
    assert ("kpi", "online-rate", "references", 0) in flat


# ── 4. per-plan field sets and labels ─────────────────────────────────────────────────

def test_a_plan_names_its_fields_and_adds_its_own(model, patterns_site):
    content = model["own-fields"].snapshots["1.0"]
    assert [f.key for f in content.fields][:4] == ["number", "title", "theme", "departments"]
    assert "purpose" not in content.fields and content.fields["departments"].label == "関係部署"
    app = content.initiative("app")
    assert app.extra == {"formal_name": "架空村公式スマートフォンアプリ「かくうむらナビ」", "target_fy": 2025}
    page = text_of(page_path(patterns_site, "own-fields", Kind.INITIATIVE, "app"))
    # 関係部署 is in the summary at the top, and said once (issue 22)
    assert "関係部署 総務課、住民課" in page and page.count("総務課、住民課") == 1
    assert "柱 くらしの利便性向上 正式名称 架空村公式スマートフォンアプリ「かくうむらナビ」 " \
           "目標時期 令和7年度（2025年度）" in page
    assert "効果・メリット 来庁しなくても手続ができる" in page and page.index("予算の考え方") > page.index("スケジュール")


def test_not_stated_lists_only_the_fields_the_plans_documents_use(patterns_site):
    page = text_of(page_path(patterns_site, "own-fields", Kind.INITIATIVE, "portal"))
    # 効果・メリット is used but not a field a reader misses (the registry does not expect it)
    assert "この版の資料には記載がありません。（事業概要、スケジュール）" in page
    assert "目的" not in page and "現状" not in page


def test_a_plan_chooses_which_missing_fields_are_said(tmp_path):
    import shutil
    content = tmp_path / "content"
    shutil.copytree(PATTERNS, content)
    plan = content / "plans/own-fields/working/plan.yml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("  labels:\n", "  expect: [effect]\n  labels:\n", 1), encoding="utf-8")
    result = load_valid_site(content)
    assert not result.problems
    fields = next(p for p in result.site.plans if p.id == "own-fields").working.fields
    assert [f.key for f in fields if f.expected] == ["effect"]
    plan.write_text(text.replace("  labels:\n", "  expect: [effect, purpose]\n  labels:\n", 1), encoding="utf-8")
    problems = list(load_valid_site(content).problems)
    assert [(p.code, p.line) for p in problems] == [("field_expect_unknown", 8)]


def test_a_field_the_plan_does_not_use_is_refused(tmp_path):
    import shutil
    content = tmp_path / "content"
    shutil.copytree(PATTERNS, content)
    path = content / "plans/own-fields/working/initiatives/portal.yml"
    path.write_text(path.read_text(encoding="utf-8") + "purpose: 子育て世帯の負担を減らす\n", encoding="utf-8")
    problems = load_valid_site(content).problems
    assert ("schema.additionalProperties", "purpose") in [(p.code, p.field) for p in problems]


def test_own_fields_in_open_data_workbook_and_diff(model, patterns_site):
    rows = csv_rows(patterns_site / data_file("own-fields", "initiatives.csv"))
    assert rows[0]["formal_name"].startswith("架空村公式") and rows[0]["target_fy"] == "2025"
    assert "purpose" not in rows[0]
    page = page_path(patterns_site, "own-fields", Kind.DATA).read_text(encoding="utf-8")
    assert "<code>target_fy</code>" in page and "目標時期" in page and "関係部署" in page
    from generator.staff.sheets import from_tables, to_tables
    content = model["own-fields"].working
    tables = {t.name: t for t in to_tables(content, ["実施中"])}
    assert {"関係部署1", "正式名称", "目標時期", "効果・メリット"} <= set(tables["取組"].header)
    initiatives, _, problems = from_tables(tables, content, ["実施中"])
    assert problems == [] and initiatives[0].extra == content.initiative("app").extra
    from generator.model.diff import flatten_initiative
    from generator.model.fieldnames import field_label
    assert flatten_initiative(content.initiative("app"), content.fields)[("target_fy",)] == "2025"
    assert field_label(("departments",), None, content.fields) == "関係部署"


# ── 5. schedules ──────────────────────────────────────────────────────────────────────

def test_every_year_of_the_plan_period_is_a_column(patterns_site):
    page = page_path(patterns_site, "schedules", Kind.INITIATIVE, "gis").read_text(encoding="utf-8")
    head = page[page.index('<table class="pp-schedule'):page.index("</thead>")]
    assert [y for y in re.findall(r"（(\d{4})年度）", head)] == ["2023", "2024", "2025", "2026"]


def test_open_ended_and_done_items_are_bars_with_words(patterns_site):
    page = text_of(page_path(patterns_site, "schedules", Kind.INITIATIVE, "cloud"))
    assert "計画期間より前" in page and "基本方針の策定（令和4年度済）" in page
    assert "標準準拠システムの運用（令和7年度～）" in page
    html_text = page_path(patterns_site, "schedules", Kind.INITIATIVE, "cloud").read_text(encoding="utf-8")
    open_bar = re.search(r'<td colspan="(\d)" class="pp-span"[^>]*><span class="pp-bar pp-bar--open">', html_text)
    assert open_bar and open_bar.group(1) == "2"          # 2025 to the end of the plan period (2026)
    assert '<span class="pp-bar pp-bar--done">' in html_text


def test_an_empty_schedule_table_is_allowed_and_said(patterns_site):
    page = text_of(page_path(patterns_site, "schedules", Kind.INITIATIVE, "survey"))
    assert "この版の資料では、スケジュールの表は空欄です。" in page
    # stated (empty), so not among the fields the document leaves out
    assert "この版の資料には記載がありません。（目的、現状、理想・将来の姿、事業概要、進捗）" in page


def test_an_empty_field_survives_the_workbook_and_the_file(model, tmp_path):
    from generator.model.records import initiative_dict
    from generator.staff.sheets import from_tables, to_tables
    content = model["schedules"].working
    assert initiative_dict(content.initiative("survey"), content.fields)["schedule"] == {}
    tables = {t.name: t for t in to_tables(content, ["実施中"])}
    sheet = tables["取組"]
    row = next(r for r in sheet.rows if r[0] == "survey")
    assert row[sheet.header.index("資料で空欄の項目")] == content.fields["schedule"].table_label == "予定・取組事項"
    initiatives, _, problems = from_tables(tables, content, ["実施中"])
    assert problems == [] and next(i for i in initiatives if i.id == "survey").stated_empty == {"schedule"}
    row[sheet.header.index("資料で空欄の項目")] = "すけじゅーる"
    _, _, problems = from_tables(tables, content, ["実施中"])
    assert [(p.column, p.message.split("」")[0]) for p in problems] == [("資料で空欄の項目", "「すけじゅーる")]


def test_schedule_shapes_in_open_data_diff_and_workbook(model, patterns_site):
    rows = csv_rows(patterns_site / data_file("schedules", "schedule.csv"))
    spans = {(r["text"], r["fiscal_year"], r["end_fiscal_year"], r["span"]) for r in rows if r["kind"] == "activity"}
    assert spans == {("基本方針の策定", "2022", "2022", "done"), ("移行計画の作成", "2023", "2024", "range"),
                     ("標準準拠システムの運用", "2025", "", "open_end")}
    from generator.model.diff import flatten_initiative
    content = model["schedules"].working
    flat = flatten_initiative(content.initiative("cloud"), content.fields)
    assert flat[("activities", "基本方針の策定")] == "2022年度済" and flat[("activities", "標準準拠システムの運用")] == "2025〜"
    from generator.staff.sheets import from_tables, to_tables
    initiatives, _, problems = from_tables({t.name: t for t in to_tables(content, ["実施中"])}, content, ["実施中"])
    assert problems == [] and next(i for i in initiatives if i.id == "cloud").activities == \
        content.initiative("cloud").activities


# ── 6. hierarchy ──────────────────────────────────────────────────────────────────────

def test_sub_items_have_fields_of_their_own(model, patterns_site):
    rpa = model["hierarchy"].working.initiative("rpa")
    assert [(i.id, i.number, i.title) for i in rpa.items] == [("rpa.1", "ア", "RPAの導入"), ("rpa.ocr", "イ", "AI-OCRの導入")]
    assert rpa.items[0].departments == ["情報政策課"] and rpa.items[0].kpis[0].initiative_id == "rpa.1"
    page = page_path(patterns_site, "hierarchy", Kind.INITIATIVE, "rpa").read_text(encoding="utf-8")
    assert '<h2 id="items">この取組の項目</h2>' in page
    assert '<h3 id="item-1-title"><span class="pp-number">ア</span> RPAの導入</h3>' in page
    assert 'id="item-ocr"' in page and "手書き申請書の読み取りを自動化する。" in page
    assert '<h4 id="item-1-schedule">' in page
    assert "主なテーマ 記載なし" not in text_of(page_path(patterns_site, "hierarchy", Kind.INITIATIVE, "rpa"))


def test_numbering_as_written_and_the_whole_theme_path(patterns_site):
    index = text_of(page_path(patterns_site, "hierarchy", Kind.INITIATIVES))
    assert "① 行政運営の改革 ＞ Ⅲ デジタル技術の活用 ①－Ⅲ－i 定型業務の自動化" in index


def test_themes_carry_their_own_schedule_and_kpis(model, patterns_site):
    content = model["hierarchy"].working
    digital = content.theme("digital")
    assert digital.schedule[2025].items == ("全庁展開",) and digital.kpis[0].theme_id == "digital"
    home = text_of(page_path(patterns_site, "hierarchy"))
    assert "Ⅲ デジタル技術の活用 （ 1件の取組 ） スケジュール 令和6年度（2024年度） 推進体制の整備" in home
    kpi = text_of(page_path(patterns_site, "hierarchy", Kind.KPI))
    assert "デジタル化した業務の数 ① 行政運営の改革 ＞ Ⅲ デジタル技術の活用" in kpi and "RPAで削減した作業時間" in kpi


def test_hierarchy_in_open_data_diff_and_workbook(model, patterns_site):
    rows = csv_rows(patterns_site / data_file("hierarchy", "initiatives.csv"))
    assert [(r["initiative_id"], r["parent_id"]) for r in rows] == [("rpa", ""), ("rpa.1", "rpa"), ("rpa.ocr", "rpa")]
    kpis = csv_rows(patterns_site / data_file("hierarchy", "kpis.csv"))
    assert {(r["kpi_id"], r["initiative_id"], r["theme_id"]) for r in kpis} == {
        ("digital-procedures", "", "digital"), ("rpa-hours", "rpa.1", "")}
    plan_json = json.loads((patterns_site / data_file("hierarchy", "plan.json")).read_text(encoding="utf-8"))
    assert [i["title"] for i in plan_json["initiatives"][0]["items"]] == ["RPAの導入", "AI-OCRの導入"]
    content = model["hierarchy"].working
    from generator.model.diff import flatten_initiative
    flat = flatten_initiative(content.initiative("rpa"), content.fields)
    assert flat[("items", "1", "schedule", 2025)] == "導入"
    from generator.model.fieldnames import field_label
    assert field_label(("items", "1", "schedule", 2025), None, content.fields) == "1: スケジュール（令和7年度（2025年度））"
    from generator.staff.sheets import from_tables, to_tables
    tables = {t.name: t for t in to_tables(content, ["実施中"])}
    initiatives, plan_kpis, problems = from_tables(tables, content, ["実施中"])
    assert problems == [] and initiatives == content.initiatives
    # the theme's KPI stays in plan.yml: not a 計画全体 row that would come back as a second one
    assert "digital-procedures" not in str(tables["KPI"].rows) and plan_kpis == content.kpis


# ── 7. a 版 that incorporates earlier sheets ─────────────────────────────────────────

def test_the_stable_address_shows_the_last_stated_details_labelled(patterns_site):
    latest = text_of(page_path(patterns_site, "carried-sheets", Kind.INITIATIVE, "kiosk"))
    assert "この版の資料には担当課、目的、スケジュールの記載がないため、個別業務シート（版数・発行日の記載なし）の資料に" \
           "書かれている内容を示しています" in latest
    assert "担当課 情報政策課 （前の版の資料による）" in latest and "窓口に来なくても証明書を取れるようにする" in latest
    assert "導入の検討" in latest
    cards = text_of(page_path(patterns_site, "carried-sheets", Kind.INITIATIVES))
    assert "情報政策課 （前の版の資料による）" in cards


def test_each_frozen_version_still_shows_exactly_its_own_document(patterns_site):
    frozen = text_of(page_path(patterns_site, "carried-sheets", Kind.INITIATIVE, "kiosk", version="2.0"))
    assert "窓口に来なくても" not in frozen and "前の版の資料による" not in frozen
    assert "担当課 記載なし" in frozen
    # the frozen 版's open data is its own document; the stable address's is what its pages show
    # (issue 17), each carried value with the 版 it comes from
    def frozen_rows(name):
        return csv_rows(patterns_site / data_file("carried-sheets", name, version="2.0"))

    def latest_rows(name):
        return csv_rows(patterns_site / data_file("carried-sheets", name))
    assert frozen_rows("initiative_departments.csv") == [] and frozen_rows("initiative_texts.csv") == []
    assert frozen_rows("carried_values.csv") == []
    assert [(r["department"], r["source_version"]) for r in latest_rows("initiative_departments.csv")] == \
        [("情報政策課", "sheets")]
    purpose = [r for r in latest_rows("initiative_texts.csv") if r["field"] == "purpose"]
    assert purpose[0]["text"].startswith("窓口に来なくても") and purpose[0]["source_version"] == "sheets"
    assert [(r["field"], r["source_version"]) for r in latest_rows("carried_values.csv")] == \
        [("departments", "sheets"), ("purpose", "sheets"), ("schedule", "sheets")]


# ── 8. faithful rich text ─────────────────────────────────────────────────────────────

def test_underline_merged_cells_figures_and_footnotes(patterns_site):
    page = page_path(patterns_site, "rich-text", Kind.CHAPTER, "structure").read_text(encoding="utf-8")
    assert "<u>推進本部</u>" in page
    assert '<td rowspan="2">推進本部</td>' in page and '<td colspan="2">年2回</td>' in page
    assert '<img alt="推進体制の図。市長を本部長とし、各部長が本部員となる" src="../figures/structure.png">' in page
    assert (patterns_site / urls.figure(urls.plan_base("rich-text"), "structure.png")).read_bytes()[:4] == b"\x89PNG"
    assert (patterns_site / urls.figure(urls.edition_base("rich-text", EditionKind.FROZEN, "1.0"), "structure.png")).is_file()
    assert 'href="#fn:1"' in page and "推進本部の設置要綱は令和6年4月に施行しました。" in page and "本文に戻る" in page
    card = page_path(patterns_site, "rich-text", Kind.INITIATIVE, "shoshiki").read_text(encoding="utf-8")
    assert "押印を<strong>廃止</strong>し、<u>記入欄を減らす</u>。" in card


def test_a_markdown_list_in_the_lead_is_valid_html(patterns_site):
    home = page_path(patterns_site, "rich-text").read_text(encoding="utf-8")
    lead = home[home.index('<div class="pp-lead">'):home.index("</div>", home.index('<div class="pp-lead">'))]
    assert "<ul>" in lead and not re.search(r"<p>[^<]*<ul>", lead)
    assert "<li><u>行かない</u>窓口</li>" in lead


@pytest.mark.parametrize("text, code, line", [
    ("title: 申請書の様式の見直し\ndepartments: [デジタル推進課]\noverview: 押印を<u>廃止</u>する\n", "raw_html_in_text", 3),
    ("title: 申請書の様式の見直し\ndepartments: [デジタル推進課]\noverview: |\n  押印を廃止する\n  <!-- 未確定 -->\n",
     "raw_html_in_text", 3),
])
def test_raw_html_and_comments_in_text_fields_are_refused_with_their_line(staged, text, code, line):
    (staged / "plans/rich-text/working/initiatives/shoshiki.yml").write_text(text, encoding="utf-8")
    problems = [p for p in load_valid_site(staged).problems if p.code == code]
    assert problems and problems[0].line == line and problems[0].field == "overview"
    assert "HTMLタグ" in problems[0].message


@pytest.mark.parametrize("markdown, code", [
    ("![](../figures/structure.png)\n", "figure_needs_alt"),
    ("![図](../figures/nothing.png)\n", "figure_missing"),
    ("![図](https://example.invalid/x.png)\n", "figure_missing"),
    ("本文 <!-- メモ -->\n", "raw_html"),
])
def test_figures_need_alt_text_and_a_file_of_the_edition(staged, markdown, code):
    (staged / "plans/rich-text/working/chapters/structure.md").write_text(markdown, encoding="utf-8")
    problems = [p for p in load_valid_site(staged).problems if p.code == code]
    assert problems and problems[0].line == 1 and problems[0].file.endswith("working/chapters/structure.md")


# ── 9. format versions ────────────────────────────────────────────────────────────────

def test_content_in_todays_format_declares_nothing_and_builds(basic_site, patterns_site):
    # The basic fixture and the carried-sheets plan have no `format:` (format 1), frozen 版 and
    # their manifests included, and build unmodified. (The sample plans declare format 2 since
    # they were re-transcribed with fields.uses / fields.labels, so they no longer show this.)
    basic = load_valid_site(FIXTURES / "basic").site.plans
    assert {c.format for p in basic for c in p.snapshots.values()} == {1}
    carried = next(p for p in load_valid_site(PATTERNS).site.plans if p.id == "carried-sheets")
    assert {c.format for c in carried.snapshots.values()} == {1}
    assert page_path(basic_site, "sample", version="1.0").is_file()
    assert page_path(patterns_site, "carried-sheets", version="sheets").is_file()


def test_format_2_fields_need_format_2(basic_content):
    plan = basic_content / "plans/sample/working/plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8") + "goals: [誰もが使える市役所]\n", encoding="utf-8")
    problems = [p for p in load_valid_site(basic_content).problems if p.code == "needs_format_2"]
    assert [(p.field, p.line) for p in problems] == [("goals", plan.read_text(encoding="utf-8").count("\n"))]
    assert "planpub upgrade" in problems[0].hint


def test_upgrade_declares_format_2_in_the_working_copy_only(basic_content):
    from .conftest import tree_digest
    plan = basic_content / "plans/sample/working/plan.yml"
    original = "# 架空市の計画（コメントは残ります）\n" + plan.read_text(encoding="utf-8")
    plan.write_text(original, encoding="utf-8")
    frozen = tree_digest(basic_content / "plans/sample/releases")
    result = run_cli("upgrade", "sample", "--content", str(basic_content))
    assert result.returncode == 0, result.stderr
    upgraded = plan.read_text(encoding="utf-8")
    assert upgraded == original.replace("（コメントは残ります）\n", "（コメントは残ります）\nformat: 2\n", 1)
    assert tree_digest(basic_content / "plans/sample/releases") == frozen
    plan.write_text(upgraded + "goals: [誰もが使える市役所]\n", encoding="utf-8")
    assert not load_valid_site(basic_content).problems
    again = run_cli("upgrade", "sample", "--content", str(basic_content))
    assert again.returncode == 1 and "既に形式 2" in again.stderr


@pytest.mark.slow   # builds a site
def test_an_item_done_before_the_period_alone_is_still_a_schedule(tmp_path):
    """Found by tests/test_generated_plans.py: the table (and the item) vanished when the only
    schedule entry of an initiative was done before the plan period."""
    content = tmp_path / "content"
    shutil.copytree(PATTERNS, content)
    path = content / "plans/schedules/working/initiatives/gis.yml"
    path.write_text("number: 1-2\ntitle: 統合型GISの導入\ndepartments: [企画課]\n"
                    "activities:\n  - {name: 現行GISの調査, done: 2022}\n", encoding="utf-8")
    released = run_cli("release", "schedules", "1.1", "--date", "2024-04", "--no-notes", "--yes",
                       "--content", str(content))
    assert released.returncode == 0, released.stdout + released.stderr
    site = tmp_path / "site"
    result = build_site(content, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "現行GISの調査" in text_of(page_path(site, "schedules", Kind.INITIATIVE, "gis"))
