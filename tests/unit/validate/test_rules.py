"""One bad-input fixture per validation rule: the exact message, file, line and field.

Each case writes one broken file into a copy of the synthetic fixture and asserts
that `load_site` reports it precisely, in Japanese, without a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from generator.i18n import msg
from generator.pages import urls
from generator.pages.kinds import PageKind as Kind
from generator.pages.page import relative_url
from generator.validate import load_valid_site

W = "plans/sample/working"
INIT = f"{W}/initiatives/online.yml"
CHAPTER = urls.latest_page("sample", Kind.CHAPTER, "background")   # the fixture's chapter, where links start


def link_from_chapter(kind: Kind, item: str | None = None) -> str:
    """A link as staff write it in the chapter: relative to the chapter's page."""
    return relative_url(urls.latest_page("sample", kind, item), CHAPTER)


ONLINE_OK = """number: "No.1"
title: オンライン申請
theme: counter
departments: [市民課]
schedule:
  2024: システムの試行
"""


@dataclass
class Case:
    name: str
    path: str                    # file to write, relative to the content root
    text: str | bytes | None     # None: delete the file
    code: str
    line: int | None
    field: str
    message: str
    reported_file: str | None = None   # defaults to `path`
    extra: Callable[[Path], None] | None = None


def _kpi(targets: str, baseline: str = "", direction: str = "increase", unit: str = "件") -> str:
    return ONLINE_OK + f"""kpis:
  - id: k
    name: 指標
    unit: {unit}
    direction: {direction}
{baseline}    targets:
{targets}"""


