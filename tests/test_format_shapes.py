"""Facts real plans state that the format holds since issue #18, each end to end: stored,
validated, shown, diffed, in the open data and its dictionary, in the workbook and in the
JSON Schema. In process: the pattern plans of tests/fixtures/patterns are loaded once and
their pages rendered without a build."""

from __future__ import annotations

import html
import re
from pathlib import Path

import jsonschema
import pytest

from generator.adapters.cli import main as cli_main
from generator.i18n import msg, set_language
from generator.model import schema
from generator.model.schema import CURRENT_FORMAT
from generator.model.diff import diff_contents, flatten_kpi
from generator.model.fieldnames import field_label
from generator.model.plan import KpiValue, NextStage, PublicComment, Text
from generator.model.resolved import EditionKind, resolve_edition
from generator.pages import opendata
from generator.pages import urls
from generator.pages.builder import build_pages
from generator.pages.kinds import PageKind
from generator.render.renderer import Renderer
from generator.staff.release import ReleaseRefused, ReleaseRequest, prepare_release, write_release
from generator.staff.sheets import activities as activity_sheet
from generator.staff.sheets import initiatives as initiative_sheet
from generator.staff.sheets import kpis as kpi_sheet
from generator.staff.upgrade import stated_format, upgraded_text
from generator.validate import load_valid_site

from .conftest import FIXTURES

PATTERNS = FIXTURES / "patterns"
TAG = re.compile(r"<[^>]+>")
INIT = "plans/sample/working/initiatives/online.yml"


@pytest.fixture(scope="module")
def loaded():
    set_language("ja")
    result = load_valid_site(PATTERNS)
    assert not result.problems, [p.format() for p in result.problems]
    return result.site


@pytest.fixture(scope="module")
def pages(loaded):
    return {page.url: page for page in build_pages(loaded)}


def page_text(pages, url: str) -> str:
    rendered = Renderer().render(pages[url])
    return re.sub(r"\s+", " ", html.unescape(TAG.sub(" ", rendered)))


def plan_of(site, plan_id: str):
    return next(p for p in site.plans if p.id == plan_id)


def latest(site, plan_id: str):
    plan = plan_of(site, plan_id)
    return resolve_edition(plan, plan.latest, EditionKind.LATEST, site)


def problems_of(content: Path, code: str):
    return [p for p in load_valid_site(content).problems if p.code == code]


# ── 3. a measurement still to be surveyed ───────────────────────────────────────────────

def test_a_planned_survey_is_held_without_a_figure(loaded):
    content = plan_of(loaded, "planned-surveys").working
    satisfaction = content.kpis[0]
    assert satisfaction.baseline == KpiValue(fy=2023, survey_planned="2024-03")
    assert satisfaction.actuals[2024] == KpiValue(survey_planned="2025")


def test_a_planned_survey_is_shown_as_planned_never_as_of_a_date(pages):
    kpi_page = page_text(pages, urls.latest_page("planned-surveys", PageKind.KPI))
    assert "2024年3月調査予定" in kpi_page and "2025年調査予定" in kpi_page
    assert "2024年3月時点" in kpi_page          # the figure that exists (900件) keeps its date
    assert "2025年3月調査予定" in kpi_page and "2025年3月時点" not in kpi_page
    assert msg("ui.kpi_reasons.survey_planned") in kpi_page


def test_a_planned_survey_is_in_the_open_data_and_its_dictionary(loaded):
    table = opendata.kpis_table(latest(loaded, "planned-surveys"))
    names = table.column_names
    column = names.index("survey_planned")
    planned = {(r[names.index("kpi_id")], r[names.index("value_type")], r[names.index("value")]): r[column]
               for r in table.rows}
    assert planned[("satisfaction", "baseline", None)] == "2024-03"
    assert planned[("satisfaction", "actual", None)] == "2025"
    assert planned[("answers", "actual", None)] == "2025-03"
    assert planned[("answers", "actual", 900)] is None
    assert "調査予定" in next(c for c in opendata.kpi_columns() if c.name == "survey_planned").meaning


def test_a_planned_survey_is_diffed():
    before = flatten_kpi(kpi_of(KpiValue(survey_planned="2025-03")))
    after = flatten_kpi(kpi_of(KpiValue(value=900, as_of="2025-03")))
    assert before != after
    assert any(msg("diff.survey_planned", date="2025-03") in v for v in before.values())


