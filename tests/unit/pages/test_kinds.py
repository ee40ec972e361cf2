"""Page and edition kinds (pages/kinds.py): each declaration says where a page lives, which
template renders it, its title and its place in the plan menu."""

from __future__ import annotations

from generator.i18n import has
from generator.pages.kinds import EditionKind, PageKind, Scope, menu_kinds
from generator.render.resources import theme_dir


def test_every_page_kind_has_its_template():
    for kind in PageKind:
        assert (theme_dir() / kind.template_name).is_file(), kind


def test_item_pages_take_an_id_and_menu_pages_a_title():
    for kind in PageKind:
        assert ("{id}" in kind.path) == (kind.scope is Scope.ITEM), kind
        if kind.menu:
            assert kind.title_key and has(kind.title_key), kind
    assert menu_kinds() == sorted(menu_kinds(), key=lambda k: k.menu) and menu_kinds()[0] is PageKind.PLAN_HOME


def test_three_kinds_of_edition():
    assert {k.value for k in EditionKind} == {"latest", "frozen", "working"}
