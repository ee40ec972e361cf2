"""Markdown to safe HTML, for chapters (block) and text fields (inline).

Raw HTML in content is never passed through: Python-Markdown's raw-HTML handling is
switched off (so a tag shows as text), validation rejects tags in chapters with a
clear error, and the output is cleaned by nh3 (Ammonia) as a second line of defence.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3

from generator.i18n import current_language, msg
from generator.model.markup import inline_html
from generator.model.schema import FIGURE_SRC_PATTERN
from generator.render.markdown_extensions import PlanDocuments
from generator.render.memo import memo

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "blockquote", "code", "pre", "hr", "del", "ins",
    "sup", "sub", "img", "div",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "id", "class"}, "th": {"scope", "colspan", "rowspan", "align"},
                      "td": {"colspan", "rowspan", "align"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
                      "ol": {"start"}, "img": {"src", "alt"}, "li": {"id"}, "sup": {"id"}, "div": {"class"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _new_markdown(id_prefix: str = "") -> markdown.Markdown:
    from markdown.extensions.toc import slugify_unicode

    md = markdown.Markdown(extensions=["tables", "sane_lists", "toc", "footnotes", PlanDocuments()],
                           extension_configs={"toc": {"permalink": False,
                                                      "slugify": lambda v, sep: id_prefix + slugify_unicode(v, sep)},
                                              # several chapters may share a page (the print page)
                                              "footnotes": {"UNIQUE_IDS": bool(id_prefix),
                                                            "BACKLINK_TITLE": msg("ui.footnote_back"),
                                                            "SUPERSCRIPT_TEXT": "{}"}})
    # Escape raw HTML instead of passing it through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def _block_md() -> markdown.Markdown:
    return _markdown_for(current_language())


@lru_cache(maxsize=None)
def _markdown_for(language: str) -> markdown.Markdown:
    del language   # part of the cache key: the footnotes' words are in the site's language
    return _new_markdown()


def clean(html: str) -> str:
    # Figures are the edition's own files (figures/…); nothing is ever loaded from elsewhere.
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     attribute_filter=_local_images,
                     link_rel="noopener noreferrer")


def _local_images(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and not FIGURE_SRC.fullmatch(value):
        return None
    return value


FIGURE_SRC = re.compile(FIGURE_SRC_PATTERN)


# A Markdown table as Python-Markdown writes it (tables never nest in its output); the
# renderer puts each in the box of partials/table_scroll.html.
MARKDOWN_TABLE = re.compile(r"<table>(.*?)</table>", re.S)


def render_paragraph(text: str) -> str:
    """One paragraph of a text field as HTML: a <p>, or a list or table when the text is one
    (so a Markdown list in a lead never ends up inside a <p>)."""
    md = _block_md()
    md.reset()
    return clean(md.convert(text))


def render_block(text: str, top_level: int = 2, id_prefix: str = "") -> str:
    """A chapter's Markdown as HTML, headings shifted so the highest one becomes <h{top_level}>
    (the page title is above it), keeping the outline without gaps. `id_prefix` keeps heading
    ids unique when several chapters share one page."""
    md = _new_markdown(id_prefix) if id_prefix else _block_md()
    md.reset()
    levels = [len(m.group(1)) for m in re.finditer(r"^(#{1,6}) ", text, flags=re.M)]
    if levels:
        shift = top_level - min(levels)
        text = re.sub(r"^(#{1,6}) ", lambda m: "#" * min(6, max(1, len(m.group(1)) + shift)) + " ", text, flags=re.M)
    return clean(md.convert(text))


@memo(4096)
def render_inline(text: str) -> str:
    """A text-field item as inline HTML (bold, emphasis, links), without a wrapping <p>."""
    md = _block_md()
    md.reset()
    html = md.convert(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return clean(html)


@memo(4096)
def render_line(text: str) -> str:
    """A one-line value (a title, a KPI name, a target as written) as inline HTML: its inline
    markup only, so 「1. はじめに」 stays a line (model/markup.py)."""
    return clean(inline_html(text))
BLOCK_END = re.compile(r"</(p|li|h[1-6]|tr|blockquote|pre|table|ul|ol|div)>|<br\s*/?>")
TAG = re.compile(r"<[^>]+>")


@lru_cache(maxsize=256)
def markdown_text(text: str) -> str:
    """Markdown as the reader sees it, in plain text: one line per paragraph, list item,
    heading or table row, cells apart by a space, markup left out (a chapter's changes are
    compared on this, never on its Markdown source)."""
    import html
    rendered = render_block(text)
    rendered = rendered.replace("</td>", " </td>").replace("</th>", " </th>")
    lines = TAG.sub("", BLOCK_END.sub("\n", rendered))
    return "\n".join(line.strip() for line in html.unescape(lines).splitlines() if line.strip())


def chapter_text(value: str) -> str:
    """A chapter as the diff holds it (its title line, then its Markdown) in plain text: the
    title as written (「1. 背景」 is a title, not a list item), then the text of the body."""
    title, _, body = value.partition("\n")
    return "\n".join(filter(None, (title, markdown_text(body) if body.strip() else "")))
