"""What the build reads from mkdocs.yml (adapters/mkdocs/settings.py): where content and
output are, the public address, the site's own theme overrides — and a fingerprint that
changes with any of them."""

from __future__ import annotations

import pytest

from generator.adapters.mkdocs.settings import SettingsError, read_settings

from tests.conftest import ROOT, config_copy


def test_the_shipped_configuration():
    settings = read_settings(ROOT / "mkdocs.yml")
    assert settings.content_dir == (ROOT / "content").resolve() and settings.site_dir == (ROOT / "site").resolve()
    assert settings.site_url.startswith("https://") and settings.overrides is None


def test_overrides_another_content_folder_and_the_fingerprint(tmp_path):
    plain = read_settings(ROOT / "mkdocs.yml").fingerprint()
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    settings = read_settings(config_copy(tmp_path, overrides=overrides, content=tmp_path / "content"))
    assert settings.overrides == overrides.resolve() and settings.content_dir == (tmp_path / "content").resolve()
    before = settings.fingerprint()
    assert before != plain
    (overrides / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    assert settings.fingerprint() != before          # a template the site adds changes every page


def test_a_broken_configuration_is_a_settings_error(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: no-such-theme\n", encoding="utf-8")
    with pytest.raises(SettingsError):
        read_settings(tmp_path / "mkdocs.yml")
