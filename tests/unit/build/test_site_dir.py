"""Publishing into site/ (build/site_dir.py): staging beside it, two renames, the old copy
deleted in the background, leftovers of killed builds removed — only this site's."""

from __future__ import annotations

import time

import pytest

from generator.build import site_dir


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_staging_is_beside_the_site_readable_by_a_web_server(tmp_path):
    staging = site_dir.make_staging(tmp_path / "site")
    assert staging.parent == tmp_path and staging.name.startswith(site_dir.STAGING_PREFIX + "site-")
    assert staging.stat().st_mode & 0o777 == 0o755
    assert site_dir.leftovers(tmp_path / "site") == [staging]


@pytest.mark.slow
def test_replacing_swaps_the_new_site_in_and_deletes_the_old(tmp_path):
    """(slow: the old copy is deleted by a process of its own.)"""
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    new = site_dir.make_staging(site)
    (new / "new.html").write_text("new")
    site_dir.replace_dir(new, site)
    assert _files(site) == ["new.html"] and not new.exists()
    deadline = time.time() + 30          # deleted by a process of its own
    while site_dir.leftovers(site) and time.time() < deadline:
        time.sleep(0.05)
    assert site_dir.leftovers(site) == []


def test_a_failed_rename_puts_the_previous_site_back(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text("published")
    missing = tmp_path / "never-made"
    with pytest.raises(OSError):
        site_dir.replace_dir(missing, site)
    assert (site / "page.html").read_text() == "published"


def test_leftovers_of_a_killed_build_are_removed_but_not_another_sites(tmp_path):
    ours = site_dir.make_staging(tmp_path / "site")
    theirs = site_dir.make_staging(tmp_path / "other")
    site_dir.remove_leftovers(tmp_path / "site")
    assert not ours.exists() and theirs.exists()
