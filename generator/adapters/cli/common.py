"""Helpers shared by commands: reporting content problems in one consistent way."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.load.documents import LoadResult
from generator.load.release_cache import ReleaseCache
from generator.validate import load_valid_site
from generator.load.problems import Problems
from generator.i18n import msg


# The stream is looked up when called, not when defined: the CLI runs in-process too (tests,
# scripts) with sys.stderr replaced after import.
def report(problems: Problems, stream=None) -> None:
    stream = stream or sys.stderr
    for problem in problems.sorted():
        print(problem.format(), file=stream)
    print(msg("cli.problems_total", count=len(problems)), file=stream)


def report_notes(problems: Problems, stream=None) -> None:
    """Notes (not failures), e.g. a plan without a ledger yet."""
    stream = stream or sys.stderr
    for note in sorted(problems.notes):
        print(msg("cli.note", text=note.format()), file=stream)


def load_or_report(content_dir: Path, cache: ReleaseCache | None = None) -> LoadResult | None:
    """Load content; print every problem and return None if there are any."""
    if not content_dir.is_dir():
        print(msg("cli.content_missing", path=content_dir), file=sys.stderr)
        return None
    result = load_valid_site(content_dir, cache)
    report_notes(result.problems)
    if result.problems or result.site is None:
        report(result.problems)
        return None
    return result


def add_workbook_arguments(parser, xlsx_help: str, csv_help: str) -> None:
    """Arguments shared by export and import: the plan and an .xlsx file or a CSV folder."""
    parser.add_argument("plan", help=msg("cli_help.common.plan"))
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--xlsx", type=Path, help=xlsx_help)
    group.add_argument("--csv", type=Path, help=csv_help)
    parser.add_argument("--content", default="content", type=Path, help=msg("cli_help.common.content"))


def working_plan(result: LoadResult, plan_id: str):
    """The plan with a working copy, or None after saying why."""
    plan = next((p for p in result.site.plans if p.id == plan_id), None)
    if plan is None or plan.working is None:
        print(msg("cli.no_working", plan=plan_id), file=sys.stderr)
        return None
    return plan


def confirmed(yes: bool, needs_yes: str, question: str) -> bool:
    """Whether to go on: `--yes`, or the person answered yes; without a terminal to ask on,
    no (saying `needs_yes`: how to run it with --yes)."""
    if yes:
        return True
    if not sys.stdin.isatty():
        print(msg(needs_yes), file=sys.stderr)
        return False
    if input(msg(question)).strip().lower() not in ("y", "yes", *msg("release.yes").split()):
        print(msg("release.cancelled"))
        return False
    return True
