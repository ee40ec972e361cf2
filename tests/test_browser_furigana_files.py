"""The compact ふりがな files (render/furigana.py: readings and positions, not the page's
text again) show exactly the ruby a reader had before: in headless Chromium, on an
initiative, the print page, a chapter and a compare page, every text node of the page's
text that has kanji becomes the analyser's segments (render/furigana.segments with the
plan's corrections), word for word and reading for reading. Each page is loaded once."""

from __future__ import annotations

import pytest

from generator.render.furigana import segments
from generator.render.readings import readings_for
from generator.validate import load_valid_site

from .browser import LAPTOP, open_page
from .conftest import SAMPLE_CONTENT
from .site_pages import SAMPLE

PAGES = {"initiative": "kashima", "print": "kashima", "chapter": "gotsu", "compare": "gotsu"}

# The page's text nodes as planpub-reading.js walks them, before ふりがな is on.
TEXT_NODES = """() => {
  const root = document.querySelector('[data-pp-text]');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {acceptNode: node =>
    node.parentNode.closest('script, style, ruby, rt, rp, code, pre, svg, textarea, template')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  const texts = [];
  for (let node; (node = walker.nextNode());) {
    if (/[\\u3400-\\u9fff\\uf900-\\ufaff\\u3005\\u3006\\u30f6]/.test(node.data)) texts.push(node.data);
  }
  return texts;
}"""

# What ふりがな made of each of them: plain text and [base, reading] per <ruby>.
RUBIES = """() => [...document.querySelectorAll('[data-pp-text] .pp-ruby')].map(span =>
  [...span.childNodes].map(child => child.nodeType === Node.TEXT_NODE ? child.data
    : [child.firstChild.data, child.querySelector('rt').textContent]))"""


@pytest.fixture(scope="module")
def corrections():
    return {plan.id: readings_for(plan.readings) for plan in load_valid_site(SAMPLE_CONTENT).site.plans}


def _expected(text: str, readings) -> list:
    return [part if isinstance(part, str) else list(part) for part in segments(text, readings)]


@pytest.mark.parametrize("kind", list(PAGES))
def test_furigana_shows_the_analysers_readings_on_every_text_node(browser, site_url, corrections, kind):
    loaded = open_page(browser, site_url + SAMPLE[kind], LAPTOP)
    page = loaded.page
    texts = page.evaluate(TEXT_NODES)
    assert len(texts) > 10
    page.locator("header [data-pp-reading-menu] summary").click()
    page.locator("header [data-pp-furigana]").click()
    page.wait_for_selector("[data-pp-text] .pp-ruby", state="attached")
    page.wait_for_function("document.querySelector('[data-pp-furigana-status]').textContent === ''")
    shown = page.evaluate(RUBIES)
    expected = [_expected(text, corrections[PAGES[kind]]) for text in texts]
    assert len(shown) == len(expected)   # every node with kanji found its entry
    assert shown == expected
    assert loaded.console_errors == [] and loaded.failed == []
    # turned off again: the page's text as it was
    page.locator("header [data-pp-furigana]").click()
    assert page.evaluate(TEXT_NODES) == texts
    page.evaluate("localStorage.clear()")
    loaded.close()
