"""A PageWriter without MkDocs (build/batch.py's interface): each page's content as the
renderer makes it, each file as given — what the build's own steps need to be tested alone."""

from __future__ import annotations

from pathlib import Path

from generator.build.batch import Batch
from generator.pages import urls
from generator.render.furigana import ruby_fragment
from generator.render.renderer import Renderer


class PlainWriter:
    def __init__(self) -> None:
        self.batches: list[Batch] = []

    def write(self, batch: Batch, out_dir: Path) -> float:
        self.batches.append(batch)
        renderer = Renderer()
        for page in batch.pages:
            path = out_dir / urls.page_file(page.url)
            path.parent.mkdir(parents=True, exist_ok=True)
            content = renderer.render(page)
            path.write_text(content, encoding="utf-8")
            if page.has_ruby:   # as the MkDocs plugin writes each page's ふりがな beside it
                (out_dir / urls.ruby_fragment(page.url)).write_bytes(ruby_fragment(content))
        for name, data in batch.files.items():
            (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (out_dir / name).write_bytes(data)
        if batch.after_write is not None:
            batch.after_write(out_dir)
        return 0.0
