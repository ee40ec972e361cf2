"""Builds that cannot collide or half-fail: simultaneous builds into one site/, a site on
another file system than the cache, a read-only site folder, a full disk, no permission.
Each failure is one Japanese message (path and fix), exit 1, no traceback, and nothing
half-written in or next to site/."""

from __future__ import annotations

import errno
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build.lock import FolderLock, lock_path

from .conftest import ROOT, build_site, run_cli, tree_digest

pytestmark = pytest.mark.slow   # builds running at once in processes of their own

BUILD = [sys.executable, "-m", "generator", "build", "--config", str(ROOT / "mkdocs.yml")]
ENV = dict(os.environ, PYTHONPATH=str(ROOT), SOURCE_DATE_EPOCH="1764000000")


def _start(content: Path, site: Path, cache: Path, *options: str) -> subprocess.Popen:
    return subprocess.Popen([*BUILD, "--content", str(content), "--site-dir", str(site), "--cache-dir", str(cache),
                             *options], cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _strays(folder: Path) -> list[Path]:
    """Anything a build leaves beside site/ or half-written inside it."""
    deadline = time.time() + 30  # the replaced site is deleted in the background
    while time.time() < deadline:
        found = [p for p in folder.iterdir() if p.name.startswith((".site-", ".site."))]
        found += [p for p in (folder / "site").rglob("*.writing")] if (folder / "site").exists() else []
        if not found:
            return []
        time.sleep(0.1)
    return found


def _simultaneous(basic_content: Path, tmp_path: Path, count: int) -> None:
    reference = tmp_path / "reference" / "site"
    assert build_site(basic_content, reference).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    site, cache = out / "site", tmp_path / "cache"
    processes = [_start(basic_content, site, cache) for _ in range(count)]
    results = [(p.wait(timeout=600), *p.communicate()) for p in processes]
    for code, stdout, stderr in results:
        assert code == 0, stdout + stderr
        assert "Traceback" not in stderr and "Errno" not in stderr
    assert any("待ちます" in stdout for _, stdout, _ in results), "the later builds said they were waiting"
    assert tree_digest(site) == tree_digest(reference)
    assert _strays(out) == []
    assert not lock_path(site).exists()


def test_two_simultaneous_builds_into_one_site_wait_for_each_other(basic_content, tmp_path):
    _simultaneous(basic_content, tmp_path, 2)


def test_three_simultaneous_builds_into_one_site_wait_for_each_other(basic_content, tmp_path):
    _simultaneous(basic_content, tmp_path, 3)


def test_no_wait_says_another_build_is_running_and_writes_nothing(basic_content, tmp_path):
    site = tmp_path / "site"
    with FolderLock(lock_path(site)):
        result = build_site(basic_content, site, "--no-wait")
    assert result.returncode == 1
    assert "別の作成" in result.stderr and "実行中" in result.stderr and str(os.getpid()) in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists() and not list(tmp_path.glob(".site-building-*"))


def test_a_waiting_build_goes_on_when_the_other_finishes(basic_content, tmp_path):
    site = tmp_path / "site"
    lock = FolderLock(lock_path(site)).__enter__()
    process = _start(basic_content, site, tmp_path / "cache")
    # Wait for the build to say it waits (a fixed sleep was too short on a loaded machine).
    said, deadline = "", time.time() + 120
    while "待ちます" not in said and time.time() < deadline and process.poll() is None:
        if select.select([process.stdout], [], [], 1)[0]:
            said += process.stdout.readline()
    assert "待ちます" in said, said
    time.sleep(1)
    assert process.poll() is None and not site.exists(), "the build waits while the lock is held"
    lock.__exit__(None, None, None)
    stdout, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr
    assert (site / "index.html").is_file()


def test_a_lock_left_by_a_killed_build_does_not_block(basic_content, tmp_path):
    site = tmp_path / "site"
    lock_path(site).write_text("999999")  # a pid that no longer holds any lock
    result = build_site(basic_content, site, "--no-wait")
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").is_file() and not lock_path(site).exists()


def test_site_on_another_file_system_than_the_cache(basic_content, tmp_path):
    assert os.stat("/dev/shm").st_dev != os.stat(tmp_path).st_dev
    shm = Path(f"/dev/shm/planpub-test-{os.getpid()}")
    shutil.rmtree(shm, ignore_errors=True)
    try:
        site = shm / "site"
        result = build_site(basic_content, site, "--cache-dir", str(tmp_path / "cache"))
        assert result.returncode == 0, result.stderr
        assert "Errno 18" not in result.stderr and (site / "pagefind" / "pagefind.js").is_file()
        reference = tmp_path / "reference"
        assert build_site(basic_content, reference).returncode == 0
        assert tree_digest(site) == tree_digest(reference)
        assert _strays(shm) == []
    finally:
        shutil.rmtree(shm, ignore_errors=True)


def test_read_only_site_folder_is_a_message_and_the_site_stays(basic_content, tmp_path):
    """A real read-only file system: site/'s parent bind-mounted read-only in a private
    mount namespace (unshare), so this needs no privileges on the host."""
    out = tmp_path / "out"
    site = out / "site"
    assert build_site(basic_content, site, "--cache-dir", str(tmp_path / "cache")).returncode == 0
    (basic_content / "site.yml").write_text(
        (basic_content / "site.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    before = tree_digest(site)
    command = " ".join([*BUILD, "--content", str(basic_content), "--site-dir", str(site),
                        "--cache-dir", str(tmp_path / "cache")])
    result = subprocess.run(["unshare", "--mount", "--map-root-user", "sh", "-c",
                             f"mount --bind {out} {out} && mount -o remount,ro,bind {out} && {command}"],
                            cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "読み取り専用" in result.stderr and str(out) in result.stderr and "--site-dir" in result.stderr
    assert "site/ は変更していません" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(site) == before
    assert sorted(p.name for p in out.iterdir()) == ["site"]


def _build_in_process(basic_content: Path, tmp_path: Path, capsys) -> tuple[int, str]:
    from generator.adapters.cli import main
    code = main(["build", "--config", str(ROOT / "mkdocs.yml"), "--content", str(basic_content),
                 "--site-dir", str(tmp_path / "site"), "--cache-dir", str(tmp_path / "cache")])
    return code, capsys.readouterr().err


def test_full_disk_is_a_message_and_nothing_is_left(basic_content, tmp_path, monkeypatch, capsys):
    import generator.build.files as files

    def full(source, destination):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(destination))
    monkeypatch.setattr(files.os, "link", full)
    monkeypatch.setattr(files.shutil, "copyfile", full)
    code, err = _build_in_process(basic_content, tmp_path, capsys)
    assert code == 1
    assert "ディスクの空き容量が足りません" in err and str(tmp_path) in err and "Traceback" not in err
    assert not (tmp_path / "site").exists() and not list(tmp_path.glob(".site-*"))


def test_no_permission_is_a_message_and_nothing_is_left(basic_content, tmp_path, monkeypatch, capsys):
    import generator.build.site_dir as site_dir

    def denied(prefix, dir):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), dir)
    monkeypatch.setattr(site_dir.tempfile, "mkdtemp", denied)
    code, err = _build_in_process(basic_content, tmp_path, capsys)
    assert code == 1
    assert "書き込む権限がありません" in err and str(tmp_path) in err and "Traceback" not in err
    assert not (tmp_path / "site").exists() and not list(tmp_path.glob(".site-*"))
