"""Rendering build units in batches, in one process or a pool of forked ones.

The latest 版 of a window's plans are rendered first; the search index of each of its
parts whose latest 版 changed is built as soon as the part's latest 版 are rendered, while
the other batches render, in the same pool.
Each batch of units is one writer run of at most about a thousand pages, so memory stays
bounded however large the portal.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from generator.build.batch import Batch
from generator.build.cache import store
from generator.build.portal import PortalJob
from generator.build.request import BuildRequest, Timings
from generator.build.search_index import Bundle, pages_under, part_bundle, shared_service, write_bundles
from generator.build.units import Unit, UnitRenderer
from generator.pages import urls
from generator.pages.page import Page

BATCH_PAGES = 1000            # pages per writer run: bounds memory, amortises start-up


@dataclass
class PartIndex:
    """A part's search index to make (load/parts.py): from the pages of its plans' latest
    版 (the units' cached folders, filled by the first step) into `folder`."""
    number: int
    folder: Path
    latest_dirs: list[Path]
    split: bool = False   # one of several parts (search_index.part_bundle)


_WORK: dict = {}   # what forked workers inherit: the request, the units and their keys


def render_units(units: list[Unit], indexes: list[PartIndex], keys: dict[str, str], request: BuildRequest,
                 timings: Timings, portal: PortalJob | None = None) -> None:
    """Render the missing units in batches: the latest 版 first, then the frozen 版
    together with the search indexes of the parts (read from the cache, where the first
    step put their latest 版), and the `portal` when given. With a pool, each part's index
    starts as soon as its plans' latest 版 are rendered, while the other batches go on
    (`_Schedule`)."""
    first = make_batches([u for u in units if u.edition.is_latest], request.jobs)
    then = make_batches([u for u in units if not u.edition.is_latest], request.jobs)
    _WORK.update(request=request, keys=keys, batches=first + then, portal=portal)
    extra = [("portal", 0)] if portal is not None else []
    try:
        if request.jobs <= 1 or len(first) + len(then) + len(indexes) + len(extra) <= 1:
            for number in range(len(first)):
                timings.merge(_run_task(("batch", number)))
            for task in _index_tasks(indexes) + [("batch", len(first) + i) for i in range(len(then))] + extra:
                timings.merge(_run_task(task))
            return
        import multiprocessing
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        schedule = _Schedule(first, then, indexes, keys, request.cache_dir / "units", extra)
        # fork: workers share the loaded content instead of loading it again
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=request.jobs, mp_context=context) as pool:
            running: dict = {}
            while True:
                # at most one task per worker queued, so each next task is chosen when a worker is free
                while len(running) < request.jobs and (task := schedule.next()) is not None:
                    running[pool.submit(_run_task, task)] = task
                if not running:
                    break
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    timings.merge(future.result())
                    schedule.done(running.pop(future))
    finally:
        _WORK.clear()


class _Schedule:
    """Which task a free worker takes next: the index of a part whose latest 版 are all
    rendered (the longest single tasks, started while rendering goes on rather than after
    it); else a batch of latest 版; else the `extra` tasks (the portal); else a batch of
    frozen 版."""

    def __init__(self, first: list[list[Unit]], then: list[list[Unit]], indexes: list[PartIndex],
                 keys: dict[str, str], cache: Path, extra: list[tuple] = ()):
        self.extra = list(extra)
        self.latest = list(range(len(first)))
        self.frozen = list(range(len(first), len(first) + len(then)))
        self.indexes = list(indexes)
        folders = [{cache / keys[u.id] for u in batch} for batch in first]
        # the latest 版 batches each index reads
        self.waits = [{b for b, made in enumerate(folders) if not made.isdisjoint(index.latest_dirs)}
                      for index in indexes]
        self.finished: set[int] = set()

    def next(self) -> tuple | None:
        for place, index in enumerate(self.indexes):
            if self.waits[place] <= self.finished:
                del self.indexes[place], self.waits[place]
                return _index_tasks([index])[0]
        if self.latest:
            return ("batch", self.latest.pop(0))
        if self.extra:
            return self.extra.pop(0)
        return ("batch", self.frozen.pop(0)) if self.frozen else None

    def done(self, task: tuple) -> None:
        if task[0] == "batch":
            self.finished.add(task[1])