CASES = [
    Case("yaml syntax", INIT, "title: [未完\ntheme: counter\n", "yaml_syntax", 2, "", "YAMLの書き方に誤りがあります"),
    Case("tab indentation", INIT, "title: x\nschedule:\n\t2024: a\n", "tab", 3, "", msg("errors.tab")),
    Case("duplicate key", INIT, "title: a\ntheme: counter\ntitle: b\n", "duplicate_key", 3, "title",
         msg("errors.duplicate_key", key="title", first=1)),
    Case("misspelt field", INIT, "title: a\ndepartmens: [市民課]\n", "schema.additionalProperties", 2,
         "departmens", msg("errors.unknown_field", key="departmens")),
    Case("wrong type", INIT, "title: 123\n", "schema.type", 1, "title", "「取組名・事業名」には文字列を書いてください"),
    Case("empty file", INIT, "", "empty_file", 1, "", msg("errors.empty_file")),
    Case("only a comment", INIT, "# 空\n", "empty_file", 1, "", msg("errors.empty_file")),
    Case("byte order mark", INIT, "\ufefftitle: a\n".encode("utf-8"), "bom", 1, "", msg("errors.bom")),
    Case("shift_jis", INIT, "title: オンライン申請\n".encode("cp932"), "encoding", 1, "", msg("errors.shift_jis")),
    Case("control character", INIT, "title: a\nnotes: x\x1fy\n", "control_character", 2, "",
         msg("errors.control_character", code="U+001F")),
    Case("missing required field", INIT, "theme: counter\n", "schema.required", 1, "title",
         msg("errors.required", name="title", title="取組名・事業名")),
    Case("unknown department", INIT, "title: a\ndepartments: [市民科]\n", "unknown_department", 2, "departments[0]",
         msg("errors.unknown_department", value="市民科")),
    Case("unknown theme", INIT, "title: a\ntheme: countr\n", "unknown_theme", 2, "theme",
         msg("errors.unknown_theme", value="countr")),
    Case("unknown related theme", INIT, "title: a\nrelated_themes:\n  - service\n  - nothing\n", "unknown_theme", 4,
         "related_themes[1]", msg("errors.unknown_theme", value="nothing")),
    Case("unknown vision", INIT, "title: a\nvisions: [service-9]\n", "unknown_vision", 2, "visions[0]",
         msg("errors.unknown_vision", value="service-9")),
    Case("unknown related initiative", INIT, "title: a\nrelated:\n  - paperless\n  - paperles\n", "unknown_initiative", 4,
         "related[1]", msg("errors.unknown_initiative", value="paperles")),
    Case("unknown category", INIT, "title: a\ncategories: [窓ロ]\n", "unknown_category", 2, "categories[0]",
         msg("errors.unknown_category", value="窓ロ")),
    Case("unknown status", INIT, "title: a\nprogress:\n  2024:\n    status: 運用\n", "unknown_status", 4,
         "progress.2024.status", msg("errors.unknown_status", value="運用")),
    Case("year outside the plan period", INIT, "title: a\nschedule:\n  2030: 予定\n", "year_outside_period", 3,
         "schedule.2030", msg("errors.year_outside_period", value=2030, start=2023, end=2025)),
    Case("year key in wareki", INIT, "title: a\nschedule:\n  R6: 予定\n", "schema.propertyNames", 3, "schedule",  # the key's own line
         msg("errors.bad_year_key", value="R6")),
    Case("activity reversed", INIT, "title: a\nactivities:\n  - {name: x, start: 2025, end: 2024}\n",
         "activity_reversed", 3, "activities[0]", msg("errors.activity_reversed", start=2025, end=2024)),
    Case("kpi value not a number", INIT, _kpi("      2024: {value: 80%}\n"), "schema.type", 13,
         "kpis[0].targets.2024.value", "「数値」には数値を書いてください"),
    Case("kpi value missing where the unit needs one", INIT, _kpi("      2024: {as_of: 2024-05-01}\n"),
         "kpi_value_needs_number", 13, "kpis[0].targets.2024",
         msg("errors.kpi_value_needs_number", unit="件", kind="目標値")),
    Case("kpi target in the wrong direction", INIT,
         _kpi("      2024: {value: 10}\n      2025: {value: 5}\n"), "kpi_wrong_direction", 14,
         "kpis[0].targets.2025.value",
         msg("errors.kpi_wrong_direction", fy=2025, value=5, direction="大きいほど良い", other="2024年度の目標値 10")),
    Case("kpi target worse than baseline", INIT,
         _kpi("      2024: {value: 40}\n", "    baseline: {fy: 2023, value: 30}\n", "decrease", "分"),
         "kpi_wrong_direction", 14, "kpis[0].targets.2024.value",
         msg("errors.kpi_wrong_direction", fy=2024, value=40, direction="小さいほど良い", other="基準値 30")),
    Case("relative kpi target without a base year", INIT,
         _kpi("      2025: {change_percent: -50}\n", "", "decrease", "分"),
         "kpi_relative_needs_base", 13, "kpis[0].targets.2025", msg("errors.kpi_relative_needs_base")),
    Case("relative kpi target with the wrong sign", INIT,
         _kpi("      2025: {change_percent: 50, base_fy: 2023}\n", "    baseline: {fy: 2023, value: 30}\n",
              "decrease", "分"),
         "kpi_change_sign", 14, "kpis[0].targets.2025.change_percent",
         msg("errors.kpi_change_sign", value=50, direction="小さいほど良い")),
    Case("10 MB text field", INIT, "title: a\npurpose: " + "あ" * 3_500_000 + "\n", "file_too_large", None, "",
         msg("errors.file_too_large", size=10253, limit=2048)),
    Case("overlong text field", INIT, "title: a\npurpose: " + "あ" * 20001 + "\n", "schema.anyOf", 2, "purpose",
         msg("errors.too_long", length=20001, limit=20000)),
    Case("file name not usable as id", f"{W}/initiatives/Online Application.yml", "title: a\n", "bad_file_name",
         None, "", msg("errors.bad_file_name", value="Online Application.yml")),
    Case("duplicate initiative id", f"{W}/initiatives/online.yaml", "title: a\n", "duplicate_initiative", None, "",
         msg("errors.duplicate_initiative", value="online"), reported_file=INIT),
    Case("theme id with path traversal", f"{W}/plan.yml",
         "municipality: 架空市\ntitle: t\nperiod: {start: 2023, end: 2025}\nthemes:\n  - id: ../../etc\n    name: x\n",
         "schema.pattern", 5, "themes[0].id", msg("errors.bad_id", value="../../etc")),
    Case("chapter file with path traversal", f"{W}/plan.yml",
         "municipality: 架空市\ntitle: t\nperiod: {start: 2023, end: 2025}\nchapters:\n"
         "  - {id: x, title: x, file: ../../../etc/passwd}\n",
         "schema.pattern", 5, "chapters[0].file", msg("errors.bad_chapter_file", value="../../../etc/passwd")),
    Case("period reversed", f"{W}/plan.yml", "municipality: 架空市\ntitle: t\nperiod: {start: 2026, end: 2023}\n",
         "period_reversed", 3, "period", msg("errors.period_reversed", start=2026, end=2023)),
    Case("duplicate theme id", f"{W}/plan.yml",
         "municipality: 架空市\ntitle: t\nperiod: {start: 2023, end: 2025}\nthemes:\n  - id: a\n    name: x\n"
         "    children:\n      - id: a\n        name: y\n",
         "duplicate_id", 8, "themes[0].children[0].id", msg("errors.duplicate_id", value="a", kind="テーマ")),
    Case("missing chapter file", f"{W}/chapters/background.md", None, "chapter_missing", 33, "chapters[0].file",
         msg("errors.chapter_missing", value="chapters/background.md"), reported_file=f"{W}/plan.yml"),
    Case("raw html in a chapter", f"{W}/chapters/background.md", "本文\n\n<script>alert(1)</script>\n", "raw_html",
         3, "", msg("errors.raw_html", value="<script>")),
    Case("broken link in a chapter", f"{W}/chapters/background.md", f"[取組]({link_from_chapter(Kind.INITIATIVE, 'nothing')})\n",
         "chapter_link_broken", 1, "", msg("errors.chapter_link_broken", value=link_from_chapter(Kind.INITIATIVE, "nothing"))),
    # Ids that would take the address of a generated page (the same table builds the URLs).
    *[Case(f"chapter id {name} is a generated page", f"{W}/plan.yml",
           "municipality: 架空市\ntitle: t\nperiod: {start: 2023, end: 2025}\nchapters:\n"
           f"  - {{id: {name}, title: x, file: chapters/background.md}}\n",
           "reserved_chapter_id", 5, "chapters[0].id", msg("errors.reserved_chapter_id", value=name))
      for name in sorted(urls.RESERVED_CHAPTER_IDS)],
    Case("plan id search is the search page", "plans/search/site.txt", "x", "reserved_plan_id", None, "",
         msg("errors.reserved_plan_id", value="search"), reported_file="plans/search",
         extra=lambda root: __import__("shutil").copytree(root / "plans/sample", root / "plans/search")),
    Case("initiative order names a missing file", f"{W}/plan.yml",
         "municipality: 架空市\ntitle: t\nperiod: {start: 2023, end: 2025}\ninitiatives: [online, paperless, gone]\n",
         "order_unknown", 4, "initiatives[2]", msg("errors.order_unknown", value="gone")),
    Case("bad release date", "plans/sample/releases/1.1/release.yml", 'label: "1.1"\ndate: 2024-13-01\n',
         "schema.pattern", 2, "date", msg("errors.bad_date", value="2024-13-01")),
    Case("version label used twice", "plans/sample/history.yml",
         'versions:\n  - label: "1.0"\n    date: 2022-03-31\n', "duplicate_label", 1, "label",
         msg("errors.duplicate_label", value="1.0"), reported_file="plans/sample/releases/1.0/release.yml"),
    Case("version dated before the previous one", "plans/sample/history.yml",
         'versions:\n  - label: "0.8"\n    date: 2022-03-31\n  - label: "0.9"\n    date: 2021-01-01\n',
         "version_date_order", 5, "versions[1].date",
         msg("errors.version_date_order", label="0.9", date="2021-01-01", prev_label="0.8", prev_date="2022-03-31")),
    Case("undated version without precedes", "plans/sample/releases/1.1/release.yml", 'label: "1.1"\n',
         "version_undated", 1, "", msg("errors.version_undated")),
    Case("frozen 版 edited by hand", "plans/sample/releases/1.0/initiatives/paperless.yml",
         'number: "No.2"\ntitle: ペーパーレス化（修正）\ntheme: service\n', "frozen_changed", None, "",
         msg("errors.frozen_changed", value="1.0/initiatives/paperless.yml")),
    Case("file added to a frozen 版", "plans/sample/releases/1.0/initiatives/extra.yml", "title: 追加\n",
         "frozen_added", None, "", msg("errors.frozen_added", value="1.0/initiatives/extra.yml")),
    Case("file deleted from a frozen 版", "plans/sample/releases/1.0/initiatives/paperless.yml", None,
         "frozen_missing", None, "", msg("errors.frozen_missing", value="1.0/initiatives/paperless.yml")),
    Case("frozen 版 without manifest", "plans/sample/releases/1.0/manifest.json", None, "manifest_missing", None, "",
         msg("errors.manifest_missing")),
]


