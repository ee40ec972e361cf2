"""planpub serve: preview the site with live reload while editing content/ or theme/."""

from __future__ import annotations

import sys
from pathlib import Path
from generator.adapters.mkdocs.logs import quiet_mkdocs
from generator.adapters.mkdocs.serve import ServeError, serve
from generator.i18n import msg

HELP = "編集中の内容をブラウザーで確認します（保存すると自動で更新）"
DESCRIPTION = ("手元でウェブサイトを表示します。content/ や theme/ のファイルを保存すると、"
               "ブラウザーの表示が自動で更新されます。内容に問題があるときは、その一覧をページに表示します。"
               "終了するには Ctrl+C を押します。")


def add_arguments(parser) -> None:
    parser.add_argument("--config", default="mkdocs.yml", type=Path, help="MkDocs の設定ファイル（既定: mkdocs.yml）")
    parser.add_argument("--addr", default="127.0.0.1:8000", help="表示に使うアドレス（既定: 127.0.0.1:8000）")


def run(args) -> int:
    if not args.config.is_file():
        print(msg("cli.config_missing", path=args.config), file=sys.stderr)
        return 1
    quiet_mkdocs()
    print(msg("cli.serving", addr=args.addr), flush=True)
    try:
        serve(args.config, args.addr)
    except ServeError as exc:
        print(msg("cli.serve_failed", error=exc), file=sys.stderr)
        return 1
    return 0
