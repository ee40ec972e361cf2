"""planpub release: freeze the working copy as a new, published 版."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.i18n import msg
from generator.validate import load_valid_site
from generator.staff.release import ReleaseRefused, prepare_release, write_release
from generator.adapters.cli.common import report
from generator.adapters.cli.diff import format_diff

HELP = "作業中の内容を新しい版として公開（凍結）します"
DESCRIPTION = ("working/ の内容を、新しい版として releases/ に保存します。保存する前に内容をチェックし、"
               "前の版からの変更点を表示します。版数が既にある、発行日が前の版より前、内容に問題がある場合は"
               "何も書き込まずに中止します。公開済みの版は変更されません。")


def add_arguments(parser) -> None:
    parser.add_argument("plan", help="計画ID（例: gotsu）")
    parser.add_argument("label", help="版数。資料の表記どおり、「第」「版」を除いて書きます（例: 1.6）")
    parser.add_argument("--date", required=True, help="発行日（例: 2026-09-30）")
    parser.add_argument("--notes", required=True, type=Path,
                        help="改訂内容を書いたテキストファイル（1行に1項目）")
    parser.add_argument("--id", default=None, help="版数がURLに使えない文字を含むときの、URL用のID")
    parser.add_argument("--content", default="content", type=Path, help="内容のフォルダー（既定: content）")
    parser.add_argument("--yes", action="store_true", help="確認せずに公開します")
    parser.add_argument("--dry-run", action="store_true", help="チェックと変更点の表示だけを行い、何も書き込みません")


def run(args) -> int:
    try:
        notes_text = args.notes.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(msg("release.notes_unreadable", file=args.notes, error=exc), file=sys.stderr)
        return 1
    print(msg("release.checking"), flush=True)
    loaded = load_valid_site(args.content)
    if loaded.problems:
        report(loaded.problems)
    try:
        release = prepare_release(loaded, args.content, args.plan, args.label, args.date, notes_text, args.id)
    except ReleaseRefused as refusal:
        print(f"{msg('release.refused')}: {refusal}", file=sys.stderr)
        return 1
    if release.diff is not None:
        print(format_diff(release.diff, release.previous.name, f"第{release.label}版"))
    print(msg("release.summary", label=release.label, date=release.date, count=len(release.notes)))
    for note in release.notes:
        print(f"  ・{note}")
    if args.dry_run:
        print(msg("release.dry_run"))
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            print(msg("release.needs_yes"), file=sys.stderr)
            return 1
        if input(msg("release.confirm")).strip().lower() not in ("y", "yes", "はい"):
            print(msg("release.cancelled"))
            return 1
    target = write_release(release, args.content.resolve())
    print(msg("release.done", path=target))
    return 0
