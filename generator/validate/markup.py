"""What chapters may contain: raw HTML tags and link targets, found line by line."""

from __future__ import annotations

import re

_TAG_RE = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?/?\s*>")
_LINK_RE = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_CODE_RE = re.compile(r"`[^`]*`")
_COMMENT_RE = re.compile(r"<!--|-->")
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")


def find_raw_html(text: str) -> list[tuple[int, str]]:
    """(line, tag) for every raw HTML tag outside code spans."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = _CODE_RE.sub("", line)
        for match in _TAG_RE.finditer(stripped):
            found.append((number, match.group(0)))
        for match in _COMMENT_RE.finditer(stripped):   # HTML comments hide text from citizens
            found.append((number, match.group(0)))
    return found


def find_images(text: str) -> list[tuple[int, str, str]]:
    """(line, alt text, source) for every Markdown image."""
    return [(number, match.group(1).strip(), match.group(2))
            for number, line in enumerate(text.splitlines(), 1)
            for match in _IMAGE_RE.finditer(line)]


def find_links(text: str) -> list[tuple[int, str]]:
    """(line, target) for every Markdown link."""
    return [(number, match.group(1))
            for number, line in enumerate(text.splitlines(), 1)
            for match in _LINK_RE.finditer(line)]


_ID_RE = re.compile(r'\sid="([^"]+)"')


def anchor_ids(text: str) -> set[str]:
    """The ids a chapter's page gives its headings and footnotes (the fragment a link's #…
    may name), made by Markdown as the page renders them."""
    import markdown
    from markdown.extensions.toc import slugify_unicode

    md = markdown.Markdown(extensions=["tables", "sane_lists", "toc", "footnotes"],
                           extension_configs={"toc": {"slugify": slugify_unicode}})
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return set(_ID_RE.findall(md.convert(text)))
