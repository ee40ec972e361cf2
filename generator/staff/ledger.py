"""Writing a plan's ledger of published 版 (what it is: generator/load/ledger.py).

`planpub release` adds each new 版; `planpub ledger` writes the first ledger of a plan
whose 版 were frozen before ledgers existed. Written to a temporary file and renamed.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from generator.i18n import msg
from generator.load.ledger import LedgerEntry, Withdrawal, frozen_dirs, ledger_path, manifest_digest


def current_entries(plan_dir: Path) -> list[LedgerEntry]:
    """An entry for every frozen 版 of the plan as its files are now."""
    return [LedgerEntry(d.name, digest) for d in frozen_dirs(plan_dir) if (digest := manifest_digest(d))]


def ledger_text(entries: list[LedgerEntry], withdrawn: list[Withdrawal] = ()) -> str:
    lines = [f"# {line}" for line in msg("ledger.header").splitlines()] + ["versions:"]
    for entry in entries:
        # JSON strings are YAML strings: ids like 1.10 stay text, never a number.
        lines += [f"  - id: {json.dumps(entry.version_id)}", f"    manifest: {json.dumps(entry.manifest)}"]
        if entry.released:
            lines.append(f"    released: {json.dumps(entry.released)}")
    if withdrawn:
        lines.append("withdrawn:")
        for item in withdrawn:
            lines += [f"  - id: {json.dumps(item.version_id)}", f"    manifest: {json.dumps(item.manifest)}",
                      f"    time: {json.dumps(item.time)}", f"    reason: {json.dumps(item.reason, ensure_ascii=False)}"]
    return "\n".join(lines) + "\n"


def staged_ledger(plan_dir: Path, entries: list[LedgerEntry], withdrawn: list[Withdrawal] = ()) -> Path:
    """The ledger written to a temporary file beside it (os.replace puts it in place)."""
    return _staged(plan_dir, ".ledger-", ledger_text(entries, withdrawn))


def write_ledger(plan_dir: Path, entries: list[LedgerEntry]) -> Path:
    target = ledger_path(plan_dir)
    os.replace(staged_ledger(plan_dir, entries), target)
    return target


def record_text(plans: list[str]) -> str:
    lines = [f"# {line}" for line in msg("ledger.record_header").splitlines()] + ["plans:" if plans else "plans: []"]
    lines += [f"  - {json.dumps(plan)}" for plan in plans]
    return "\n".join(lines) + "\n"


def staged_record(content_root: Path, plans: list[str]) -> Path:
    """content/published.yml with `plans`, in a temporary file beside it."""
    return _staged(content_root, ".published-", record_text(sorted(set(plans))))


def _staged(folder: Path, prefix: str, text: str) -> Path:
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    follow_umask(Path(name))
    return Path(name)


def follow_umask(path: Path) -> None:
    """Files and folders made with tempfile are private (0600, 0700); content files are made
    as the person's umask says, like every other file they create."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~umask)
