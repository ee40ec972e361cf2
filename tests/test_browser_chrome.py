"""The site's chrome on a phone (390×844) and a laptop (1280×800), in headless Chromium:
the header searches, the menu and the plan's pages work from the keyboard, the 404 page
is Japanese, styled and linked at two base paths, ふりがな and the text size. (What every
page type must be — axe, the title first, the skip link, the Tab stops — is checked on one
load per page and viewport in tests/test_browser_views.py.)"""

from __future__ import annotations

import dataclasses
import re
import urllib.error
import urllib.request

import pytest

from generator.i18n import set_language
from generator.pages import urls
from generator.pages.builder import build_pages
from generator.pages.chrome import page_chrome
from generator.pages.kinds import PageKind
from generator.pages.page import relative_url
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from .browser import LAPTOP, PHONE, VIEWPORTS, open_page, serve_directory
from .conftest import FIXTURES, run_cli
from .site_pages import MISSING, PREFIX, SAMPLE, query



# ── the header, the menu and the plan's pages (pages that change as they are used) ────

SEARCH_ADDRESS = urls.portal(PageKind.SEARCH)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_header_search_sends_the_query_to_the_search_page(browser, site_url, viewport):
    loaded = open_page(browser, site_url + SAMPLE["frozen initiative"], VIEWPORTS[viewport])
    page = loaded.page
    box = page.get_by_role("searchbox", name="サイト内を検索")
    box.fill("申請")
    with page.expect_navigation():
        box.press("Enter")
    assert page.url == site_url + query(SEARCH_ADDRESS, q="申請"), page.url
    assert page.locator("#pp-search-input").input_value() == "申請"
    page.locator("[data-pp-search-results] li").first.wait_for()
    loaded.close()


def test_the_header_search_works_without_javascript(browser, site_url):
    loaded = open_page(browser, site_url + SAMPLE["kpi"], PHONE, wait_until="load", java_script_enabled=False)
    page = loaded.page
    page.get_by_role("searchbox", name="サイト内を検索").fill("窓口")
    with page.expect_navigation():
        page.get_by_role("button", name="検索", exact=True).first.click()
    assert page.url == site_url + query(SEARCH_ADDRESS, q="窓口")
    loaded.close()


