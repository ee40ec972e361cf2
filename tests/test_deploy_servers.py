"""The README's deployment instructions, tried as an administrator would: the sample site
served by Debian's nginx and Apache with the configuration blocks taken from README.md
(tests/deploy_servers.py), at the path of site_url.

Every kind of response under the site is checked — pages, 404s at several depths, CSS,
JavaScript, JSON, feeds and the sitemap, CSV, Pagefind files, ふりがな files, a redirect,
`.htaccess` — for the three security headers, compression of every text type, UTF-8,
CSV as `text/csv; charset=utf-8` and the Cache-Control the README promises
(generator/build/deploy.py); then Chromium loads every page type through each server and
finds no failed request and no Content-Security-Policy violation. Each server starts
once per module.
"""

from __future__ import annotations

import gzip
import http.client
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from generator.build.deploy import CACHE_FOREVER, CACHE_REVALIDATE, SECURITY_HEADERS, cache_control
from generator.i18n import set_language
from generator.pages import urls
from generator.pages.builder import build_pages
from generator.pages.kinds import PageKind
from generator.validate import load_valid_site

from .conftest import ROOT, SAMPLE_CONTENT
from .deploy_servers import README, SERVERS, deployed, readme_block, site_path

TEXT_TYPES = re.compile(r"^(text/|application/(javascript|json|xml|atom\+xml)|image/svg\+xml)")


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes          # as sent (compressed when Content-Encoding says so)

    def header(self, name: str) -> str:
        return self.headers.get(name, "")

    def text(self) -> bytes:
        return gzip.decompress(self.body) if self.header("Content-Encoding") == "gzip" else self.body


def fetch(base: str, path: str, method: str = "GET", headers: dict | None = None) -> Response:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request(method, parts.path + path, headers={"Accept-Encoding": "gzip", **(headers or {})})
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


@pytest.fixture(scope="module")
def docroot(sample_site):
    with deployed(sample_site) as root:
        yield root


@pytest.fixture(scope="module", params=sorted(SERVERS))
def server(request, docroot) -> str:
    """The site's base URL on each server in turn (each started once for the module)."""
    with SERVERS[request.param](docroot) as base:
        yield base


def _first(site: Path, pattern: str) -> str:
    found = sorted(site.glob(pattern))
    assert found, f"the sample site has no {pattern}"
    return found[0].relative_to(site).as_posix()


def files_of_every_kind(site: Path) -> dict[str, list[str]]:
    """Site-relative paths of one or more files of each kind the site serves."""
    plan = "gotsu"
    return {
        "page": [urls.SITE_HOME, urls.plan_base(plan), _first(site, urls.page_file(urls.latest_page(plan, PageKind.INITIATIVE, "*"))),
                 urls.GUIDE, urls.page_file(urls.portal(PageKind.SEARCH))],
        "css": [_first(site, "assets/planpub.*.css"), _first(site, "assets/stylesheets/main.*.min.css")],
        "javascript": [_first(site, "assets/planpub-chrome.*.js"), _first(site, "assets/planpub-search.*.js"),
                       _first(site, "assets/javascripts/bundle.*.min.js")],
        "json": [urls.versions_json(plan), urls.SEARCH_BUNDLES, urls.data_file(urls.plan_base(plan), "plan.json"),
                 urls.PLAN_JSON_SCHEMA],
        "ruby": [urls.ruby_fragment(urls.plan_base(plan)), _first(site, urls.ruby_fragment(urls.latest_page(plan, PageKind.INITIATIVE, "*")))],
        "xml": [urls.SITE_FEED, urls.plan_feed(plan), urls.SITEMAP],
        "csv": [urls.data_file(urls.plan_base(plan), name) for name in ("initiatives.csv", "kpis.csv", "schedule.csv")],
        "pagefind": [urls.LATEST_BUNDLE + "pagefind.js", urls.LATEST_BUNDLE + "pagefind-worker.js",
                     urls.LATEST_BUNDLE + "pagefind-entry.json", _first(site, "pagefind/wasm.*.pagefind"),
                     _first(site, "pagefind/*.pf_meta"), _first(site, "pagefind/fragment/*.pf_fragment"),
                     _first(site, "pagefind/index/*.pf_index"), _first(site, urls.archive_bundle(plan, "*") + "*.pf_meta")],
        "image": [_first(site, "assets/images/*.png")],
    }


MISSING = ["no-such-page", "no-such-page/", urls.plan_base("gotsu") + "no-such-page/",
           urls.latest_page("gotsu", PageKind.INITIATIVE, "a/b/c/d"), urls.asset("no-such.css"),
           urls.data_file(urls.plan_base("gotsu"), "no-such.csv")]
