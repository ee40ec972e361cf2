"""Render a page's main content with the Jinja templates in theme/planpub/.

The output is the HTML fragment that goes inside the site's layout; the layout
itself (header, footer, assets) belongs to the theme that wraps it (mkdocs-material
via the plugin). Keeping this step MkDocs-free lets tests render pages directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from generator.model import fiscal
from generator.model.kinds import kind_of
from generator.render import compiled, resources
from generator.render.bodies import InitiativeBodies
from generator.render.assets import Assets
from generator.i18n import catalogue, current_language, msg
from generator.model.markup import plain_line, plain_text
from generator.render.markdown import MARKDOWN_TABLE, chapter_text, render_block, render_inline, render_line, render_paragraph
from generator.model.fieldnames import field_label, field_name
from generator.pages import urls
from generator.pages.page import Page, relative_url



CHROME_PARTS = ("header", "drawer", "footer")


class Renderer:
    """Jinja environment with the filters our page templates use."""

    def __init__(self, overrides: Path | None = None):
        """`overrides`: the site's own theme folder (mkdocs.yml theme.custom_dir), whose
        templates replace planpub's of the same name."""
        folders = ([overrides] if overrides else []) + [resources.theme_dir()]
        self.assets = Assets(folders)   # the theme's CSS and JS under content-hashed names
        self.env = Environment(
            loader=FileSystemLoader([str(folder) for folder in folders]),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # a Renderer lives for one build; no need to stat templates per use
            bytecode_cache=compiled.PAGE_TEMPLATES,
        )
        language = current_language()
        self.env.filters.update({
            "fy": lambda y: fiscal.fy_label(y, language),
            "fy_short": lambda y: fiscal.fy_short(y, language),
            "date": lambda d: fiscal.date_label(d, language),
            "text": lambda value: self._text(value, inline=False),
            "inline": lambda value: self._text(value, inline=True),
            "inline_markdown": lambda item: Markup(render_inline(item)),
            # one-line values (titles, KPI names, targets as written): markup rendered, or its plain text
            "line": lambda text: Markup(render_line(text)) if text else "",
            "plain": plain_line,
            "plain_text": plain_text,   # a prose item without its markup (feeds: text, not HTML)
            "paragraph": lambda text: self.wrap_tables(render_paragraph(text)),
            "markdown": lambda s, top_level=2, id_prefix="": self.wrap_tables(render_block(s, top_level, id_prefix)),
            "chapter_text": chapter_text,
            "number": format_number,
            "number_short": format_number_short,
            "field_label": field_label,
            "field_name": field_name,
            "pp_point": lambda point, unit=None: f"{fiscal.fy_short(point.fy, language)} {format_number(point.value)}{unit or ''}",
        })
        self.env.globals.update({"t": catalogue(language)["ui"], "lang": language, "urls": urls,
                                 "asset": self.assets.url,
                                 # the template of a kind of field is the kind's (model/kinds.py)
                                 "kind_partial": lambda kind: kind_of(kind).partial})
        self._texts: dict = {}
        # each initiative's body once per edition, for its page and the print page (render/bodies.py)
        self.bodies = InitiativeBodies(self.env)
        self.env.globals["initiative_body"] = self.bodies.template_global()

    def forget_texts(self) -> None:
        self._texts = {}
        self.bodies.forget()

    def _text(self, value, inline: bool) -> Markup:
        """A prose field as HTML. The same text recurs on many pages (every 版 that did
        not change it, the print page), so each is rendered once per build."""
        try:
            return self._texts[(value, inline)]
        except KeyError:
            html = self._texts[(value, inline)] = self._partial("planpub/partials/text.html", value=value,
                                                                inline=inline)
            return html
        except TypeError:  # not hashable: render it every time
            return self._partial("planpub/partials/text.html", value=value, inline=inline)

    def _partial(self, template: str, **context) -> Markup:
        """A small template used as a filter (prose fields); its output is already safe HTML."""
        return Markup(self.env.get_template(template).render(**context).strip())

    def wrap_tables(self, html: str) -> Markup:
        """Markdown tables in a box that scrolls sideways on a narrow screen: a labelled region
        that takes keyboard focus (planpub-tables.js keeps the focus, the label's 「横にスクロール
        できます」 and the visible cue only while the table is wider than the box). The table's
        class keeps mkdocs-material from wrapping it again in a box that takes no focus."""
        if "<table>" not in html:
            return Markup(html)
        return Markup(MARKDOWN_TABLE.sub(
            lambda table: self._partial("planpub/partials/table_scroll.html", rows=Markup(table.group(1))), html))

    def text_landmark(self, html: str) -> str:
        """The page's own text as the <main> landmark: after the breadcrumbs and the plan's pages
        (navigation of their own), or the whole page when it has none."""
        before, mark, text = html.partition(TEXT_MARK)
        if not mark:
            before, text = "", html
        return self.env.get_template("planpub/partials/main_landmark.html").render(before=Markup(before), text=Markup(text))

    def render_feed(self, site_url: str, **context) -> str:
        """An Atom feed; links are absolute, as feed readers need them."""
        base = site_url.rstrip("/") + "/" if site_url else "/"
        return self.env.get_template("planpub/feeds/atom.xml").render(
            absolute=lambda path: path if "://" in path else base + path, **context)

    def render_sitemap(self, locations: list[tuple[str, str | None]], index: bool = False) -> str:
        """sitemap.xml (or, with `index`, a sitemap index over several files): (address, lastmod
        or None) pairs."""
        name = "sitemap_index.xml" if index else "sitemap.xml"
        return self.env.get_template(f"planpub/feeds/{name}").render(urls=locations)

    def render_chrome(self, chrome, page_url: str, absolute_base: str | None = None) -> dict[str, Markup]:
        """The site's header, menu drawer and footer around one page (pages/chrome.py).
        Links are relative to `page_url`; the 404 page, served at any depth, gets links
        below `absolute_base` (the path of site_url) instead."""
        if absolute_base is None:
            def url(target: str) -> str:
                return relative_url(target, page_url)
        else:
            def url(target: str) -> str:
                return absolute_base + target
        return {part: Markup(self.env.get_template(f"planpub/chrome/{part}.html").render(
                    chrome=chrome, page_url=page_url, url=url))
                for part in CHROME_PARTS}

    def render_not_found(self, chrome, absolute_base: str) -> Markup:
        """The 404 page's content: links to the site home, every plan and search."""
        return Markup(self.env.get_template("planpub/chrome/not_found.html").render(
            chrome=chrome, url=lambda target: absolute_base + target))

    def render(self, page: Page) -> str:
        template = self.env.get_template(page.template)
        context = page.template_context()
        context["page_url"] = page.url
        context["url"] = lambda target: relative_url(target, page.url)
        html = self.text_landmark(template.render(**context))
        if context.get("search"):  # mark the page for the search index, with its metadata
            html = self.env.get_template("planpub/partials/search_wrap.html").render(inner=Markup(html), **context)
        return html


TEXT_MARK = "<!--pp-text-->"   # where the page's own text starts (after partials/edition_header.html)


def format_number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}"
    return str(escape(value))


def format_number_short(value: float) -> str:
    """Axis labels: at most one decimal, thousands separated."""
    if abs(value - round(value)) < 0.05:
        return f"{round(value):,}"
    return f"{value:,.1f}"
