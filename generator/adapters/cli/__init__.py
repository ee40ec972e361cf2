"""`planpub` command line: parses arguments and hands over to one module per command.

Every command explains itself with --help in plain Japanese, prints progress, and
exits non-zero on failure; content problems are listed, never shown as a traceback.
Only the command given is imported: `planpub build` starts without the spreadsheet
libraries of `export` and `import` (a build's workers wait for that start).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType

from generator.i18n import msg

# command → its module (add_arguments, run) in this package
COMMANDS = {
    "new": "new",
    "validate": "validate",
    "build": "build",
    "check": "check",
    "serve": "serve",
    "diff": "diff",
    "export": "export",
    "import": "import_",
    "release": "release",
    "withdraw": "withdraw",
    "ledger": "ledger",
    "schema": "schema",
    "upgrade": "upgrade",
}


def command_module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{COMMANDS[name]}")


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Every command with its help line; the options of `command` only (None: of every
    command; a name that is none of them: of none, and argparse refuses it)."""
    parser = argparse.ArgumentParser(
        prog="planpub",
        description=msg("cli_help.planpub"),
    )
    sub = parser.add_subparsers(dest="command", metavar=msg("cli_help.command"))
    for name in COMMANDS:
        command_parser = sub.add_parser(name, help=msg(f"cli_help.{name}.help"),
                                        description=msg(f"cli_help.{name}.description"))
        if command in (None, name):
            module = command_module(name)
            module.add_arguments(command_parser)
            command_parser.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # the command is the first word that is not an option (the top level has only --help)
    command = next((word for word in argv if not word.startswith("-")), None)
    parser = make_parser(command if command in COMMANDS else "")
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        code = args.run(args)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        print(msg("cli.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped reading (planpub diff … | head): nothing went wrong here. Output
        # goes nowhere from now on, so the flush at exit cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141   # as a program ended by SIGPIPE


if __name__ == "__main__":
    sys.exit(main())
