"""One build at a time per folder: an exclusive lock on a file beside the folder.

`flock` is released by the kernel when the holder dies (killed, crashed), so a lock can
never go stale; the file holds the holder's pid only so the waiting build can say who.
The holder deletes the file on release; a waiter that locked the deleted file notices
(its inode is no longer the path's) and tries again."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path


class Busy(Exception):
    """Another build holds the lock (and we were told not to wait)."""

    def __init__(self, path: Path, pid: str):
        super().__init__(str(path))
        self.path, self.pid = path, pid


def lock_path(folder: Path) -> Path:
    return folder.with_name(f".{folder.name}.lock")


class FolderLock:
    """`with FolderLock(lock_path(site_dir)):` — the lock file's path is the caller's choice
    (beside site/, inside the cache)."""

    def __init__(self, path: Path, wait: bool = True, on_wait=None, poll: float = 0.2):
        self.path = path
        self.wait, self.on_wait, self.poll = wait, on_wait, poll
        self.fd: int | None = None

    def __enter__(self) -> "FolderLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        told = False
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_pid(fd)
                os.close(fd)
                if not self.wait:
                    raise Busy(self.path, holder) from None
                if not told and self.on_wait is not None:
                    self.on_wait(self.path, holder)
                    told = True
                time.sleep(self.poll)
                continue
            if _same_file(fd, self.path):
                break
            os.close(fd)  # the holder deleted it while we waited: lock the new one
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self.fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self.fd)  # closing releases the lock
            self.fd = None


def _read_pid(fd: int) -> str:
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
    except OSError:
        return "?"


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False
