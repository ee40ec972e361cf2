#!/usr/bin/env python3
"""Screenshots of every page type at 390 px (phone) and 1280 px (desktop) width.

    .venv/bin/python bench/screenshots.py [SITE_DIR] [OUT_DIR]

Builds nothing: point it at a built site (default site/). Writes PNGs to OUT_DIR
(default bench/screenshots/, git-ignored) for checking by eye.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser import launch, serve_directory  # noqa: E402

PAGES = {
    "site-home": "",
    "plan-home": "gotsu/",
    "initiative-index": "kashima/initiatives/",
    "by-department": "kashima/departments/",
    "initiative": "kashima/initiatives/no09/",
    "initiative-sheet": "gotsu/v/pre-1.5/initiatives/online-application-app/",
    "kpi": "kashima/kpi/",
    "revisions": "gotsu/revisions/",
    "diff": "gotsu/compare/pre-1.5/1.5/",
    "chapter": "gotsu/dx-promotion/",
    "archived-version": "gotsu/v/pre-1.5/",
    "print": "kashima/print/",
    "staff-guide": "guide/format/",
}
WIDTHS = (390, 1280)


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "bench" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for name, path in PAGES.items():
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(base + path, wait_until="networkidle")
                target = out / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=False)
                print(target)
                page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
