"""The integrity of frozen snapshots: every file of a published 版 with its sha256.

`planpub release` writes manifest.json; every load compares the files with it, so a
frozen 版 that was edited, lost a file or gained one is refused.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

MANIFEST_NAME = "manifest.json"
MANIFEST_ALGORITHM = "sha256"


def hash_file(path: Path) -> str:
    with open(path, "rb") as handle:  # in blocks: a huge stray file is hashed, not loaded
        return hashlib.file_digest(handle, MANIFEST_ALGORITHM).hexdigest()


def snapshot_files(snapshot_dir: Path) -> list[Path]:
    """Every file of a snapshot that the manifest covers (all but the manifest itself).
    Symlinks are never followed nor hashed (the loader refuses each one by name)."""
    found = []
    for directory, dirs, names in os.walk(snapshot_dir, followlinks=False):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in names:
            path = Path(directory) / name
            if name != MANIFEST_NAME and not path.is_symlink() and path.is_file():
                found.append(path)
    return sorted(found)


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
