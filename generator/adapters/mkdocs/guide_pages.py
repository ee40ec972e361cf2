"""The site's own pages (the staff guide, the portal's pages named in `nav:`) in a batch of
plan pages: every plan page's navigation shows them, but only the portal's run writes them.

MkDocs would still convert each one's Markdown and lay it out in every batch, only for
the output to be thrown away: most of a small batch's fixed cost. So once a batch of the
build has done that in this process, the next batches take what the navigation shows of
each page from it (its title, and its metadata, where the theme reads a page's icon or
status) and leave the page out of their run: excluded from the build, still in the
navigation. A page whose source has changed since is built as before.
"""

from __future__ import annotations

from collections.abc import Container

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

# src_uri → (the page's source, its title, its metadata), from a batch that built it
_SEEN: dict[str, tuple[bytes, str | None, dict]] = {}


def forget() -> None:
    """A new build: the guide or `nav:` may have changed since the last one in this process."""
    _SEEN.clear()


def leave_out(files: Files, config, generated: Container[str]) -> None:
    """Exclude the pages seen before with the same source. Not without a `nav:` setting:
    MkDocs would make the navigation from the included pages and drop these."""
    if not config.nav:
        return
    for file in files.documentation_pages():
        seen = _SEEN.get(file.src_uri)
        if file.src_uri not in generated and seen is not None and seen[0] == _source(file):
            file.inclusion = InclusionLevel.EXCLUDED


def show(nav: Navigation) -> None:
    """Give the navigation's left-out pages what it shows of them."""
    for page in nav.pages:
        seen = _SEEN.get(page.file.src_uri)
        if page.file.inclusion.is_excluded() and seen is not None:
            page.title = seen[1]
            page.meta = dict(seen[2])


def remember(files: Files, generated: Container[str]) -> None:
    """What the navigation shows of the pages this batch built (after MkDocs read them)."""
    for file in files.documentation_pages():
        page = file.page
        if file.src_uri not in generated and page is not None and page.markdown is not None:
            _SEEN[file.src_uri] = (_source(file), page.title, dict(page.meta))


def _source(file: File) -> bytes:
    return file.content_bytes
