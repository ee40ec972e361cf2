"""planpub new (adapters/cli/new.py): a new plan from the annotated example, in the current
content format (issue 18: staff never start in a format that validate then sends to upgrade)."""

from __future__ import annotations

from pathlib import Path

from generator.adapters.cli import main as cli_main
from generator.adapters.cli import new
from generator.model.schema import CURRENT_FORMAT
from generator.staff.upgrade import stated_format
from generator.validate import load_valid_site


def test_new_writes_the_current_format(tmp_path: Path, capsys):
    assert cli_main(["new", "town", "--content", str(tmp_path / "content")]) == 0
    plan_file = tmp_path / "content/plans/town/working/plan.yml"
    assert stated_format(plan_file.read_text(encoding="utf-8")) == CURRENT_FORMAT
    result = load_valid_site(tmp_path / "content")
    assert not result.problems, [p.format() for p in result.problems]
    assert result.site.plans[0].working.format == CURRENT_FORMAT


def test_new_refuses_a_plan_that_exists(tmp_path: Path, capsys):
    assert cli_main(["new", "town", "--content", str(tmp_path / "content")]) == 0
    assert cli_main(["new", "town", "--content", str(tmp_path / "content")]) == 1
    assert "town" in capsys.readouterr().err


def test_new_is_the_command_the_cli_runs():
    import argparse
    parser = argparse.ArgumentParser()
    new.add_arguments(parser)
    assert parser.parse_args(["town"]).plan == "town"
