"""The header, drawer and footer of every page (pages/chrome.py): the portal lists every
published plan; a plan page its own plan with its contact, licence and feed."""

from __future__ import annotations

from generator.pages import urls
from generator.pages.chrome import page_chrome, portal_chrome
from generator.pages.kinds import PageKind


def test_the_portal_lists_every_plan_at_its_stable_address(basic):
    chrome = portal_chrome(basic)
    assert [p.url for p in chrome.plans] == [urls.plan_base("sample")]
    assert chrome.plans[0].menu and chrome.plan_feed is None and chrome.site_feed == urls.SITE_FEED


def test_a_plan_page_has_its_plan_current_and_its_feed(basic_pages):
    page = basic_pages[urls.latest_page("sample", PageKind.KPI)]
    chrome = page_chrome(page.context)
    [plan] = chrome.plans
    assert plan.current and plan.url == urls.plan_base("sample") and chrome.plan_feed == urls.plan_feed("sample")
    assert chrome.plan_name.endswith(page.context.content.title) and chrome.licence


def test_a_portal_page_has_the_portal_chrome_and_the_problems_page_none(basic, basic_pages):
    assert page_chrome(basic_pages[urls.SITE_HOME].context) == portal_chrome(basic)
    assert page_chrome(object()) is None
