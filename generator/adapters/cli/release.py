"""planpub release: freeze the working copy as a new, published 版."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.i18n import current_language, msg
from generator.model import fiscal
from generator.validate import load_valid_site
from generator.staff.release import ReleaseInvalid, ReleaseRefused, ReleaseRequest, prepare_release, write_release
from generator.adapters.cli.common import confirmed, report
from generator.adapters.cli.diff import format_diff
from generator.model.resolved import resolve_version
from generator.adapters.cli.textfile import TextFileError, read_staff_text


def add_arguments(parser) -> None:
    parser.add_argument("plan", help=msg("cli_help.release.plan"))
    parser.add_argument("label", help=msg("cli_help.release.label"))
    parser.add_argument("--date", default=None, help=msg("cli_help.release.date"))
    notes = parser.add_mutually_exclusive_group(required=True)
    notes.add_argument("--notes", type=Path, help=msg("cli_help.release.notes"))
    notes.add_argument("--no-notes", action="store_true", help=msg("cli_help.release.no_notes"))
    parser.add_argument("--status", default=None, help=msg("cli_help.release.status"))
    parser.add_argument("--name", default=None, help=msg("cli_help.release.name"))
    parser.add_argument("--source", default=None, help=msg("cli_help.release.source"))
    parser.add_argument("--precedes", default=None, help=msg("cli_help.release.precedes"))
    parser.add_argument("--id", default=None, help=msg("cli_help.release.id"))
    parser.add_argument("--content", default="content", type=Path, help=msg("cli_help.release.content"))
    parser.add_argument("--yes", action="store_true", help=msg("cli_help.release.yes"))
    parser.add_argument("--dry-run", action="store_true", help=msg("cli_help.release.dry_run"))


def run(args) -> int:
    notes_text = None
    if args.notes is not None:
        try:
            notes_text, note = read_staff_text(args.notes)
        except TextFileError as exc:
            print(msg("release.notes_unreadable", file=args.notes, error=exc), file=sys.stderr)
            return 1
        if note:
            print(note)
    print(msg("release.checking"), flush=True)
    loaded = load_valid_site(args.content)
    if loaded.problems:
        report(loaded.problems)
    try:
        release = prepare_release(loaded, args.content, ReleaseRequest(
            args.plan, args.label, args.date, notes_text, args.id, args.status, args.name, args.source, args.precedes))
    except ReleaseRefused as refusal:
        print(f"{msg('release.refused')}: {refusal}", file=sys.stderr)
        return 1
    if release.diff is not None:
        plan = release.plan
        print(format_diff(release.diff, resolve_version(release.previous, loaded.site,
                                                        plan.snapshots[release.previous.id]).titled_name,
                          release.name or msg("ui.version_name", label=release.label),
                          plan.snapshots[release.previous.id], plan.working))
    print(msg("release.summary", name=release.name or msg("ui.version_name", label=release.label),
              date=fiscal.date_label(release.date, current_language()) if release.date else msg("ui.date_unknown"),
              count=len(release.notes)))
    if not release.notes:
        print(msg("release.no_notes_stated"))
    for note in release.notes:
        print(msg("cli.list_item", item=note))
    if args.dry_run:
        print(msg("release.dry_run"))
        return 0
    if not confirmed(args.yes, "release.needs_yes", "release.confirm"):
        return 1
    try:
        target = write_release(release, args.content.resolve(), shown_root=args.content)
    except ReleaseInvalid as invalid:
        report(invalid.problems)
        print(f"{msg('release.refused')}: {invalid}", file=sys.stderr)
        return 1
    print(msg("release.done", path=target))
    return 0
