"""The citizen experience in headless Chromium: axe-core, keyboard, phone widths, filters, sorting."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.quality.browser import axe_violations


SAMPLE_PAGES = {
    "home": "gotsu/",
    "index": "kashima/initiatives/",
    "initiative": "kashima/initiatives/no09/",
    "kpi": "kashima/kpi/",
    "revisions": "gotsu/revisions/",
    "diff": "gotsu/compare/pre-1.5/1.5/",
    "archived": "gotsu/v/pre-1.5/initiatives/online-application-app/",
    "departments": "kashima/departments/",
    "chapter": "gotsu/dx-promotion/",
    "print": "gotsu/print/",
    "site home": "",
    "guide": "guide/errors/",
}
BASIC_PAGES = {"kpi with actuals": "sample/kpi/", "initiative with chart": "sample/initiatives/online/",
               "home with statuses": "sample/"}


def _axe(page) -> list[dict]:
    return axe_violations(page)


@pytest.mark.parametrize("name", list(SAMPLE_PAGES))
def test_axe_finds_no_wcag_violation_on_sample_pages(browser, sample_url, name):
    page = browser.new_page()
    page.goto(sample_url + SAMPLE_PAGES[name], wait_until="networkidle")
    assert _axe(page) == []
    page.close()


@pytest.mark.parametrize("name", list(BASIC_PAGES))
def test_axe_finds_no_wcag_violation_on_pages_with_charts(browser, basic_url, name):
    page = browser.new_page()
    page.goto(basic_url + BASIC_PAGES[name], wait_until="networkidle")
    assert _axe(page) == []
    page.close()


@pytest.mark.parametrize("path", list(SAMPLE_PAGES.values()))
@pytest.mark.parametrize("width, scale", [(390, 1), (640, 2)], ids=["phone", "zoom-200%"])
def test_no_sideways_scrolling(browser, sample_url, path, width, scale):
    """390 px phones, and 1280 px at 200% zoom (= 640 CSS px): content reflows."""
    page = browser.new_page(viewport={"width": width, "height": 800}, device_scale_factor=scale)
    page.goto(sample_url + path, wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    page.close()


def test_filters_work_without_reload_keep_state_in_url_and_by_keyboard(browser, sample_url):
    page = browser.new_page()
    page.goto(sample_url + "kashima/initiatives/", wait_until="networkidle")
    cards = page.locator(".pp-card")
    total = cards.count()
    assert total == 51
    select = page.get_by_label("担当課")
    select.focus()
    select.select_option("総務課")  # keyboard users change the select the same way
    visible = page.locator(".pp-card:not([hidden])")
    assert 0 < visible.count() < total
    for i in range(visible.count()):
        assert "総務課" in visible.nth(i).inner_text()
    assert "department=" in page.url
    assert f"{visible.count()}件の取組を表示しています" in page.get_by_role("status").filter(has_text="件の取組").inner_text()
    shown = visible.count()
    page.reload(wait_until="networkidle")
    assert page.get_by_label("担当課").input_value() == "総務課"
    assert page.locator(".pp-card:not([hidden])").count() == shown
    page.get_by_label("柱").select_option("talent")   # the plan calls its themes 柱
    assert all("人財育成" in page.locator(".pp-card:not([hidden])").nth(i).inner_text()
               for i in range(page.locator(".pp-card:not([hidden])").count()))
    page.get_by_role("button", name="条件をクリア").press("Enter")
    page.wait_for_function("document.querySelectorAll('.pp-card:not([hidden])').length === 51")
    page.close()


def test_without_javascript_the_index_is_a_full_grouped_list(browser, sample_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_url + "kashima/initiatives/")
    assert page.locator(".pp-card").count() == 51
    assert not page.locator("form[data-pp-filters]").is_visible()
    assert page.locator("section.pp-group h2").count() == 3  # grouped by pillar
    context.close()


def test_kpi_table_sorts_by_judgement(browser, basic_url):
    page = browser.new_page()
    page.goto(basic_url + "sample/kpi/", wait_until="networkidle")
    header = page.locator("th[data-sort='judgement']")
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    first = page.locator("table[data-pp-sortable] tbody tr").first.inner_text()
    assert "順調" in first
    header.get_by_role("button").press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert "未測定" in page.locator("table[data-pp-sortable] tbody tr").first.inner_text()
    page.close()


def test_compare_form_opens_the_diff_page(browser, sample_url):
    page = browser.new_page()
    page.goto(sample_url + "gotsu/revisions/", wait_until="networkidle")
    form = page.locator("form[data-pp-compare]")
    form.get_by_label("比べる元の版").select_option("1.5")
    form.get_by_label("比べる先の版").select_option("pre-1.5")
    with page.expect_navigation():
        form.get_by_role("button", name="比較する").click()
    assert page.url.endswith("gotsu/compare/pre-1.5/1.5/")
    # The markers are in the text a screen reader reads, but take no space on screen.
    markers = page.locator("del .pp-sr, ins .pp-sr")
    assert page.locator("del .pp-sr").count() > 0 and page.locator("ins .pp-sr").count() > 0
    assert "［削除］" in page.locator("del").first.text_content()
    assert "［追加］" in page.locator("ins").first.text_content()
    for index in range(min(markers.count(), 20)):
        box = markers.nth(index).bounding_box()
        assert box is not None and box["width"] <= 1 and box["height"] <= 1, box
        assert markers.nth(index).evaluate("e => getComputedStyle(e).clip") == "rect(0px, 0px, 0px, 0px)"
    page.close()


def test_charts_have_text_alternatives(browser, basic_url):
    page = browser.new_page()
    page.goto(basic_url + "sample/kpi/", wait_until="networkidle")
    chart = page.locator("figure.pp-chart svg").first
    assert chart.get_attribute("role") == "img"
    described = chart.get_attribute("aria-labelledby").split()
    text = " ".join(page.locator(f"#{i}").text_content() for i in described)
    assert "目標値" in text and "実績値" in text and "10件" in text
    page.close()
