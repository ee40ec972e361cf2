"""MkDocs plugin: a thin adapter from the planpub core to an MkDocs build.

The core decides which pages exist and renders their content; this plugin only
(1) loads and validates content when MkDocs reads its config, (2) adds one virtual
file per generated page, (3) swaps in the rendered content, (4) points canonical
links at the latest 版, and (5) tells `mkdocs serve` to watch content/.

Generated pages are deliberately left out of the navigation: MkDocs renders the
whole nav into every page, which would make build time grow with pages squared.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .i18n import set_language
from .loader import load_site
from .pages import Page, build_pages, problems_page, static_files
from .render import Renderer
from .search_index import SearchIndexError, build_search_index


log = logging.getLogger("mkdocs.plugins.planpub")


INVALID_THEME_ATTRIBUTES = (  # (as written by mkdocs-material, valid replacement)
    (' id="__drawer" autocomplete="off">', ' id="__drawer">'),
    (' id="__search" autocomplete="off">', ' id="__search">'),
    (' autocorrect="off"', ""),
)


class PlanPubConfig(Config):
    content_dir = c.Type(str, default="content")
    """Folder with site.yml and plans/, relative to mkdocs.yml."""


class PlanPubPlugin(BasePlugin[PlanPubConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.renderer: Renderer | None = None
        self.content_dir: Path | None = None

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.content_dir = (base / self.config.content_dir).resolve()
        result = load_site(self.content_dir)
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
        return config

    def on_files(self, files: Files, config) -> Files:
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
        return self.renderer.render(generated)

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
        try:
            build_search_index(Path(config.site_dir))
        except SearchIndexError as exc:
            raise PluginError(f"search index: {exc}") from None

    def on_serve(self, server, config, builder):
        if self.content_dir is not None:
            server.watch(str(self.content_dir))
        return server
