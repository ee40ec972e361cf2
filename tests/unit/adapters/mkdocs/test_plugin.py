"""The MkDocs plugin (adapters/mkdocs/plugin.py), a thin adapter: the packaged theme in
front of mkdocs-material's (after the site's own overrides), nav paths, the invalid
attributes mkdocs-material writes dropped, one renderer per build. (A build through it:
tests/test_cli.py and every site fixture.)"""

from __future__ import annotations

from types import SimpleNamespace

from generator.adapters.mkdocs import plugin
from generator.render.resources import theme_dir


def test_the_packaged_theme_comes_after_the_sites_overrides_and_before_material():
    config = SimpleNamespace(theme=SimpleNamespace(dirs=["/material"], custom_dir=None))
    plugin._use_packaged_theme(config)
    plugin._use_packaged_theme(config)              # once only
    assert config.theme.dirs == [str(theme_dir()), "/material"]
    custom = SimpleNamespace(theme=SimpleNamespace(dirs=["/site/overrides", "/material"], custom_dir="/site/overrides"))
    plugin._use_packaged_theme(custom)
    assert custom.theme.dirs == ["/site/overrides", str(theme_dir()), "/material"]


def test_every_page_named_in_the_nav_is_found():
    nav = [{"トップ": "index.md"}, {"ガイド": ["guide/index.md", {"書式": "guide/format.md"}]}, "about.md"]
    assert plugin._nav_paths(nav) == ["index.md", "guide/index.md", "guide/format.md", "about.md"]


def test_only_the_invalid_attributes_are_dropped():
    page = ('<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" autocorrect="off" autocomplete="off" name="q">')
    cleaned = plugin.PlanPubPlugin().on_post_page(page, None, None)
    assert 'id="__drawer">' in cleaned and "autocorrect" not in cleaned
    assert 'autocomplete="off" name="q"' in cleaned          # allowed on a text input: kept


def test_a_new_build_gets_fresh_renderers():
    first = plugin._process_renderer("ja", None)
    assert plugin._process_renderer("ja", None) is first    # the batches of one build share it
    plugin.start_build()
    assert plugin._process_renderer("ja", None) is not first


def test_a_batch_of_plan_pages_loads_the_themes_templates_without_listing_its_files(tmp_path):
    """Listing walks all of mkdocs-material's files (its icons too) for MkDocs to copy, which
    only the portal's run does (plan batches drop them)."""
    from jinja2 import Environment, FileSystemLoader

    (tmp_path / "main.html").write_text("{{ title }}", encoding="utf-8")
    (tmp_path / "logo.svg").write_text("<svg/>", encoding="utf-8")
    listing = FileSystemLoader([str(tmp_path)])
    env = plugin._without_theme_files(lambda: Environment(loader=listing))()
    assert env.list_templates() == [] and listing.list_templates() == ["logo.svg", "main.html"]
    assert env.get_template("main.html").render(title="計画") == "計画"
