"""An initiative's body, rendered once per edition and placed on every page that shows it.

The initiative page and the print page (every initiative of the 版 on one page) show the same
body (partials/initiative_body.html) with four differences: the level of its headings (<h2> on
the initiative page, <h4> on the print page, sub-items deeper), a prefix that keeps its ids
unique on the print page, the fields the page's summary states already (left out under it) and
links relative to the page's own address. So the template is rendered once per edition and
initiative with markers for the four, and each page fills them in: no second Jinja render.

A marker is `\\x1e<kind><payload>\\x1f` (validation refuses control characters in every text of
a plan, model/text_safety.py, so content never holds one):

- `h<depth>,<extra>` a heading level: min(the page's level + depth + extra, 6) — the template's
  own rule for nesting (sub-items two levels down, a KPI one below its section, never beyond
  <h6>, the last heading HTML has);
- `p`  the page's id prefix;
- `u<n>` the n-th address the body links to, made relative to the page;
- `s<key>` … `e` a part the page leaves out when its summary states `key`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from generator.pages.page import relative_url

TEMPLATE = "planpub/partials/initiative_body.html"

# What a body may read of its page's context: the edition's, never one page's own (so one
# rendering serves every page of the edition that shows the initiative).
EDITION_NAMES = ("site", "plan", "content", "edition", "version", "status_class", "assessments", "charts",
                 "figures", "current_fy")

MARKER = re.compile(r"\x1e([hpu])([^\x1f]*)\x1f")
OMISSIBLE = re.compile(r"\x1es([^\x1f]*)\x1f(.*?)\x1ee\x1f", re.S)
PREFIX = Markup("\x1ep\x1f")


def level(depth: int, extra: int = 0) -> Markup:
    """A heading `depth` levels below the page's body headings (`extra` more: a KPI), at most <h6>."""
    return Markup(f"\x1eh{depth},{extra}\x1f")


def omissible(key: str, html: str) -> Markup:
    """`html` as a part a page whose summary states `key` leaves out."""
    return Markup(f"\x1es{key}\x1f") + Markup(html) + Markup("\x1ee\x1f")


@dataclass(frozen=True)
class Body:
    """One initiative's body as parts, each (key or None, the part as a format string whose
    fields are its markers: `{h<depth>_<extra>}`, `{p}`, `{u<n>}`), so a page fills them in with
    str.format_map (C code) rather than a loop of its own."""

    parts: tuple[tuple[str | None, str], ...]
    levels: frozenset[tuple[int, int]]   # the (depth, extra) of its headings
    targets: tuple[str, ...]             # the addresses it links to, by number

    @classmethod
    def parse(cls, html: str, targets: Iterable[str]) -> Body:
        levels: set[tuple[int, int]] = set()

        def field(match: re.Match) -> str:
            kind, payload = match.group(1), match.group(2)
            if kind == "h":
                depth, extra = map(int, payload.split(","))
                levels.add((depth, extra))
                return f"{{h{depth}_{extra}}}"
            return "{p}" if kind == "p" else f"{{u{int(payload)}}}"

        def part(text: str) -> str:
            return MARKER.sub(field, text.replace("{", "{{").replace("}", "}}"))

        parts: list[tuple[str | None, str]] = []
        position = 0
        for match in OMISSIBLE.finditer(html):
            parts.append((None, part(html[position:match.start()])))
            parts.append((match.group(1), part(match.group(2))))
            position = match.end()
        parts.append((None, part(html[position:])))
        return cls(tuple(p for p in parts if p[1]), frozenset(levels), tuple(targets))

    def place(self, page_url: str, heading: int, id_prefix: str = "", omit: Iterable[str] = ()) -> Markup:
        """The body as it reads on the page at `page_url`: headings from <h`heading`>, ids
        after `id_prefix`, without the parts whose key is in `omit`."""
        omit = set(omit)
        values = {f"h{depth}_{extra}": min(heading + depth + extra, 6) for depth, extra in self.levels}
        values["p"] = escape(id_prefix)
        values.update((f"u{n}", escape(relative_url(target, page_url))) for n, target in enumerate(self.targets))
        return Markup("".join(text.format_map(values) for key, text in self.parts if key not in omit))


class InitiativeBodies:
    """The bodies of one edition's initiatives, each rendered the first time a page of the
    edition shows it. Pages of an edition are rendered together (a build unit is one
    edition), so only the last edition's bodies are kept: memory stays that of one 版."""

    def __init__(self, env: Environment):
        self.env = env
        self._edition: object = None
        self._bodies: dict[str, tuple[object, Body]] = {}
        self.renders = 0   # bodies rendered (the tests count them)

    def forget(self) -> None:
        self._edition, self._bodies = None, {}

    def body(self, context: Context | dict, item) -> Body:
        edition = context["edition"]
        if edition != self._edition:
            self._edition, self._bodies = edition, {}
        cached = self._bodies.get(item.id)
        if cached is not None and cached[0] is item:
            return cached[1]
        body = self._render(context, item)
        self._bodies[item.id] = (item, body)
        return body

    def _render(self, context: Context | dict, item) -> Body:
        targets: list[str] = []

        def url(target: str) -> Markup:
            targets.append(target)
            return Markup(f"\x1eu{len(targets) - 1}\x1f")

        values = {name: context[name] for name in EDITION_NAMES if name in context}
        html = self.env.get_template(TEMPLATE).render(
            item=item, depth=0, idp=PREFIX, url=url, level=level, omissible=omissible, **values)
        self.renders += 1
        return Body.parse(html, targets)

    def template_global(self) -> Callable:
        """`initiative_body(item, heading, id_prefix, omit)` for the page templates."""
        @pass_context
        def initiative_body(context: Context, item, heading: int, id_prefix: str = "",
                            omit: Iterable[str] = ()) -> Markup:
            return self.body(context, item).place(context["page_url"], heading, id_prefix, omit)
        return initiative_body
