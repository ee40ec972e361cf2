"""Settings for a content folder without mkdocs.yml (adapters/mkdocs/defaults.py): the site
and the cache beside the content folder, written once, read by MkDocs as any mkdocs.yml."""

from __future__ import annotations

import yaml

from generator.adapters.mkdocs.defaults import CACHE, default_config, project_root
from generator.adapters.mkdocs.settings import read_settings


def test_the_defaults_put_the_site_and_the_cache_beside_the_content(tmp_path):
    content = tmp_path / "project" / "plandata"
    content.mkdir(parents=True)
    config = default_config(content)
    assert project_root(content) == (tmp_path / "project").resolve()
    assert config.is_relative_to((tmp_path / "project" / CACHE).resolve())
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert data["site_dir"] == str((tmp_path / "project" / "site").resolve())
    assert data["plugins"][0]["planpub"]["content_dir"] == str(content.resolve())
    settings = read_settings(config)
    assert settings.content_dir == content.resolve() and settings.site_url == ""


def test_the_file_is_rewritten_only_when_it_changes(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    config = default_config(content)
    written = config.stat().st_mtime_ns
    assert default_config(content) == config and config.stat().st_mtime_ns == written
