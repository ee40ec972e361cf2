"""planpub export: the plan's working copy as an Excel workbook (or CSV files) for staff."""

from __future__ import annotations

import sys
from pathlib import Path

from ..tableio import write_csv, write_xlsx
from ..workbook import to_tables
from .common import load_or_report

HELP = "取組・スケジュール・進捗・KPIをExcelファイルに書き出します"
DESCRIPTION = ("作業中の版（working/）の取組を、個別業務一覧と同じ形のExcelブックに書き出します。"
               "Excelで編集したあと、planpub import で取り込めます。--csv を指定するとシートごとのCSVに書き出します。")


def add_arguments(parser) -> None:
    parser.add_argument("plan", help="計画ID（例: gotsu）")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--xlsx", type=Path, help="書き出すExcelファイル（例: gotsu.xlsx）")
    target.add_argument("--csv", type=Path, help="CSVを書き出すフォルダー")
    parser.add_argument("--content", default="content", type=Path, help="内容のフォルダー（既定: content）")


def run(args) -> int:
    result = load_or_report(args.content)
    if result is None:
        return 1
    plan = next((p for p in result.site.plans if p.id == args.plan), None)
    if plan is None or plan.working is None:
        print(f"計画「{args.plan}」の作業中の版（working/）がありません。", file=sys.stderr)
        return 1
    statuses = [s.name for s in (plan.working.statuses or result.site.statuses)]
    tables = to_tables(plan.working, statuses)
    if args.xlsx:
        write_xlsx(tables, args.xlsx)
        print(f"書き出しました: {args.xlsx}（取組 {len(plan.working.initiatives)}件）")
    else:
        for path in write_csv(tables, args.csv):
            print(f"書き出しました: {path}")
    return 0
