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
from generator.load.ledger import LedgerEntry, frozen_dirs, ledger_path, manifest_digest


def current_entries(plan_dir: Path) -> list[LedgerEntry]:
    """An entry for every frozen 版 of the plan as its files are now."""
    return [LedgerEntry(d.name, digest) for d in frozen_dirs(plan_dir) if (digest := manifest_digest(d))]


def ledger_text(entries: list[LedgerEntry]) -> str:
    lines = [f"# {line}" for line in msg("ledger.header").splitlines()] + ["versions:"]
    for entry in entries:
        # JSON strings are YAML strings: ids like 1.10 stay text, never a number.
        lines += [f"  - id: {json.dumps(entry.version_id)}", f"    manifest: {json.dumps(entry.manifest)}"]
        if entry.released:
            lines.append(f"    released: {json.dumps(entry.released)}")
    return "\n".join(lines) + "\n"


def staged_ledger(plan_dir: Path, entries: list[LedgerEntry]) -> Path:
    """The ledger written to a temporary file beside it (os.replace puts it in place)."""
    fd, name = tempfile.mkstemp(prefix=".ledger-", suffix=".tmp", dir=plan_dir)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(ledger_text(entries))
    return Path(name)


def write_ledger(plan_dir: Path, entries: list[LedgerEntry]) -> Path:
    target = ledger_path(plan_dir)
    os.replace(staged_ledger(plan_dir, entries), target)
    return target
