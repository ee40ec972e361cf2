"""The citizen experience in headless Chromium, each test on a page of its own: filters
kept in the address and used from the keyboard, the index without JavaScript, sorting, the
compare form, the version switcher. (axe, phone widths and zoom: tests/test_browser_views.py.)"""

from __future__ import annotations

from generator.pages import urls
from generator.pages.kinds import EditionKind, PageKind

from .browser import open_page
from .site_pages import BASIC, SAMPLE


def test_filters_work_without_reload_keep_state_in_url_and_by_keyboard(browser, sample_url):
    page = open_page(browser, sample_url + SAMPLE["initiatives"], (1280, 720)).page
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
    page.context.close()


def test_without_javascript_the_index_is_a_full_grouped_list(browser, sample_url):
    page = open_page(browser, sample_url + SAMPLE["initiatives"], (1280, 720), wait_until="load",
                     java_script_enabled=False).page
    assert page.locator(".pp-card").count() == 51
    assert not page.locator("form[data-pp-filters]").is_visible()
    assert page.locator("section.pp-group h2").count() == 3  # grouped by pillar
    page.context.close()


def test_kpi_table_sorts_by_judgement(browser, basic_url):
    page = open_page(browser, basic_url + BASIC["kpi"], (1280, 720)).page
    header = page.locator("th[data-sort='judgement']")
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    first = page.locator("table[data-pp-sortable] tbody tr").first.inner_text()
    assert "順調" in first
    header.get_by_role("button").press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert "未測定" in page.locator("table[data-pp-sortable] tbody tr").first.inner_text()
    page.context.close()


def test_compare_form_opens_the_diff_page(browser, sample_url):
    page = open_page(browser, sample_url + SAMPLE["revisions"], (1280, 720)).page
    form = page.locator("form[data-pp-compare]")
    form.get_by_label("比べる元の版").select_option("1.5")
    form.get_by_label("比べる先の版").select_option("pre-1.5")
    with page.expect_navigation():
        form.get_by_role("button", name="比較する").click()
    assert page.url == sample_url + urls.compare("gotsu", "pre-1.5", "1.5")
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

def test_version_switcher_works_with_the_keyboard(browser, basic_url):
    latest, frozen = BASIC["initiative"], urls.frozen_page("sample", "1.0", PageKind.INITIATIVE, "online")
    page = open_page(browser, basic_url + latest, (1280, 900)).page
    summary = page.locator("summary", has_text="版を切り替える")
    summary.focus()
    page.keyboard.press("Enter")
    link = page.locator("details.pp-switcher").get_by_role("link", name="第1.0版")
    assert link.is_visible()
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == basic_url + frozen
    # The frozen page itself cannot know about later 版; versions.json tells it.
    newer = page.locator("[data-pp-newer]")
    newer.wait_for(state="visible")
    assert newer.inner_text() == "この版は最新版ではありません。最新版は第1.1版です。"
    newest = urls.edition_base("sample", EditionKind.FROZEN, "1.1")
    assert page.locator("[data-pp-newer]").get_by_role("link", name="第1.1版").evaluate("a => a.href") == basic_url + newest
    with page.expect_navigation():
        page.get_by_role("link", name="最新版の同じページを見る").click()
    assert page.url == basic_url + latest
    page.context.close()