def kpi_of(actual: KpiValue):
    from generator.model.plan import Kpi
    return Kpi("k", "回答数", "件", actuals={2024: actual})


def test_a_planned_survey_round_trips_through_the_workbook(loaded):
    content = plan_of(loaded, "planned-surveys").working
    kpi_table, value_table = kpi_sheet.write(content)
    assert msg("workbook.columns.survey_planned") in value_table.header
    initiatives = {i.id: type(i)(id=i.id, title=i.title) for i in content.initiatives}
    problems = []
    plan_kpis = kpi_sheet.read(kpi_table, value_table, initiatives, problems)
    assert problems == []
    assert plan_kpis[0].baseline.survey_planned == "2024-03" and plan_kpis[0].actuals[2024].survey_planned == "2025"
    assert initiatives["survey"].kpis[0].actuals[2024] == KpiValue(survey_planned="2025-03")


def test_the_schema_takes_a_planned_survey_only_where_a_figure_is_measured():
    validator = jsonschema.Draft202012Validator(schema.initiative())
    kpi = {"id": "k", "name": "n", "baseline": {"survey_planned": "2024-03"},
           "actuals": {"2024": {"survey_planned": "2025"}}}
    assert not list(validator.iter_errors({"title": "t", "kpis": [kpi]}))
    kpi["targets"] = {"2025": {"survey_planned": "2025"}}
    assert list(validator.iter_errors({"title": "t", "kpis": [kpi]}))


def test_a_planned_survey_with_a_figure_is_refused(basic_content: Path):
    (basic_content / INIT).write_text("""title: オンライン申請
departments: [市民課]
kpis:
  - id: k
    name: 指標
    unit: 件
    actuals:
      2024: {value: 3, survey_planned: 2025-03}
""", encoding="utf-8")
    [problem] = problems_of(basic_content, "kpi_survey_with_figure")
    assert problem.field.endswith("survey_planned") and "value" in problem.message and problem.hint


# ── 2. stage facts of a 版 ──────────────────────────────────────────────────────────────

def test_stage_facts_are_held_as_stated(loaded):
    plan = plan_of(loaded, "draft-stages")
    draft = plan.version("draft-2023-11")
    assert draft.public_comment == PublicComment("2023-12-01", "2024-01-05", Text(("第5章及び第6章は対象外",)))
    assert draft.next_stage == NextStage("adopted", "2024-02")
    assert plan.version("0.9").next_stage == NextStage("public-comment", None)   # history.yml, no date stated


def test_stage_facts_are_shown_in_the_revision_history_and_on_the_plan_home(pages):
    revisions = page_text(pages, urls.latest_page("draft-stages", PageKind.REVISIONS))
    assert "意見募集（パブリックコメント）の期間 2023年12月1日～2024年1月5日" in revisions
    assert "意見募集の対象外 第5章及び第6章は対象外" in revisions
    assert "次の段階（予定） 策定（2024年2月予定）" in revisions
    assert "パブリックコメント版（時期の記載なし）" in revisions      # never a made-up date
    home = page_text(pages, urls.plan_base("draft-stages"))
    assert "2023年12月1日～2024年1月5日" in home and "策定（2024年2月予定）" in home


def test_stage_facts_are_in_plan_json(loaded):
    version = opendata.plan_json(latest(loaded, "draft-stages"), "CC-BY-4.0")["version"]
    assert version["public_comment"] == {"start": "2023-12-01", "end": "2024-01-05",
                                         "excludes": ["第5章及び第6章は対象外"]}
    assert version["next_stage"] == {"status": "adopted", "stage": "策定", "date": "2024-02"}
    assert "public_comment" in msg("opendata.plan_json.version")
    plain = opendata.plan_json(latest(loaded, "planned-surveys"), "CC-BY-4.0")["version"]
    assert "public_comment" not in plain and "next_stage" not in plain   # only what is stated


def test_the_schema_holds_stage_facts():
    facts = {"public_comment": {"start": "2023-12-01", "end": "2024-01", "excludes": "第5章は対象外"},
             "next_stage": {"status": "adopted", "date": "2024-02"}}
    for document, data in ((schema.release(), {"label": "1.0", **facts}),
                           (schema.history(), {"versions": [{"label": "1.0", **facts}]})):
        validator = jsonschema.Draft202012Validator(document)
        assert not list(validator.iter_errors(data))
    bad = {"label": "1.0", "next_stage": {"date": "2024-02"}}          # a next stage names its stage
    assert list(jsonschema.Draft202012Validator(schema.release()).iter_errors(bad))


