"""`planpub ledger` (adapters/cli/ledger.py): the first ledger of a plan frozen before
ledgers; an existing one left alone; invalid content or an unknown plan refused."""

from __future__ import annotations

import argparse

from generator.adapters.cli import ledger
from generator.load.ledger import ledger_path

from tests.conftest import run_cli


def test_plans_are_optional_and_the_content_folder_has_a_default():
    parser = argparse.ArgumentParser()
    ledger.add_arguments(parser)
    args = parser.parse_args([])
    assert args.plan == [] and str(args.content) == "content" and parser.parse_args(["a", "b"]).plan == ["a", "b"]


def test_the_ledger_is_written_once(basic_content):
    plan = basic_content / "plans/sample"
    first = run_cli("ledger", "--content", str(basic_content))
    assert first.returncode == 0 and ledger_path(plan).is_file()
    written = ledger_path(plan).read_bytes()
    again = run_cli("ledger", "sample", "--content", str(basic_content))
    assert again.returncode == 0 and ledger_path(plan).read_bytes() == written and again.stdout.strip()


def test_unknown_plans_and_invalid_content_are_refused(basic_content, tmp_path):
    assert run_cli("ledger", "nothing", "--content", str(basic_content)).returncode == 1
    assert run_cli("ledger", "--content", str(tmp_path / "none")).returncode == 1
    (basic_content / "plans/sample/working/plan.yml").write_text("title: [\n", encoding="utf-8")
    assert run_cli("ledger", "--content", str(basic_content)).returncode == 1
    assert not ledger_path(basic_content / "plans/sample").exists()
