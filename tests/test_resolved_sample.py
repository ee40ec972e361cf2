"""The sample as issue 17 found it: 江津市's latest 版 (第1.5版) leaves the initiative details to
an earlier 個別業務一覧, which the stable address shows labelled with that 版 — now in every
view: the department view, the index's filters, the cards, the KPI list and the open data."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import urljoin

import pytest

from generator.i18n import set_language
from generator.model.resolved import EditionKind, resolve_edition
from generator.pages import urls
from generator.pages.builder import build_pages
from generator.pages.kinds import PageKind
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from .conftest import SAMPLE_CONTENT
from .test_cross_view import definitions, norm, text_of

CARRIED = "（前の版の資料による）"


@pytest.fixture(scope="module")
def gotsu():
    set_language("ja")
    result = load_valid_site(SAMPLE_CONTENT)
    assert not result.problems
    site = result.site
    plan = next(p for p in site.plans if p.id == "gotsu")
    pages = {page.url: page for page in build_pages(site) if page.url.startswith("gotsu/")}
    return site, plan, pages, Renderer()


def linked_initiatives(html: str, page_url: str, plan_id: str = "gotsu") -> list[str]:
    """The ids of the initiatives (of the plan's stable address) that `html`, the page at
    `page_url`, links to, in order."""
    prefix = urls.latest_page(plan_id, PageKind.INITIATIVE, "@").removesuffix("@/")
    found = []
    for href in re.findall(r'href="([^"#?]+)"', html):
        target = urljoin("https://x/" + page_url, href).removeprefix("https://x/")
        if target.startswith(prefix) and target.count("/") == prefix.count("/") + 1:
            found.append(target[len(prefix):-1])
    return found


def _csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_department_view_lists_every_initiative(gotsu):
    site, plan, pages, renderer = gotsu
    departments = urls.latest_page("gotsu", PageKind.DEPARTMENTS)
    html = renderer.render(pages[departments])
    listed = set(linked_initiatives(html, departments))
    assert len(plan.snapshots["1.5"].initiatives) == 28 and len(listed) == 28
    sections = re.findall(r'<section aria-labelledby="dept-\d+">.*?</section>', html, re.S)
    without = next(s for s in sections if "の記載がない取組" in s)
    assert "担当の記載がない取組" in without                       # the plan's own word, 担当
    in_departments = {i for s in sections if s is not without for i in linked_initiatives(s, departments)}
    assert len(in_departments) == 19                                # 担当 from the earlier 個別業務一覧
    assert len(set(linked_initiatives(without, departments))) == 9
    assert "担当別の取組" in text_of(html) and "担当課別" not in text_of(html)
    assert all(CARRIED in s for s in sections if s is not without)


def test_the_index_offers_a_department_filter_with_the_carried_departments(gotsu):
    site, plan, pages, renderer = gotsu
    html = renderer.render(pages[urls.latest_page("gotsu", PageKind.INITIATIVES)])
    select = re.search(r'<select name="department">(.*?)</select>', html, re.S)
    assert select, "no 担当 filter"
    options = re.findall(r'<option value="([^"]+)">', select.group(1))
    assert "政策企画課" in options and len(options) >= 10
    frozen = renderer.render(pages[urls.frozen_page("gotsu", "1.5", PageKind.INITIATIVES)])
    assert '<select name="department">' not in frozen               # 第1.5版's own document names none


def test_the_latest_data_has_the_carried_rows_with_their_source(gotsu):
    site, plan, pages, _ = gotsu
    data = pages[urls.latest_page("gotsu", PageKind.DATA)].context.data_files
    schedule, kpis = _csv(data["schedule.csv"]), _csv(data["kpis.csv"])
    assert len(schedule) > 50 and {r["source_version"] for r in schedule} == {"pre-1.5"}
    assert kpis and {r["source_version"] for r in kpis} == {"pre-1.5"}
    carried = _csv(data["carried_values.csv"])
    assert len({r["initiative_id"] for r in carried}) == 19 and {r["source_version"] for r in carried} == {"pre-1.5"}
    frozen = pages[urls.frozen_page("gotsu", "1.5", PageKind.DATA)].context.data_files
    assert _csv(frozen["schedule.csv"]) == [] and _csv(frozen["kpis.csv"]) == []   # 第1.5版's own document
    assert _csv(frozen["carried_values.csv"]) == []


def test_the_kpi_list_says_where_a_carried_kpi_comes_from(gotsu):
    site, plan, pages, renderer = gotsu
    text = text_of(renderer.render(pages[urls.latest_page("gotsu", PageKind.KPI)]))
    assert norm("5段階評価の平均" + CARRIED) in text
    assert norm("第1.5版より前の個別業務一覧（版数・発行日の記載なし）の資料による") in text


def test_no_card_contradicts_its_page(gotsu):
    site, plan, pages, renderer = gotsu
    index_url = urls.latest_page("gotsu", PageKind.INITIATIVES)
    index = renderer.render(pages[index_url])
    resolved = resolve_edition(plan, plan.latest, EditionKind.LATEST, site)
    cards = re.findall(r'<li class="pp-card".*?</li>', index, re.S)
    assert len(cards) == 28
    for card in cards:
        initiative_id = linked_initiatives(card, index_url)[0]
        page = text_of(renderer.render(pages[urls.latest_page("gotsu", PageKind.INITIATIVE, initiative_id)]))
        for term, value in definitions(card):
            value = value.replace(norm(CARRIED), "")
            if value == "記載なし":   # 「記載なし」 on a card only where the page states nothing either
                item = resolved.initiative(initiative_id)
                assert not item.departments if term == "担当" else not item.status and not item.progress_entry
            else:   # each part (「運用中（令和5年度）」, 「指標名（未測定）」, items of a list) as the page states it
                for part in filter(None, re.split(r"[（）、]", value)):
                    assert part in page, (initiative_id, term, part)


def test_the_print_page_has_the_theme_statements_and_names_the_stage():
    """鹿島市's plan home shows each 柱's statement (基本方針); the printed plan does too, and a
    printed 版 says its stage, so a draft never reads as the adopted plan."""
    set_language("ja")
    site = load_valid_site(SAMPLE_CONTENT).site
    pages = {page.url: page for page in build_pages(site) if page.url.startswith("kashima/")}
    renderer = Renderer()
    home = text_of(renderer.render(pages[urls.latest_page("kashima", PageKind.PLAN_HOME)]))
    printed = renderer.render(pages[urls.latest_page("kashima", PageKind.PRINT)])
    statements = re.findall(r"※基本方針：DX戦略P\d+", home)
    assert statements and all(s in text_of(printed) for s in statements)
    assert re.search(r"<h1>[^<]*（第1期アクションプラン（案））</h1>", printed)
    assert pages[urls.latest_page("kashima", PageKind.PRINT)].title.endswith("（第1期アクションプラン（案））")

    from .conftest import FIXTURES
    patterns = load_valid_site(FIXTURES / "patterns").site
    by_url = {page.url: page for page in build_pages(patterns)}
    adopted = renderer.render(by_url[urls.frozen_page("dates-and-stages", "1.0", PageKind.PRINT)])
    assert "<h1>架空町デジタル化推進計画（第1.0版（策定））</h1>" in adopted
    draft = by_url[urls.frozen_page("dates-and-stages", "1.0-draft", PageKind.PRINT)]
    assert "第1.0版（案）" in draft.title and "第1.0版（案）" in renderer.render(draft)
