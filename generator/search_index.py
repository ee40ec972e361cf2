"""Build the Pagefind search index for a built site (run after the HTML is written).

Pagefind writes a chunked index to <site>/pagefind/: a browser downloads only the
chunks a query needs, so search stays cheap however many 版 a site publishes. The
extended binary segments Japanese text while indexing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(Exception):
    pass


def build_search_index(site_dir: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError((result.stderr or result.stdout).strip() or "pagefind failed")
