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
ALL_INDEX, LATEST_INDEX = "pagefind-all", "pagefind"


def build_search_index(site_dir: Path) -> None:
    """Copy the searchable pages once into a private scratch folder, index them all,
    then drop the archived ones and index the latest 版 only."""
    site_dir = Path(site_dir)
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    scratch = Path(tempfile.mkdtemp(prefix="planpub-search-"))  # private: builds may run in parallel
    scratch_site = scratch / "site"
    try:
        archived = []
        for path in sorted(site_dir.rglob("*.html")):
            content = path.read_bytes()
            if MARKER not in content:
                continue  # only plan pages are searchable
            target = scratch_site / path.relative_to(site_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            if ARCHIVED in content:
                archived.append(target)
        if not scratch_site.exists():
            return  # e.g. the preview showing a list of content problems instead of the site
        _run_pagefind(scratch, env, site_dir / ALL_INDEX)
        for target in archived:
            target.unlink()
        _run_pagefind(scratch, env, site_dir / LATEST_INDEX)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _run_pagefind(scratch: Path, env: dict, output: Path) -> None:
    """Index scratch/site (always by that relative path) and move the result to `output`."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", "site", "--silent"],
                            cwd=scratch, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise SearchIndexError((result.stderr or result.stdout).strip() or "pagefind failed")
    shutil.rmtree(output, ignore_errors=True)
    shutil.move(str(scratch / "site" / "pagefind"), str(output))
