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

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "blockquote", "code", "pre", "hr", "del", "ins",
    "sup", "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope", "colspan", "rowspan", "align"},
                      "td": {"colspan", "rowspan", "align"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
                      "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _new_markdown(id_prefix: str = "") -> markdown.Markdown:
    from markdown.extensions.toc import slugify_unicode

    md = markdown.Markdown(extensions=["tables", "sane_lists", "toc"],
                           extension_configs={"toc": {"permalink": False,
                                                      "slugify": lambda v, sep: id_prefix + slugify_unicode(v, sep)}})
    # Escape raw HTML instead of passing it through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


@lru_cache(maxsize=1)
def _block_md() -> markdown.Markdown:
    return _new_markdown()


def clean(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer")


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


@lru_cache(maxsize=4096)
def render_inline(text: str) -> str:
    """A text-field item as inline HTML (bold, emphasis, links), without a wrapping <p>."""
    md = _block_md()
    md.reset()
    html = md.convert(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return clean(html)