@pytest.mark.parametrize("facts, code, field", [
    ("public_comment: {start: 2024-01-05, end: 2023-12-01}\n", "public_comment_reversed", "public_comment.end"),
    ("next_stage: {status: approved}\n", "unknown_version_status", "next_stage.status"),
])
def test_impossible_stage_facts_are_refused(basic_content: Path, facts, code, field):
    release = basic_content / "plans/sample/history.yml"
    release.write_text("versions:\n  - label: \"0.1\"\n    date: 2022\n    "
                       + facts.replace("\n", "\n    ").rstrip() + "\n", encoding="utf-8")
    [problem] = problems_of(basic_content, code)
    assert problem.field.endswith(field) and problem.line == 4 and problem.hint


def test_release_writes_the_stage_facts_it_is_given(basic_content: Path):
    request = ReleaseRequest("sample", "2.0", "2026-07", None, status="draft", stage_facts={
        "public_comment": {"start": "2026-08-01", "end": "2026-08-31", "excludes": "第5章は対象外"},
        "next_stage": {"status": "adopted", "date": "2026-10"}})
    target = write_release(prepare_release(load_valid_site(basic_content), basic_content, request), basic_content)
    version = plan_of(load_valid_site(basic_content).site, "sample").version(target.name)
    assert version.public_comment == PublicComment("2026-08-01", "2026-08-31", Text(("第5章は対象外",)))
    assert version.next_stage == NextStage("adopted", "2026-10")


@pytest.mark.parametrize("facts, refusal", [
    ({"next_stage": {"status": "approved"}}, "approved"),
    ({"next_stage": {"date": "2026-10"}}, msg("release.next_stage_needs_status")),
    ({"public_comment": {"start": "8月1日"}}, "8月1日"),
])
def test_release_refuses_stage_facts_it_cannot_hold(basic_content: Path, facts, refusal):
    request = ReleaseRequest("sample", "2.0", "2026-07", None, stage_facts=facts)
    with pytest.raises(ReleaseRefused, match=re.escape(refusal)):
        prepare_release(load_valid_site(basic_content), basic_content, request)


# ── 1. not stated: a 版 without a number ───────────────────────────────────────────────

def test_a_version_without_a_number_is_released_and_named_by_its_date(basic_content: Path):
    request = ReleaseRequest("sample", None, "2026-07", None)
    release = prepare_release(load_valid_site(basic_content), basic_content, request)
    assert release.version_id == "2026-07" and "label" not in release.release_data()
    write_release(release, basic_content)
    result = load_valid_site(basic_content)
    assert not result.problems, [p.format() for p in result.problems]   # frozen as written, and valid
    version = plan_of(result.site, "sample").version("2026-07")
    assert (version.label, version.name) == (None, "2026年7月の版")


def test_a_version_without_a_number_takes_its_id_from_id_or_is_refused_plainly(basic_content: Path):
    named = ReleaseRequest("sample", " ", None, None, version_id="draft", name="計画（案）", precedes="1.0")
    assert prepare_release(load_valid_site(basic_content), basic_content, named).display_name == "計画（案）"
    with pytest.raises(ReleaseRefused, match=re.escape(msg("release.needs_label_or_date"))):
        prepare_release(load_valid_site(basic_content), basic_content,
                        ReleaseRequest("sample", "", None, None, precedes="1.0"))


# ── 1. not stated: a plan period, a theme level's name ──────────────────────────────────

def test_a_plan_without_a_stated_period_says_so_everywhere(loaded, pages):
    content = plan_of(loaded, "not-stated").working
    assert (content.period_start, content.period_end) == (None, None)
    assert list(content.period) == [2023, 2024, 2025]      # the schedule's columns, never shown as a period
    home = page_text(pages, urls.plan_base("not-stated"))
    assert f"{msg('ui.period')} {msg('ui.not_stated')}" in home and "令和5年度（2023年度）～" not in home
    schedule = page_text(pages, urls.latest_page("not-stated", PageKind.INITIATIVE, "wifi"))
    assert "令和6年度（2024年度）" in schedule                # the empty year between stays a column
    data = opendata.plan_json(latest(loaded, "not-stated"), "CC-BY-4.0")
    assert data["period"] == {"start_fiscal_year": None, "end_fiscal_year": None}
    assert not list(jsonschema.Draft202012Validator(opendata.plan_json_schema()).iter_errors(data))
    assert "記載なし" in page_text(pages, urls.SITE_HOME)                 # the portal's list of plans


