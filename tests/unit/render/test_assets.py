"""planpub's styles and scripts under content-hashed names (render/assets.py): the name
changes with the bytes and only with them; a site's override replaces the file and its
name; the unhashed names are known so the layout does not copy them."""

from __future__ import annotations

import pytest

from generator.pages import urls
from generator.render.assets import Assets, hashed_name


def _theme(folder, **files):
    (folder / "assets").mkdir(parents=True)
    for name, text in files.items():
        (folder / "assets" / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return folder


def test_the_name_follows_the_bytes():
    assert hashed_name("planpub.css", b"a") == hashed_name("planpub.css", b"a") != hashed_name("planpub.css", b"b")
    assert hashed_name("planpub-chrome.js", b"a").startswith("planpub-chrome.") and hashed_name("LICENSE", b"a").startswith("LICENSE.")


def test_an_override_replaces_the_file_and_a_reload_sees_an_edit(tmp_path):
    theme = _theme(tmp_path / "theme", planpub_css="body{}", planpub_js="x")
    site = _theme(tmp_path / "site", planpub_css="body{color:red}", extra_css="own")
    assets = Assets([site, theme])
    assert assets.url("planpub.css") == urls.asset(hashed_name("planpub.css", b"body{color:red}"))
    assert sorted(assets.sources()) == [urls.asset("planpub.css"), urls.asset("planpub.js")]   # not the site's own file
    assert assets.files()[assets.url("planpub.js")] == b"x"
    (site / "assets/planpub.css").write_text("body{color:blue}", encoding="utf-8")
    before = assets.url("planpub.css")
    assets.reload()
    assert assets.url("planpub.css") != before
    with pytest.raises(KeyError):
        assets.url("missing.css")
