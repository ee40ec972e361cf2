"""`planpub` (adapters/cli/__init__.py): one subcommand per module, help in Japanese,
exit 2 with the help when no command is given, 130 when interrupted."""

from __future__ import annotations

import pytest

from generator.adapters import cli
from generator.adapters.cli import COMMANDS, command_module, main, make_parser

from tests.conftest import run_cli


def test_every_command_has_its_module_and_help_in_japanese():
    parser = make_parser()
    for name in COMMANDS:
        result = run_cli(name, "--help")
        assert result.returncode == 0 and result.stdout.strip(), name
    assert "ウェブサイト" in parser.format_help()


def test_no_command_shows_the_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "planpub" in capsys.readouterr().out


def test_an_interrupted_command_says_so_and_exits_130(monkeypatch, capsys):
    def interrupted(args):
        raise KeyboardInterrupt
    monkeypatch.setattr(command_module("validate"), "run", interrupted)
    assert main(["validate"]) == 130
    assert capsys.readouterr().err.strip()


def test_an_unknown_option_is_refused_by_the_parser():
    result = run_cli("validate", "--nonsense")
    assert result.returncode == 2 and "--nonsense" in result.stderr


@pytest.mark.parametrize("argv, imported", [(["build", "--help"], ["build"]), (["--help"], []),
                                            (["nonsense"], []), (["import", "--help"], ["import"])])
def test_a_command_imports_only_its_own_module(monkeypatch, argv, imported):
    """`planpub build` does not wait for the spreadsheet libraries of export and import."""
    asked = []

    def recorded(name):
        asked.append(name)
        return command_module(name)
    monkeypatch.setattr(cli, "command_module", recorded)
    with pytest.raises(SystemExit):
        main(argv)
    assert asked == imported
