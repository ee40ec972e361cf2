"""Pages that reflow (issue 22, part 2): at 390 px with the site's own 「特大」 text size and at
320 px (400 % zoom) with the standard size, no page type scrolls sideways, no text is cut, no
landmark is misplaced, and card labels never squeeze their values. Each page is loaded once
per viewport; every check runs on that load."""

from __future__ import annotations

import pytest

from .test_browser_chrome import PAGES, site_url  # noqa: F401 (site_url: the served sample)

MODES = {"390 特大": ((390, 844), "x-large"), "320 標準": ((320, 800), "normal")}

# Everything measured in one evaluation: what reaches past the right edge (outside a table
# box that scrolls by itself), text cut with an ellipsis or clipped, the landmarks, and the
# labels of cards.
CHECKS = """() => {
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


@pytest.fixture(scope="module", params=list(MODES))
def reader(request, browser):
    (width, height), size = MODES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(f"try {{ localStorage.setItem('planpub.textSize', '{size}'); }} catch (e) {{}}")
    yield context
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_type_reflows_with_no_text_cut(reader, site_url, name):
    page = reader.new_page()
    page.goto(site_url + PAGES[name], wait_until="networkidle")
    found = page.evaluate(CHECKS)
    width = page.evaluate("innerWidth")
    assert found["width"] <= width, (name, found["past"])
    assert found["past"] == [] and found["cut"] == [], (name, found)
    assert found["squeezed"] == [], name
    assert found["mains"] == 1 and found["navInMain"] == 0 and found["emptyNavs"] == 0, (name, found)
    page.close()
