"""Every content file is read through here: no symlink, nothing outside content/.

A symlink in content/ (to /etc/passwd, to a home folder) would be read by validate,
frozen by release and published by build, though content never needs one; a path that
resolves outside content/ would do the same. Both are refused, each at its own path.
"""

from __future__ import annotations

import os
import stat
from functools import lru_cache
from pathlib import Path


class UnsafePath(Exception):
    """A content path that must not be read; `reason` is "symlink", "outside" or "not_regular"
    (a named pipe or a device, which would block or never end)."""

    def __init__(self, path: Path, reason: str, target: str):
        super().__init__(f"{path}: {reason} ({target})")
        self.path, self.reason, self.target = path, reason, target


class TooLarge(Exception):
    def __init__(self, size: int):
        super().__init__(str(size))
        self.size = size


def find_symlinks(root: Path) -> list[Path]:
    """Every symlink below `root` (files and folders; a linked folder is not entered)."""
    links = []
    for directory, dirs, files in os.walk(root, followlinks=False):
        for name in sorted(dirs) + sorted(files):
            path = Path(directory) / name
            if path.is_symlink():
                links.append(path)
    return sorted(links)


def is_real_dir(path: Path) -> bool:
    """A folder that is not a symlink (a linked one is reported, never entered)."""
    return path.is_dir() and not path.is_symlink()


def link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def check_path(path: Path, root: Path | None) -> None:
    """Raise UnsafePath if `path` is a symlink or resolves outside `root` (when given)."""
    if path.is_symlink():
        raise UnsafePath(path, "symlink", link_target(path))
    if root is not None:
        real = path.resolve()
        if not real.is_relative_to(_resolved(str(root))):
            raise UnsafePath(path, "outside", str(real))


@lru_cache(maxsize=64)
def _resolved(root: str) -> Path:
    return Path(root).resolve()


def read_bytes(path: Path, root: Path | None, limit: int | None = None) -> bytes:
    """The file's bytes, after `check_path`; opened without following a symlink (so one
    swapped in after the check is refused too) and never more than `limit` bytes read."""
    check_path(path, root)
    # O_NONBLOCK: opening a named pipe must not wait for a writer.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if path.is_symlink():
            raise UnsafePath(path, "symlink", link_target(path)) from None
        raise exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise UnsafePath(path, "not_regular", str(path))
    with os.fdopen(fd, "rb") as handle:
        if limit is None:
            return handle.read()
        data = handle.read(limit + 1)
        if len(data) > limit:
            raise TooLarge(os.fstat(handle.fileno()).st_size)
        return data