FOLDERS_WITHOUT_A_PAGE = [f"{urls.plan_base('gotsu')}{urls.VERSIONS}/", urls.ASSETS]


def problems_of(response: Response, path: str, gzip_accepted: bool = True) -> list[str]:
    """What is wrong with one response, against the README's promises."""
    problems = []
    for name, value in SECURITY_HEADERS.items():
        if response.header(name) != value:
            problems.append(f"{name}: {response.header(name)!r}")
    kind = response.header("Content-Type").split(";")[0].strip()
    expected_cache = cache_control(path) if response.status in (200, 304) else CACHE_REVALIDATE
    if response.header("Cache-Control") != expected_cache:
        problems.append(f"Cache-Control: {response.header('Cache-Control')!r}, expected {expected_cache!r}")
    if response.status != 304 and TEXT_TYPES.match(kind) and response.status != 301:
        if response.header("Content-Encoding") != ("gzip" if gzip_accepted else ""):
            problems.append(f"{kind} not compressed")
        if "accept-encoding" not in response.header("Vary").lower():
            problems.append(f"{kind} without Vary: Accept-Encoding")
        if "charset=utf-8" not in response.header("Content-Type").lower().replace(" ", ""):
            problems.append(f"{kind} without charset=utf-8: {response.header('Content-Type')!r}")
    if path.endswith(".csv") and response.status == 200 and \
            response.header("Content-Type").lower().replace(" ", "") != "text/csv;charset=utf-8":
        problems.append(f"CSV as {response.header('Content-Type')!r}")
    return problems


def test_every_kind_of_response_has_the_promised_headers(server, sample_site):
    problems = []
    for kind, paths in files_of_every_kind(sample_site).items():
        for path in paths:
            response = fetch(server, path)
            if response.status != 200:
                problems.append(f"{kind} {path}: status {response.status}")
                continue
            expected = (sample_site / (path + "index.html" if path.endswith("/") or not path else path)).read_bytes()
            if response.text() != expected:
                problems.append(f"{kind} {path}: not the file's bytes")
            problems += [f"{kind} {path}: {p}" for p in problems_of(response, path)]
    assert problems == []


def test_a_missing_page_at_any_depth_gets_the_404_page(server, sample_site):
    not_found = (sample_site / urls.NOT_FOUND).read_bytes()
    problems = []
    for path in MISSING + FOLDERS_WITHOUT_A_PAGE:
        response = fetch(server, path)
        allowed = (403, 404) if path in FOLDERS_WITHOUT_A_PAGE else (404,)   # never a file listing
        if response.status not in allowed or response.text() != not_found:
            problems.append(f"{path}: status {response.status}, {'the 404 page' if response.text() == not_found else 'another body'}")
        problems += [f"{path}: {p}" for p in problems_of(response, path)]
    assert problems == []


def test_htaccess_and_hidden_files_are_never_served(server, sample_site):
    for path in (".htaccess", "gotsu/.htaccess", ".git/config"):
        response = fetch(server, path)
        assert response.status == 404, path
        assert b"Header always set" not in response.text()
        assert problems_of(response, path) == []


def test_a_folder_without_its_slash_is_redirected_with_the_headers(server):
    response = fetch(server, "gotsu")
    assert response.status == 301
    assert response.header("Location").endswith(site_path() + "gotsu/")
    assert problems_of(response, "gotsu") == []


def test_an_unchanged_page_is_revalidated_with_a_304(server):
    """What `Cache-Control: no-cache` promises: the browser asks again and gets a cheap 304
    (with both validators, as a browser sends them: an ETag that changes when compressing
    must not defeat it)."""
    for path in (urls.SITE_HOME, urls.plan_feed("gotsu"), urls.data_file(urls.plan_base("gotsu"), "initiatives.csv")):
        first = fetch(server, path)
        validators = {"If-None-Match": first.header("ETag"), "If-Modified-Since": first.header("Last-Modified")}
        again = fetch(server, path, headers={k: v for k, v in validators.items() if v})
        assert again.status == 304, path
        assert problems_of(again, path) == []


def test_the_readme_curl_check_shows_what_it_promises(server, sample_site):
    """The administrator's check after deploying (README "Check a deployment", the staff
    guide's 公開後の確認): the same HEAD requests against this server."""
    commands = [line for line in readme_block("curl-check").splitlines() if line.startswith("curl ")]
    assert len(commands) >= 4
    public = "https://www.city.example.lg.jp" + site_path()
    for command in commands:
        address = command.split()[-1]
        assert address.startswith(public), command
        path = address[len(public):]
        gzip_accepted = "Accept-Encoding: gzip" in command
        response = fetch(server, path, method="HEAD", headers={} if gzip_accepted else {"Accept-Encoding": "identity"})
        exists = (sample_site / (path + "index.html" if path.endswith("/") or not path else path)).is_file()
        assert response.status == (200 if exists and not path.startswith(".") else 404), command
        assert problems_of(response, path, gzip_accepted) == [], command


