"""The site's chrome on a phone (390×844) and a laptop (1280×800), in headless Chromium:
the title comes first, the skip link is the first Tab stop, nothing hidden or off-screen
takes focus, the header searches, the menu and the plan's pages work from the keyboard,
the 404 page is Japanese, styled and linked at two base paths, axe finds nothing."""

from __future__ import annotations

import dataclasses
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.i18n import set_language
from generator.pages.builder import build_pages
from generator.pages.chrome import page_chrome
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from .browser import serve_directory
from .conftest import FIXTURES, ROOT, SAMPLE_CONTENT, run_cli
from .test_browser_citizen import _axe

PREFIX = "/dx/plan"        # the path of site_url in mkdocs.yml
PAGES = {
    "site home": "",
    "plan home": "gotsu/",
    "initiatives": "kashima/initiatives/",
    "initiative": "kashima/initiatives/no09/",
    "kpi": "kashima/kpi/",
    "departments": "kashima/departments/",
    "revisions": "gotsu/revisions/",
    "compare": "gotsu/compare/pre-1.5/1.5/",
    "chapter": "gotsu/dx-promotion/",
    "data": "gotsu/data/",
    "search": "search/?q=%E7%94%B3%E8%AB%8B",
    "print": "kashima/print/",
    "frozen edition": "gotsu/v/pre-1.5/",
    "frozen initiative": "gotsu/v/pre-1.5/initiatives/online-application-app/",
    "guide": "guide/format/",
    "404": "a/b/c/missing",
}
VIEWPORTS = {"phone": (390, 844), "laptop": (1280, 800)}


@pytest.fixture(scope="module")
def site_url(sample_site):
    """The sample site served under the sub-path its site_url names; missing pages get 404.html."""
    with serve_directory(sample_site, prefix=PREFIX) as url:
        yield url


@pytest.fixture(scope="module")
def root_site(tmp_path_factory) -> Path:
    """The fixture plan built for the server root (site_url without a path)."""
    folder = tmp_path_factory.mktemp("root")
    config = folder / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("site_url: https://www.city.example.lg.jp/dx/plan/", "site_url: https://dx.example.jp/")
    text = text.replace("docs_dir: docs/site", f"docs_dir: {ROOT / 'docs/site'}")
    config.write_text(text, encoding="utf-8")
    site_dir = folder / "site"
    result = run_cli("build", "--config", str(config), "--content", str(FIXTURES / "basic"),
                     "--site-dir", str(site_dir), "--cache-dir", str(folder / "cache"))
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def _open(browser, url: str, viewport: str):
    width, height = VIEWPORTS[viewport]
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url, wait_until="networkidle")
    return page


@pytest.mark.parametrize("name", list(PAGES))
def test_the_title_starts_in_the_first_320_px_of_a_phone(browser, site_url, name):
    page = _open(browser, site_url + PAGES[name], "phone")
    top = page.evaluate("document.querySelector('h1').getBoundingClientRect().top")
    assert top <= 320, f"{name}: h1 at {top} px"
    page.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_the_first_tab_stop_is_a_visible_skip_link_to_the_main_text(browser, site_url, name, viewport):
    page = _open(browser, site_url + PAGES[name], viewport)
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
        return {text: e.textContent.trim(), visible: e.checkVisibility(), left: r.left, right: r.right,
                top: r.top, bottom: r.bottom}; }""")
    assert focused["text"] == "本文へ移動"
    assert focused["visible"] and focused["left"] >= 0 and focused["top"] >= 0
    assert focused["right"] <= VIEWPORTS[viewport][0] and focused["bottom"] <= VIEWPORTS[viewport][1]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "pp-main"
    assert page.evaluate("!!document.activeElement.closest('main')")
    # The next Tab continues in the main text (or after it, when the text has no link),
    # past the header and the menu.
    page.keyboard.press("Tab")
    assert page.evaluate("""() => { const main = document.querySelector('main'), e = document.activeElement;
        return main.contains(e) || !!(main.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING); }""")
    page.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", list(PAGES))
def test_no_tab_stop_is_hidden_or_off_screen(browser, site_url, name, viewport):
    page = _open(browser, site_url + PAGES[name], viewport)
    width = VIEWPORTS[viewport][0]
    for step in range(40):
        page.keyboard.press("Tab")
        stop = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
            return {tag: e.tagName, text: (e.textContent || e.value || '').trim().slice(0, 30),
                    visible: e.checkVisibility({visibilityProperty: true}), left: r.left, right: r.right,
                    width: r.width}; }""")
        if stop["tag"] == "BODY":
            break
        assert stop["visible"], (step, stop)
        assert stop["width"] > 0 and stop["left"] >= 0 and stop["right"] <= width + 0.5, (step, stop)
    page.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_header_search_sends_the_query_to_the_search_page(browser, site_url, viewport):
    page = _open(browser, site_url + PAGES["frozen initiative"], viewport)
    box = page.get_by_role("searchbox", name="サイト内を検索")
    box.fill("申請")
    with page.expect_navigation():
        box.press("Enter")
    assert re.search(r"/dx/plan/search/\?q=%E7%94%B3%E8%AB%8B$", page.url), page.url
    assert page.locator("#pp-search-input").input_value() == "申請"
    page.locator("[data-pp-search-results] li").first.wait_for()
    page.close()


