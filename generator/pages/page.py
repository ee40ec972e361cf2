"""One generated page: where it lives, what kind it is, and its typed data."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from generator.pages.kinds import PageKind


@dataclass
class Page:
    url: str                      # "gotsu/initiatives/bpr/" (see pages/urls.py)
    kind: PageKind
    title: str
    context: object               # the page kind's context dataclass (pages/contexts.py)
    description: str = ""
    canonical_url: str = ""       # where search engines should find it (default: its own URL)
    template: str = field(default="")

    def __post_init__(self) -> None:
        self.canonical_url = self.canonical_url or self.url
        self.template = self.template or self.kind.template_name

    @property
    def has_ruby(self) -> bool:
        """Pages of text get ふりがな beside them; the search page's text is made in the browser."""
        return self.kind is not PageKind.SEARCH

    @property
    def src_uri(self) -> str:
        """The virtual Markdown path MkDocs knows the page by."""
        return (self.url + "index.md") if self.url.endswith("/") or not self.url else self.url + ".md"

    def template_context(self) -> dict:
        """The context as the template sees it: one name per field (not a deep copy)."""
        return {f.name: getattr(self.context, f.name) for f in fields(self.context)}


def relative_url(target: str, current: str) -> str:
    """Link from page URL `current` to page URL `target`, both site-relative directory URLs.
    (posixpath.relpath would do, but it consults the working directory on every call, and
    pages make thousands of links.)"""
    start = [part for part in current.rstrip("/").split("/") if part and part != "."]
    path = [part for part in target.rstrip("/").split("/") if part and part != "."]
    common = 0
    for a, b in zip(start, path):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start) - common) + path[common:]
    if not parts:
        return "./"
    return "/".join(parts) + ("/" if target.endswith("/") or target == "" else "")
