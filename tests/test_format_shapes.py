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

from generator.i18n import msg, set_language
from generator.model import schema
from generator.model.diff import flatten_kpi
from generator.model.plan import KpiValue
from generator.model.resolved import EditionKind, resolve_edition
from generator.pages import opendata
from generator.pages.builder import build_pages
from generator.render.renderer import Renderer
from generator.staff.sheets import kpis as kpi_sheet
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
    kpi_page = page_text(pages, "planned-surveys/kpi/")
    assert "2024年3月調査予定" in kpi_page and "2025年調査予定" in kpi_page
    assert "2024年3月時点" in kpi_page          # the figure that exists (900件) keeps its date
    assert "2025年3月調査予定" in kpi_page and "2025年3月時点" not in kpi_page
    assert msg("ui.kpi_reasons.survey_planned") in kpi_page


def test_a_planned_survey_is_in_the_open_data_and_its_dictionary(loaded):
    rows = opendata.kpi_rows(latest(loaded, "planned-surveys"))
    names = [c.name for c in opendata.kpi_columns()]
    column = names.index("survey_planned")
    planned = {(r[0], r[names.index("value_type")], r[names.index("value")]): r[column] for r in rows}
    assert planned[("satisfaction", "baseline", "")] == "2024-03"
    assert planned[("satisfaction", "actual", "")] == "2025"
    assert planned[("answers", "actual", "")] == "2025-03"
    assert planned[("answers", "actual", "900")] == ""
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
