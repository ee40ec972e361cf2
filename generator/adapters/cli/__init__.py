"""`planpub` command line: parses arguments and hands over to one module per command.

Every command explains itself with --help in plain Japanese, prints progress, and
exits non-zero on failure; content problems are listed, never shown as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from generator.adapters.cli import (build, check, diff, export, import_, ledger, new, release, schema, serve, upgrade,
                                   validate, withdraw)
from generator.i18n import msg

COMMANDS = {
    "new": new,
    "validate": validate,
    "build": build,
    "check": check,
    "serve": serve,
    "diff": diff,
    "export": export,
    "import": import_,
    "release": release,
    "withdraw": withdraw,
    "ledger": ledger,
    "schema": schema,
    "upgrade": upgrade,
}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planpub",
        description=msg("cli_help.planpub"),
    )
    sub = parser.add_subparsers(dest="command", metavar=msg("cli_help.command"))
    for name, module in COMMANDS.items():
        command_parser = sub.add_parser(name, help=msg(f"cli_help.{name}.help"),
                                        description=msg(f"cli_help.{name}.description"))
        module.add_arguments(command_parser)
        command_parser.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
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
