"""`planpub build`'s command line (adapters/cli/build.py): shards as K/N, the arguments
other commands build with, mkdocs.yml read or its problem said. (Builds themselves:
tests/test_cli.py, tests/test_incremental.py, tests/test_build_safety.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.adapters.cli.build import make_args, parse_shard, settings_or_report

from tests.conftest import ROOT, run_cli


@pytest.mark.parametrize("value, shard", [("1/3", (1, 3)), ("3/3", (3, 3)), ("0/3", None), ("4/3", None),
                                          ("3", None), ("a/b", None), ("1/2/3", None)])
def test_a_shard_is_k_of_n(value, shard):
    assert parse_shard(value) == shard


def test_a_bad_shard_is_refused_before_anything_is_read(tmp_path):
    result = run_cli("build", "--shard", "4/3", "--content", str(tmp_path / "none"), "--site-dir", str(tmp_path / "s"))
    assert result.returncode == 2 and "K/N" in result.stderr and not (tmp_path / "s").exists()


def test_the_arguments_of_a_plain_build(tmp_path):
    args = make_args(ROOT / "mkdocs.yml", tmp_path / "content", tmp_path / "site")
    assert (args.config, args.content, args.site_dir) == (ROOT / "mkdocs.yml", tmp_path / "content", tmp_path / "site")
    assert args.jobs == 1 and not args.clean and args.shard is None and not args.merge


def test_settings_come_from_mkdocs_yml_or_its_problem_is_said(tmp_path, capsys):
    settings = settings_or_report(ROOT / "mkdocs.yml", Path("mkdocs.yml"))
    assert settings.site_url and settings.content_dir == (ROOT / "content").resolve()
    assert settings_or_report(tmp_path / "none.yml", Path("none.yml")) is None
    assert "none.yml" in capsys.readouterr().err
    broken = tmp_path / "mkdocs.yml"
    broken.write_text("site_name: [\n", encoding="utf-8")
    assert settings_or_report(broken, broken) is None and capsys.readouterr().err


def test_content_problems_stop_the_build_and_leave_no_site(basic_content, tmp_path):
    (basic_content / "plans/sample/working/plan.yml").write_text("title: [\n", encoding="utf-8")
    result = run_cli("build", "--content", str(basic_content), "--site-dir", str(tmp_path / "site"),
                     "--cache-dir", str(tmp_path / "cache"))
    assert result.returncode == 1 and "plan.yml" in result.stderr and not (tmp_path / "site").exists()


@pytest.mark.slow
def test_a_worker_that_dies_stops_the_build_with_a_clear_message_and_leaves_the_site(basic_content, tmp_path,
                                                                                      monkeypatch):
    """(slow: forks workers.) A worker killed in the middle of a batch (out of memory, say)."""
    import os

    from generator.build import pool

    monkeypatch.setattr(pool, "_render_batch", lambda work, index: os._exit(9))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("before", encoding="utf-8")
    result = run_cli("build", "--content", str(basic_content), "--site-dir", str(site),
                     "--cache-dir", str(tmp_path / "cache"), "--jobs", "2")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "終了コード 9" in result.stderr and "--jobs" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "before"
