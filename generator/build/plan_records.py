"""What the last build made of each plan, so that the next one need not load a plan that
did not change: <cache>/plans/<plan>.json holds a hash of the plan's folder (every file's
path and bytes) with the code, the configuration and site.yml, the cache keys of the
plan's units and the plan's summary for the portal.

A plan whose hash matches and whose units are all in the cache was loaded, checked and
rendered from exactly these files before: the build links its units and uses its summary
without loading it. Publishing one 版 of one plan thus loads, checks and renders that plan
only — work in proportion to what changed, not to the size of the portal. Data only (JSON
the build wrote); anything unexpected in a record makes the plan load as usual.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from generator.build.cache import CACHE_FORMAT, cached


@dataclass
class PlanRecord:
    plan_id: str
    units: dict[str, str]      # unit id → cache key
    latest_key: str            # the key of the plan's latest 版 unit (for its part's index)
    summary: dict              # summary.encode(plan, part)


def folder_files(plan_dir: Path) -> list[tuple[str, Path]]:
    """Every regular file below the plan's folder, (path relative to it, path), sorted;
    links are refused by the load of the whole content tree before this is read."""
    found = []
    for directory, folders, names in sorted(os.walk(plan_dir, followlinks=False)):
        folders.sort()
        for name in sorted(names):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                found.append((path.relative_to(plan_dir).as_posix(), path))
    return found


def folder_digest(plan_dir: Path, files: list[tuple[str, Path]] | None = None) -> str:
    """A hash of every regular file below the plan's folder (path and bytes)."""
    digest = hashlib.sha256()
    for relative, path in folder_files(plan_dir) if files is None else files:
        digest.update(relative.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def stat_signature(files: list[tuple[str, Path]]) -> str:
    """A hash of every file's path, size, inode and modification and change times: equal
    only when no file was added, removed, replaced or written since (a write sets the
    change time, which no tool can set back)."""
    digest = hashlib.sha256()
    for relative, path in files:
        stat = path.stat()
        digest.update(f"{relative}\0{stat.st_size} {stat.st_ino} {stat.st_mtime_ns} {stat.st_ctime_ns}\n".encode())
    return digest.hexdigest()


class PlanRecords:
    def __init__(self, folder: Path, fingerprint: str, site_settings: str):
        self.folder = folder
        self.base = f"{CACHE_FORMAT}\n{fingerprint}\n{site_settings}\n"
        self.signatures: dict[str, str] = {}   # plan id → stat_signature of its folder as hashed
        self._read: dict[str, dict] = {}       # plan id → its stored record, read once per build

    def _stored(self, plan_id: str) -> dict:
        if plan_id not in self._read:
            try:
                data = json.loads((self.folder / f"{plan_id}.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            self._read[plan_id] = data if isinstance(data, dict) else {}
        return self._read[plan_id]

    def key(self, plan_dir: Path) -> str:
        """The plan's key: of its folder's bytes, read only when a file changed since the
        last build recorded it (the folders of a large portal are megabytes; their
        files' sizes and times are a directory listing)."""
        files = folder_files(plan_dir)
        signature = stat_signature(files)
        self.signatures[plan_dir.name] = signature
        data = self._stored(plan_dir.name)
        if data.get("signature") == signature and data.get("base") == self.base and isinstance(data.get("key"), str):
            return data["key"]
        return hashlib.sha256((self.base + folder_digest(plan_dir, files)).encode("utf-8")).hexdigest()

    def get(self, plan_dir: Path, key: str, units_cache: Path) -> PlanRecord | None:
        """The record of the plan if its folder still has key `key` (PlanRecords.key, taken
        before it is loaded) and its units are all in the cache, else None."""
        data = self._stored(plan_dir.name)
        self._read.pop(plan_dir.name, None)   # read once: `key` and then `get`
        try:
            if data.get("key") != key:
                return None
            record = PlanRecord(plan_dir.name, dict(data["units"]), str(data["latest_key"]), dict(data["summary"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if record.summary.get("id") != record.plan_id or record.latest_key not in record.units.values():
            return None
        if not all(isinstance(key, str) and cached(units_cache, key) for key in record.units.values()):
            return None
        return record

    def put(self, plan_dir: Path, key: str, record: PlanRecord) -> None:
        """Record what was made of the plan as loaded when its folder had key `key`."""
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"key": key, "units": record.units, "latest_key": record.latest_key,
                "summary": record.summary, "base": self.base}
        if plan_dir.name in self.signatures:
            data["signature"] = self.signatures[plan_dir.name]
        self._read.pop(plan_dir.name, None)
        scratch = self.folder / f".{plan_dir.name}.json.writing"
        scratch.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(scratch, self.folder / f"{plan_dir.name}.json")