@pytest.mark.parametrize("name", ["site home", "initiative", "frozen initiative", "guide"])
def test_the_menu_opens_and_closes_from_the_keyboard(browser, site_url, name):
    loaded = open_page(browser, site_url + SAMPLE[name], PHONE)
    page = loaded.page
    button = page.get_by_role("button", name="メニュー")
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.locator("#pp-drawer a").first.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(400)   # the drawer slides in
    focused = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
        return {inDrawer: !!e.closest('#pp-drawer'), left: r.left, right: r.right}; }""")
    assert focused["inDrawer"] and focused["left"] >= 0 and focused["right"] <= PHONE[0]
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
    # Focus never lands on a page element the open drawer covers (WCAG 2.4.11): tabbing out
    # of the open drawer closes it.
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
    loaded.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_plan_pages_and_the_version_badge_open_from_the_keyboard(browser, site_url, viewport):
    loaded = open_page(browser, site_url + urls.latest_page("gotsu", PageKind.KPI), VIEWPORTS[viewport])
    page = loaded.page
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
    assert page.url == site_url + urls.frozen_page("gotsu", "pre-1.5", PageKind.KPI)
    loaded.close()


# ── the 404 page ──────────────────────────────────────────────────────────────

@pytest.fixture(scope="module")
def root_site(built_site):
    """The fixture plan built for the server root (site_url without a path)."""
    return built_site(FIXTURES / "basic", site_url="https://dx.example.jp/")


def _not_found(url: str) -> tuple[int, str]:
    try:
        urllib.request.urlopen(url)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    raise AssertionError(f"{url} was found")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("where", ["sub-path", "root"])
def test_the_404_page_is_japanese_styled_and_linked_at_any_depth(browser, sample_site, root_site, where, viewport):
    """(axe checks the 404 page with the other page types above.)"""
    site, prefix = (sample_site, PREFIX) if where == "sub-path" else (root_site, "")
    with serve_directory(site, prefix=prefix) as base:
        for missing in ("missing", MISSING, urls.latest_page("gotsu", PageKind.INITIATIVE, "gone")):
            status, body = _not_found(base + missing)
            assert status == 404 and '<html lang="ja"' in body
            loaded = open_page(browser, base + missing, VIEWPORTS[viewport])
            page = loaded.page
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
            with page.expect_navigation():
                home.click()
            assert page.url == base
            loaded.close()


# ── the footer ────────────────────────────────────────────────────────────────

def test_the_footer_says_who_to_ask_the_licence_and_the_publisher():
    """The plan's contact (plan.yml `contact`), its licence and site.yml's publisher, in the footer."""
    from generator.model.plan import Contact
    set_language("ja")
    result = load_valid_site(FIXTURES / "basic")
    assert not result.problems
    site = dataclasses.replace(result.site, publisher="架空市 企画部 DX推進課", licence="CC BY 4.0")
    plan = site.plans[0]
    plan.snapshots[plan.latest.id].contact = Contact(name="DX推進室", phone="0000-00-0000", email="mail@example.jp")
    address = urls.latest_page("sample", PageKind.KPI)
    page = next(p for p in build_pages(site) if p.url == address)
    footer = Renderer().render_chrome(page_chrome(page.context), page.url)["footer"]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", footer))
    for expected in ("問い合わせ先", "DX推進室", "電話: 0000-00-0000", "mail@example.jp", "架空市 企画部 DX推進課",
                     "CC BY 4.0", "更新のお知らせ（フィード）", "フィードリーダー"):
        assert expected in text, expected
    feed = urls.plan_feed("sample")
    assert 'href="tel:0000000000"' in footer and f'href="{relative_url(feed, address)}"' in footer
    assert "Atom" not in text


def test_the_footer_has_no_contact_when_the_plan_states_none(sample_site):
    html = (sample_site / urls.page_file(urls.latest_page("gotsu", PageKind.KPI))).read_text(encoding="utf-8")
    footer = html[html.index('<footer class="md-footer pp-footer">'):]
    assert "問い合わせ先" not in footer
    assert "更新のお知らせ（フィード）" in footer and "CC BY 4.0" in footer


def test_the_contact_in_plan_yml_is_checked(basic_content):
    plan_yml = basic_content / "plans/sample/working/plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8") + "contact:\n  phone: 0000-00-0000\n  fax: 1\n",
                        encoding="utf-8")
    result = run_cli("validate", "--content", str(basic_content))
    assert result.returncode != 0
    assert "plan.yml" in result.stdout + result.stderr and "fax" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


# ── ふりがな and the text size ──────────────────────────────────────────────────

HIRAGANA = re.compile(r"^[\u3041-\u3096\u30fc]+$")


def _open_reading_aids(page):
    """The reading aids open from the header of every page (issue 22)."""
    page.locator("header [data-pp-reading-menu] summary").click()


def test_furigana_is_fetched_only_when_turned_on_and_remembered_on_the_next_page(browser, site_url, sample_site):
    initiative = SAMPLE["initiative"]
    raw = (sample_site / urls.page_file(initiative)).read_bytes()
    assert b"<ruby" not in raw and b"<rt" not in raw
    loaded = open_page(browser, site_url + initiative, PHONE)
    page, requests = loaded.page, loaded.requests
    assert not any("ruby" in url for url in requests)
    assert page.locator("#pp-main ruby").count() == 0
    _open_reading_aids(page)
    toggle = page.get_by_role("button", name="ふりがなを表示")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.focus()
    page.keyboard.press("Enter")
    page.locator("#pp-main h1 ruby").first.wait_for()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert [url for url in requests if "ruby" in url] == [site_url + urls.ruby_fragment(initiative)]
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
    page.goto(site_url + SAMPLE["kpi"], wait_until="networkidle")
    page.locator("#pp-main ruby").first.wait_for()
    _open_reading_aids(page)
    page.get_by_role("button", name="ふりがなを表示").click()
    assert page.locator("#pp-main ruby").count() == 0
    page.goto(site_url + SAMPLE["plan home"], wait_until="networkidle")
    assert page.locator("#pp-main ruby").count() == 0
    loaded.close()


def test_the_text_size_is_remembered_and_applied_before_the_page_shows(browser, site_url):
    loaded = open_page(browser, site_url + SAMPLE["plan home"], LAPTOP)
    page = loaded.page
    size = "getComputedStyle(document.documentElement).fontSize"
    normal = float(page.evaluate(size).rstrip("px"))
    _open_reading_aids(page)
    sizes = page.locator("fieldset", has_text="文字の大きさ")
    large = sizes.get_by_role("button", name="大", exact=True)
    large.focus()
    page.keyboard.press("Enter")
    assert large.get_attribute("aria-pressed") == "true"
    assert float(page.evaluate(size).rstrip("px")) == pytest.approx(normal * 1.5 / 1.25, rel=0.01)
    page.goto(site_url + SAMPLE["initiatives"], wait_until="commit")
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
    loaded.close()


def test_every_page_with_text_has_its_furigana_file(sample_site):
    guide, search = sample_site / urls.GUIDE, sample_site / urls.portal(PageKind.SEARCH)
    addresses = ["" if p.parent == sample_site else f"{p.parent.relative_to(sample_site).as_posix()}/"
                 for p in sample_site.rglob(urls.page_file(urls.SITE_HOME))
                 if not p.is_relative_to(guide) and p.parent != search]
    missing = [address for address in addresses if not (sample_site / urls.ruby_fragment(address)).is_file()]
    assert len(addresses) > 100 and missing == []
    from generator.render.furigana import decoded
    home = SAMPLE["plan home"]
    entries = decoded((sample_site / urls.ruby_fragment(home)).read_bytes(),
                      (sample_site / urls.page_file(home)).read_text(encoding="utf-8"))
    pairs = [part for entry in entries for part in entry if isinstance(part, list)]
    assert pairs and all(HIRAGANA.match(reading) for _, reading in pairs)