def test_a_theme_level_with_a_number_and_a_statement_only(loaded, pages):
    resolved = latest(loaded, "not-stated")
    policy = resolved.theme("policy-1")
    assert (policy.name, policy.display_name, policy.shown_level) == (None, "基本方針①", None)
    assert resolved.theme("policy-2").display_name == "基本方針② 行政のデジタル化"
    home = page_text(pages, urls.plan_base("not-stated"))
    assert "基本方針 基本方針①" not in home and "基本方針① （ 1件の取組 ）" in home
    assert "誰もが デジタルの恩恵 を受けられるまちをつくります。" in home
    table = opendata.initiatives_table(resolved)
    assert table.rows[0][table.column_names.index("theme_name")] == "基本方針①"


def test_a_theme_with_neither_name_nor_number_is_refused(basic_content: Path):
    plan = basic_content / "plans/sample/working/plan.yml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("themes:\n", "themes:\n  - id: nameless\n    description: 文だけ\n", 1),
                    encoding="utf-8")
    [problem] = problems_of(basic_content, "theme_unnamed")
    assert "nameless" in problem.message and problem.hint


def test_a_version_without_a_number_is_named_by_its_name_or_date(loaded, pages):
    version = plan_of(loaded, "not-stated").version("2023-07")
    assert (version.label, version.name) == (None, "架空町情報化アクションプラン（案）")
    assert "架空町情報化アクションプラン（案）" in page_text(pages, urls.latest_page("not-stated", PageKind.REVISIONS))


# ── 8. format tools that never dead-end ─────────────────────────────────────────────────

def test_upgrade_works_when_the_working_copy_already_uses_newer_keys(basic_content: Path, capsys):
    plan_file = basic_content / "plans/sample/working/plan.yml"
    text = plan_file.read_text(encoding="utf-8")
    assert stated_format(text) == 1
    plan_file.write_text(text + "goals: [誰もが使えるまち]\n", encoding="utf-8")
    [problem] = problems_of(basic_content, "needs_format_2")
    assert "planpub upgrade sample" in problem.hint             # the hint names the command to run
    assert cli_main(["upgrade", "sample", "--content", str(basic_content)]) == 0
    assert "format: 2" in capsys.readouterr().out
    assert not load_valid_site(basic_content).problems
    upgraded = plan_file.read_text(encoding="utf-8")
    assert upgraded.replace(f"format: {CURRENT_FORMAT}\n", "", 1) == text + "goals: [誰もが使えるまち]\n"


def test_upgrade_lists_problems_of_their_own_after_upgrading(basic_content: Path, capsys):
    plan_file = basic_content / "plans/sample/working/plan.yml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8") + "goals: [a]\n", encoding="utf-8")
    (basic_content / INIT).write_text("title: a\ndepartments: [市民科]\n", encoding="utf-8")
    assert cli_main(["upgrade", "sample", "--content", str(basic_content)]) == 1
    out = capsys.readouterr()
    assert "市民科" in out.out + out.err and stated_format(plan_file.read_text(encoding="utf-8")) == CURRENT_FORMAT


def test_the_guide_and_the_hint_agree_on_the_order():
    guide = (Path(__file__).parents[1] / "docs/site/guide/release.md").read_text(encoding="utf-8")
    assert "順番はどちらでも構いません" in guide
    assert "そのままで構いません" in msg("hints.needs_format_2", plan="x", content="")


# ── 6. inline markup in every text field ────────────────────────────────────────────────

