#!/usr/bin/env python3
"""Compressed bytes a browser transfers per page type: first visit (empty cache) and a
later visit (theme assets already cached). Excludes search, as issue 6 asks.

    .venv/bin/python bench/page_weight.py [SITE_DIR]

Each resource the page loads is gzip-compressed (level 6, as servers typically do)
to estimate its transfer size.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser import launch, serve_directory  # noqa: E402
from tests.site_pages import SAMPLE  # noqa: E402
from generator.pages import urls  # noqa: E402

PAGES = {"plan home": SAMPLE["plan home"], "initiative index": SAMPLE["initiatives"],
         "initiative": SAMPLE["initiative"], "initiative, frozen 版": SAMPLE["frozen initiative"],
         "KPI": SAMPLE["kpi"], "revisions": SAMPLE["revisions"], "diff": SAMPLE["compare"],
         "print (whole plan)": SAMPLE["print"]}


def transfer_size(site: Path, url: str) -> int:
    path = urlsplit(url).path.lstrip("/")
    file = site / path
    if file.is_dir() or path.endswith("/") or not path:
        file = site / urls.page_file(path.rstrip("/") + "/" if path else "")
    if not file.is_file():
        return 0
    data = file.read_bytes()
    return len(gzip.compress(data, 6)) if file.suffix in (".html", ".css", ".js", ".json", ".svg", ".xml") else len(data)


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    print(f"{'page type':20} {'first visit':>12} {'later visit':>12}  (bytes, gzip)")
    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for name, path in PAGES.items():
            page = browser.new_page()
            requested: list[str] = []
            page.on("request", lambda r: requested.append(r.url))
            page.goto(base + path, wait_until="networkidle")
            loaded = [u for u in dict.fromkeys(requested) if f"/{urls.LATEST_BUNDLE}" not in u
                      and not u.startswith("data:")]
            first = sum(transfer_size(site, u) for u in loaded)
            later = sum(transfer_size(site, u) for u in loaded if f"/{urls.ASSETS}" not in u)
            print(f"{name:20} {first:>12,} {later:>12,}")
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
