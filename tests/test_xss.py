"""Content can never inject script: payloads in every text field and in chapter Markdown."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from generator.pages import urls
from generator.pages.kinds import PageKind as Kind
from generator.pages.page import relative_url

from .conftest import build_site
from .site_pages import page_path

PAYLOADS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "[click](javascript:alert(1))",
    "<a href='javascript:alert(1)'>a</a>",
    "javascript:alert(1)",
    "{{ 7*7 }}{% raw %}",
    "<iframe src='https://evil.example/'></iframe>",
    "[x](JaVaScRiPt:alert(1))",
    "![img](javascript:alert(1))",
    "<javascript:alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]
TEXT = " ".join(PAYLOADS)


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.inline_scripts: list[str] = []
        self._in_script = False
        self._json = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if value and re.sub(r"\s", "", value).lower().startswith(("javascript:", "vbscript:", "data:text/html")):
                self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "iframe":
            self.problems.append("iframe")
        if tag == "script":
            attributes = dict(attrs)
            src = attributes.get("src")
            if src and not src.startswith(("../", "./", "assets/")) and "/assets/" not in src:
                self.problems.append(f"script src {src}")
            self._json = attributes.get("type") in ("application/json", "application/ld+json")
            self._in_script = src is None

    def handle_data(self, data):
        if self._in_script and self._json:
            # Data blocks (JSON-LD, theme config) are not executed; they must be valid JSON
            # that cannot close the element early.
            json.loads(data)
            if "<" in data:
                self.problems.append("unescaped < in a JSON data block")
        elif self._in_script:
            self.inline_scripts.append(data.strip())

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def _scan(site: Path) -> tuple[list[str], set[str]]:
    problems, scripts = [], set()
    for page in sorted(site.rglob("*.html")):
        scanner = _Scanner()
        scanner.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(site)}: {p}" for p in scanner.problems]
        scripts.update(scanner.inline_scripts)
    return problems, scripts


def _poison(content: Path) -> None:
    working = content / "plans/sample/releases/1.1"
    plan_path = working / "plan.yml"
    plan = yaml.safe_load(plan_path.read_text(encoding="utf-8"))
    plan["title"] = "計画" + TEXT
    plan["lead"] = [TEXT, TEXT]
    plan["themes"][0]["name"] = TEXT
    plan["themes"][0]["visions"][0]["text"] = TEXT
    plan["departments"].append({"name": TEXT})
    plan["categories"].append(TEXT)
    plan_path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    initiative_path = working / "initiatives/online.yml"
    initiative = yaml.safe_load(initiative_path.read_text(encoding="utf-8"))
    for field in ("title", "purpose", "current", "issues", "overview", "effect", "goal", "notes", "number"):
        initiative[field] = TEXT
    initiative["ideal"] = PAYLOADS
    initiative["departments"].append(TEXT)
    initiative["categories"] = [TEXT]
    initiative["schedule"][2024] = PAYLOADS
    initiative["progress"][2024]["text"] = PAYLOADS
    initiative["kpis"][0]["name"] = TEXT
    initiative["kpis"][0]["rationale"] = TEXT
    initiative["kpis"][0]["targets"][2025]["text"] = TEXT
    initiative_path.write_text(yaml.safe_dump(initiative, allow_unicode=True), encoding="utf-8")
    release_path = working / "release.yml"
    release = yaml.safe_load(release_path.read_text(encoding="utf-8"))
    release["notes"] = PAYLOADS
    release["summary"] = TEXT
    release_path.write_text(yaml.safe_dump(release, allow_unicode=True), encoding="utf-8")
    # Markdown features that could smuggle script (raw HTML itself is rejected by validation).
    (working / "chapters/background.md").write_text(
        "![img](javascript:alert(1))\n\n<javascript:alert(1)>\n\n"
        f"[ok]({relative_url(urls.latest_page('sample', Kind.INITIATIVE, 'online'), urls.latest_page('sample', Kind.CHAPTER, 'background'))})\n\n"
        "`<script>alert(1)</script>`\n\n[ref][r]\n\n[r]: javascript:alert(1)\n",
        encoding="utf-8")
    from generator.load.manifest import build_manifest, manifest_text
    (working / "manifest.json").write_text(manifest_text(build_manifest(working)), encoding="utf-8")


def test_xss_payloads_are_refused_by_validation(basic_content, tmp_path):
    # The first line of defence: tags, comments and unsafe links in content are errors
    # with their file and line, and nothing is built.
    _poison(basic_content)
    result = build_site(basic_content, tmp_path / "site")
    assert result.returncode == 1 and not (tmp_path / "site").exists()
    for expected in ("plan.yml", "initiatives/online.yml", "release.yml", "chapters/background.md"):
        assert expected in result.stderr
    assert "HTMLタグ「<script>」" in result.stderr and "Traceback" not in result.stderr


def test_xss_payloads_never_reach_the_output_as_markup(basic_content, basic_site, tmp_path):
    # The second line: even content that skipped validation renders as text (escaping and
    # nh3 in the renderer) — every page of the poisoned plan, rendered directly.
    from generator.load.loader import load_site
    from generator.pages.builder import build_pages
    from generator.render.renderer import Renderer

    _poison(basic_content)
    result = load_site(basic_content)   # files read, cross-file rules (and their refusals) skipped
    # (a value over its length limit is reported but keeps its file in the model: issue 19.12)
    assert result.site is not None and not [p for p in result.problems
                                            if p.code.startswith("schema") and p.code != "schema.maxLength"]
    out = tmp_path / "rendered"
    renderer = Renderer()
    for page in build_pages(result.site):
        target = out / page.url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(renderer.render(page), encoding="utf-8")
    problems, scripts = _scan(out)
    assert problems == []
    assert scripts == set(), "page content never holds inline scripts"
    page = page_path(out, "sample", Kind.INITIATIVE, "online").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page  # shown as text
    assert "{{ 7*7 }}" in page  # template syntax in content is not evaluated


def test_raw_html_in_a_chapter_is_rejected_with_a_clear_error(basic_content, tmp_path):
    (basic_content / "plans/sample/working/chapters/background.md").write_text(
        "本文\n\n<div onclick=\"alert(1)\">x</div>\n", encoding="utf-8")
    result = build_site(basic_content, tmp_path / "site")
    assert result.returncode == 1
    assert "background.md:3: 本文にHTMLタグ「<div onclick=\"alert(1)\">」が含まれています" in result.stderr


def test_javascript_links_in_a_chapter_are_rejected(basic_content, tmp_path):
    (basic_content / "plans/sample/working/chapters/background.md").write_text(
        "[a](https://example.org/)\n[b](JaVaScRiPt:alert(1))\n", encoding="utf-8")
    result = build_site(basic_content, tmp_path / "site")
    assert result.returncode == 1
    assert "background.md:2: リンク先「JaVaScRiPt:alert(1」は使えません" in result.stderr
