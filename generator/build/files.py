"""Moving built files around without ever writing into a file that may be shared: the
cache hands out hard links, so a file is always replaced, never rewritten in place."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path


# Why a hard link may be refused where a copy works: another file system, a file system
# without links, too many links to one file. Anything else (disk full, no permission) is
# a real failure and reported.
LINK_REFUSED = {errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP}


def replace_file(path: Path, data: bytes) -> None:
    """Write a new file rather than into an existing one, which may be a hard link."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    path.write_bytes(data)


def move(source: Path, target: Path) -> None:
    """`os.replace`, or a copy and delete when `target` is on another file system than
    `source` (the cache and site/ may be on different disks)."""
    try:
        os.replace(source, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        if source.is_dir():
            shutil.copytree(source, target)
            shutil.rmtree(source, ignore_errors=True)
        else:
            shutil.copyfile(source, target)
            source.unlink()


def move_tree(source: Path, target: Path) -> None:
    """Move every file of `source` into `target`, replacing (not writing into) files there."""
    for directory, _, names in os.walk(source):
        relative = Path(directory).relative_to(source)
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            move(Path(directory) / name, target / relative / name)


def link_files(source: Path, target: Path, files) -> None:
    """Hard-link the listed files of `source` into `target` (copy across file systems).
    A portal links every file of its site on each build (a hundred thousand at 200 plans),
    so this works on strings rather than Path objects."""
    made = set()
    source_dir, target_dir = str(source), str(target)
    for relative in sorted(files):
        folder = relative.rpartition("/")[0]
        if folder not in made:
            os.makedirs(os.path.join(target_dir, folder), exist_ok=True)
            made.add(folder)
        origin, destination = f"{source_dir}/{relative}", f"{target_dir}/{relative}"
        try:
            os.link(origin, destination)
        except OSError as exc:
            if exc.errno not in LINK_REFUSED:
                raise
            shutil.copyfile(origin, destination)


def link_tree(source: Path, target: Path) -> None:
    """A copy of `source` at `target` made of hard links where possible (fast, no space);
    everything that later changes in `target` is replaced, never written into."""
    link_files(source, target, [p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file()])
