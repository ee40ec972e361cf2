"""The interface between the build and whatever lays pages out (the MkDocs adapter).

A `Batch` is what one layout run writes; a `PageWriter` writes a batch into a folder.
`planpub build` hands the writer batches of about a thousand pages; a plain
`mkdocs build` or `mkdocs serve` gets one batch with the whole site (see
driver.whole_site). The MkDocs plugin renders whatever batch it is given, in one mode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from generator.pages.page import Page


@dataclass
class Batch:
    pages: list[Page]
    files: dict[str, bytes]           # site-relative path → bytes (open data, feeds, …)
    portal: bool                      # this run also writes the guide pages and the theme's assets
    language: str
    after_write: Callable[[Path], None] | None = None   # run on the written folder (whole-site builds)
    chrome: object | None = None      # the portal's chrome (pages/chrome.py) for the guide and the 404 page
    render_seconds: float = field(default=0.0)          # filled in by the writer


class PageWriter(Protocol):
    """Writes a batch, wrapped in the site's layout, into a folder."""

    def write(self, batch: Batch, out_dir: Path) -> float:
        """Returns the seconds spent rendering page content (the rest is the layout)."""
