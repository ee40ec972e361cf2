"""The cache of rendered build units: <cache>/units/<key>/ holds a unit's output and
<key>.json each file's size and mtime, so a file edited in place (in site/, which hard-
links to the cache) is noticed and its unit rendered again.

A key hashes the unit's content (`Unit.digest`) with a fingerprint of the code,
templates and configuration, so a changed template or setting misses every key."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from generator.build.units import Unit

CACHE_FORMAT = "1"            # bump when the cache layout changes


def unit_key(unit: Unit, site, fingerprint: str, memo: dict) -> str:
    digest = unit.digest(site, memo)
    return hashlib.sha256(f"{CACHE_FORMAT}\n{fingerprint}\n{digest}".encode()).hexdigest()


def cached(cache: Path, key: str) -> bool:
    """Whether the unit is in the cache, every file as it was written."""
    files = cached_files(cache, key)
    if files is None:
        return False
    folder = f"{cache}/{key}/"   # strings: a portal checks every cached file on each build
    for relative, (size, mtime) in files.items():
        try:
            stat = os.stat(folder + relative)
        except OSError:
            return False
        if stat.st_size != size or stat.st_mtime_ns != mtime:
            return False
    return True


def cached_files(cache: Path, key: str) -> dict[str, list[int]] | None:
    try:
        return json.loads((cache / f"{key}.json").read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(source: Path, cache: Path, key: str) -> None:
    """Move a rendered unit into the cache and record its files."""
    destination = cache / key
    (cache / f"{key}.json").unlink(missing_ok=True)
    shutil.rmtree(destination, ignore_errors=True)  # --clean replaces an existing entry
    os.replace(source, destination)
    files = {}
    for directory, _, names in os.walk(destination):
        for name in names:
            path = Path(directory) / name
            stat = path.stat()
            files[path.relative_to(destination).as_posix()] = [stat.st_size, stat.st_mtime_ns]
    (cache / f"{key}.json").write_text(json.dumps({"files": files}, sort_keys=True), encoding="utf-8")


def prune(cache: Path, keep: set[str]) -> None:
    """Forget cached units a full build did not use (older templates, removed 版)."""
    if cache.is_dir():
        for entry in cache.iterdir():
            if entry.name.removesuffix(".json") not in keep:
                shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink()