def test_inline_markup_is_valid_and_shown_in_kpi_names_targets_and_sub_item_titles(basic_content: Path):
    plan_file = basic_content / "plans/sample/working/plan.yml"
    plan_file.write_text(upgraded_text(plan_file.read_text(encoding="utf-8")), encoding="utf-8")
    (basic_content / INIT).write_text("""title: オンライン申請
departments: [市民課]
items:
  - title: "^^電子申請^^の**拡大**"
kpis:
  - id: k
    name: "^^オンライン^^申請の  \\n件数"
    unit: 件
    targets:
      2025: {value: 10, text: "**10件**以上"}
""", encoding="utf-8")
    result = load_valid_site(basic_content)
    assert not result.problems, [p.format() for p in result.problems]
    url = urls.page(urls.working_base("sample"), PageKind.INITIATIVE, "online")
    page = next(p for p in build_pages(result.site, include_working=True) if p.url == url)
    rendered = Renderer().render(page)
    assert "<u>電子申請</u>の<strong>拡大</strong>" in rendered
    assert "<u>オンライン</u>申請の<br>件数" in rendered and "<strong>10件</strong>以上" in rendered
    assert "^^" not in TAG.sub("", rendered)
    plan = plan_of(result.site, "sample")
    table = opendata.kpis_table(resolve_edition(plan, plan.latest, EditionKind.LATEST, result.site,
                                                content=plan.working))
    names = [r[table.column_names.index("kpi_name")] for r in table.rows]
    assert any(name.startswith("オンライン申請の") for name in names)     # the open data has the plain text


# ── 4. labels below the plan ────────────────────────────────────────────────────────────

def test_a_chapter_and_an_initiative_name_fields_their_own_way(loaded, pages):
    booking = page_text(pages, urls.latest_page("scoped-labels", PageKind.INITIATIVE, "booking"))
    classroom = page_text(pages, urls.latest_page("scoped-labels", PageKind.INITIATIVE, "classroom"))
    assert "実施時期 オンライン予約システムの検討" in booking and "指標(KPI) オンライン予約の件数" in booking
    assert "環境整備 校内無線LANの更新" in classroom and "目標(令和8年度) 通信速度の基準を満たす学校" in classroom
    resolved = latest(loaded, "scoped-labels")
    assert resolved.initiative("classroom").labels.own("schedule") == "環境整備"
    assert resolved.initiative("classroom").labels.own("kpis") == "目標(令和8年度)"     # from its chapter
    assert resolved.initiative("booking").labels.own("kpis") == "指標(KPI)"             # from the plan


def test_scoped_labels_are_in_plan_json_and_diffed(loaded):
    data = opendata.plan_json(latest(loaded, "scoped-labels"), "CC-BY-4.0")
    assert next(t for t in data["themes"] if t["id"] == "chapter-5")["labels"] == {"kpis": "目標(令和8年度)"}
    assert next(i for i in data["initiatives"] if i["id"] == "classroom")["labels"] == {"schedule": "環境整備"}
    assert "labels" not in next(t for t in data["themes"] if t["id"] == "chapter-4")
    plan = plan_of(loaded, "scoped-labels")
    diff = diff_contents(plan.snapshots["1.0"], plan.working)
    [change] = [c for c in diff.initiatives if c.id == "classroom"]
    [field] = change.fields
    assert (field.key, field.old, field.new) == (("labels", "schedule"), "環境整備", "環境の整備")
    assert field_label(field.key, fields=plan.working.fields) == "項目の呼び方（スケジュール）"


def test_scoped_labels_round_trip_through_the_workbook(loaded):
    content = plan_of(loaded, "scoped-labels").working
    table = initiative_sheet.write(content)
    row = table.rows[[r[0] for r in table.rows].index("booking")]
    assert row[table.header.index(msg("workbook.columns.labels"))] == "予定・取組事項: 実施時期"
    problems = []
    assert initiative_sheet.read(table, content, problems)["booking"].labels == {"schedule": "実施時期"}
    assert problems == []
    row[table.header.index(msg("workbook.columns.labels"))] = "実施時期だけ"
    initiative_sheet.read(table, content, problems)
    assert [p.column for p in problems] == [msg("workbook.columns.labels")]


def test_a_label_for_a_field_the_plan_does_not_have_is_refused(basic_content: Path):
    plan_file = basic_content / "plans/sample/working/plan.yml"
    plan_file.write_text(upgraded_text(plan_file.read_text(encoding="utf-8")), encoding="utf-8")
    (basic_content / INIT).write_text("title: a\ndepartments: [市民課]\nlabels: {schedul: 実施時期}\n",
                                      encoding="utf-8")
    [problem] = problems_of(basic_content, "scoped_label_unknown")
    assert problem.field == "labels.schedul" and problem.line == 3 and "schedule" in problem.hint


# ── 7. validation messages come from the schema, never from a pattern's text ──────────

def _pattern_nodes(node):
    if isinstance(node, dict):
        if "pattern" in node:
            yield node
        for value in node.values():
            yield from _pattern_nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _pattern_nodes(value)


