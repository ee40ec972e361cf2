"""Build the Pagefind search index for a built site (run after the HTML is written).

Pagefind writes a chunked index to <site>/pagefind/: a browser downloads only the
chunks a query needs, so search stays cheap however many 版 a site publishes. The
extended binary segments Japanese text while indexing.

Pagefind's output depends on the path string it is given (and on its thread pool),
while builds happen in randomly named staging folders. So the pages to index are
copied to `site/` in a private scratch folder and indexed as the relative path `site`
with one thread: the output then depends only on the pages, and builds stay
byte-for-byte reproducible wherever they run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


class SearchIndexError(Exception):
    pass


MARKER = b"data-pagefind-body"
ARCHIVED = b'data-planpub-edition="archived"'
# Two indexes instead of one with a filter: Pagefind writes filter values in a random
# order, which would make builds irreproducible. The search page picks the index.
INDEXES = {"pagefind": False, "pagefind-all": True}   # folder → includes archived 版


def build_search_index(site_dir: Path) -> None:
    site_dir = Path(site_dir)
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        content = path.read_bytes()
        if MARKER in content:  # only plan pages are searchable
            pages.append((path.relative_to(site_dir), content, ARCHIVED in content))
    if not pages:
        return  # e.g. the preview showing a list of content problems instead of the site
    for folder, with_archived in INDEXES.items():
        _index([(p, c) for p, c, archived in pages if with_archived or not archived], site_dir / folder)


def _index(pages: list[tuple[Path, bytes]], output: Path) -> None:
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    scratch = Path(tempfile.mkdtemp(prefix="planpub-search-"))  # private: builds may run in parallel
    scratch_site = scratch / "site"
    try:
        for relative, content in pages:
            target = scratch_site / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        result = subprocess.run([sys.executable, "-m", "pagefind", "--site", "site", "--silent"],
                                cwd=scratch, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            raise SearchIndexError((result.stderr or result.stdout).strip() or "pagefind failed")
        shutil.rmtree(output, ignore_errors=True)
        shutil.move(str(scratch_site / "pagefind"), str(output))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
