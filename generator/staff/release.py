"""Operations that change content on disk: freezing the working copy as a new 版.

Kept apart from the CLI (commands/release.py) so tests can call them directly.
A release is written to a temporary folder next to the frozen ones and renamed
into place only when complete, so a failure part-way leaves no trace.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.model.diff import PlanDiff, diff_contents
from generator.i18n import msg
from generator.model import fiscal
from generator.load.documents import LoadResult
from generator.model.plan import Plan, Version
from generator.model.schema import ID_PATTERN
from generator.staff.serialize import dump_yaml, schema_hint
from generator.validate import load_valid_site
from generator.load.ledger import LedgerEntry, ledger_path, manifest_digest, read_ledger_file
from generator.load.manifest import MANIFEST_NAME, build_manifest, manifest_text
from generator.load.problems import Problems
from generator.load.published import published_plans, read_record, record_path
from generator.staff.ledger import current_entries, follow_umask, staged_ledger, staged_record

ID_RE = re.compile(ID_PATTERN)
FROZEN_PARTS = ("plan.yml", "chapters", "initiatives", "figures")


class ReleaseRefused(Exception):
    """The release cannot be made; the message says why and what to do."""


@dataclass
class ReleaseRequest:
    """What a staff member asks to publish, as typed (checked by `prepare_release`)."""

    plan_id: str
    label: str
    date: str | None              # as the document states it; None: the document gives none
    notes_text: str | None        # 改訂内容, one item per line; None: the document has none
    version_id: str | None = None
    status: str | None = None     # a version status id of the site (draft, adopted …)
    name: str | None = None       # the 版's name as the document writes it (「第1.0版（案）」)
    source: str | None = None     # which document the 版 was transcribed from
    precedes: str | None = None   # for an undated 版: the label of the 版 it comes before


@dataclass
class ReleasePlan:
    """Everything `write_release` needs, checked in advance."""

    plan: Plan
    plan_dir: Path
    version_id: str
    label: str
    date: str | None
    notes: list[str]
    previous: Version | None
    diff: PlanDiff | None
    status: str | None = None
    name: str | None = None
    source: str | None = None
    precedes: str | None = None

    def release_data(self) -> dict:
        """release.yml of the new 版 (only what the staff member stated)."""
        data = {"label": self.label, "name": self.name, "date": self.date, "precedes": self.precedes,
                "status": self.status, "notes": self.notes or None, "source": self.source}
        return {key: value for key, value in data.items() if value is not None}


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


def prepare_release(loaded: LoadResult, content_root: Path, request: ReleaseRequest) -> ReleasePlan:
    """Check every precondition of a release; raise ReleaseRefused with the reason."""
    plan_id, label, version_id = request.plan_id, request.label, request.version_id
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
    statuses = {s.id for s in loaded.site.version_statuses}
    if request.status is not None and request.status not in statuses:
        raise ReleaseRefused(msg("release.bad_status", status=request.status,
                                 choices=msg("ui.list_separator").join(sorted(statuses))))
    if any(v.label == label and v.status == request.status for v in plan.versions):
        raise ReleaseRefused(msg("release.label_exists", label=label))
    version_id = version_id or label
    if not ID_RE.fullmatch(version_id):
        raise ReleaseRefused(msg("release.needs_id", label=label))
    plan_dir = content_root / "plans" / plan_id
    if (plan_dir / "releases" / version_id).exists() or any(v.id == version_id for v in plan.versions):
        raise ReleaseRefused(msg("release.id_exists", id=version_id))
    date = None
    if request.date is not None:
        date = fiscal.read_date(request.date)
        if date is None:
            raise ReleaseRefused(msg("release.bad_date", date=request.date))
        dated = [v for v in plan.versions if v.date]
        # Refused only when it is certainly not later (dates may state only a year or a month).
        if dated and fiscal.period_end(date) <= fiscal.period_start(dated[-1].date):
            last = dated[-1]
            raise ReleaseRefused(msg("release.date_not_after", date=request.date, previous=last.name,
                                     previous_date=last.date))
    elif not request.precedes:
        raise ReleaseRefused(msg("release.undated_needs_precedes"))
    notes = []
    if request.notes_text is not None:
        notes = parse_notes(request.notes_text)
        if not notes:
            raise ReleaseRefused(msg("release.no_notes"))
    previous = plan.latest
    diff = diff_contents(plan.snapshots[previous.id], plan.working) if previous else None
    return ReleasePlan(plan, plan_dir, version_id, label, date, notes, previous, diff, request.status,
                       request.name, request.source, request.precedes)


class ReleaseInvalid(Exception):
    """The staged 版 would be refused by validate once frozen: nothing was written."""

    def __init__(self, problems: Problems):
        super().__init__(msg("release.staged_invalid", count=len(problems)))
        self.problems = problems


def write_release(release: ReleasePlan, content_root: Path, shown_root: Path | None = None) -> Path:
    """Freeze the working copy into releases/<id>/ atomically; returns the new folder.

    The staged 版, the ledger and the record of published plans are first checked together
    exactly as validate will check them afterwards (in a scratch copy of the content), so a
    版 that validate would refuse is never frozen (ReleaseInvalid, with the problems)."""
    releases = release.plan_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    target = releases / release.version_id
    staging = Path(tempfile.mkdtemp(prefix=f".releasing-{release.version_id}-", dir=releases))
    follow_umask(staging)
    staged: list[Path] = []
    try:
        working = release.plan_dir / "working"
        for part in FROZEN_PARTS:
            source = working / part
            if source.is_dir():
                shutil.copytree(source, staging / part, symlinks=True)  # a link is never followed
            elif source.is_file():
                shutil.copy2(source, staging / part, follow_symlinks=False)
        release_path = staging / "release.yml"
        release_path.write_text(dump_yaml(release.release_data(), schema_hint(target / "release.yml", content_root, "release")),
                                encoding="utf-8")
        (staging / MANIFEST_NAME).write_text(manifest_text(build_manifest(staging)), encoding="utf-8")
        # The ledger lists every 版 published so far (all of them, the first time) and this one,
        # and keeps the withdrawals it records.
        before = read_ledger_file(release.plan_dir, Problems())
        entries = before.versions if before else current_entries(release.plan_dir)
        # This one with the time of this publishing event, what a feed needs where the document
        # dates the 版 only by month or year (never a day or month the document does not state).
        released = dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
        ledger = staged_ledger(release.plan_dir, [*entries, LedgerEntry(release.version_id, manifest_digest(staging),
                                                                        released=released)],
                               before.withdrawn if before else [])
        staged.append(ledger)
        listed = [plan for plan, _ in read_record(content_root, Problems()) or []]
        record = staged_record(content_root, [*listed, *published_plans(content_root), release.plan.id])
        staged.append(record)
        problems = check_staged(content_root, release, staging, ledger, record, shown_root or content_root)
        if problems:
            raise ReleaseInvalid(problems)
        staging.rename(target)
        os.replace(ledger, ledger_path(release.plan_dir))
        os.replace(record, record_path(content_root))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        for path in staged:
            path.unlink(missing_ok=True)
        raise
    return target


def check_staged(content_root: Path, release: ReleasePlan, staging: Path, ledger: Path, record: Path,
                 shown_root: Path) -> Problems:
    """Validate the content as it will be once the release is in place."""
    return check_as_if(content_root, {release.plan_dir / "releases" / release.version_id: staging,
                                      ledger_path(release.plan_dir): ledger, record_path(content_root): record},
                       shown_root)


def check_as_if(content_root: Path, changes: dict[Path, Path | None], shown_root: Path) -> Problems:
    """The problems validate will find once each path of `changes` (in the content) is
    replaced by the staged file or folder given (None: removed): checked in a scratch copy
    made of hard links, inside content/ so on the same disk, in a dot folder the loader
    skips. Problems name the real paths (from `shown_root`)."""
    scratch = Path(tempfile.mkdtemp(prefix=".checking-", dir=content_root))
    try:
        copy = scratch / content_root.name
        shutil.copytree(content_root, copy, symlinks=True, copy_function=_link, ignore=_not_content)
        for path, staged in changes.items():
            target = copy / path.relative_to(content_root)
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            else:
                target.unlink(missing_ok=True)
            if staged is not None and staged.is_dir():
                shutil.copytree(staged, target, symlinks=True, copy_function=_link)
            elif staged is not None:
                _link(staged, target)
        return load_valid_site(copy, shown_root=shown_root).problems
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _link(source, target) -> None:
    target = Path(target)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def _not_content(folder: str, names: list[str]) -> set[str]:
    """What the loader never reads and the scratch copy must not hold: staging and scratch
    folders, and the ledger and record files that are replaced by the staged ones."""
    return {n for n in names if n.startswith(".")}


STAGED_ID = "check"


def stage_working_copies(loaded: LoadResult, content_root: Path) -> list[str]:
    """Release every working copy of the content at `content_root` (a scratch copy made for
    `planpub check`) as a new 版, as `planpub release` would, so the built site shows each
    working copy as it would be published. Returns the plans staged; raises ReleaseInvalid
    when a working copy would be refused once released."""
    staged = []
    for plan in loaded.site.plans:
        if plan.working is None:
            continue
        dated = [v.date for v in plan.versions if v.date]
        today = dt.date.today().isoformat()
        after = (dt.date.fromisoformat(fiscal.period_end(dated[-1])) + dt.timedelta(days=1)).isoformat() \
            if dated else today
        release = ReleasePlan(plan, content_root / "plans" / plan.id, _free_id(plan), msg("check.staged_label"),
                              max(today, after), [], plan.latest,
                              diff_contents(plan.snapshots[plan.latest.id], plan.working) if plan.latest else None)
        write_release(release, content_root)
        staged.append(plan.id)
    return staged


def _free_id(plan: Plan) -> str:
    taken = {v.id for v in plan.versions} | {v.label for v in plan.versions}
    return next(f"{STAGED_ID}{n or ''}" for n in range(len(taken) + 1) if f"{STAGED_ID}{n or ''}" not in taken)
