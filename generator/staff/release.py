"""Operations that change content on disk: freezing the working copy as a new 版.

Kept apart from the CLI (commands/release.py) so tests can call them directly.
A release is written to a temporary folder next to the frozen ones and renamed
into place only when complete, so a failure part-way leaves no trace.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.model.diff import PlanDiff, diff_contents
from generator.i18n import msg
from generator.load.loader import LoadResult
from generator.model.plan import Plan, Version
from generator.model.schema import ID_PATTERN
from generator.staff.serialize import dump_yaml, schema_hint
from generator.load.manifest import MANIFEST_NAME, build_manifest, manifest_text

ID_RE = re.compile(ID_PATTERN)
FROZEN_PARTS = ("plan.yml", "chapters", "initiatives")


class ReleaseRefused(Exception):
    """The release cannot be made; the message says why and what to do."""


@dataclass
class ReleasePlan:
    """Everything `write_release` needs, checked in advance."""

    plan: Plan
    plan_dir: Path
    version_id: str
    label: str
    date: str
    notes: list[str]
    previous: Version | None
    diff: PlanDiff | None


# Staff type 改訂内容 as bullet lines and 版数 as the document writes them; both are read
# here as Japanese input (a label like 「第1.6版」 is refused with the bare form to use).
BULLET_RE = re.compile(r"^\s*(?:[-*・•]\s*)")
LABEL_PREFIX, LABEL_SUFFIX = "第", "版"


def parse_notes(text: str) -> list[str]:
    """One 改訂内容 item per non-empty line; leading bullet marks are dropped."""
    items = []
    for line in text.splitlines():
        line = BULLET_RE.sub("", line).strip()
        if line:
            items.append(line)
    return items


def prepare_release(loaded: LoadResult, content_root: Path, plan_id: str, label: str, date: str,
                    notes_text: str, version_id: str | None = None) -> ReleasePlan:
    """Check every precondition of a release; raise ReleaseRefused with the reason."""
    if loaded.problems or loaded.site is None:
        raise ReleaseRefused(msg("release.invalid_content", count=len(loaded.problems)))
    plan = next((p for p in loaded.site.plans if p.id == plan_id), None)
    if plan is None:
        raise ReleaseRefused(msg("release.no_plan", plan=plan_id))
    if plan.working is None:
        raise ReleaseRefused(msg("release.no_working", plan=plan_id))
    label = label.strip()
    if label.startswith(LABEL_PREFIX) and label.endswith(LABEL_SUFFIX):
        raise ReleaseRefused(msg("release.label_format", label=label, bare=label[1:-1]))
    if any(v.label == label for v in plan.versions):
        raise ReleaseRefused(msg("release.label_exists", label=label))
    version_id = version_id or label
    if not ID_RE.match(version_id):
        raise ReleaseRefused(msg("release.needs_id", label=label))
    plan_dir = content_root / "plans" / plan_id
    if (plan_dir / "releases" / version_id).exists() or any(v.id == version_id for v in plan.versions):
        raise ReleaseRefused(msg("release.id_exists", id=version_id))
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        raise ReleaseRefused(msg("release.bad_date", date=date)) from None
    dated = [v for v in plan.versions if v.date]
    if dated:
        last = dated[-1]
        if day.isoformat() <= _end_of(last.date):
            raise ReleaseRefused(msg("release.date_not_after", date=date, previous=last.name,
                                     previous_date=last.date))
    notes = parse_notes(notes_text)
    if not notes:
        raise ReleaseRefused(msg("release.no_notes"))
    previous = plan.latest
    diff = diff_contents(plan.snapshots[previous.id], plan.working) if previous else None
    return ReleasePlan(plan, plan_dir, version_id, label, day.isoformat(), notes, previous, diff)


def _end_of(date: str) -> str:
    """A month-precision date ("2023-07") counts as its last possible day for ordering."""
    return date if len(date) == 10 else date + "-31"


def write_release(release: ReleasePlan, content_root: Path) -> Path:
    """Freeze the working copy into releases/<id>/ atomically; returns the new folder."""
    releases = release.plan_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    target = releases / release.version_id
    staging = Path(tempfile.mkdtemp(prefix=f".releasing-{release.version_id}-", dir=releases))
    try:
        working = release.plan_dir / "working"
        for part in FROZEN_PARTS:
            source = working / part
            if source.is_dir():
                shutil.copytree(source, staging / part)
            elif source.is_file():
                shutil.copy2(source, staging / part)
        release_data = {"label": release.label, "date": release.date, "notes": release.notes}
        release_path = staging / "release.yml"
        release_path.write_text(dump_yaml(release_data, schema_hint(target / "release.yml", content_root, "release")),
                                encoding="utf-8")
        (staging / MANIFEST_NAME).write_text(manifest_text(build_manifest(staging)), encoding="utf-8")
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
