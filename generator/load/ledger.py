"""The published record of a plan: ledger.yml lists every 版 `planpub release` froze, with
the sha256 of its manifest.json (which holds the sha256 of each of its files).

A manifest shows that a 版's files are as published, but not that the 版 is still there:
deleting a whole frozen folder, or the plan's only one, left no trace. The ledger does:
a listed 版 that is missing or changed, and a frozen folder it does not list, are errors.
A plan with frozen 版 and no ledger yet (content from before the ledger) gets a note.

An entry also records when `planpub release` published the 版 (`released`, ISO 8601 with
its offset): the real time of the publishing event, which a feed needs as a full timestamp
when the document dates the 版 only by month or year. Entries written before releases were
timed have none, and stay valid.

A 版 published by mistake is withdrawn with `planpub withdraw`, never by deleting it: the
ledger then also lists the withdrawal (`withdrawn:` — id, manifest, time, reason), and the
folder of that manifest may be gone. A folder deleted by hand has no such record and stays
an error. (Older ledgers have no `withdrawn:`; they stay valid as they are.)
"""

from __future__ import annotations

import datetime as dt
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
    released: str | None = None   # when `planpub release` published it ("2026-03-26T10:15:00+09:00"); None: not recorded


def is_timestamp(value) -> bool:
    """An ISO 8601 date and time with its offset (a time without one names no instant)."""
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        return dt.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


@dataclass(frozen=True)
class Withdrawal:
    version_id: str
    manifest: str          # the manifest of the 版 withdrawn (an entry of `versions` has it too)
    time: str              # when, ISO 8601 with the offset
    reason: str
    line: int | None = None


@dataclass
class Ledger:
    versions: list[LedgerEntry]
    withdrawn: list[Withdrawal]

    def is_withdrawn(self, entry: LedgerEntry) -> bool:
        return any(e is entry for e in self._withdrawn_entries())

    def live(self) -> list[LedgerEntry]:
        """The entries of 版 that are published now (not withdrawn)."""
        withdrawn = self._withdrawn_entries()
        return [e for e in self.versions if not any(e is w for w in withdrawn)]

    def _withdrawn_entries(self) -> list[LedgerEntry]:
        """Each withdrawal takes back the earliest release of its id and manifest not taken
        back yet: the same 版 released again afterwards (even byte for byte) is published."""
        taken: list[LedgerEntry] = []
        for withdrawal in self.withdrawn:
            entry = next((e for e in self.versions if e.version_id == withdrawal.version_id
                          and e.manifest == withdrawal.manifest and not any(e is t for t in taken)), None)
            if entry is not None:
                taken.append(entry)
        return taken


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
    """The ledger's entries of published 版; None when there is none or it cannot be read."""
    ledger = read_ledger_file(plan_dir, problems)
    return ledger.versions if ledger is not None else None


def read_ledger_file(plan_dir: Path, problems: Problems) -> Ledger | None:
    """The whole ledger; None when there is none or it cannot be read (then reported)."""
    path = ledger_path(plan_dir)
    if not path.exists() and not path.is_symlink():
        return None
    doc = load_yaml(path, problems)
    if doc is None:
        return None
    data = doc.data if isinstance(doc.data, dict) else {}
    versions = data.get("versions")
    entries = []
    for index, item in enumerate(versions if isinstance(versions, list) else [None]):
        ok = isinstance(item, dict) and isinstance(item.get("id"), str) and \
            isinstance(item.get("manifest"), str) and item["manifest"].startswith(DIGEST_PREFIX) and \
            (item.get("released") is None or is_timestamp(item["released"]))
        if not ok:
            return _invalid(problems, path, doc.line_of(("versions", index)))
        entries.append(LedgerEntry(item["id"], item["manifest"], doc.line_of(("versions", index)), item.get("released")))
    withdrawn = []
    items = data.get("withdrawn", [])
    for index, item in enumerate(items if isinstance(items, list) else [None]):
        ok = isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("id", "manifest", "time", "reason"))
        if not ok or not any(e.version_id == item["id"] and e.manifest == item["manifest"] for e in entries):
            return _invalid(problems, path, doc.line_of(("withdrawn", index)))   # withdrawing what was never published
        withdrawn.append(Withdrawal(item["id"], item["manifest"], item["time"], item["reason"],
                                    doc.line_of(("withdrawn", index))))
    return Ledger(entries, withdrawn)


def _invalid(problems: Problems, path: Path, line: int | None) -> None:
    problems.add(path, line, "", msg("errors.ledger_invalid"), msg("hints.ledger_invalid", path=problems.shown(path)),
                 code="ledger_invalid")
    return None


def check_ledger(plan_dir: Path, problems: Problems) -> list[LedgerEntry]:
    """Compare the frozen 版 of a plan with its ledger (see the module docstring); the entries
    of the 版 published now, the latest release of each id (none without a readable ledger)."""
    path = ledger_path(plan_dir)
    folders = {p.name: p for p in frozen_dirs(plan_dir)}
    before = len(problems)
    ledger = read_ledger_file(plan_dir, problems)
    if ledger is None:
        if folders and len(problems) == before:
            problems.note(path, None, "", msg("errors.ledger_none", count=len(folders)),
                          msg("hints.ledger_none", plan=plan_dir.name, content=problems.content_option()),
                          code="ledger_none")
        return []
    live = {entry.version_id: entry for entry in ledger.live()}   # a later release of an id counts
    for entry in ledger.versions:
        if ledger.is_withdrawn(entry) or live.get(entry.version_id) is not entry:
            continue
        release_dir = plan_dir / "releases" / entry.version_id
        where = problems.shown(release_dir)
        if entry.version_id not in folders:
            problems.add(path, entry.line, "", msg("errors.ledger_version_missing", id=entry.version_id),
                         msg("hints.ledger_version_missing", path=where, plan=plan_dir.name,
                             content=problems.content_option()), code="ledger_version_missing")
        elif manifest_digest(release_dir) != entry.manifest:
            problems.add(release_dir / MANIFEST_NAME, None, "",
                         msg("errors.ledger_version_changed", id=entry.version_id),
                         msg("hints.ledger_version_changed", path=where, digest=entry.manifest),
                         code="ledger_version_changed")
    for name in sorted(set(folders) - set(live)):
        withdrawn = next((w for w in ledger.withdrawn if w.version_id == name), None)
        if withdrawn is not None and manifest_digest(folders[name]) == withdrawn.manifest:
            problems.add(folders[name], None, "", msg("errors.ledger_withdrawn_present", id=name, time=withdrawn.time),
                         msg("hints.ledger_withdrawn_present", path=problems.shown(folders[name]), plan=plan_dir.name,
                             content=problems.content_option()), code="ledger_withdrawn_present")
        else:
            problems.add(folders[name], None, "", msg("errors.ledger_version_extra", id=name),
                         msg("hints.ledger_version_extra", path=problems.shown(folders[name])),
                         code="ledger_version_extra")
    return list(live.values())
