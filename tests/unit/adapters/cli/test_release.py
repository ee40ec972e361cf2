"""`planpub release` (adapters/cli/release.py): the changes and the 改訂内容 shown first;
a dry run or a run without --yes writes nothing; a refusal says why."""

from __future__ import annotations

import argparse

import pytest

from generator.adapters.cli import release

from tests.conftest import run_cli, tree_digest


def test_notes_or_no_notes_must_be_said():
    parser = argparse.ArgumentParser()
    release.add_arguments(parser)
    with pytest.raises(SystemExit):
        parser.parse_args(["sample", "1.2"])                                  # neither
    with pytest.raises(SystemExit):
        parser.parse_args(["sample", "1.2", "--notes", "n.txt", "--no-notes"])  # both
    assert parser.parse_args(["sample", "1.2", "--no-notes"]).no_notes


def _release(content, tmp_path, *options):
    notes = tmp_path / "notes.txt"
    notes.write_text("・誤字の修正\n", encoding="utf-8")
    return run_cli("release", "sample", "1.2", "--date", "2026-04-01", "--notes", str(notes),
                   "--content", str(content), *options)


def test_a_dry_run_and_a_run_without_yes_write_nothing(basic_content, tmp_path):
    before = tree_digest(basic_content)
    dry = _release(basic_content, tmp_path, "--dry-run")
    assert dry.returncode == 0 and "誤字の修正" in dry.stdout and tree_digest(basic_content) == before
    unconfirmed = _release(basic_content, tmp_path)
    assert unconfirmed.returncode == 1 and "--yes" in unconfirmed.stderr and tree_digest(basic_content) == before


def test_a_confirmed_release_freezes_the_working_copy(basic_content, tmp_path):
    done = _release(basic_content, tmp_path, "--yes")
    assert done.returncode == 0, done.stderr
    assert (basic_content / "plans/sample/releases/1.2/manifest.json").is_file()


def test_a_refusal_says_why_and_writes_nothing(basic_content, tmp_path):
    before = tree_digest(basic_content)
    notes = tmp_path / "notes.txt"
    notes.write_text("x\n", encoding="utf-8")
    taken = run_cli("release", "sample", "1.1", "--date", "2026-04-01", "--notes", str(notes), "--yes",
                    "--content", str(basic_content))
    assert taken.returncode == 1 and "1.1" in taken.stderr and tree_digest(basic_content) == before
    unreadable = run_cli("release", "sample", "1.2", "--notes", str(tmp_path / "none.txt"), "--yes",
                         "--content", str(basic_content))
    assert unreadable.returncode == 1 and "none.txt" in unreadable.stderr