def test_the_readme_states_the_values_these_tests_check():
    text = README.read_text(encoding="utf-8")
    for name, value in SECURITY_HEADERS.items():
        assert f"{name}: {value}" in text
    assert f"Cache-Control: {CACHE_FOREVER}" in text and f"Cache-Control: {CACHE_REVALIDATE}" in text
    for block in ("nginx-location", "apache-htaccess"):
        assert all(value in readme_block(block) for value in SECURITY_HEADERS.values()), block


def test_the_staff_guide_says_the_same_as_the_readme():
    """guide/deploy.md (Japanese, published with the site) gives the administrator's check
    word for word and names every value it must show."""
    guide = ROOT / "docs/site/guide/deploy.md"
    assert readme_block("curl-check", guide) == readme_block("curl-check")
    text = guide.read_text(encoding="utf-8")
    for name, value in SECURITY_HEADERS.items():
        assert name in text and (value in text or name == "Content-Security-Policy"), name
    assert f"Cache-Control: {CACHE_FOREVER}" in text and f"Cache-Control: {CACHE_REVALIDATE}" in text
    assert "text/csv; charset=utf-8" in text and "2027年5月5日" in text


# ── the site in Chromium, through each server ──────────────────────────────────

SEARCH_QUERY = "マイナンバーカード"


def page_of_every_type() -> dict[str, str]:
    """One address of each page type of the sample (the first plan's latest 版 where the
    type has one), plus a frozen 版's initiative, a query on the search page, the staff guide
    and a missing page."""
    set_language("ja")
    result = load_valid_site(SAMPLE_CONTENT)
    assert not result.problems
    pages = {}
    for page in build_pages(result.site):
        latest = f"/{urls.VERSIONS}/" not in "/" + page.url
        if page.kind.value not in pages or (latest and f"/{urls.VERSIONS}/" in "/" + pages[page.kind.value]):
            pages[page.kind.value] = page.url
        if not latest and page.kind is PageKind.INITIATIVE:
            pages.setdefault("frozen_initiative", page.url)
    # archived=1: the latest index merged with every frozen 版's own bundle
    pages[PageKind.SEARCH.value] = urls.portal(PageKind.SEARCH) + "?q=" + quote(SEARCH_QUERY) + "&archived=1"
    pages["guide"] = urls.GUIDE
    pages["not_found"] = "gotsu/no-such-page/deeper/"
    return pages


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return page_of_every_type()


def _open(context, url: str):
    """A tab loading `url`, recording its failed requests and console errors; returns as soon
    as the server answered, so that all tabs load at once."""
    page = context.new_page()
    page.problems = []
    page.on("requestfailed", lambda request: page.problems.append(f"{request.url} ({request.failure})"))
    page.on("response", lambda response: page.problems.append(f"{response.url} ({response.status})")
            if response.status >= 400 and not response.request.is_navigation_request() else None)
    page.on("console", lambda message: page.problems.append(message.text) if message.type == "error" else None)
    # mkdocs-material fetches a sitemap beside every link[rel=alternate] (theme/main.html): none must be asked for
    page.on("request", lambda request: page.problems.append(f"{request.url} requested")
            if request.url.endswith(urls.SITEMAP) else None)
    return page, page.goto(url, wait_until="commit")


def test_every_page_type_loads_through_the_server_without_a_failed_request(server, browser, pages):
    context = browser.new_context()
    # ふりがな on, as a reader who turned it on: every page then fetches its index.ruby.json.
    context.add_init_script("localStorage.setItem('planpub.furigana', 'on');"
                            "document.addEventListener('securitypolicyviolation', e => console.error("
                            "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));")
    tabs = {name: _open(context, server + path) for name, path in pages.items()}
    problems = {}
    for name, (page, response) in tabs.items():
        page.wait_for_load_state("networkidle")
        assert response.status == (404 if name == "not_found" else 200), name
        assert page.evaluate("document.documentElement.classList.contains('js')"), name   # the theme's script ran
        if name == PageKind.SEARCH.value:
            page.locator(".pp-search-result__title").first.wait_for()
        if name in (PageKind.INITIATIVE.value, PageKind.PLAN_HOME.value):
            page.locator("#pp-main ruby").first.wait_for()
        if name == "not_found":   # Chromium reports the page's own 404 status; nothing else may fail
            page.problems.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")
        if page.problems:
            problems[pages[name]] = page.problems
    context.close()
    assert problems == {}