def _index_tasks(indexes: list[PartIndex]) -> list[tuple]:
    """One task per part's index (its pages read from the units' cached folders)."""
    return [("index", part_bundle(index.folder, index.number,
                                  [page for unit_dir in index.latest_dirs
                                   for page in pages_under(unit_dir, ".", latest_only=True)], index.split))
            for index in indexes]


def _run_task(task: tuple) -> dict[str, float]:
    kind, argument = task
    if kind == "batch":
        return _render_batch(argument)
    if kind == "portal":
        return _WORK["portal"].run()
    started = time.perf_counter()
    write_bundles([argument], service=shared_service())
    return {"search": time.perf_counter() - started}


def make_batches(units: list[Unit], jobs: int) -> list[list[Unit]]:
    """Consecutive units (a plan's stay together: they share its diffs) of about
    BATCH_PAGES pages, smaller when that gives every process several batches."""
    total = sum(u.size for u in units)
    target = max(100, min(BATCH_PAGES, total // max(1, jobs * 3)))
    batches, current, size = [], [], 0
    for unit in units:
        current.append(unit)
        size += unit.size
        if size >= target:
            batches.append(current)
            current, size = [], 0
    if current:
        batches.append(current)
    # Largest first, so the last batch to finish is a small one.
    return sorted(batches, key=lambda b: -sum(u.size for u in b))


def _render_batch(index: int) -> dict[str, float]:
    """Render one batch with one writer run, split the output per unit into the cache,
    and index each frozen 版's pages into its own search bundle."""
    request: BuildRequest = _WORK["request"]
    keys, batch = _WORK["keys"], _WORK["batches"][index]
    phases: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    producer = UnitRenderer(request.site)
    feed_renderer = request.renderer_factory()
    unit_outputs: list[tuple[Unit, list[Page], dict[str, bytes]]] = []
    for unit in batch:
        pages = producer.pages(unit)
        unit_outputs.append((unit, pages, producer.files(unit, pages, feed_renderer, request.site_url)))
    phases["pages"] += time.perf_counter() - started

    cache = request.cache_dir / "units"
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="batch-", dir=cache.parent))
    try:
        started = time.perf_counter()
        writer = request.writer_factory()
        all_pages = [p for _, pages, _ in unit_outputs for p in pages]
        all_files = {k: v for _, _, files in unit_outputs for k, v in files.items()}
        rendered = work / "out"
        phases["render"] += writer.write(Batch(all_pages, all_files, False, request.site.language), rendered)
        phases["layout"] += time.perf_counter() - started - phases["render"]

        started = time.perf_counter()
        finished, bundles = [], []
        for unit, pages, files in unit_outputs:
            target = work / keys[unit.id]
            rubies = [urls.ruby_fragment(p.url) for p in pages if p.has_ruby]
            for relative in [page_output(p) for p in pages] + rubies + list(files):
                destination = target / relative
                destination.parent.mkdir(parents=True, exist_ok=True)
                os.replace(rendered / relative, destination)
            if unit.bundle:
                base = unit.edition.base
                bundles.append(Bundle(target / unit.bundle, pages_under(target, base)))
            finished.append((target, cache / keys[unit.id]))
        phases["copy"] += time.perf_counter() - started
        started = time.perf_counter()
        write_bundles(bundles, service=shared_service())
        phases["search"] += time.perf_counter() - started
        for source, destination in finished:
            store(source, cache, destination.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return dict(phases)


def page_output(page: Page) -> str:
    """The file a directory-URL page is written to."""
    return urls.page_file(page.url)
