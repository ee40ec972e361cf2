"""Withdrawing a 版 released by mistake (found before the site was deployed).

A published 版 is never deleted by hand: validate refuses a folder its ledger lists and
that is gone. `planpub withdraw` removes the latest 版 and records why in the ledger
(id, manifest digest, time, reason), so validate accepts its absence; when it was the
plan's last published 版, the plan leaves the record of published plans too. Like a
release, the result is checked as validate will see it before anything is changed, and
the change is made so that an interruption can be finished by running it again.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.i18n import msg
from generator.load.documents import LoadResult
from generator.load.ledger import Withdrawal, ledger_path, manifest_digest, read_ledger_file
from generator.load.problems import Problems
from generator.load.published import published_plans, read_record, record_path
from generator.model.plan import Plan, Version
from generator.staff.ledger import current_entries, staged_ledger, staged_record
from generator.staff.release import ReleaseInvalid, ReleaseRefused, check_as_if

WITHDRAWING = ".withdrawing-"


@dataclass
class WithdrawalPlan:
    plan: Plan
    plan_dir: Path
    version: Version
    reason: str


def interrupted(plan_dir: Path, version_id: str) -> Path | None:
    """The folder of a withdrawal of `version_id` that stopped before it was recorded."""
    releases = plan_dir / "releases"
    found = sorted(releases.glob(f"{WITHDRAWING}{version_id}-*")) if releases.is_dir() else []
    return found[0] if found else None


def resume(plan_dir: Path, version_id: str) -> bool:
    """Put back the 版 of an interrupted withdrawal (then it can be withdrawn again)."""
    folder = interrupted(plan_dir, version_id)
    target = plan_dir / "releases" / version_id
    if folder is None or target.exists():
        return False
    ledger = read_ledger_file(plan_dir, Problems())
    if ledger is not None and any(w.version_id == version_id and w.manifest == manifest_digest(folder)
                                  for w in ledger.withdrawn):
        shutil.rmtree(folder)   # recorded already: only the removal was left
        return True
    folder.rename(target)
    return True


def prepare_withdrawal(loaded: LoadResult, content_root: Path, plan_id: str, ref: str, reason: str) -> WithdrawalPlan:
    if loaded.problems or loaded.site is None:
        raise ReleaseRefused(msg("withdraw.invalid_content", count=len(loaded.problems)))
    plan = next((p for p in loaded.site.plans if p.id == plan_id), None)
    if plan is None:
        raise ReleaseRefused(msg("release.no_plan", plan=plan_id))
    frozen = plan.snapshot_versions
    version = next((v for v in frozen if ref in (v.id, v.label)), None)
    if version is None:
        choices = msg("ui.list_separator").join(v.id for v in frozen) or msg("withdraw.none")
        raise ReleaseRefused(msg("withdraw.no_version", ref=ref, choices=choices))
    if version is not frozen[-1]:
        raise ReleaseRefused(msg("withdraw.not_latest", name=version.name, latest=frozen[-1].name))
    if not reason.strip():
        raise ReleaseRefused(msg("withdraw.needs_reason"))
    return WithdrawalPlan(plan, content_root / "plans" / plan_id, version, reason.strip())


def write_withdrawal(withdrawal: WithdrawalPlan, content_root: Path, shown_root: Path | None = None,
                     now: dt.datetime | None = None) -> Withdrawal:
    plan_dir, version_id = withdrawal.plan_dir, withdrawal.version.id
    folder = plan_dir / "releases" / version_id
    digest = manifest_digest(folder)
    before = read_ledger_file(plan_dir, Problems())
    entries = before.versions if before else current_entries(plan_dir)
    record = Withdrawal(version_id, digest, (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds"),
                        withdrawal.reason)
    staged = [staged_ledger(plan_dir, entries, [*(before.withdrawn if before else []), record])]
    try:
        listed = {plan for plan, _ in read_record(content_root, Problems()) or []} | set(published_plans(content_root))
        if not any(e.version_id != version_id for e in entries
                   if not (before and before.is_withdrawn(e))):   # its last published 版
            listed.discard(withdrawal.plan.id)
        staged.append(staged_record(content_root, sorted(listed)))
        problems = check_as_if(content_root, {folder: None, ledger_path(plan_dir): staged[0],
                                              record_path(content_root): staged[1]}, shown_root or content_root)
        if problems:
            raise ReleaseInvalid(problems)
        # Out of the way first (one rename), then recorded, then removed: stopped in between,
        # `resume` finishes it.
        away = Path(tempfile.mkdtemp(prefix=f"{WITHDRAWING}{version_id}-", dir=plan_dir / "releases"))
        away.rmdir()
        folder.rename(away)
        os.replace(staged[0], ledger_path(plan_dir))
        os.replace(staged[1], record_path(content_root))
        shutil.rmtree(away)
    finally:
        for path in staged:
            path.unlink(missing_ok=True)
    return record
