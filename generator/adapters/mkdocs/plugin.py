"""MkDocs plugin: a thin adapter from the planpub core to an MkDocs build.

It has one mode: render the `Batch` it is given (adapters/mkdocs/batches.py) — one
virtual file per generated page, the page's content rendered by the core, the batch's
other files copied as they are. `planpub build` gives it batches (MkDocsWriter); a plain
`mkdocs build` or `mkdocs serve` gives it none, and it asks the build driver for the
whole site as one batch (build.driver.whole_site), working copies included when serving.

It also puts planpub's theme (templates and assets, installed with the package) in front
of mkdocs-material's, after the site's own `theme.custom_dir` if there is one.

Generated pages are deliberately left out of the navigation: MkDocs renders the whole
nav into every page, which would make build time grow with pages squared.
"""

from __future__ import annotations

import html
import logging
import time
from urllib.parse import urlsplit
from pathlib import Path

import jinja2
import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.adapters.mkdocs import batches, guide_pages
from generator.build.batch import Batch
from generator.build.driver import whole_site
from generator.build.search_index import SearchIndexError
from generator.adapters.mkdocs.serve import guard_hosts
from generator.i18n import msg, set_language
from generator.load.problems import from_here
from generator.pages import urls
from generator.pages.chrome import page_chrome
from generator.pages.builder import problems_page
from generator.render import compiled
from generator.render.furigana import ruby_fragment
from generator.render.readings import readings_for
from generator.render.renderer import Renderer
from generator.render.resources import theme_dir
from generator.validate import load_valid_site

log = logging.getLogger("mkdocs.plugins.planpub")

INVALID_THEME_ATTRIBUTES = (  # (as written by mkdocs-material, valid replacement)
    (' id="__drawer" autocomplete="off">', ' id="__drawer">'),
    (' id="__search" autocomplete="off">', ' id="__search">'),
    (' autocorrect="off"', ""),
)


TEMPLATE_FOLDER = "planpub/"


class PlanPubConfig(Config):
    content_dir = c.Type(str, default="content")
    """Folder with site.yml and plans/, relative to mkdocs.yml."""


_RENDERERS: dict[str, Renderer] = {}
# The addresses the preview last served (MkDocs makes a new plugin for every rebuild, so
# this lives in the module): while content is broken, each shows the problems instead of
# a 404, so the page being edited says what is wrong and comes back once it is fixed.
_SHOWN: set[str] = set()


def overrides_of(config) -> Path | None:
    """The site's own theme overrides (theme.custom_dir), if any."""
    custom = config.theme.custom_dir
    return Path(custom) if custom else None


def start_build() -> None:
    """A new build starts with fresh renderers (the site's overrides may have changed since
    the last build in this process: a template added shadows one already compiled) and
    builds the site's own pages again (guide_pages.py)."""
    _RENDERERS.clear()
    guide_pages.forget()


