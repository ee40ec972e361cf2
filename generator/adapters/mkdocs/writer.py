"""Writes a batch of pages in the site's layout with MkDocs and mkdocs-material (the
`PageWriter` that generator.build uses)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.adapters.mkdocs import batches
from generator.build.batch import Batch


class BuildFailure(Exception):
    """MkDocs could not lay the pages out; the message says why."""


class MkDocsWriter:
    def __init__(self, config_file: Path):
        self.config_file = config_file

    def write(self, batch: Batch, out_dir: Path) -> float:
        try:
            config = load_config(config_file=str(self.config_file))
            config.site_dir = str(out_dir)
            with batches.use(batch):
                build(config)
        except MkDocsException as exc:
            raise BuildFailure(str(exc)) from None
        return batch.render_seconds
