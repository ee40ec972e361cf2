#!/usr/bin/env python3
"""Bytes the browser downloads for one search query, split into the Pagefind runtime
(downloaded once, then cached), the list of indexes (search-bundles.json), index chunks and
result fragments.

    .venv/bin/python bench/search_bytes.py SITE_DIR [--plan ID | --all] [QUERY …]

On a portal of several search parts the search page's scope matters: `--plan ID` searches
one plan (as from that plan's page: only its part is loaded), `--all` every plan (every
part merged); neither: the search page as opened on the portal (its default scope). A
portal of one part (the sample) searches it all whatever the scope.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generator.pages import urls  # noqa: E402
from generator.pages.kinds import PageKind  # noqa: E402
from tests.browser import launch, serve_directory  # noqa: E402

LISTS = (urls.SEARCH_BUNDLES, urls.portal(PageKind.SEARCH))   # the lists of indexes (and of a part's plans)

QUERIES = ["マイナンバーカード", "キャッシュレス", "書かない窓口", "テレワーク"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, nargs="?", default=ROOT / "site")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--plan", default=None, help="search this plan (as from its pages)")
    scope.add_argument("--all", action="store_true", help="search every plan")
    parser.add_argument("queries", nargs="*")
    args = parser.parse_intermixed_args()
    site, queries = args.site, args.queries or QUERIES
    extra = f"&plan={quote(args.plan)}" if args.plan else "&scope=all" if args.all else ""
    pages = sum(1 for _ in site.rglob("index.html"))
    print(f"site: {site} ({pages} pages), scope: {extra or 'default'}")
    print(f"{'query':16} {'results':>7} {'runtime':>9} {'list':>7} {'index':>9} {'fragments':>10} {'total':>9}")
    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for query in queries:
            page = browser.new_page()   # a fresh page and cache per query: worst case
            # each address once: a second instance (archived 版 offered) asks again for files the
            # browser already has (served with long cache lifetimes, see Deploying)
            sizes: dict[str, int] = {}
            page.on("response", lambda r: sizes.setdefault(r.url, len(r.body()) if r.ok else 0))
            page.goto(f"{base}{urls.portal(PageKind.SEARCH)}?q={quote(query)}{extra}", wait_until="networkidle", timeout=300_000)
            # a portal of many parts merges each part's index first: wait for the answer
            page.wait_for_function("document.querySelector('[data-pp-search-status]').textContent.trim() !== ''",
                                   timeout=300_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            found = page.locator("[data-pp-search-status]").inner_text()
            search = [(u, s) for u, s in sizes.items() if "/pagefind" in u]
            runtime = sum(s for u, s in search if u.endswith(".js") or "wasm" in u)
            index = sum(s for u, s in search if "pf_index" in u or "pf_meta" in u or "entry.json" in u
                        or "/words/" in u)   # the word lists a query is cut with
            fragments = sum(s for u, s in search if "pf_fragment" in u)
            listed = sum(s for u, s in sizes.items()
                         if u.split("?")[0].endswith(".json") and any(base + name in u for name in LISTS))
            total = runtime + listed + index + fragments
            print(f"{query:16} {found[:7]:>7} {runtime:>9,} {listed:>7,} {index:>9,} {fragments:>10,} {total:>9,}")
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
