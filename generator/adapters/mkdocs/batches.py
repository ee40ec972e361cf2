"""How the plugin gets its pages: the documented interface between a writer and the plugin.

`MkDocsWriter.write` runs one MkDocs build inside `use(batch)`; the plugin's `on_config`
takes `current()`. When no batch is set (a plain `mkdocs build` or `mkdocs serve`), the
plugin asks the build driver for the whole site as one batch (build.driver.whole_site).
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from generator.build.batch import Batch

_current: ContextVar[Batch | None] = ContextVar("planpub_batch", default=None)


@contextmanager
def use(batch: Batch) -> Iterator[Batch]:
    token = _current.set(batch)
    try:
        yield batch
    finally:
        _current.reset(token)


def current() -> Batch | None:
    return _current.get()
