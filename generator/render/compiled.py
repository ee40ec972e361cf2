"""Compiled Jinja templates kept for the life of the process.

A build makes several Jinja environments: one MkDocs run per batch of pages (MkDocs makes
a new environment each time, so mkdocs-material's templates would be compiled again for
every batch) and a renderer for feeds per batch. With one of these caches an environment
compiles a template once per process and later environments load the compiled code.
Jinja checks each entry against the template's source, so an edited or overridden
template is compiled afresh. One cache per kind of environment: compiled code depends on
the environment's settings (trim_blocks, …), which the key does not include.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._compiled.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)   # ignored by Jinja if the source has changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._compiled.clear()


PAGE_TEMPLATES = MemoryBytecodeCache()     # render.renderer.Renderer's environments
LAYOUT_TEMPLATES = MemoryBytecodeCache()   # MkDocs' environments (the adapter sets it)
