"""Upgrading a plan's working copy to the current content format (frozen 版 never change).

Format 2 only adds to format 1 (stated dates, stages, per-plan fields, KPI shapes,
sub-items …), so an upgrade declares `format: 2` in working/plan.yml and changes nothing
else: the file keeps its comments and layout, byte for byte apart from that line.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.i18n import msg
from generator.model.schema import CURRENT_FORMAT


class UpgradeRefused(Exception):
    pass


FORMAT_LINE = re.compile(r"^format:\s*[\"']?(\d+)[\"']?\s*(?:#.*)?$", re.M)


def stated_format(text: str) -> int:
    """The format plan.yml declares (1 when it declares none), read from its text alone."""
    found = FORMAT_LINE.search(text)
    return int(found.group(1)) if found else 1


def upgraded_text(text: str) -> str:
    """plan.yml with `format: <current>`: after the leading comments (the editor's $schema
    line), or replacing an older `format:` line."""
    if re.search(r"^format:", text, flags=re.M):
        return re.sub(r"^format:.*$", f"format: {CURRENT_FORMAT}", text, count=1, flags=re.M)
    lines = text.splitlines(keepends=True)
    at = 0
    while at < len(lines) and (lines[at].startswith("#") or not lines[at].strip()):
        at += 1
    return "".join(lines[:at]) + f"format: {CURRENT_FORMAT}\n" + "".join(lines[at:])


def upgrade_working(plan_dir: Path, current_format: int) -> Path:
    """Declare the current format in the plan's working copy; returns the file written."""
    path = plan_dir / "working" / "plan.yml"
    if not path.is_file():
        raise UpgradeRefused(msg("upgrade.no_working", path=path))
    if current_format >= CURRENT_FORMAT:
        raise UpgradeRefused(msg("upgrade.already", format=current_format))
    text = path.read_text(encoding="utf-8")
    path.write_text(upgraded_text(text), encoding="utf-8")
    return path