def test_the_header_search_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "kashima/kpi/")
    page.get_by_role("searchbox", name="サイト内を検索").fill("窓口")
    with page.expect_navigation():
        page.get_by_role("button", name="検索", exact=True).first.click()
    assert page.url.endswith("/dx/plan/search/?q=%E7%AA%93%E5%8F%A3")
    context.close()


@pytest.mark.parametrize("name", ["site home", "initiative", "frozen initiative", "guide"])
def test_the_menu_opens_and_closes_from_the_keyboard(browser, site_url, name):
    page = _open(browser, site_url + PAGES[name], "phone")
    button = page.get_by_role("button", name="メニュー")
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.locator("#pp-drawer a").first.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(400)   # the drawer slides in
    focused = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
        return {inDrawer: !!e.closest('#pp-drawer'), left: r.left, right: r.right}; }""")
    assert focused["inDrawer"] and focused["left"] >= 0 and focused["right"] <= 390
    drawer = page.locator("#pp-drawer")
    # Every plan's pages on portal pages; a plan page lists its own plan and the way to all plans.
    if name in ("site home", "guide"):
        for plan in ("江津市 スマートシティ江津推進構想アクションプラン", "鹿島市 かしまデジタル変革（DX）戦略"):
            assert drawer.get_by_role("link", name=re.compile(re.escape(plan))).is_visible()
        assert drawer.get_by_role("link", name="取組一覧").count() == 2
    else:
        assert drawer.get_by_role("link", name="取組一覧").is_visible()
        assert drawer.get_by_role("link", name="すべての計画の一覧").is_visible()
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('data-pp-menu')") == ""
    page.wait_for_timeout(400)   # the drawer slides out
    assert not page.locator("#pp-drawer a").first.is_visible()
    page.close()


def test_tabbing_out_of_the_open_menu_closes_it(browser, site_url):
    """Focus never lands on a page element the open drawer covers (WCAG 2.4.11)."""
    page = _open(browser, site_url + PAGES["initiative"], "phone")
    button = page.get_by_role("button", name="メニュー")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)   # the drawer slides in
    for _ in range(60):
        page.keyboard.press("Tab")
        outside = page.evaluate("() => !document.activeElement.closest('#pp-drawer')")
        if outside:
            break
    assert outside, "Tab never left the drawer"
    assert button.get_attribute("aria-expanded") == "false"
    page.wait_for_timeout(400)   # the drawer slides out
    assert not page.locator("#pp-drawer a").first.is_visible()
    page.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_plan_pages_and_the_version_badge_open_from_the_keyboard(browser, site_url, viewport):
    page = _open(browser, site_url + "gotsu/kpi/", viewport)
    menu = page.locator("details.pp-plan-menu")
    link = menu.get_by_role("link", name="改訂履歴")
    assert not link.is_visible()
    menu.locator("summary").focus()
    page.keyboard.press("Enter")
    assert link.is_visible()
    badge = page.locator("details.pp-switcher summary")
    assert "第1.5版 版を切り替える" in badge.inner_text()
    badge.focus()
    page.keyboard.press("Enter")
    earlier = page.locator("details.pp-switcher").get_by_role("link", name=re.compile("^第1.5版より前"))
    earlier.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/dx/plan/gotsu/v/pre-1.5/kpi/")
    page.close()


def _not_found(url: str) -> tuple[int, str]:
    try:
        urllib.request.urlopen(url)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    raise AssertionError(f"{url} was found")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("where", ["sub-path", "root"])
def test_the_404_page_is_japanese_styled_and_linked_at_any_depth(browser, sample_site, root_site, where, viewport):
    site, prefix = (sample_site, PREFIX) if where == "sub-path" else (root_site, "")
    with serve_directory(site, prefix=prefix) as base:
        for missing in ("missing", "a/b/c/missing", "gotsu/initiatives/gone/"):
            status, body = _not_found(base + missing)
            assert status == 404 and '<html lang="ja"' in body
            page = _open(browser, base + missing, viewport)
            assert page.locator("h1").inner_text() == "ページが見つかりません"
            # Styled by the site's stylesheet (planpub.css), at every depth.
            assert page.evaluate("getComputedStyle(document.querySelector('.pp-footer')).backgroundColor") == \
                "rgb(238, 240, 244)"
            main = page.locator("#pp-main")
            home = main.get_by_role("link", name=re.compile("サイトのトップ"))
            assert home.get_attribute("href") == prefix + "/"
            plans = main.locator(".pp-plan-list a")
            assert plans.count() >= 1
            for index in range(plans.count()):
                href = plans.nth(index).get_attribute("href")
                with urllib.request.urlopen(f"{base.split(prefix + '/')[0]}{href}" if prefix else base + href.lstrip("/")) as response:
                    assert response.status == 200
            assert main.get_by_role("searchbox").count() == 1
            assert _axe(page) == []
            with page.expect_navigation():
                home.click()
            assert page.url == base
            page.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violation_on_any_page_type(browser, site_url, name):
    for viewport in VIEWPORTS:
        page = _open(browser, site_url + PAGES[name], viewport)
        assert _axe(page) == [], (name, viewport)
        page.close()


def test_the_footer_says_who_to_ask_the_licence_and_the_publisher():
    """The plan's contact (plan.yml `contact`), its licence and site.yml's publisher, in the footer."""
    set_language("ja")
    result = load_valid_site(FIXTURES / "basic")
    assert not result.problems
    site = dataclasses.replace(result.site, publisher="架空市 企画部 DX推進課", licence="CC BY 4.0")
    plan = site.plans[0]
    plan.snapshots[plan.latest.id].contact = _contact()
    page = next(p for p in build_pages(site) if p.url == "sample/kpi/")
    footer = Renderer().render_chrome(page_chrome(page.context), page.url)["footer"]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", footer))
    for expected in ("問い合わせ先", "DX推進室", "電話: 0000-00-0000", "mail@example.jp", "架空市 企画部 DX推進課",
                     "CC BY 4.0", "更新のお知らせ（フィード）", "フィードリーダー"):
        assert expected in text, expected
    assert 'href="tel:0000000000"' in footer and 'href="../feed.xml"' in footer
    assert "Atom" not in text


def test_the_footer_has_no_contact_when_the_plan_states_none(sample_site):
    html = (sample_site / "gotsu/kpi/index.html").read_text(encoding="utf-8")
    footer = html[html.index('<footer class="md-footer pp-footer">'):]
    assert "問い合わせ先" not in footer
    assert "更新のお知らせ（フィード）" in footer and "CC BY 4.0" in footer


def _contact():
    from generator.model.plan import Contact
    return Contact(name="DX推進室", phone="0000-00-0000", email="mail@example.jp")


def test_the_contact_in_plan_yml_is_checked(tmp_path):
    import shutil
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", content)
    plan_yml = content / "plans/sample/working/plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8") + "contact:\n  phone: 0000-00-0000\n  fax: 1\n",
                        encoding="utf-8")
    result = run_cli("validate", "--content", str(content))
    assert result.returncode != 0
    assert "plan.yml" in result.stdout + result.stderr and "fax" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


# ── ふりがな and the text size ──────────────────────────────────────────────────

HIRAGANA = re.compile(r"^[\u3041-\u3096\u30fc]+$")


def _open_reading_aids(page):
    """The reading aids open from the header of every page (issue 22)."""
    page.locator("header [data-pp-reading-menu] summary").click()


def test_furigana_is_fetched_only_when_turned_on_and_remembered_on_the_next_page(browser, site_url, sample_site):
    raw = (sample_site / "kashima/initiatives/no09/index.html").read_bytes()
    assert b"<ruby" not in raw and b"<rt" not in raw
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "kashima/initiatives/no09/", wait_until="networkidle")
    assert not any("ruby" in url for url in requests)
    assert page.locator("#pp-main ruby").count() == 0
    _open_reading_aids(page)
    toggle = page.get_by_role("button", name="ふりがなを表示")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.focus()
    page.keyboard.press("Enter")
    page.locator("#pp-main h1 ruby").first.wait_for()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert [url for url in requests if "ruby" in url] == [site_url + "kashima/initiatives/no09/index.ruby.json"]
    readings = page.evaluate("[...document.querySelectorAll('#pp-main rt')].map(r => r.textContent)")
    assert len(readings) > 50 and all(HIRAGANA.match(r) for r in readings), readings[:20]
    bases = page.evaluate("[...document.querySelectorAll('#pp-main ruby')].map(r => r.firstChild.data)")
    assert all(re.search(r"[\u3400-\u9fff々]", base) for base in bases)
    # The text reads the same (ruby only adds readings) and nothing left the site.
    title = page.evaluate("(() => { const h = document.querySelector('#pp-main h1').cloneNode(true);"
                          " h.querySelectorAll('rt').forEach(r => r.remove()); return h.textContent; })()")
    assert "電子機器等の操作に不慣れな方へのスマホ教室" in title
    assert all(url.startswith(site_url) for url in requests)
    # Remembered on the next page, and off again with one press.
    page.goto(site_url + "kashima/kpi/", wait_until="networkidle")
    page.locator("#pp-main ruby").first.wait_for()
    _open_reading_aids(page)
    page.get_by_role("button", name="ふりがなを表示").click()
    assert page.locator("#pp-main ruby").count() == 0
    page.goto(site_url + "gotsu/", wait_until="networkidle")
    assert page.locator("#pp-main ruby").count() == 0
    context.close()


def test_the_text_size_is_remembered_and_applied_before_the_page_shows(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url + "gotsu/", wait_until="networkidle")
    size = "getComputedStyle(document.documentElement).fontSize"
    normal = float(page.evaluate(size).rstrip("px"))
    _open_reading_aids(page)
    sizes = page.locator("fieldset", has_text="文字の大きさ")
    large = sizes.get_by_role("button", name="大", exact=True)
    large.focus()
    page.keyboard.press("Enter")
    assert large.get_attribute("aria-pressed") == "true"
    assert float(page.evaluate(size).rstrip("px")) == pytest.approx(normal * 1.5 / 1.25, rel=0.01)
    page.goto(site_url + "kashima/initiatives/", wait_until="commit")
    page.wait_for_selector("h1", state="attached")
    assert "pp-text-large" in page.evaluate("document.documentElement.className")
    page.wait_for_load_state("networkidle")
    assert float(page.evaluate(size).rstrip("px")) == pytest.approx(normal * 1.5 / 1.25, rel=0.01)
    _open_reading_aids(page)
    sizes = page.locator("fieldset", has_text="文字の大きさ")
    sizes.get_by_role("button", name="特大").click()
    assert float(page.evaluate(size).rstrip("px")) == pytest.approx(normal * 1.75 / 1.25, rel=0.01)
    sizes.get_by_role("button", name="標準").click()
    assert float(page.evaluate(size).rstrip("px")) == pytest.approx(normal, rel=0.01)
    context.close()


def test_every_page_with_text_has_its_furigana_file(sample_site):
    pages = [p for p in sample_site.rglob("index.html") if not p.is_relative_to(sample_site / "guide")
             and p.parent != sample_site / "search"]
    missing = [str(p.relative_to(sample_site)) for p in pages if not (p.parent / "index.ruby.json").is_file()]
    assert missing == []
    import json
    entries = json.loads((sample_site / "gotsu/index.ruby.json").read_text(encoding="utf-8"))
    pairs = [part for entry in entries for part in entry if isinstance(part, list)]
    assert pairs and all(HIRAGANA.match(reading) for _, reading in pairs)
