"""planpub's CSS and JS are published under content-hashed names (render/assets.py), so the
README's year-long `immutable` cache can never serve an old file with a new page."""

from __future__ import annotations

import re

import pytest

from generator.build.deploy import CACHE_FOREVER, cache_control
from generator.pages.kinds import PageKind as Kind
from generator.render.assets import Assets, hashed_name
from generator.render.renderer import Renderer
from generator.render.resources import theme_dir

from .conftest import FIXTURES, config_copy, run_cli
from .site_pages import page_path
from .deploy_servers import site_path

PLANPUB_ASSET = re.compile(r'(?:href|src)="([^"]*assets/planpub[^"/]*\.(?:css|js))"')


def test_the_name_changes_with_the_bytes_and_only_with_them():
    assert hashed_name("planpub.css", b"a") == hashed_name("planpub.css", b"a")
    assert hashed_name("planpub.css", b"a") != hashed_name("planpub.css", b"b")
    assert re.fullmatch(r"planpub-chrome\.[0-9a-f]{8}\.js", hashed_name("planpub-chrome.js", b"x"))


def test_every_theme_asset_gets_a_name_the_readme_caches_for_a_year():
    assets = Renderer().assets
    names = sorted(p.name for p in (theme_dir() / "assets").iterdir())
    assert names and assets.sources() == [f"assets/{name}" for name in names]
    for name in names:
        assert cache_control(assets.url(name)) == CACHE_FOREVER, name
        assert assets.files()[assets.url(name)] == (theme_dir() / "assets" / name).read_bytes()


def test_a_sites_own_override_replaces_the_file_and_its_name(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/planpub.css").write_text("body { color: black }\n", encoding="utf-8")
    (tmp_path / "assets/logo.svg").write_text("<svg/>", encoding="utf-8")   # the site's own: not planpub's
    assets = Assets([tmp_path, theme_dir()])
    assert "assets/logo.svg" not in assets.sources()
    assert assets.files()[assets.url("planpub.css")] == b"body { color: black }\n"
    assert assets.url("planpub.css") != Renderer().assets.url("planpub.css")
    (tmp_path / "assets/planpub.css").write_text("body { color: navy }\n", encoding="utf-8")
    before = assets.url("planpub.css")
    assets.reload()   # what a preview does after an edit
    assert assets.url("planpub.css") != before


def test_the_built_site_links_only_hashed_assets_that_exist(sample_site):
    names = sorted(p.name for p in (sample_site / "assets").glob("planpub*"))
    assert names and all(re.search(r"\.[0-9a-f]{8}\.(css|js)$", name) for name in names), names
    missing, linked = [], set()
    for page in sample_site.rglob("*.html"):
        for link in PLANPUB_ASSET.findall(page.read_text(encoding="utf-8")):
            # the 404 page links below the path of site_url; every other page relatively
            target = sample_site / link.removeprefix(site_path()) if link.startswith("/") else page.parent / link
            linked.add(target.name)
            if not target.is_file():
                missing.append(f"{page.relative_to(sample_site)} → {link}")
    assert missing == []
    assert linked == set(names)   # every one is used, none is left over


@pytest.mark.slow   # builds a site
def test_a_sites_own_stylesheet_is_written_and_linked_under_its_own_name(tmp_path):
    """A site's overrides replace planpub.css: the build writes their file under its hash and
    pages link that one (a cached build renders again: the overrides are in the cache key,
    tests/test_incremental.py)."""
    overrides = tmp_path / "overrides"
    (overrides / "assets").mkdir(parents=True)
    (overrides / "assets/planpub.css").write_text("body { color: navy }\n", encoding="utf-8")
    site = tmp_path / "site"
    result = run_cli("build", "--config", str(config_copy(tmp_path, overrides=overrides)), "--content",
                     str(FIXTURES / "basic"), "--site-dir", str(site), "--cache-dir", str(tmp_path / "cache"))
    assert result.returncode == 0, result.stdout + result.stderr
    [stylesheet] = site.glob("assets/planpub.*.css")
    assert stylesheet.name == hashed_name("planpub.css", b"body { color: navy }\n")
    assert stylesheet.read_text(encoding="utf-8") == "body { color: navy }\n"
    page = page_path(site, "sample", Kind.INITIATIVES, version="1.0").read_text(encoding="utf-8")
    assert f'href="../../../../assets/{stylesheet.name}"' in page
