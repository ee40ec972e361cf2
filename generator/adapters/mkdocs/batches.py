"""How the plugin gets its pages: the documented interface between a writer and the plugin.

`MkDocsWriter.write` runs one MkDocs build inside `use(batch)`; the plugin's `on_config`
takes `current()`. When no batch is set (a plain `mkdocs build` or `mkdocs serve`), the
plugin asks the build driver for the whole site as one batch (build.driver.whole_site).
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
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


# `planpub serve --content DIR`: the content folder the plugin previews instead of the one
# its settings name (MkDocs' server builds in threads, so a plain module value, not a context).
content_override: Path | None = None
