#!/usr/bin/env python3
"""Bytes the browser downloads for one search query, split into the Pagefind runtime
(downloaded once, then cached), index chunks and result fragments.

    .venv/bin/python bench/search_bytes.py SITE_DIR [QUERY …]
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser import launch, serve_directory  # noqa: E402

QUERIES = ["マイナンバーカード", "キャッシュレス", "書かない窓口", "テレワーク"]


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    queries = sys.argv[2:] or QUERIES
    pages = sum(1 for _ in site.rglob("index.html"))
    print(f"site: {site} ({pages} pages)")
    print(f"{'query':16} {'results':>7} {'runtime':>9} {'index':>9} {'fragments':>10} {'total':>9}")
    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for query in queries:
            page = browser.new_page()   # a fresh page and cache per query: worst case
            sizes: list[tuple[str, int]] = []
            page.on("response", lambda r: sizes.append((r.url, len(r.body()) if r.ok else 0)))
            page.goto(f"{base}search/?q={quote(query)}", wait_until="networkidle")
            # a portal of many parts merges each part's index first: wait for the answer
            page.wait_for_function("document.querySelector('[data-pp-search-status]').textContent.trim() !== ''",
                                   timeout=60_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            found = page.locator("[data-pp-search-status]").inner_text()
            search = [(u, s) for u, s in sizes if "/pagefind" in u]
            runtime = sum(s for u, s in search if u.endswith(".js") or "wasm" in u)
            index = sum(s for u, s in search if "pf_index" in u or "pf_meta" in u or "entry.json" in u
                        or "/words/" in u)   # the word lists a query is cut with
            fragments = sum(s for u, s in search if "pf_fragment" in u)
            print(f"{query:16} {found[:7]:>7} {runtime:>9,} {index:>9,} {fragments:>10,} {runtime + index + fragments:>9,}")
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
