"""What inline markup in a text means, decided once for every view: bold, emphasis, links,
code and underline (^^…^^, as plan documents have it). Pages render it (render/markdown.py
cleans this HTML); the open data, page titles and attributes take its plain text. So 「^^重要^^」
is underlined on every page and 「重要」 in every CSV — in prose, titles, KPI names and targets alike.

A one-line value (a title, a KPI name, a target as written) is read for inline markup only:
「1. はじめに」 stays a line, never a list. Prose items may also hold Markdown blocks (lists);
their plain text keeps the block marks as written.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from functools import lru_cache

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor

UNDERLINE = r"(\^\^)(.+?)\^\^"
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.S)
# Characters without which a text has no markup at all (most plan prose): read as it is.
_INLINE_SIGNS = re.compile(r"[*_^\[\]`\\<>&!]")


class Underline(Extension):
    def extendMarkdown(self, md) -> None:
        md.inlinePatterns.register(SimpleTagInlineProcessor(UNDERLINE, "u"), "underline", 65)


@lru_cache(maxsize=None)
def _reader() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[Underline()])
    md.preprocessors.deregister("html_block")   # raw HTML is text, never markup
    md.inlinePatterns.deregister("html")
    return md


@lru_cache(maxsize=8192)
def inline_html(text: str) -> str:
    """A one-line value's inline markup as (uncleaned) HTML, without block structure."""
    md = _reader()
    md.reset()
    root = etree.Element("div")
    etree.SubElement(root, "span").text = text
    for name in ("inline", "unescape"):
        md.treeprocessors[name].run(root)
    out = md.serializer(root[0])
    for processor in md.postprocessors:
        out = processor.run(out)
    return out.removeprefix("<span>").removesuffix("</span>")


def _plain(html_text: str) -> str:
    linked = _LINK.sub(lambda m: m.group(2) if _TAG.sub("", m.group(2)) == html.unescape(m.group(1))
                       else f"{m.group(2)} ({m.group(1)})", html_text)
    return html.unescape(_TAG.sub("", linked))


@lru_cache(maxsize=8192)
def plain_line(text: str | None) -> str:
    """A one-line value without its markup: 「**重要**な取組」 → 「重要な取組」."""
    if not text:
        return text or ""
    return _plain(inline_html(text)) if _INLINE_SIGNS.search(text) else text


def plain_text(text: str | None) -> str:
    """A prose item without its inline markup, line by line (what Markdown blocks it has — a
    list's 「- 」, a table's 「|」 — stay as written)."""
    if not text:
        return text or ""
    if not _INLINE_SIGNS.search(text):
        return text                      # no markup at all (most plan prose)
    return "\n".join(plain_line(line) for line in text.split("\n"))
