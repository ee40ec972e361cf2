"""An initiative's body rendered once per edition and placed by each page (render/bodies.py):
markers for heading levels, the id prefix, links and the parts a summary states, filled in
per page; the body template rendered once per initiative and edition when every page of an
edition is rendered."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
import pytest
from markupsafe import Markup

from generator.i18n import set_language
from generator.pages.builder import build_pages
from generator.pages import urls
from generator.pages.kinds import PageKind
from generator.pages.page import relative_url
from generator.render import furigana
from generator.render.bodies import TEMPLATE, Body, InitiativeBodies, level, omissible
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from tests.body_renders import body_renders  # noqa: F401 (a fixture)
from tests.conftest import FIXTURES, PATTERNS


def test_a_heading_level_is_the_pages_plus_the_depth_and_a_kpi_one_below_at_most_h6():
    html = f"<h{level(0)}>a</h{level(0)}><h{level(1)}>b</h{level(1)}><h{level(4)}>c</h{level(4)}><h{level(4, 1)}>"
    body = Body.parse(html, [])
    assert body.place("p/", 2) == "<h2>a</h2><h3>b</h3><h6>c</h6><h6>"
    assert body.place("p/", 4) == "<h4>a</h4><h5>b</h5><h6>c</h6><h6>"   # HTML has no <h7>
    assert body.place("p/", 1).endswith("<h5>c</h5><h6>")


def test_ids_take_the_pages_prefix_escaped():
    body = Body.parse('<section id="\x1ep\x1ffield-goal">{text} {{as written}}', [])
    assert body.place("p/", 2) == '<section id="field-goal">{text} {{as written}}'
    assert body.place("p/", 4, "i-a&b-") == '<section id="i-a&amp;b-field-goal">{text} {{as written}}'


def test_links_are_relative_to_each_page_and_escaped():
    themed, other = urls.filtered_initiatives(urls.plan_base("p"), "a&b"), urls.latest_page("p", PageKind.INITIATIVE, "b")
    body = Body.parse('<a href="\x1eu0\x1f">x</a><a href="\x1eu1\x1f">y</a>', [themed, other])
    for page in (urls.latest_page("p", PageKind.INITIATIVE, "a"), urls.latest_page("p", PageKind.PRINT)):
        expected = [relative_url(target, page).replace("&", "&amp;") for target in (themed, other)]
        assert body.place(page, 2) == f'<a href="{expected[0]}">x</a><a href="{expected[1]}">y</a>'
        assert "&amp;" in expected[0]


def test_a_part_the_summary_states_is_left_out_only_where_asked():
    html = Markup("<dl>") + omissible("departments", "<dt>担当</dt>") + omissible("status", "<dt>状況</dt>") + Markup("</dl>")
    body = Body.parse(html, [])
    assert body.place("p/", 2) == "<dl><dt>担当</dt><dt>状況</dt></dl>"
    assert body.place("p/", 2, omit=["status"]) == "<dl><dt>担当</dt></dl>"
    assert body.place("p/", 2, omit=["departments", "status"]) == "<dl></dl>"


@dataclass(frozen=True)
class _Item:
    id: str


def test_a_body_is_rendered_once_per_edition_and_item():
    env = jinja2.Environment(loader=jinja2.DictLoader({TEMPLATE: "<h{{ level(depth) }}>{{ item.id }}</h{{ level(depth) }}>"}),
                             autoescape=True)
    bodies = InitiativeBodies(env)
    one, two = _Item("one"), _Item("two")
    assert bodies.body({"edition": "v1"}, one).place("p/", 4) == "<h4>one</h4>"
    assert bodies.body({"edition": "v1"}, one) is bodies.body({"edition": "v1"}, one) and bodies.renders == 1
    bodies.body({"edition": "v1"}, two)
    assert bodies.renders == 2
    bodies.body({"edition": "v2"}, one)           # another edition: its own rendering
    assert bodies.renders == 3
    bodies.body({"edition": "v2"}, _Item("one"))  # a new resolution of the same id is not taken for the old
    assert bodies.renders == 4
    bodies.forget()
    bodies.body({"edition": "v2"}, one)
    assert bodies.renders == 5


@pytest.mark.parametrize("content", [FIXTURES / "basic", PATTERNS], ids=["basic", "patterns"])
def test_each_initiative_body_is_rendered_once_per_edition_for_its_page_and_the_print_page(content, body_renders):
    set_language("ja")
    site = load_valid_site(content).site
    pages = build_pages(site, include_working=True)
    renderer = Renderer()
    for page in pages:   # in build order: an edition's pages together, the print page before the initiatives
        renderer.render(page)
    editions = {(page.context.edition.base, item.id) for page in pages if page.kind is PageKind.PRINT
                for item in page.context.content.initiatives}
    initiative_pages = {(page.context.edition.base, page.context.initiative.id) for page in pages
                        if page.kind is PageKind.INITIATIVE}
    assert editions == initiative_pages and len(editions) > 10
    assert set(body_renders) == editions and set(body_renders.values()) == {1}


def test_the_readings_of_a_body_are_made_once_for_the_print_page_and_the_initiative_pages():
    """ふりがな are cached per text node for the whole build (render/furigana.py): the print
    page and the initiative pages share their bodies' text, so each is read once."""
    set_language("ja")
    pages = [page for page in build_pages(load_valid_site(FIXTURES / "basic").site)
             if page.url.startswith(urls.plan_base("sample")) and page.context.edition.base == urls.plan_base("sample")
             and page.kind in (PageKind.PRINT, PageKind.INITIATIVE)]
    renderer = Renderer()
    rendered = [renderer.render(page) for page in pages]   # the print page first, as a build has it
    furigana.node_entry.kept.clear()
    for html in rendered:
        furigana.ruby_fragment(html)
    nodes = [set(furigana._text_nodes(html)) for html in rendered]
    assert furigana.node_entry.kept.misses == len(set().union(*nodes))   # each text read once
    shared = nodes[0] & set().union(*nodes[1:])
    assert len(shared) > len(nodes[0]) / 2   # most of the print page's text is its initiatives' bodies
