"""What a citizen meets on the pages (issue 22, parts 3, 4 and 6), in headless Chromium at
390 px and 1280 px: the compare page leads with the initiatives, chapter tables fit or scroll
as a focusable labelled region, the reading aids open from the header, the drawer closes from
its own button, the back-to-top button covers no form, chips never break, each fact once.
Each page is loaded once per viewport; every check runs on that load."""

from __future__ import annotations

import pytest

from generator.pages import urls
from generator.pages.kinds import PageKind

from .browser import VIEWPORTS, open_page
from .site_pages import SAMPLE, address


def _open(browser, url: str, viewport: str):
    return open_page(browser, url, VIEWPORTS[viewport]).page

COMPARE = urls.compare("gotsu", "pre-1.5", "1.5")
OLD_NAME = "第1.5版より前の個別業務一覧（版数・発行日の記載なし）"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_compare_page_leads_with_the_initiatives(browser, site_url, viewport):
    page = _open(browser, site_url + COMPARE, viewport)
    main = page.locator("main")
    # a jump list first: changed, added, removed, renamed initiatives, then plan-wide changes
    jumps = page.locator(".pp-jump a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert jumps == ["#kind-changed", "#kind-added", "#kind-removed", "#kind-renamed", "#plan-changes"]
    headings = main.locator("h2").evaluate_all("hs => hs.map(h => h.id)")
    assert headings.index("kind-changed") < headings.index("plan-changes")
    first_change = page.locator("#kind-changed").bounding_box()["y"]
    plan_wide = page.locator("#plan-changes").bounding_box()["y"]
    assert first_change < plan_wide and first_change < 3 * VIEWPORTS[viewport][1]
    # chapter changes behind a disclosure, closed; added chapters as text, not Markdown source
    chapters = page.locator("details.pp-diff-chapters")
    assert chapters.count() == 1 and not chapters.evaluate("d => d.open")
    chapters.locator("summary").click()
    added = page.locator(".pp-diff-chapter--added .pp-diff-chapter__text")
    assert added.count() >= 1
    text = added.first.inner_text()
    assert "## " not in text and "|---" not in text and "**" not in text
    assert added.first.locator("h4, h5, p, li, table").count() > 0
    # insertions: not underlined like a link, marked in words for screen readers
    ins = page.locator("main ins").first
    assert ins.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    assert ins.evaluate("e => getComputedStyle(e).fontWeight") in ("700", "bold")
    assert "［追加］" in ins.evaluate("e => e.textContent") and "［ここまで］" in ins.evaluate("e => e.textContent")
    # each initiative named once in its section; the long 版 name once on the page's text
    for section in page.locator(".pp-diff-initiative").all()[:10]:
        title = section.locator("h3").inner_text().strip()
        said = section.evaluate("""(s, title) => [...s.querySelectorAll('*')].filter(e => !e.children.length
            && e.textContent.trim() === title).length""", title)
        assert said == 1 and section.locator("caption").count() == 0, title
    assert main.inner_text().count(OLD_NAME) == 1
    page.context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_chapter_tables_fit_or_scroll_as_a_focusable_labelled_region(browser, site_url, viewport):
    page = _open(browser, site_url + address("gotsu", PageKind.CHAPTER, "dx-approach"), viewport)
    boxes = page.locator("main .pp-table-scroll")
    assert boxes.count() >= 1
    for box in boxes.all():
        state = box.evaluate("""b => ({scrolls: b.scrollWidth > b.clientWidth + 1, tab: b.tabIndex,
            role: b.getAttribute('role'), label: b.getAttribute('aria-label') || '',
            cue: getComputedStyle(b, '::before').content})""")
        if state["scrolls"]:
            assert state["tab"] == 0 and state["role"] == "region" and "横にスクロール" in state["label"], state
            assert "横にスクロール" in state["cue"]
        else:
            assert state["tab"] == -1 and state["role"] is None, state
    # the table fits the page itself: nothing past the right edge
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_reading_aids_open_from_the_header_of_a_page(browser, site_url, viewport):
    page = _open(browser, site_url + SAMPLE["plan home"], viewport)
    summary = page.locator("header [data-pp-reading-menu] summary")
    assert summary.is_visible() and summary.inner_text() == "文字・ふりがな"
    summary.click()
    furigana = page.locator("header [data-pp-furigana]")
    furigana.click()
    page.wait_for_selector("main ruby")
    assert page.locator("main ruby", has_text="江津").first.locator("rt").inner_text() == "ごうつ"
    page.locator("header [data-pp-text-size='large']").click()
    assert page.evaluate("document.documentElement.classList.contains('pp-text-large')")
    page.keyboard.press("Escape")
    assert not page.locator("header [data-pp-reading-menu]").evaluate("d => d.open")
    page.evaluate("localStorage.clear()")
    page.context.close()


def test_the_drawer_has_a_visible_close_button(browser, site_url):
    page = _open(browser, site_url + address("kashima"), "phone")
    page.locator("[data-pp-menu]").click()
    close = page.locator("#pp-drawer [data-pp-menu-close]")
    close.wait_for(state="visible")
    page.wait_for_timeout(400)   # the drawer slides in
    box = close.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0 and box["height"] >= 40
    assert page.evaluate("document.activeElement === document.querySelector('[data-pp-menu-close]')")
    close.click()
    assert page.locator("[data-pp-menu]").get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement === document.querySelector('[data-pp-menu]')")
    page.context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_back_to_top_covers_no_filter_form(browser, site_url, viewport):
    page = _open(browser, site_url + SAMPLE["initiatives"], viewport)
    form = page.locator("form[data-pp-filters], .pp-filters").first
    page.evaluate("f => window.scrollTo(0, f.getBoundingClientRect().top + scrollY - 80)", form.element_handle())
    page.wait_for_timeout(300)
    # shown as when the reader scrolls back up, measured at once (mkdocs-material hides it on scroll)
    top, box = page.evaluate("""f => { const b = document.querySelector('.md-top'); b.hidden = false;
        const r = (e) => { const x = e.getBoundingClientRect(); return {x: x.x, y: x.y, width: x.width, height: x.height}; };
        return [r(b), r(f)]; }""", form.element_handle())
    overlap = not (top["x"] + top["width"] <= box["x"] or box["x"] + box["width"] <= top["x"]
                   or top["y"] + top["height"] <= box["y"] or box["y"] + box["height"] <= top["y"])
    visible_form = box["y"] < VIEWPORTS[viewport][1] and box["y"] + box["height"] > 0
    assert not (overlap and visible_form and top["y"] < box["y"] + box["height"]), (top, box)
    assert top["y"] > VIEWPORTS[viewport][1] / 2   # bottom of the screen, not over the top of the page
    page.context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_an_initiative_page_says_each_fact_once_and_chips_stay_whole(browser, site_url, viewport):
    page = _open(browser, site_url + SAMPLE["initiative"], viewport)
    text = page.locator("main").inner_text()
    assert text.count("担当課") == 1 and text.count("DX推進室") == 1
    for chip in page.locator("main .pp-judgement").all():
        assert chip.evaluate("c => c.getClientRects().length") == 1   # 「未測定」 never breaks inside
        height = chip.evaluate("c => c.getBoundingClientRect().height")
        line = chip.evaluate("c => parseFloat(getComputedStyle(c).lineHeight) || parseFloat(getComputedStyle(c).fontSize) * 1.6")
        assert height <= line * 1.3
    # visions numbered within their theme are listed with it
    visions = page.locator("#field-visions + ul li, section[aria-labelledby='field-visions'] li").all_inner_texts()
    assert visions and all(v.split(" ")[0] != "①" for v in visions)
    page.context.close()
