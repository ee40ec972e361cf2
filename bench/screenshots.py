#!/usr/bin/env python3
"""Screenshots of every page type on a phone (390×844) and a laptop (1280×800).

    .venv/bin/python bench/screenshots.py [SITE_DIR] [OUT_DIR] [PAGE_TYPE …]

Builds nothing: point it at a built site (default site/). Writes one PNG per page type and
viewport to OUT_DIR (default bench/screenshots/, git-ignored), the whole page cropped at
2500 px so the files stay small; docs/screenshots/ keeps the before/after sets.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser import launch, serve_directory  # noqa: E402
from tests.site_pages import PREFIX, SAMPLE  # noqa: E402  (PREFIX: the path of site_url, where the 404 page links)

# One page of every page type, named as the tests name them (tests/site_pages.py: addresses
# from generator/pages/urls.py); the 404 page is served for a missing address three folders deep.
PAGES = {name.replace(" ", "-"): address for name, address in SAMPLE.items()
         if name not in ("initiative with schedule", "error list")}
VIEWPORTS = ((390, 844), (1280, 800))
MAX_HEIGHT = 2500


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "bench" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    only = set(sys.argv[3:])   # optional: just these page types
    with serve_directory(site, prefix=PREFIX) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for name, path in PAGES.items():
            if only and name not in only:
                continue
            for width, height in VIEWPORTS:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(base + path, wait_until="networkidle")
                full = page.evaluate("document.documentElement.scrollHeight")
                target = out / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=True,
                                clip={"x": 0, "y": 0, "width": width, "height": min(full, MAX_HEIGHT)})
                print(target)
                page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
