"""planpub schema: write the JSON Schema files editors use to check content as you type."""

from __future__ import annotations

from pathlib import Path

from generator.model.schema import write_schemas
from generator.i18n import msg


def add_arguments(parser) -> None:
    parser.add_argument("--out", default="content/schema", type=Path, help=msg("cli_help.schema.out"))


def run(args) -> int:
    for path in write_schemas(args.out):
        print(msg("cli.written", path=path))
    return 0
