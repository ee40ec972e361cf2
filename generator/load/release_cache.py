"""Frozen 版 as loaded and checked by an earlier run, reused when nothing changed.

An entry is JSON: the parsed documents of the 版 (their data and the line of every value)
and its chapters' text; the model is built from them by the loader, as from the files.
Nothing in it is code (a pickle was: a cache restored from CI storage could run anything
at build time). An entry's first line holds its format, key and the sha256 of the rest,
so a corrupted, truncated or foreign entry — or one that does not decode exactly as
written — is a miss: the 版 is read from its files again and the entry replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from generator.load import datacodec
from generator.load.documents import LoadedContent
from generator.load.manifest import MANIFEST_NAME
from generator.load.yamlfile import YamlDocument

ENTRY_FORMAT = 2          # bump when the entry layout changes (1 was a pickle)
MAX_ENTRY_BYTES = 64 * 1024 * 1024


@dataclass
class CachedDocuments:
    """What loading a 版's files gave: its plan.yml, initiative files and chapter texts."""

    plan_doc: YamlDocument
    initiative_docs: dict[str, YamlDocument]
    chapters: dict[str, str]      # chapter file (chapters/x.md) → its text


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

    def get(self, key: str, release_dir: Path) -> CachedDocuments | None:
        if self.refresh:
            return None
        path = self.directory / f"{key}.json"
        try:
            if path.is_symlink() or path.stat().st_size > MAX_ENTRY_BYTES:
                return None
            header, _, body = path.read_bytes().partition(b"\n")
            if json.loads(header) != _header(key, body):
                return None
            entry = json.loads(body)
            return CachedDocuments(
                plan_doc=_document(entry["plan"], release_dir),
                initiative_docs={_text(iid): _document(doc, release_dir) for iid, doc in entry["initiatives"].items()},
                chapters={_text(name): _text(text) for name, text in entry["chapters"].items()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None   # a miss: read from the files and write the entry again

    def put(self, key: str, content: LoadedContent) -> None:
        docs = [content.plan_doc, *content.initiative_docs.values()]
        if any(list(datacodec.node_paths(doc.data)) != list(doc.lines) for doc in docs):
            return   # lines this entry could not give back exactly: not cached
        body = json.dumps({
            "plan": _entry(content.plan_doc, content.directory),
            "initiatives": {iid: _entry(doc, content.directory) for iid, doc in content.initiative_docs.items()},
            "chapters": {chapter.file: chapter.markdown for chapter in content.content.chapters},
        }, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.directory / f"{key}.json"
        scratch = target.with_name(f"{key}.{os.getpid()}.tmp")
        scratch.write_bytes(json.dumps(_header(key, body)).encode() + b"\n" + body)
        os.replace(scratch, target)


def _header(key: str, body: bytes) -> dict:
    return {"format": ENTRY_FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()}


def _entry(doc: YamlDocument, directory: Path) -> dict:
    return {"path": doc.path.relative_to(directory).as_posix(), "data": datacodec.encode(doc.data),
            "lines": list(doc.lines.values())}


def _document(entry: dict, directory: Path) -> YamlDocument:
    relative = Path(_text(entry["path"]))
    if relative.is_absolute() or ".." in relative.parts:
        raise ValueError("path outside the release folder")
    data = datacodec.decode(entry["data"])
    paths, lines = list(datacodec.node_paths(data)), entry["lines"]
    if len(paths) != len(lines) or not all(type(line) is int for line in lines):
        raise ValueError("lines")
    return YamlDocument(path=directory / relative, data=data, lines=dict(zip(paths, lines)))


def _text(value) -> str:
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value
