"""What a person sees and clicks, in headless Debian Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .browser import serve_directory

PAGE_TYPES = ["", "sample/", "sample/initiatives/", "sample/initiatives/online/", "sample/kpi/",
              "sample/revisions/", "sample/departments/", "sample/background/", "sample/v/1.0/initiatives/online/"]


@pytest.fixture(scope="module")
def base_url(basic_site):
    with serve_directory(basic_site) as url:
        yield url


def _open(browser, url, width=1280):
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    return page, requests


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_pages_load_in_japanese_without_leaving_the_origin(browser, base_url, path):
    page, requests = _open(browser, base_url + path)
    assert page.locator("html").get_attribute("lang") == "ja"
    assert page.locator("h1").count() >= 1
    origin = urlsplit(base_url).netloc
    foreign = [r for r in requests if urlsplit(r).netloc not in (origin, "") and not r.startswith("data:")]
    assert foreign == []
    page.close()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_nothing_scrolls_sideways_on_a_phone(browser, base_url, path):
    page, _ = _open(browser, base_url + path, width=390)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.close()


def test_initiative_page_shows_every_field(browser, base_url):
    page, _ = _open(browser, base_url + "sample/initiatives/online/")
    text = page.inner_text("main")
    for expected in ["No.1", "オンライン申請", "① 窓口改革", "市民課、政策企画課", "目的", "市役所に来なくても手続きできるようにする",
                     "申請書が紙のみ", "オンライン申請システム", "令和6年度（2024年度）", "システムの本格運用",
                     "10手続で運用開始", "試行手続数 10件", "対象手続の拡大", "オンライン申請できる手続の数",
                     "国が示す26手続を基準とした。", "すべての手続をオンライン化する", "※ 26手続は国の指定による"]:
        assert expected in text, expected
    page.close()


def test_version_switcher_works_with_the_keyboard(browser, base_url):
    page, _ = _open(browser, base_url + "sample/initiatives/online/")
    summary = page.locator("summary", has_text="版を切り替える")
    summary.focus()
    page.keyboard.press("Enter")
    link = page.locator("details.pp-switcher").get_by_role("link", name="第1.0版")
    assert link.is_visible()
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("sample/v/1.0/initiatives/online/")
    # The frozen page itself cannot know about later 版; versions.json tells it.
    newer = page.locator("[data-pp-newer]")
    newer.wait_for(state="visible")
    assert newer.inner_text() == "この版は最新版ではありません。最新版は第1.1版です。"
    assert newer.get_by_role("link", name="第1.1版").get_attribute("href").endswith("/sample/v/1.1/")
    with page.expect_navigation():
        page.get_by_role("link", name="最新版の同じページを見る").click()
    assert page.url.endswith("sample/initiatives/online/")
    page.close()