def _write(root: Path, case: Case) -> None:
    if case.extra is not None:
        case.extra(root)
    path = root / case.path
    if case.text is None:
        path.unlink()
    elif isinstance(case.text, bytes):
        path.write_bytes(case.text)
    else:
        path.write_text(case.text, encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_precisely(basic_content: Path, case: Case):
    _write(basic_content, case)
    result = load_valid_site(basic_content)
    matching = [p for p in result.problems if p.code == case.code]
    assert matching, f"expected {case.code}, got: " + "\n".join(p.format() for p in result.problems)
    problem = matching[0]
    # named from the content folder as given (here an absolute path)
    assert problem.file == (basic_content / (case.reported_file or case.path)).as_posix()
    assert problem.line == case.line
    assert problem.field == case.field
    assert case.message in problem.message
    assert problem.hint  # every problem says how to fix it


def test_the_fixture_itself_is_valid(basic_content: Path):
    assert not load_valid_site(basic_content).problems


def test_all_problems_are_reported_in_one_run(basic_content: Path):
    (basic_content / INIT).write_text("title: a\ndepartments: [市民科]\ntheme: nothing\n", encoding="utf-8")
    (basic_content / f"{W}/initiatives/paperless.yml").write_text("title: [\n", encoding="utf-8")
    (basic_content / f"{W}/initiatives/reservation.yml").write_text("titel: x\n", encoding="utf-8")
    codes = sorted(p.code for p in load_valid_site(basic_content).problems)
    assert codes == sorted(["unknown_department", "unknown_theme", "yaml_syntax", "schema.additionalProperties",
                            "schema.required"])


@pytest.mark.parametrize("target", [
    *(link_from_chapter(kind) for kind in (Kind.DATA, Kind.PRINT, Kind.KPI, Kind.DEPARTMENTS, Kind.PLAN_HOME)),
    *(relative_url(urls.data_file(urls.plan_base("sample"), name), CHAPTER) for name in ("plan.json", "kpis.csv")),
    relative_url(urls.revision_entry("sample", "1.0"), CHAPTER),
    relative_url(CHAPTER, urls.latest_page("sample", Kind.CHAPTER, "other"))])   # the chapter, by its folder
def test_chapter_links_to_every_edition_page_are_valid(basic_content: Path, target: str):
    # The link checker knows the same pages the site has (pages/urls.py), data and print included.
    (basic_content / f"{W}/chapters/background.md").write_text(f"[リンク]({target})\n", encoding="utf-8")
    assert not load_valid_site(basic_content).problems


def test_misspelt_field_suggests_the_right_one(basic_content: Path):
    (basic_content / INIT).write_text("title: a\ndepartmens: [市民課]\n", encoding="utf-8")
    problem = next(p for p in load_valid_site(basic_content).problems if p.code == "schema.additionalProperties")
    assert problem.hint == msg("hints.did_you_mean", suggestion="departments")


def test_number_of_rule_cases():
    # The corpus grows with every rule; keep it at least this large.
    assert len(CASES) >= 40


def test_the_rules_run_on_a_loaded_plan_and_add_to_its_problems(basic_content: Path):
    """The rules across files, called directly on what the loader read (load_valid_site
    runs them on every plan, as the cases above do)."""
    from generator.load.loader import load_site
    from generator.load.problems import Problems
    from generator.validate.rules import check_loaded_plan
    (basic_content / INIT).write_text("title: a\ndepartments: [市民科]\n", encoding="utf-8")
    loaded = load_site(basic_content)
    assert not loaded.problems                     # each file on its own is fine
    problems = Problems(basic_content)
    check_loaded_plan(loaded.plans[0], loaded.site, problems)
    assert [(p.code, p.line) for p in problems] == [("unknown_department", 2)]
