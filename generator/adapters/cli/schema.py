"""planpub schema: write the JSON Schema files editors use to check content as you type."""

from __future__ import annotations

from pathlib import Path

from generator.model.schema import write_schemas
from generator.i18n import msg

HELP = "内容の形式（JSON Schema）をファイルに書き出します"
DESCRIPTION = ("VS Code などのエディターが入力候補の表示や誤りの指摘に使う JSON Schema を書き出します。"
               "content/ の各ファイルの1行目の $schema コメントがこれを参照します。")


def add_arguments(parser) -> None:
    parser.add_argument("--out", default="content/schema", type=Path, help="書き出し先（既定: content/schema）")


def run(args) -> int:
    for path in write_schemas(args.out):
        print(msg("cli.written", path=path))
    return 0
