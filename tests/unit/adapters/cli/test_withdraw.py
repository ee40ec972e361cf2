"""`planpub withdraw` (adapters/cli/withdraw.py): says what it will do, needs --yes, a
reason and the latest 版; an interrupted run is finished by running it again."""

from __future__ import annotations

import argparse

import pytest

from generator.adapters.cli import withdraw

from tests.conftest import run_cli, tree_digest


def test_a_reason_is_required():
    parser = argparse.ArgumentParser()
    withdraw.add_arguments(parser)
    with pytest.raises(SystemExit):
        parser.parse_args(["sample", "1.1"])
    assert parser.parse_args(["sample", "1.1", "--reason", "誤り"]).reason == "誤り"


def test_without_yes_nothing_changes_and_with_it_the_version_is_withdrawn(basic_content):
    assert run_cli("ledger", "--content", str(basic_content)).returncode == 0
    before = tree_digest(basic_content)
    asked = run_cli("withdraw", "sample", "1.1", "--reason", "誤り", "--content", str(basic_content))
    assert asked.returncode == 1 and "--yes" in asked.stderr and tree_digest(basic_content) == before
    done = run_cli("withdraw", "sample", "1.1", "--reason", "誤り", "--content", str(basic_content), "--yes")
    assert done.returncode == 0, done.stderr
    assert not (basic_content / "plans/sample/releases/1.1").exists()
    assert run_cli("validate", "--content", str(basic_content)).returncode == 0


def test_a_missing_content_folder_or_an_older_version_is_refused(basic_content, tmp_path):
    assert run_cli("withdraw", "sample", "1.1", "--reason", "x", "--content", str(tmp_path / "none")).returncode == 1
    older = run_cli("withdraw", "sample", "1.0", "--reason", "x", "--content", str(basic_content), "--yes")
    assert older.returncode == 1 and "1.0" in older.stderr + older.stdout
