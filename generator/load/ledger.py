"""The published record of a plan: ledger.yml lists every 版 `planpub release` froze, with
the sha256 of its manifest.json (which holds the sha256 of each of its files).

A manifest shows that a 版's files are as published, but not that the 版 is still there:
deleting a whole frozen folder, or the plan's only one, left no trace. The ledger does:
a listed 版 that is missing or changed, and a frozen folder it does not list, are errors.
A plan with frozen 版 and no ledger yet (content from before the ledger) gets a note.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from generator.i18n import msg
from generator.load.manifest import MANIFEST_NAME
from generator.load.problems import Problems
from generator.load.safe_paths import is_real_dir
from generator.load.yamlfile import load_yaml

LEDGER_NAME = "ledger.yml"
DIGEST_PREFIX = "sha256:"


@dataclass(frozen=True)
class LedgerEntry:
    version_id: str
    manifest: str          # "sha256:<hex>" of the 版's manifest.json
    line: int | None = None


def ledger_path(plan_dir: Path) -> Path:
    return plan_dir / LEDGER_NAME


def manifest_digest(release_dir: Path) -> str | None:
    path = release_dir / MANIFEST_NAME
    if not path.is_file() or path.is_symlink():
        return None
    with open(path, "rb") as handle:
        return DIGEST_PREFIX + hashlib.file_digest(handle, "sha256").hexdigest()


def frozen_dirs(plan_dir: Path) -> list[Path]:
    """The frozen 版 folders of a plan, as the loader reads them."""
    releases = plan_dir / "releases"
    if not is_real_dir(releases):
        return []
    return sorted(p for p in releases.iterdir() if is_real_dir(p) and not p.name.startswith("."))


def read_ledger(plan_dir: Path, problems: Problems) -> list[LedgerEntry] | None:
    """The ledger's entries; None when there is none or it cannot be read (then reported)."""
    path = ledger_path(plan_dir)
    if not path.exists() and not path.is_symlink():
        return None
    doc = load_yaml(path, problems)
    if doc is None:
        return None
    versions = doc.data.get("versions") if isinstance(doc.data, dict) else None
    entries = []
    for index, item in enumerate(versions if isinstance(versions, list) else [None]):
        ok = isinstance(item, dict) and isinstance(item.get("id"), str) and \
            isinstance(item.get("manifest"), str) and item["manifest"].startswith(DIGEST_PREFIX)
        if not ok:
            problems.add(path, doc.line_of(("versions", index)), "", msg("errors.ledger_invalid"),
                         msg("hints.ledger_invalid", path=problems.shown(path)), code="ledger_invalid")
            return None
        entries.append(LedgerEntry(item["id"], item["manifest"], doc.line_of(("versions", index))))
    return entries


def check_ledger(plan_dir: Path, problems: Problems) -> None:
    """Compare the frozen 版 of a plan with its ledger (see the module docstring)."""
    path = ledger_path(plan_dir)
    folders = {p.name: p for p in frozen_dirs(plan_dir)}
    before = len(problems)
    entries = read_ledger(plan_dir, problems)
    if entries is None:
        if folders and len(problems) == before:
            problems.note(path, None, "", msg("errors.ledger_none", count=len(folders)),
                          msg("hints.ledger_none", plan=plan_dir.name, content=problems.content_option()), code="ledger_none")
        return
    listed = {entry.version_id for entry in entries}
    for entry in entries:
        release_dir = plan_dir / "releases" / entry.version_id
        where = problems.shown(release_dir)
        if entry.version_id not in folders:
            problems.add(path, entry.line, "", msg("errors.ledger_version_missing", id=entry.version_id),
                         msg("hints.ledger_version_missing", path=where), code="ledger_version_missing")
        elif manifest_digest(release_dir) != entry.manifest:
            problems.add(release_dir / MANIFEST_NAME, None, "",
                         msg("errors.ledger_version_changed", id=entry.version_id),
                         msg("hints.ledger_version_changed", path=where, digest=entry.manifest),
                         code="ledger_version_changed")
    for name in sorted(set(folders) - listed):
        problems.add(folders[name], None, "", msg("errors.ledger_version_extra", id=name),
                     msg("hints.ledger_version_extra", path=problems.shown(folders[name])), code="ledger_version_extra")
