"""One build at a time per folder (build/lock.py): an flock beside the folder, released by
the kernel when the holder ends, its pid told to whoever waits."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest

from generator.build.lock import Busy, FolderLock, lock_path


def test_the_lock_file_sits_beside_the_folder(tmp_path):
    site = tmp_path / "site"
    assert lock_path(site).parent == tmp_path and lock_path(site).name.startswith(".") and "site" in lock_path(site).name


def test_the_holder_writes_its_pid_and_removes_the_file_on_release(tmp_path):
    path = tmp_path / "x.lock"
    with FolderLock(path):
        assert path.read_text() == str(os.getpid())
    assert not path.exists()


def test_a_second_holder_is_refused_or_waits_and_is_told_who_holds_it(tmp_path):
    path, told = tmp_path / "x.lock", []
    first = FolderLock(path).__enter__()
    try:
        with pytest.raises(Busy) as busy:
            FolderLock(path, wait=False).__enter__()
        assert busy.value.pid == str(os.getpid()) and busy.value.path == path
        threading.Timer(0.3, first.__exit__).start()
        started = time.monotonic()
        with FolderLock(path, on_wait=lambda p, pid: told.append(pid), poll=0.05):
            assert time.monotonic() - started >= 0.25
        assert told == [str(os.getpid())]
    finally:
        first.__exit__()


@pytest.mark.slow
def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    """(slow: the holder is a process of its own.)"""
    path = tmp_path / "x.lock"
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\n"
                               "sys.path.insert(0, sys.argv[2])\n"
                               "from generator.build.lock import FolderLock\n"
                               "from pathlib import Path\n"
                               "FolderLock(Path(sys.argv[1])).__enter__(); print('held', flush=True); time.sleep(60)",
                               str(path), os.getcwd()], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(Busy):
        FolderLock(path, wait=False).__enter__()
    holder.kill()
    holder.wait()
    with FolderLock(path, wait=False):      # the kernel released it with the process
        assert path.read_text() == str(os.getpid())
