"""Ordering of 版 and the integrity of frozen snapshots (pure functions).

Versions are ordered by publication date, never by parsing labels: 第1.41版 sits
between 1.4 and 1.5 because of its date. A 版 whose date no document states may be
placed explicitly before another with `precedes`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .model import Version

MANIFEST_NAME = "manifest.json"
MANIFEST_ALGORITHM = "sha256"


def order_versions(versions: list[Version]) -> list[Version]:
    """Dated versions by date (stable for equal dates), undated ones before their `precedes`."""
    dated = sorted((v for v in versions if v.date), key=lambda v: v.date)
    undated = [v for v in versions if not v.date]
    result = list(dated)
    pending = list(undated)
    # Undated versions may precede each other; insert until no more progress is made.
    while pending:
        progressed = False
        for version in list(pending):
            target = _find(result, version.precedes)
            if target is not None:
                result.insert(result.index(target), version)
                pending.remove(version)
                progressed = True
        if not progressed:
            result = pending + result  # unresolved: validation reports them; keep them visible
            break
    return result


def _find(versions: list[Version], ref: str | None) -> Version | None:
    if ref is None:
        return None
    return next((v for v in versions if v.label == ref or v.id == ref), None)


def display_name(label: str | None, name: str | None, fallback: str) -> str:
    if name:
        return name
    if label:
        from .i18n import msg
        return msg("ui.version_name", label=label)
    return fallback


def hash_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot_files(snapshot_dir: Path) -> list[Path]:
    """Every file of a snapshot that the manifest covers (all but the manifest itself)."""
    return sorted(p for p in snapshot_dir.rglob("*")
                  if p.is_file() and p.name != MANIFEST_NAME and "__pycache__" not in p.parts)


def build_manifest(snapshot_dir: Path) -> dict:
    files = {p.relative_to(snapshot_dir).as_posix(): hash_file(p) for p in snapshot_files(snapshot_dir)}
    return {"algorithm": MANIFEST_ALGORITHM, "files": files}


def manifest_text(manifest: dict) -> str:
    return json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def compare_manifest(snapshot_dir: Path, manifest: dict) -> tuple[list[str], list[str], list[str]]:
    """(changed, missing, added) file names of a snapshot against its manifest."""
    recorded: dict[str, str] = manifest.get("files", {})
    actual = build_manifest(snapshot_dir)["files"]
    changed = sorted(name for name in recorded if name in actual and actual[name] != recorded[name])
    missing = sorted(name for name in recorded if name not in actual)
    added = sorted(name for name in actual if name not in recorded)
    return changed, missing, added