def _process_renderer(language: str, overrides: Path | None) -> Renderer:
    """One renderer per process, language and theme for `planpub build`'s many MkDocs runs,
    so templates compile once; its cache of rendered texts starts empty for each run."""
    key = f"{language}\0{overrides}"
    renderer = _RENDERERS.get(key)
    if renderer is None:
        renderer = _RENDERERS[key] = Renderer(overrides)
    renderer.forget_texts()
    renderer.assets.reload()   # a preview rebuilds after an edit of the theme's CSS or JS
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
        self.batch: Batch | None = None
        self.pages: dict = {}
        self.rubies: dict[str, bytes] = {}   # each page's ふりがな file, written after the pages
        self.renderer: Renderer | None = None
        self.content_dir: Path | None = None
        self.problems = None   # the problems page, while previewing broken content
        self.command = "build"

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        _use_packaged_theme(config)
        self.batch = batches.current() or self._whole_site(config)
        set_language(self.batch.language)
        config.theme["language"] = self.batch.language  # <html lang>, theme labels
        self.renderer = _process_renderer(self.batch.language, overrides_of(config))
        self.pages = {page.src_uri: page for page in self.batch.pages}
        self.rubies = {}
        if not self.batch.portal:
            config.theme.get_env = _without_theme_files(config.theme.get_env)
            config.theme.static_templates.clear()   # 404.html, sitemap.xml: the portal's
        return config

    def _whole_site(self, config) -> Batch:
        """No batch given: a plain `mkdocs build` or `mkdocs serve` of the whole site."""
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.content_dir = batches.content_override or (base / self.config.content_dir).resolve()
        result = load_valid_site(self.content_dir, shown_root=from_here(self.content_dir))
        if result.problems or result.site is None:
            listing = "\n".join(p.format() for p in result.problems.sorted())
            if self.command != "serve":
                raise PluginError(f"content has {len(result.problems)} problem(s):\n{listing}")
            # While previewing, show the problems in the browser instead of stopping the server.
            log.error("content has %d problem(s):\n%s", len(result.problems), listing)
            pages = [problems_page(result.problems, url) for url in [urls.SITE_HOME] + sorted(_SHOWN - {urls.SITE_HOME})]
            self.problems = pages[0]  # also on the 404 page, for addresses not shown before
            return Batch(pages, {}, True, result.site.language if result.site else "ja")
        set_language(result.site.language)
        batch = whole_site(result.site, Renderer(overrides_of(config)), config.site_url or "",
                           preview=self.command == "serve")
        if self.command == "serve":
            _SHOWN.clear()
            _SHOWN.update(page.url for page in batch.pages)
        return batch

    def on_files(self, files: Files, config) -> Files:
        # The page and feed templates under theme/planpub/ are read by the renderer; MkDocs
        # would otherwise copy the non-HTML ones (feeds, sitemap) into the site as files.
        templates = theme_dir() / TEMPLATE_FOLDER
        for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).is_relative_to(templates)]:
            files.remove(file)
        # planpub's CSS and JS are written by the core under content-hashed names
        # (render/assets.py, in the portal's files), never under their plain names.
        for src_uri in self.renderer.assets.sources():
            if (file := files.get_file_from_path(src_uri)) is not None:
                files.remove(file)
        if not self.batch.portal:
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
        for path, data in self.batch.files.items():
            files.append(File.generated(config, path, content=data))
        if not self.batch.portal:
            guide_pages.leave_out(files, config, self.pages)
        return files

    def on_nav(self, nav, config, files):
        if not self.batch.portal:
            guide_pages.show(nav)
        return nav

    def on_env(self, env, config, files):
        # main.html (rendered by MkDocs) links feeds through the same URL scheme.
        env.globals["planpub_urls"] = urls
        env.globals["planpub_asset"] = self.renderer.assets.url   # hashed names (render/assets.py)
        # MkDocs makes a new environment for every run (one per batch): compile the
        # layout's templates once per process (render/compiled.py).
        env.bytecode_cache = compiled.LAYOUT_TEMPLATES
        if not self.batch.portal:
            guide_pages.remember(files, self.pages)
        return env

    def on_page_content(self, html, page, config, files):
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return self.renderer.text_landmark(self.renderer.wrap_tables(html))   # the staff guide, its tables as chapters' are
        started = time.perf_counter()
        content = self.renderer.render(generated)
        if generated.has_ruby:
            plan = getattr(generated.context, "plan", None)
            readings = readings_for(plan.readings if plan is not None else ())
            self.rubies[urls.ruby_fragment(generated.url)] = ruby_fragment(content, readings)
        self.batch.render_seconds += time.perf_counter() - started
        return content

    def on_page_context(self, context, page, config, nav):
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            if config.site_url:
                page.canonical_url = config.site_url.rstrip("/") + "/" + generated.canonical_url
            context["planpub_page"] = generated
        chrome = page_chrome(generated.context) if generated is not None else self.batch.chrome
        if chrome is not None:
            context["planpub_chrome"] = self.renderer.render_chrome(chrome, page.url)
        return context

    def on_template_context(self, context, template_name, config):
        # The 404 page is served at any depth, so its links are absolute: below the path
        # of site_url, or the server root without one (docs/site/guide/deploy.md).
        if template_name == "404.html" and self.problems is not None:
            context["planpub_not_found"] = self.renderer.render(self.problems)
        elif template_name == "404.html" and self.batch.chrome is not None:
            base = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
            context["planpub_chrome"] = self.renderer.render_chrome(self.batch.chrome, urls.NOT_FOUND, base)
            context["planpub_not_found"] = self.renderer.render_not_found(self.batch.chrome, base)
        return context

    def on_post_page(self, output, page, config):
        # mkdocs-material puts attributes on its header controls that HTML does not allow
        # (autocomplete on checkboxes, the non-standard autocorrect); the Nu Html Checker
        # rejects them, so drop exactly those and nothing else.
        for invalid, valid in INVALID_THEME_ATTRIBUTES:
            output = output.replace(invalid, valid)
        return _main_is_the_text(output)

    def on_post_template(self, output_content, template_name, config):
        return self.on_post_page(output_content, None, config)  # 404.html has the same header

    def on_post_build(self, config):
        for path, data in self.rubies.items():
            target = Path(config.site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if self.batch.after_write is not None:
            try:
                self.batch.after_write(Path(config.site_dir))
            except SearchIndexError as exc:
                raise PluginError(f"search index: {exc}") from None

    def on_serve(self, server, config, builder):
        guard_hosts(server, msg("cli.serve_wrong_host", url=server.url).encode("utf-8"))
        if self.content_dir is not None:
            server.watch(str(self.content_dir))
        server.watch(str(theme_dir()))
        return server


OUTER_MAIN = '<main class="md-main" data-md-component="main">'


def _main_is_the_text(output: str) -> str:
    """mkdocs-material's <main> holds the menu and the table of contents beside the text: it
    becomes a <div>; the text itself is the <main> (renderer.text_landmark). The outer
    element's closing tag is the document's last </main>."""
    if OUTER_MAIN not in output:
        return output
    output = output.replace(OUTER_MAIN, '<div class="md-main" data-md-component="main">', 1)
    end = output.rfind("</main>")
    return output[:end] + "</div>" + output[end + len("</main>"):]


class _TemplatesOnlyLoader(jinja2.FileSystemLoader):
    """Loads the theme's templates; lists none of its files."""

    def list_templates(self) -> list[str]:
        return []


def _without_theme_files(get_env):
    """A batch of plan pages copies none of the theme's files (on_files removes them), so
    MkDocs need not list them: listing walks every file of mkdocs-material (its 14,000
    icons too), about a tenth of a small batch's time. Templates load as before."""
    def env() -> jinja2.Environment:
        made = get_env()
        made.loader = _TemplatesOnlyLoader(made.loader.searchpath)
        return made
    return env


def _use_packaged_theme(config) -> None:
    """planpub's templates and assets go right after the site's own overrides (custom_dir)
    and before mkdocs-material's, so an installed package needs nothing in mkdocs.yml."""
    packaged = str(theme_dir())
    dirs = config.theme.dirs
    if packaged in dirs:
        return
    custom = config.theme.custom_dir
    position = 1 if custom and dirs and Path(dirs[0]) == Path(custom) else 0
    dirs.insert(position, packaged)
