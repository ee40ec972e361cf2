"""planpub diff: the field-level changes between two 版, as text for drafting 改訂内容."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.model.diff import PlanDiff, diff_contents
from generator.model.resolved import resolve_version
from generator.i18n import msg
from generator.adapters.cli.common import load_or_report
from generator.pages.changes import stage_namer
from generator.pages.diff_names import ReadableDiff, diff_view, part_names
from generator.render.markdown import chapter_text


def add_arguments(parser) -> None:
    parser.add_argument("plan", help=msg("cli_help.diff.plan"))
    parser.add_argument("old", help=msg("cli_help.diff.old"))
    parser.add_argument("new", help=msg("cli_help.diff.new"))
    parser.add_argument("--content", default="content", type=Path, help=msg("cli_help.diff.content"))


def find_content(plan, ref: str, site=None):
    """(content, display name with its stage, fields its source omits, the 版 — None for the
    working copy) of a 版 or the working copy."""
    if ref == "working":
        return plan.working, msg("ui.working_version"), (), None
    for version in plan.versions:
        if version.snapshot and ref in (version.id, version.label):
            content = plan.snapshots[version.id]
            return content, resolve_version(version, site, content).titled_name, version.omits, version
    return None, ref, (), None


def run(args) -> int:
    result = load_or_report(args.content)
    if result is None:
        return 1
    plan = next((p for p in result.site.plans if p.id == args.plan), None)
    if plan is None:
        print(msg("cli.no_plan", plan=args.plan), file=sys.stderr)
        return 1
    old, old_name, old_omits, old_version = find_content(plan, args.old, result.site)
    new, new_name, new_omits, new_version = find_content(plan, args.new, result.site)
    for content, ref in ((old, args.old), (new, args.new)):
        if content is None:
            choices = msg("ui.list_separator").join([v.label or v.id for v in plan.snapshot_versions] + ["working"])
            print(msg("cli.no_version", ref=ref, choices=choices), file=sys.stderr)
            return 1
    ignore = tuple(sorted(set(new_omits)))  # absent because the newer document lacks them
    diff = diff_contents(old, new, ignore, (old_version, new_version), stage_namer(result.site))
    print(format_diff(diff, old_name, new_name, old, new))
    return 0


def readable(diff: PlanDiff, old_content=None, new_content=None) -> ReadableDiff:
    """The diff as the compare page shows it: themes, visions, chapters and KPIs by name."""
    names = part_names(*(c for c in (old_content, new_content) if c is not None))
    return diff_view(diff, names, {key[1]: name for key, name in names.items() if key[0] == "kpi"})


def format_diff(diff: PlanDiff, old_name: str, new_name: str, old_content=None, new_content=None) -> str:
    """The diff as text, in the compare page's names and labels (`old_content`, `new_content`:
    the two contents, for the names of what the diff refers to by id)."""
    diff = readable(diff, old_content, new_content)
    lines = [msg("ui.diff_title", old=old_name, new=new_name), msg("ui.diff_summary", **diff.summary())]
    if diff.ignored:
        lines.append(msg("ui.diff_ignored", fields=msg("ui.list_separator").join(diff.ignored_labels)))
    lines.append("")
    if diff.is_empty:
        lines.append(msg("ui.diff_none"))
        return "\n".join(lines)
    for kind in diff.kinds:   # in the compare page's order
        changes = diff.by_kind(kind)
        if not changes:
            continue
        lines.append(msg("cli.diff_heading_count", heading=msg("ui.diff_" + kind), count=len(changes)))
        for change in changes:
            if kind == "renamed":
                lines.append(msg("cli.diff_item", item=f"{change.old.display_title} → {change.new.display_title}"))
            else:
                lines.append(msg("cli.diff_item", item=change.title))
            if kind in ("renamed", "changed"):
                lines += ["  " + line for line in _field_lines(change.fields)]
        lines.append("")
    if diff.plan_fields:
        lines.append(msg("cli.diff_heading_count", heading=msg("ui.diff_plan"), count=len(diff.plan_fields)))
        lines += _field_lines(diff.plan_wide + diff.chapters)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _field_lines(fields) -> list[str]:
    lines = []
    for change in fields:
        kind = msg(f"ui.diff_field_{change.kind}")
        lines.append(f"[{kind}] {change.label}")
        # A chapter is compared on its text, as the compare page does, not on its Markdown.
        text = chapter_text if change.key[0] == "chapter" else (lambda value: value)
        if change.old is not None:
            lines += [f"    - {line}" for line in text(change.old).splitlines() or [""]]
        if change.new is not None:
            lines += [f"    + {line}" for line in text(change.new).splitlines() or [""]]
    return lines
