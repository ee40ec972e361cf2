"""MkDocs plugin: a thin adapter from the planpub core to an MkDocs build.

The core decides which pages exist and renders their content; this plugin only
(1) loads and validates content when MkDocs reads its config, (2) adds one virtual
file per generated page, (3) swaps in the rendered content, (4) points canonical
links at the latest 版, and (5) tells `mkdocs serve` to watch content/.

Generated pages are deliberately left out of the navigation: MkDocs renders the
whole nav into every page, which would make build time grow with pages squared.

`planpub build` does not let the plugin load content itself: it hands a `WriteRequest`
(a batch of pages of some units, or the portal) to `MkDocsWriter`, which runs one
MkDocs build for it. `mkdocs serve` and a plain `mkdocs build` build everything at once.
"""

from __future__ import annotations

import html
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.i18n import set_language
from generator.validate import load_valid_site
from generator.pages.builder import build_pages, problems_page
from generator.pages.files import portal_files, static_files
from generator.pages.page import Page
from generator.pages import urls
from generator.pages.urls import SEARCH_BUNDLES
from generator.render.renderer import Renderer
from generator.build.search_index import SearchIndexError, index_whole_site


log = logging.getLogger("mkdocs.plugins.planpub")


INVALID_THEME_ATTRIBUTES = (  # (as written by mkdocs-material, valid replacement)
    (' id="__drawer" autocomplete="off">', ' id="__drawer">'),
    (' id="__search" autocomplete="off">', ' id="__search">'),
    (' autocorrect="off"', ""),
)


class PlanPubConfig(Config):
    content_dir = c.Type(str, default="content")
    """Folder with site.yml and plans/, relative to mkdocs.yml."""


@dataclass
class WriteRequest:
    """What one MkDocs run should write (set by MkDocsWriter before the build)."""

    pages: list[Page]
    files: dict[str, bytes]
    portal: bool                  # the portal run also writes the guide and theme assets
    language: str
    render_seconds: float = field(default=0.0)


class MkDocsWriter:
    """Writes generated pages in the site's layout with MkDocs and mkdocs-material
    (the `PageWriter` that generator.sitebuild uses)."""

    def __init__(self, config_file: Path, language: str):
        self.config_file, self.language = config_file, language

    def write(self, pages: list[Page], files: dict[str, bytes], out_dir: Path, portal: bool) -> float:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(config_file=str(self.config_file))
        plugin = config.plugins["planpub"]
        plugin.request = WriteRequest(pages, files, portal, self.language)
        config.site_dir = str(out_dir)
        build(config)
        return plugin.request.render_seconds


_RENDERERS: dict[str, Renderer] = {}


def _process_renderer(language: str) -> Renderer:
    """One renderer per process and language for `planpub build`'s many MkDocs runs, so
    templates compile once; its cache of rendered texts starts empty for each run."""
    renderer = _RENDERERS.get(language)
    if renderer is None:
        renderer = _RENDERERS[language] = Renderer()
    renderer.forget_texts()
    return renderer


def _nav_paths(nav) -> list[str]:
    """Every page path named in the `nav:` setting."""
    paths = []
    for item in nav if isinstance(nav, list) else [nav]:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            paths += _nav_paths(value)
        elif isinstance(value, str):
            paths.append(value)
    return paths


