"""Feed autodiscovery without the request that failed on every page: the Atom links say
rel="alternate feed", which feed readers read as the token "alternate" with an Atom type,
while mkdocs-material's language-version script, which selects link[rel=alternate] (an
exact match) and fetches sitemap.xml beside each, no longer sees them (theme/main.html).
The browser side — no request for a sitemap, nothing failing — is in test_deploy_servers."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from generator.pages import urls
from generator.pages.kinds import PageKind
from generator.pages.page import relative_url


class _HeadLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "link":
            self.links.append(dict(attrs))


def _links(path) -> list[dict]:
    parser = _HeadLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.links


def test_no_page_has_a_link_that_materials_selector_takes_for_a_language(sample_site):
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 200
    offenders = [p for p in pages if any(link.get("rel") == "alternate" for link in _links(p))]
    assert offenders == []


def test_every_page_links_the_site_feed_and_a_plan_page_its_plan_feed(sample_site):
    for path, feeds in ((urls.SITE_HOME, [urls.SITE_FEED]),
                        (urls.plan_base("gotsu"), [urls.SITE_FEED, urls.plan_feed("gotsu")]),
                        (urls.frozen_page("gotsu", "1.5", PageKind.INITIATIVES), [urls.SITE_FEED, urls.plan_feed("gotsu")])):
        links = [link for link in _links(sample_site / urls.page_file(path))
                 if "alternate" in link.get("rel", "").split() and link.get("type") == "application/atom+xml"]
        assert [link["href"] for link in links] == [relative_url(feed, path) for feed in feeds], path
        assert all(re.fullmatch(r"alternate feed", link["rel"]) for link in links)
