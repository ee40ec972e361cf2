"""Every page type as a citizen's browser shows it, in headless Chromium: each page is
loaded ONCE per viewport (the `view` fixture) and every check that only reads the page
runs on that load — axe-core, the title on the first screen, the keyboard path, the
language, nothing from another host, no console error, the documented
Content-Security-Policy enforced, no sideways scrolling, tables that fit, readable charts.

Viewports: a phone (390×844), the same phone with the site's own 「特大」 text size, a laptop
(1280×800), a laptop at 400 % zoom (320×800) and at 200 % zoom (640 CSS px at device scale 2). A test names the views it needs
(`@pytest.mark.parametrize("view", [...], indirect=True)`); pytest groups the tests by
view, so a page is opened once for all of them, in the order of this file (the keyboard
checks come after the ones that only read).

To check something new on a page type: add a test here on the views it concerns. A test
that clicks, types or navigates opens its own page (tests/browser.py `open_page`).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from generator.build.deploy import CONTENT_SECURITY_POLICY

from .browser import LAPTOP, PHONE, axe_violations, open_page, reset_focus, serve_directory
from .conftest import ROOT, SAMPLE_CONTENT
from .site_pages import BASIC, MISSING, PREFIX, SAMPLE

ZOOM_400, ZOOM_200 = (320, 800), (640, 800)   # 1280 px at 400 % and at 200 % zoom
VIEWPORTS = {"phone": (PHONE, 1), "laptop": (LAPTOP, 1), "zoom400": (ZOOM_400, 1), "zoom200": (ZOOM_200, 2),
             "phone-xlarge": (PHONE, 1)}
# The reader's text size, as the reading aids store it (theme/assets/planpub-reading.js).
TEXT_SIZES = {"phone-xlarge": "x-large"}
PAGES = {**{f"sample:{name}": ("sample", url) for name, url in SAMPLE.items()},
         **{f"basic:{name}": ("basic", url) for name, url in BASIC.items()}}


def views(pages, viewports) -> list[str]:
    return [f"{page}@{viewport}" for page in pages for viewport in viewports]


# The page types of the sample, and the fixture's pages with charts, KPI actuals and statuses.
CHROME_PAGES = [f"sample:{name}" for name in SAMPLE if name != "initiative with schedule"]
CHART_PAGES = ["basic:kpi", "basic:plan home", "basic:initiative"]
AXE_PAGES = CHROME_PAGES + CHART_PAGES
TABLE_PAGES = ["sample:kpi", "sample:initiative with schedule", "sample:initiative", "sample:compare",
               "sample:data", "sample:departments", "sample:initiatives", "sample:frozen initiative",
               "basic:kpi", "basic:initiative", "basic:compare"]
ZOOM_200_PAGES = ["sample:plan home", "sample:initiatives", "sample:initiative", "sample:kpi", "sample:revisions",
                  "sample:compare", "sample:frozen initiative", "sample:departments", "sample:chapter",
                  "sample:print", "sample:site home", "sample:error list"]
BASIC_PAGES = [f"basic:{name}" for name in BASIC]

# Every view some test needs; each is opened once.
ALL_VIEWS = list(dict.fromkeys(
    views(CHROME_PAGES + CHART_PAGES + TABLE_PAGES + BASIC_PAGES, ["phone", "laptop"]) +
    views(TABLE_PAGES + CHART_PAGES + CHROME_PAGES, ["zoom400"]) + views(ZOOM_200_PAGES, ["zoom200"]) +
    views(CHROME_PAGES, ["phone-xlarge"])))


@pytest.fixture(scope="module")
def bases(sample_site, basic_site):
    """The sample and the fixture under the sub-path of site_url, with the documented
    Content-Security-Policy header (docs/site/guide/deploy.md)."""
    headers = {"Content-Security-Policy": CONTENT_SECURITY_POLICY}
    with serve_directory(sample_site, PREFIX, headers) as sample, serve_directory(basic_site, PREFIX, headers) as basic:
        yield {"sample": sample, "basic": basic}


class View:
    def __init__(self, key: str, loaded, base: str, size: tuple[int, int]):
        self.key, self.loaded, self.page, self.base = key, loaded, loaded.page, base
        self.width, self.height = size
        self.name, self.viewport = key.split("@")


@pytest.fixture(scope="module")
def view(request, browser, bases):
    key = request.param
    page, viewport = key.split("@")
    site, address = PAGES[page]
    size, scale = VIEWPORTS[viewport]
    scripts = tuple(f"try {{ localStorage.setItem('planpub.textSize', '{TEXT_SIZES[viewport]}'); }} catch (e) {{}}"
                    for _ in [0] if viewport in TEXT_SIZES)
    loaded = open_page(browser, bases[site] + address, size, device_scale_factor=scale, init_scripts=scripts)
    yield View(key, loaded, bases[site], size)
    loaded.close()


# ── what every view must be ─────────────────────────────────────────────────────

@pytest.mark.parametrize("view", ALL_VIEWS, indirect=True)
def test_pages_load_in_japanese_without_leaving_the_origin_or_an_error(view):
    page, loaded = view.page, view.loaded
    assert page.locator("html").get_attribute("lang") == "ja"
    assert page.locator("h1").count() >= 1
    origin = urlsplit(view.base).netloc
    foreign = [r for r in loaded.requests if urlsplit(r).netloc not in (origin, "") and not r.startswith("data:")]
    assert foreign == []
    # Nothing the page asks for is missing (the 404 page's own address is, on purpose).
    missing = PAGES[view.name][1]
    assert [f for f in loaded.failed if not f.endswith(missing)] == []
    assert [e for e in loaded.console_errors if not (missing == MISSING and "404 (Not Found)" in e)] == []


@pytest.mark.parametrize("view", ALL_VIEWS, indirect=True)
def test_pages_work_under_the_documented_csp(view):
    # The theme's script ran: it swaps the no-js class and set up its helpers.
    assert view.page.evaluate("document.documentElement.classList.contains('js')")
    assert view.page.evaluate("typeof __md_get === 'function'")
    assert [e for e in view.loaded.console_errors if "Content Security Policy" in e] == []


@pytest.mark.parametrize("view", ALL_VIEWS, indirect=True)
def test_nothing_scrolls_sideways(view):
    """Phones, and 1280 px at 200 % and 400 % zoom (640 and 320 CSS px): content reflows."""
    assert view.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


# Cells out of the viewport that cannot be reached: every cell must lie within the viewport,
# except inside a focusable scrolling table box whose row headings stay put (sticky).
UNREACHABLE_CELLS = """() => {
  const out = [];
  for (const cell of document.querySelectorAll('main table th, main table td')) {
    const box = cell.getBoundingClientRect();
    if (box.width === 0 || (box.left >= 0 && box.right <= innerWidth + 0.5)) continue;
    if (cell.closest('details:not([open])')) continue;   // not on screen (chapter changes on the compare page)
    const scroller = cell.closest('.pp-table-scroll');
    const rowHead = cell.parentElement.querySelector('th[scope="row"]');
    const reachable = scroller && scroller.tabIndex === 0 && scroller.scrollWidth > scroller.clientWidth
      && getComputedStyle(scroller).overflowX === 'auto'
      && rowHead && getComputedStyle(rowHead).position === 'sticky'
      && scroller.getBoundingClientRect().right <= innerWidth + 0.5;
    if (!reachable) out.push(cell.textContent.trim().slice(0, 30) + ' @' + Math.round(box.right));
  }
  return out;
}"""


@pytest.mark.parametrize("view", views(TABLE_PAGES, ["phone", "laptop", "zoom400"]), indirect=True)
def test_tables_fit_without_sideways_scrolling(view):
    width = view.page.evaluate("document.documentElement.scrollWidth")
    assert width <= view.page.evaluate("innerWidth"), f"scrolls sideways: {width}px"
    assert view.page.evaluate(UNREACHABLE_CELLS) == []


CHART_TEXT = """() => [...document.querySelectorAll('figure.pp-chart svg')].map(svg => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
            inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5};
  });
}).flat()"""


@pytest.mark.parametrize("view", ALL_VIEWS, indirect=True)
def test_chart_text_is_at_least_12px_and_never_clipped(view):
    texts = view.page.evaluate(CHART_TEXT)
    assert [t for t in texts if t["px"] < 12] == []
    assert [t["text"] for t in texts if not t["inside"]] == []


@pytest.mark.parametrize("view", views(CHART_PAGES, ["phone", "zoom400", "laptop"]), indirect=True)
def test_the_chart_pages_have_charts(view):
    assert view.page.evaluate(CHART_TEXT), "the page has a chart"


# Issue 22, part 2: at 390 px with 「特大」 and at 320 px (400 % zoom) with the standard size,
# no page type scrolls sideways, no text is cut, no landmark is misplaced, card labels never
# squeeze their values.
# Everything measured in one evaluation: what reaches past the right edge (outside a table
# box that scrolls by itself), text cut with an ellipsis or clipped, the landmarks, and the
# labels of cards.
REFLOW_CHECKS = """() => {
  const W = innerWidth, out = {past: [], cut: [], squeezed: []};
  const shown = (el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden'
    && !el.closest('[hidden], .md-sidebar--primary, .pp-visually-hidden, .pp-sr');
  for (const el of document.querySelectorAll('body *')) {
    if (!shown(el) || el.closest('.pp-table-scroll')) continue;
    const box = el.getBoundingClientRect();
    const parent = el.parentElement.getBoundingClientRect();
    if (box.right > W + 1 && parent.right <= W + 1) out.past.push(el.tagName + '.' + el.className + ' → ' + Math.round(box.right));
    const style = getComputedStyle(el);
    const clips = style.overflowX === 'hidden' || style.textOverflow === 'ellipsis';
    if (clips && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim() && !el.matches('input, select, textarea'))
      out.cut.push(el.tagName + '.' + el.className + ': ' + el.textContent.trim().slice(0, 20));
  }
  for (const td of document.querySelectorAll('table.pp-stack--pairs td[data-label]')) {
    if (!shown(td)) continue;
    const label = getComputedStyle(td, '::before');
    if (label.display !== 'block' && label.maxWidth !== '45%') out.squeezed.push(td.dataset.label);
  }
  const main = document.querySelectorAll('main');
  out.mains = main.length;
  out.navInMain = main.length ? main[0].querySelectorAll('nav, [role=navigation]').length : -1;
  out.emptyNavs = [...document.querySelectorAll('nav')].filter((n) => !n.querySelector('a, button')).length;
  out.width = document.documentElement.scrollWidth;
  return out;
}"""


@pytest.mark.parametrize("view", views(CHROME_PAGES, ["phone-xlarge", "zoom400"]), indirect=True)
def test_every_page_type_reflows_with_no_text_cut(view):
    found = view.page.evaluate(REFLOW_CHECKS)
    width = view.page.evaluate("innerWidth")
    assert found["width"] <= width, (view.key, found["past"])
    assert found["past"] == [] and found["cut"] == [], (view.key, found)
    assert found["squeezed"] == [], view.key
    assert found["mains"] == 1 and found["navInMain"] == 0 and found["emptyNavs"] == 0, (view.key, found)


# ── what some pages must show ───────────────────────────────────────────────────

@pytest.mark.parametrize("view", views(["sample:kpi"], ["phone", "laptop", "zoom400"]), indirect=True)
def test_every_kpi_judgement_is_on_screen(view):
    cells = view.page.locator("td.pp-key")
    assert cells.count() >= 10
    for i in range(cells.count()):
        cell = cells.nth(i)
        cell.scroll_into_view_if_needed()
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= view.width, cell.text_content()
        assert cell.text_content().strip() in {"達成", "順調", "遅れ", "未測定"}
    view.page.evaluate("window.scrollTo(0, 0)")


@pytest.mark.parametrize("view", ["sample:kpi@phone"], indirect=True)
def test_kashima_charts_are_readable_on_a_phone(view):
    texts = view.page.evaluate(CHART_TEXT)
    assert texts and min(t["px"] for t in texts) >= 12 and all(t["inside"] for t in texts)
    assert any(t["text"] == "令和6年度" for t in texts)     # the last year at the right edge, clipped before


@pytest.mark.parametrize("view", ["sample:kpi@phone"], indirect=True)
def test_a_single_value_is_a_figure_and_the_table_stays(view):
    page = view.page
    kpi = page.locator("section.pp-kpi", has=page.locator(".pp-kpi-figure")).first
    assert kpi.locator("svg").count() == 0
    figure = kpi.locator(".pp-kpi-figure").inner_text()
    assert "目標（令和6年度）" in figure
    value = kpi.locator(".pp-kpi-figure__value")
    assert float(page.evaluate("e => getComputedStyle(e).fontSize", value.element_handle())[:-2]) >= 24
    assert kpi.locator("table").count() == 1    # the table fallback is kept


@pytest.mark.parametrize("view", ["sample:compare@phone"], indirect=True)
def test_on_a_phone_a_row_is_a_card_with_its_column_names(view):
    page = view.page
    cell = page.locator("table.pp-diff td[data-label^='変更後']").first
    assert page.evaluate("c => getComputedStyle(c, '::before').content", cell.element_handle()).startswith('"変更後')
    assert cell.bounding_box()["x"] + cell.bounding_box()["width"] <= PHONE[0]


def _content_ids(root) -> set[str]:
    """Every id-like ASCII slug the content declares (themes, visions, chapters, KPIs, initiatives)."""
    from generator.validate import load_valid_site
    site = load_valid_site(root).site
    ids = set()
    for plan in site.plans:
        for content in plan.snapshots.values():
            ids |= {t.id for t in content.all_themes()} | {v.id for v in content.all_visions()}
            ids |= {c.id for c in content.chapters} | {k.id for k in content.all_kpis()}
            ids |= {i.id for i in content.initiatives}
    return {i for i in ids if "-" in i or len(i) > 3}   # short ids like "no09" would match ordinary words


@pytest.mark.parametrize("view", views(["sample:compare"], ["phone", "laptop"]), indirect=True)
def test_compare_pages_show_names_never_ids(view):
    ids = _content_ids(SAMPLE_CONTENT)
    text = view.page.inner_text("main")
    words = set(re.findall(r"[A-Za-z0-9][A-Za-z0-9_-]*", text))
    assert "work-style-reform" in ids and "citizen-services" in ids
    assert sorted(words & ids) == []
    assert "テーマ「① 市民サービスの改革」" in text


@pytest.mark.parametrize("view", ["basic:compare@laptop"], indirect=True)
def test_compare_page_lists_changed_initiatives_first(view):
    headings = view.page.locator("main h2").all_inner_texts()
    kinds = [h for h in headings if h.startswith(("内容が変わった取組", "追加された取組"))]
    assert [k[:2] for k in kinds] == ["内容", "追加"], headings


@pytest.mark.parametrize("view", ["basic:initiative@laptop"], indirect=True)
def test_initiative_page_shows_every_field(view):
    text = view.page.inner_text("main")
    for expected in ["No.1", "オンライン申請", "① 窓口改革", "市民課、政策企画課", "目的", "市役所に来なくても手続きできるようにする",
                     "申請書が紙のみ", "オンライン申請システム", "令和6年度（2024年度）", "システムの本格運用",
                     "10手続で運用開始", "試行手続数 10件", "対象手続の拡大", "オンライン申請できる手続の数",
                     "国が示す26手続を基準とした。", "すべての手続をオンライン化する", "※ 26手続は国の指定による"]:
        assert expected in text, expected


@pytest.mark.parametrize("view", ["basic:kpi@laptop"], indirect=True)
def test_charts_have_text_alternatives(view):
    page = view.page
    chart = page.locator("figure.pp-chart svg").first
    assert chart.get_attribute("role") == "img"
    described = chart.get_attribute("aria-labelledby").split()
    text = " ".join(page.locator(f"#{i}").text_content() for i in described)
    assert "目標値" in text and "実績値" in text and "10件" in text


@pytest.mark.parametrize("view", ["basic:initiatives@laptop"], indirect=True)
def test_group_headings_give_the_full_theme_path(view):
    assert "① 市民サービスの改革 ＞ ① 窓口改革" in view.page.locator(".pp-group h2").all_inner_texts()


@pytest.mark.parametrize("view", ["sample:initiatives@laptop"], indirect=True)
def test_filters_use_the_plans_terms(view):
    page = view.page
    labels = page.locator("form[data-pp-filters] label").all_inner_texts()
    assert labels[0].startswith("柱") and not any(label.startswith("テーマ") for label in labels)
    assert page.locator("select[name=status]").count() == 0    # kashima states no status
    assert page.locator(".pp-card__meta dt", has_text="柱").count() > 0


@pytest.mark.parametrize("view", ["basic:initiatives@laptop"], indirect=True)
def test_filters_offer_only_the_statuses_in_use(view):
    offered = view.page.locator("select[name=status] option").all_inner_texts()[1:]
    used = {t.split("（")[0] for t in view.page.locator(".pp-card .pp-status").all_inner_texts()}
    assert set(offered) == used


# ── accessibility: axe, the title, the keyboard ─────────────────────────────────

@pytest.mark.parametrize("view", views(AXE_PAGES, ["phone", "laptop"]), indirect=True)
def test_axe_finds_no_violation_on_any_page_type(view):
    assert axe_violations(view.page) == [], view.key


@pytest.mark.parametrize("view", views(CHROME_PAGES, ["phone"]), indirect=True)
def test_the_title_starts_in_the_first_320_px_of_a_phone(view):
    top = view.page.evaluate("document.querySelector('h1').getBoundingClientRect().top")
    assert top <= 320, f"{view.key}: h1 at {top} px"


@pytest.mark.parametrize("view", views(CHROME_PAGES, ["phone", "laptop"]), indirect=True)
def test_the_first_tab_stop_is_a_visible_skip_link_to_the_main_text(view):
    page = view.page
    reset_focus(page)
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
        return {text: e.textContent.trim(), visible: e.checkVisibility(), left: r.left, right: r.right,
                top: r.top, bottom: r.bottom}; }""")
    assert focused["text"] == "本文へ移動"
    assert focused["visible"] and focused["left"] >= 0 and focused["top"] >= 0
    assert focused["right"] <= view.width and focused["bottom"] <= view.height
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "pp-main"
    assert page.evaluate("!!document.activeElement.closest('main')")
    # The next Tab continues in the main text (or after it, when the text has no link),
    # past the header and the menu.
    page.keyboard.press("Tab")
    assert page.evaluate("""() => { const main = document.querySelector('main'), e = document.activeElement;
        return main.contains(e) || !!(main.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING); }""")


@pytest.mark.parametrize("view", views(CHROME_PAGES, ["phone", "laptop"]), indirect=True)
def test_no_tab_stop_is_hidden_or_off_screen(view):
    page = view.page
    reset_focus(page)
    for step in range(40):
        page.keyboard.press("Tab")
        stop = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
            return {tag: e.tagName, text: (e.textContent || e.value || '').trim().slice(0, 30),
                    visible: e.checkVisibility({visibilityProperty: true}), left: r.left, right: r.right,
                    width: r.width}; }""")
        if stop["tag"] == "BODY":
            break
        assert stop["visible"], (step, stop)
        assert stop["width"] > 0 and stop["left"] >= 0 and stop["right"] <= view.width + 0.5, (step, stop)


def test_readme_documents_the_same_policy():
    assert CONTENT_SECURITY_POLICY in (ROOT / "README.md").read_text(encoding="utf-8")