class PlanPubPlugin(BasePlugin[PlanPubConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.renderer: Renderer | None = None
        self.content_dir: Path | None = None
        self.request: WriteRequest | None = None
        self.frozen_bases: list[str] = []
        self.site = None

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        if self.request is not None:
            set_language(self.request.language)
            config.theme["language"] = self.request.language
            self.renderer = _process_renderer(self.request.language)
            self.pages = {page.src_uri: page for page in self.request.pages}
            self.static = self.request.files
            return config
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.content_dir = (base / self.config.content_dir).resolve()
        result = load_valid_site(self.content_dir)
        self.renderer = None
        if result.problems or result.site is None:
            listing = "\n".join(p.format() for p in result.problems.sorted())
            if getattr(self, "command", None) != "serve":
                raise PluginError(f"content has {len(result.problems)} problem(s):\n{listing}")
            # While previewing, show the problems in the browser instead of stopping the server.
            log.error("content has %d problem(s):\n%s", len(result.problems), listing)
            self.renderer = Renderer()
            self.pages = {"index.md": problems_page(result.problems)}
            self.static = {}
            return config
        set_language(result.site.language)
        config.theme["language"] = result.site.language  # <html lang>, theme labels
        self.renderer = Renderer()
        preview = getattr(self, "command", None) == "serve"
        self.pages = {page.src_uri: page for page in build_pages(result.site, include_working=preview)}
        self.static = static_files(result.site, list(self.pages.values()), self.renderer, config.site_url or "")
        self.frozen_bases = [f"{p.id}/v/{v.id}/" for p in result.site.plans for v in p.snapshot_versions]
        self.site = result.site
        return config

    def on_files(self, files: Files, config) -> Files:
        if self.request is not None and not self.request.portal:
            # A batch of plan pages: MkDocs still reads the guide's pages (every page's
            # navigation shows their titles), but only the portal run copies assets.
            for file in [f for f in files if not f.is_documentation_page()]:
                files.remove(file)
            # The portal's generated pages in the navigation (the site home, the error
            # list) are written by the portal run; here they only need to exist.
            for src_uri in _nav_paths(config.nav or []):
                if files.get_file_from_path(src_uri) is None and src_uri.endswith(".md"):
                    files.append(File.generated(config, src_uri, content="---\ntitle: \"\"\n---\n"))
        for page in self.pages.values():
            # MkDocs' templates print titles and descriptions unescaped (it treats titles as
            # HTML), so content text must be escaped here or it could inject markup.
            meta = {"title": html.escape(page.title), "description": html.escape(page.description)}
            front_matter = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
            files.append(File.generated(config, page.src_uri, content=f"---\n{front_matter}---\n"))
        for path, data in getattr(self, "static", {}).items():
            files.append(File.generated(config, path, content=data))
        return files

    def on_page_content(self, html, page, config, files):
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html
        started = time.perf_counter()
        content = self.renderer.render(generated)
        if self.request is not None:
            self.request.render_seconds += time.perf_counter() - started
        return content

    def on_env(self, env, config, files):
        # main.html (rendered by MkDocs) links feeds through the same URL scheme.
        env.globals["planpub_urls"] = urls
        return env

    def on_page_context(self, context, page, config, nav):
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            if config.site_url:
                page.canonical_url = config.site_url.rstrip("/") + "/" + generated.canonical_url
            context["planpub_page"] = generated
        return context

    def on_post_page(self, output, page, config):
        # mkdocs-material puts attributes on its header controls that HTML does not allow
        # (autocomplete on checkboxes, the non-standard autocorrect); the Nu Html Checker
        # rejects them, so drop exactly those and nothing else.
        for invalid, valid in INVALID_THEME_ATTRIBUTES:
            output = output.replace(invalid, valid)
        return output

    def on_post_template(self, output_content, template_name, config):
        return self.on_post_page(output_content, None, config)  # 404.html has the same header

    def on_post_build(self, config):
        if self.request is not None:
            return  # planpub build indexes per unit and for the portal itself
        try:
            parts = index_whole_site(Path(config.site_dir), self.frozen_bases)
        except SearchIndexError as exc:
            raise PluginError(f"search index: {exc}") from None
        if parts and self.site is not None:  # a large preview: list the latest bundle's parts
            data = portal_files(self.site, self.renderer, config.site_url or "", parts)[SEARCH_BUNDLES]
            (Path(config.site_dir) / SEARCH_BUNDLES).write_bytes(data)

    def on_serve(self, server, config, builder):
        if self.content_dir is not None:
            server.watch(str(self.content_dir))
        return server
