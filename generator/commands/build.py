"""planpub build: validate, then build the whole site into site/ atomically.

MkDocs writes into a fresh temporary folder next to site/; only when everything
succeeded does it replace site/ (two renames), so a failed or interrupted build
leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .common import load_or_report
from ..i18n import msg

HELP = "ウェブサイトを site/ に作成します"
DESCRIPTION = ("内容をチェックしてから、公開用のウェブサイト一式を作成します。問題があれば何も書き換えずに"
               "終了します。作成に失敗しても、それまでの site/ はそのまま残ります。")


def add_arguments(parser) -> None:
    parser.add_argument("--config", default="mkdocs.yml", type=Path, help="MkDocs の設定ファイル（既定: mkdocs.yml）")
    parser.add_argument("--content", default=None, type=Path,
                        help="内容のフォルダー（既定: 設定ファイルの planpub の content_dir）")
    parser.add_argument("--site-dir", default=None, type=Path, help="出力先（既定: 設定ファイルの site_dir）")


def run(args) -> int:
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    started = time.perf_counter()
    config_path = args.config.resolve()
    if not config_path.is_file():
        print(msg("cli.config_missing", path=args.config), file=sys.stderr)
        return 1
    _quiet_mkdocs()
    print(msg("cli.checking"), flush=True)
    try:
        config = load_config(config_file=str(config_path))
    except MkDocsException as exc:
        print(msg("cli.config_error", error=exc), file=sys.stderr)
        return 1
    plugin = config.plugins.get("planpub")
    if args.content is not None and plugin is not None:
        plugin.config.content_dir = str(args.content.resolve())
    content_dir = config_path.parent / (plugin.config.content_dir if plugin else "content")
    result = load_or_report(content_dir)
    if result is None:
        print(msg("cli.site_unchanged_after_problems"), file=sys.stderr)
        return 1

    site_dir = (args.site_dir.resolve() if args.site_dir else Path(config.site_dir))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site_dir.parent)
    staging = Path(tempfile.mkdtemp(prefix=".site-building-", dir=site_dir.parent))
    print(msg("cli.building"), flush=True)
    try:
        config.site_dir = str(staging)
        from mkdocs.commands.build import build
        build(config)
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(msg("cli.build_failed", error=exc), file=sys.stderr)
        print(msg("cli.site_unchanged"), file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    replace_dir(staging, site_dir)
    pages = sum(1 for _ in site_dir.rglob("index.html"))
    print(msg("cli.build_done", path=site_dir, pages=pages, seconds=f"{time.perf_counter() - started:.1f}"))
    return 0


def remove_leftovers(parent: Path) -> None:
    """Delete staging folders of earlier builds that were killed before they could clean up."""
    for leftover in list(parent.glob(".site-building-*")) + list(parent.glob(".site-old-*")):
        shutil.rmtree(leftover, ignore_errors=True)


def replace_dir(new: Path, target: Path) -> None:
    """Swap `new` into place at `target` with renames, then delete the old copy."""
    old = None
    if target.exists():
        old = target.with_name(f".site-old-{time.time_ns()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _quiet_mkdocs() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