def test_every_pattern_of_every_schema_says_what_is_wrong():
    from generator.i18n import has
    from generator.model.schema import MESSAGE, schemas
    nodes = [n for document in schemas("ja").values() for n in _pattern_nodes(document)]
    assert nodes
    for node in nodes:
        assert has(f"errors.{node[MESSAGE]}") and has(f"hints.{node[MESSAGE]}"), node


@pytest.mark.parametrize("text, code, message", [
    ("labels: {Schedule: 実施時期}\n", "schema.propertyNames", "bad_id"),
    ("schedule: {令和6: 試行}\n", "schema.propertyNames", "bad_year_key"),
])
def test_a_key_that_does_not_match_is_explained_by_its_schema(basic_content: Path, text, code, message):
    plan_file = basic_content / "plans/sample/working/plan.yml"
    plan_file.write_text(upgraded_text(plan_file.read_text(encoding="utf-8")), encoding="utf-8")
    (basic_content / INIT).write_text("title: a\ndepartments: [市民課]\n" + text, encoding="utf-8")
    [problem] = problems_of(basic_content, code)
    assert problem.hint == msg(f"hints.{message}")


# ── 5. schedule rows as documents draw them ─────────────────────────────────────────────

def test_a_row_keeps_its_later_cells_and_an_end_the_document_does_not_give(loaded, pages):
    activities = plan_of(loaded, "schedule-rows").snapshots["1.0"].initiatives[0].activities
    assert [a.name for a in activities] == ["予約方法の見直し", "オンライン予約システムの検討", "利用者への周知", "運用"]
    review = activities[1]
    assert review.cells == {2024: "導入・運用", 2025: "対象施設の拡大"}
    assert activities[2].end_unstated and activities[2].end is None and not activities[2].ongoing
    page = Renderer().render(pages[urls.latest_page("schedule-rows", PageKind.INITIATIVE, "booking")])
    table = page[page.index("<table"):page.index("</table>")]
    rows = re.findall(r"<tr>.*?</tr>", table, re.S)
    row = next(r for r in rows if "オンライン予約システムの検討（令和5年度～令和7年度）" in r)
    assert "導入・運用" in row and "対象施設の拡大" in row           # the later cells stay in their row
    assert "オンライン予約システムの検討（続き）" in row              # each names its item for a screen reader
    assert any("予約方法の見直し（令和4年度済）" in r for r in rows)   # 済 in the same row list
    assert "利用者への周知（令和6年度～、終了時期の記載なし）" in page


def test_schedule_rows_in_open_data_diff_and_workbook(loaded):
    table = opendata.schedule_table(latest(loaded, "schedule-rows"))
    names, rows = table.column_names, table.rows
    span = names.index("span")
    assert {r[span] for r in rows} >= {"done", "continued", "end_unstated", "open_end"}
    assert set(next(c for c in table.columns if c.name == "span").enum) >= {r[span] for r in rows}
    continued = next(r for r in rows if r[names.index("text")] == "オンライン予約システムの検討|導入・運用")
    assert continued[names.index("item")] == 2                      # the later cell keeps its row's number
    plan = plan_of(loaded, "schedule-rows")
    [change] = diff_contents(plan.snapshots["1.0"], plan.working).initiatives
    [field] = change.fields
    assert field.key == ("activities", "オンライン予約システムの検討", 2025)
    assert (field.old, field.new) == ("対象施設の拡大", "全施設への拡大")
    assert "令和7年度" in field_label(field.key, fields=plan.working.fields)
    content = plan.working
    table = activity_sheet.write(content)
    assert "2024: 導入・運用\n2025: 全施設への拡大" in table.rows[1]
    initiatives = {i.id: type(i)(id=i.id, title=i.title) for i in content.initiatives}
    problems = []
    activity_sheet.read(table, initiatives, content.fields, problems)
    assert problems == [] and initiatives["booking"].activities == content.initiatives[0].activities


def test_a_later_cell_outside_its_row_is_refused(basic_content: Path):
    (basic_content / INIT).write_text("""title: a
departments: [市民課]
activities:
  - {name: 検討, start: 2024, end: 2024, cells: {2025: 導入}}
""", encoding="utf-8")
    [problem] = problems_of(basic_content, "activity_cell_outside")
    assert problem.line == 4 and "検討" in problem.message and problem.hint
