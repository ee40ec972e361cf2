"""The planpub command run end to end, as staff and CI run it: `python -m generator` in a
process of its own where the command line itself is tested (exit status, the entry point,
a killed build), builds in this process otherwise."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.pages.kinds import PageKind as Kind

from .conftest import config_copy, tree_digest, ROOT, build_site, run_cli, run_process
from .site_pages import page_path

pytestmark = pytest.mark.slow   # planpub in processes of its own, and builds


def test_validate_passes_on_good_content(basic_content):
    result = run_process("validate", "--content", str(basic_content))
    assert result.returncode == 0
    assert "問題はありません" in result.stdout


def test_validate_lists_every_problem_without_traceback(basic_content):
    init = basic_content / "plans/sample/working/initiatives/online.yml"
    init.write_text("title: a\ndepartments: [市民科]\n\tbad\n", encoding="utf-8")
    (basic_content / "plans/sample/working/initiatives/paperless.yml").write_text("titel: x\n", encoding="utf-8")
    result = run_process("validate", "--content", str(basic_content))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "content/plans/sample/working/initiatives/online.yml:3:" in result.stderr
    assert "content/plans/sample/working/initiatives/paperless.yml:1: titel:" in result.stderr
    assert "件の問題があります" in result.stderr


def test_validate_reports_a_missing_content_folder(tmp_path):
    result = run_process("validate", "--content", str(tmp_path / "nothing"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_build_writes_the_site(basic_content, tmp_path):
    site = tmp_path / "site"
    result = build_site(basic_content, site)
    assert result.returncode == 0, result.stderr
    assert page_path(site, "sample", Kind.INITIATIVE, "online").is_file()
    assert page_path(site, "sample", Kind.INITIATIVE, "online", version="1.0").is_file()
    assert not list(tmp_path.glob(".site-*")), "no temporary folders left behind"


def test_failed_build_leaves_previous_site_byte_for_byte(basic_content, tmp_path):
    site = tmp_path / "site"
    assert build_site(basic_content, site).returncode == 0
    before = tree_digest(site)
    (basic_content / "plans/sample/working/initiatives/online.yml").write_text("title: [\n", encoding="utf-8")
    result = build_site(basic_content, site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert tree_digest(site) == before
    assert not list(tmp_path.glob(".site-*"))


def test_build_failing_half_way_leaves_previous_site(basic_content, tmp_path):
    """A template error during rendering (after validation passed) must not touch site/."""
    site = tmp_path / "site"
    assert build_site(basic_content, site).returncode == 0
    before = tree_digest(site)
    # The site's own overrides (theme.custom_dir) come before planpub's theme.
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides/main.html").write_text("{% extends 'base.html' %}{% block content %}{{ 1/0 }}{% endblock %}")
    broken_theme = config_copy(tmp_path, overrides=tmp_path / "overrides")
    result = run_cli("build", "--config", str(broken_theme), "--content", str(basic_content),
                     "--site-dir", str(site))
    assert result.returncode != 0
    assert tree_digest(site) == before
    assert not list(tmp_path.glob(".site-*"))


def test_two_builds_are_byte_identical(basic_content, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert build_site(basic_content, first).returncode == 0
    assert build_site(basic_content, second).returncode == 0
    assert tree_digest(first) == tree_digest(second)


def test_schema_command_writes_json_schemas(tmp_path):
    result = run_cli("schema", "--out", str(tmp_path))
    assert result.returncode == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["history.schema.json", "initiative.schema.json", "plan.schema.json",
                     "readings.schema.json", "release.schema.json", "site.schema.json"]


def test_help_is_in_plain_japanese():
    result = run_process("--help")
    assert result.returncode == 0
    assert "ウェブサイト" in result.stdout
    for command in ("validate", "build", "serve", "schema", "new", "release", "diff", "export", "import"):
        sub = run_cli(command, "--help")
        assert sub.returncode == 0 and sub.stdout.strip()


def test_killed_build_leaves_previous_site_and_next_build_cleans_up(basic_content, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    site = tmp_path / "site"
    assert build_site(basic_content, site).returncode == 0
    before = tree_digest(site)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--config", str(ROOT / "mkdocs.yml"),
         "--content", str(basic_content), "--site-dir", str(site)],
        cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while not list(tmp_path.glob(".site-building-*")) and time.time() < deadline and process.poll() is None:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert list(tmp_path.glob(".site-building-*")), "the build was killed while writing its staging folder"
    assert tree_digest(site) == before
    assert build_site(basic_content, site).returncode == 0
    _no_leftovers_soon(tmp_path)


def _no_leftovers_soon(folder: Path) -> None:
    """The replaced site is deleted by a background process once the new one is in place."""
    deadline = time.time() + 30
    while list(folder.glob(".site-*")) and time.time() < deadline:
        time.sleep(0.1)
    assert not list(folder.glob(".site-*"))


def test_site_in_english_is_a_setting(basic_content, tmp_path):
    site_yml = basic_content / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("language: ja", "language: en"), encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(basic_content, site)
    assert result.returncode == 0, result.stderr
    page = page_path(site, "sample", Kind.INITIATIVE, "online").read_text(encoding="utf-8")
    assert '<html lang="en"' in page
    assert "FY2024" in page and "令和6年度（2024年度）" not in page  # (content text may still be Japanese)
    assert "Edition 1.1" in page and "Schedule" in page
    from generator.i18n import set_language
    set_language("ja")
