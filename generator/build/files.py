"""Moving built files around without ever writing into a file that may be shared: the
cache hands out hard links, so a file is always replaced, never rewritten in place."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def replace_file(path: Path, data: bytes) -> None:
    """Write a new file rather than into an existing one, which may be a hard link."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    path.write_bytes(data)


def move_tree(source: Path, target: Path) -> None:
    """Move every file of `source` into `target`, replacing (not writing into) files there."""
    for directory, _, names in os.walk(source):
        relative = Path(directory).relative_to(source)
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            os.replace(Path(directory) / name, target / relative / name)


def link_files(source: Path, target: Path, files) -> None:
    """Hard-link the listed files of `source` into `target` (copy across file systems)."""
    made = set()
    for relative in sorted(files):
        destination = target / relative
        if destination.parent not in made:
            destination.parent.mkdir(parents=True, exist_ok=True)
            made.add(destination.parent)
        try:
            os.link(source / relative, destination)
        except OSError:
            shutil.copyfile(source / relative, destination)


def link_tree(source: Path, target: Path) -> None:
    """A copy of `source` at `target` made of hard links where possible (fast, no space);
    everything that later changes in `target` is replaced, never written into."""
    link_files(source, target, [p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file()])
