"""planpub withdraw: take back a 版 released by mistake, recording why in the ledger."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.adapters.cli.common import confirmed, report, report_notes
from generator.i18n import msg
from generator.staff.release import ReleaseInvalid, ReleaseRefused
from generator.staff.withdraw import prepare_withdrawal, resume, write_withdrawal
from generator.validate import load_valid_site


def add_arguments(parser) -> None:
    parser.add_argument("plan", help=msg("cli_help.withdraw.plan"))
    parser.add_argument("version", help=msg("cli_help.withdraw.version"))
    parser.add_argument("--reason", required=True, help=msg("cli_help.withdraw.reason"))
    parser.add_argument("--content", default="content", type=Path, help=msg("cli_help.withdraw.content"))
    parser.add_argument("--yes", action="store_true", help=msg("cli_help.withdraw.yes"))


def run(args) -> int:
    if not args.content.is_dir():
        print(msg("cli.content_missing", path=args.content), file=sys.stderr)
        return 1
    plan_dir = args.content / "plans" / args.plan
    if resume(plan_dir, args.version):
        print(msg("withdraw.resumed", id=args.version))
    loaded = load_valid_site(args.content)
    report_notes(loaded.problems)
    if loaded.problems:
        report(loaded.problems)
    try:
        withdrawal = prepare_withdrawal(loaded, args.content.resolve(), args.plan, args.version, args.reason)
    except ReleaseRefused as refusal:
        print(f"{msg('withdraw.refused')}: {refusal}", file=sys.stderr)
        return 1
    print(msg("withdraw.summary", name=withdrawal.version.name, reason=withdrawal.reason,
              path=args.content / "plans" / args.plan / "releases" / withdrawal.version.id))
    if not confirmed(args.yes, "withdraw.needs_yes", "withdraw.confirm"):
        return 1
    try:
        record = write_withdrawal(withdrawal, args.content.resolve(), shown_root=args.content)
    except ReleaseInvalid as invalid:
        report(invalid.problems)
        print(f"{msg('withdraw.refused')}: {msg('withdraw.staged_invalid', count=len(invalid.problems))}",
              file=sys.stderr)
        return 1
    print(msg("withdraw.done", name=withdrawal.version.name, time=record.time,
              ledger=args.content / "plans" / args.plan / "ledger.yml"))
    return 0
