"""The built site served under a sub-path (/dx/plan/) on 127.0.0.1: crawl every link, none broken."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urldefrag, urlsplit

from generator.pages import urls

from .browser import serve_directory
from .site_pages import PREFIX



class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("href", "src"):
            if attributes.get(name) and not (tag == "link" and attributes.get("rel") in ("canonical", "alternate")):
                self.urls.append(attributes[name])


def _crawl(start: str) -> tuple[set[str], list[str]]:
    origin = urlsplit(start).netloc
    seen, queue, broken = set(), [start], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body = response.read()
                kind = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            broken.append(f"{url} ({error.code})")
            continue
        if "html" not in kind:
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.urls:
            target = urldefrag(urljoin(url, link)).url
            parts = urlsplit(target)
            if parts.scheme in ("http", "https") and parts.netloc == origin:
                if not parts.path.startswith(PREFIX + "/"):
                    broken.append(f"{url} → {link} (leaves the sub-path)")
                    continue
                queue.append(target)
    return seen, broken


def test_site_works_from_a_sub_path(sample_site):
    with serve_directory(sample_site, prefix=PREFIX) as base:
        seen, broken = _crawl(base)
        assert broken == []
        pages = [u for u in seen if u.endswith("/")]
        assert len(pages) > 200
        with urllib.request.urlopen(base + urls.plan_base("gotsu")) as response:
            assert response.status == 200


def test_404_page_exists_and_links_into_the_sub_path(sample_site):
    page = (sample_site / urls.NOT_FOUND).read_text(encoding="utf-8")
    assert 'lang="ja"' in page
    for link in re.findall(r'href="(/[^"]*)"', page):
        assert link.startswith(PREFIX + "/"), link
