"""Compiled Jinja templates kept for the life of the process.

A build makes several Jinja environments: one MkDocs run per batch of pages (MkDocs makes
a new environment each time, so mkdocs-material's templates would be compiled again for
every batch) and a renderer for feeds per batch. With one of these caches an environment
compiles a template once per process and later environments load the compiled code.
Jinja checks each entry against the template's source, so an edited or overridden
template is compiled afresh. One cache per kind of environment: compiled code depends on
the environment's settings (trim_blocks, …), which the key does not include. A build worker
hands what it compiled to the build's process (`taken`, `add`), so the workers forked from
it later do not compile the same templates again.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}
        self._new: set[str] = set()   # compiled since the last `taken`

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._compiled.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)   # ignored by Jinja if the source has changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()
        self._new.add(bucket.key)

    def clear(self) -> None:
        self._compiled.clear()
        self._new.clear()

    def taken(self) -> dict[str, bytes]:
        """What was compiled since the last call (a worker hands it to the build's process)."""
        new = {key: self._compiled[key] for key in self._new}
        self._new.clear()
        return new

    def add(self, entries: dict[str, bytes]) -> None:
        """Compiled code from another process (checked against the source when loaded)."""
        self._compiled.update(entries)


PAGE_TEMPLATES = MemoryBytecodeCache()     # render.renderer.Renderer's environments
LAYOUT_TEMPLATES = MemoryBytecodeCache()   # MkDocs' environments (the adapter sets it)


def taken() -> tuple[dict[str, bytes], dict[str, bytes]]:
    """What this process compiled since the last call, for `add` in another: a worker's
    templates, so that workers forked later from the build's process start with them."""
    return PAGE_TEMPLATES.taken(), LAYOUT_TEMPLATES.taken()


def add(entries: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    PAGE_TEMPLATES.add(entries[0])
    LAYOUT_TEMPLATES.add(entries[1])
