"""Frozen 版 as loaded and checked by an earlier run, reused when nothing changed."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from generator.load.documents import LoadedContent
from generator.load.manifest import MANIFEST_NAME


class ReleaseCache:
    """Frozen 版 as loaded and checked before. The key covers the files (through the
    manifest, already compared with them), where they are (messages name paths) and this
    program, so an entry is only reused when loading again would give the same result."""

    def __init__(self, directory: Path, program: str, refresh: bool = False):
        """`program` identifies the code that loads (see build.fingerprint); `refresh`
        reads every 版 again and replaces what the cache holds."""
        self.directory, self.program, self.refresh = directory, program, refresh

    def key(self, release_dir: Path) -> str:
        digest = hashlib.sha256(self.program.encode())
        digest.update(str(release_dir.resolve()).encode() + b"\0")
        for name in (MANIFEST_NAME, "release.yml"):
            path = release_dir / name
            digest.update(path.read_bytes() if path.exists() else b"")
        return digest.hexdigest()

    def get(self, key: str) -> "LoadedContent | None":
        if self.refresh:
            return None
        try:
            return pickle.loads((self.directory / f"{key}.pickle").read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, content: "LoadedContent") -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.directory / f"{key}.pickle"
        scratch = target.with_name(f"{key}.{os.getpid()}.tmp")
        scratch.write_bytes(pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(scratch, target)
