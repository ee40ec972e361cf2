"""Rendering build units in batches, in one process or in forked workers (workers.py).

The latest 版 of a window's plans are rendered first; the search index of each of its
parts whose latest 版 changed is built as soon as the part's latest 版 are rendered, while
the other batches render. Workers go on to the next window, loaded meanwhile, as soon as
they are free (`Renderings`). While the build's process loads, it answers its workers only
between plans, so each worker has a batch queued behind the one it runs; and it keeps a core
busy, so a second worker is forked once the first has handed back what it compiled and
worked out (render/compiled.py, render/memo.py), not cold beside it.
Each batch of units is one writer run of at most about a thousand pages, so memory stays
bounded however large the portal; the build's last batches taper down to single units, so
the workers finish together.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from generator.build.batch import Batch
from generator.build.cache import store
from generator.build.portal import PortalJob
from generator.build.request import BuildRequest, Timings
from generator.build.search_index import (Bundle, close_shared_service, pages_under, part_bundle, shared_service,
                                          write_bundles)
from generator.build.units import Unit, UnitRenderer
from generator.build.workers import Workers
from generator.pages import urls
from generator.render import compiled, memo
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


@dataclass
class WindowWork:
    """A window's rendering: its missing units, the indexes of its parts whose latest 版
    changed, and the `portal` when it is the last. In the build's process, `rendered` runs
    for each batch once it is rendered, and `done` once all of it is (driver.py: link into
    staging as the batches come, then store the indexes, link the rest, record)."""
    units: list[Unit]
    indexes: list[PartIndex]
    keys: dict[str, str]
    request: BuildRequest
    portal: PortalJob | None = None
    done: Callable[[], None] = lambda: None
    rendered: Callable[[list[Unit]], None] = lambda units: None
    last: bool = False            # the build's last window


_WORK: dict[int, dict] = {}   # per window: what forked workers inherit (its request, batches, portal)


class Renderings:
    """The windows being rendered. With one job, a window is rendered when it is added.
    With more, its tasks go to forked workers (workers.py) while the build goes on loading
    the next window (`pump` between plans), and a free worker takes the oldest window's
    next task, so no worker waits for the others to finish their window."""

    def __init__(self, jobs: int, timings: Timings):
        self.jobs, self.timings = jobs, timings
        self.windows: dict[int, tuple[WindowWork, _Schedule]] = {}
        # a worker's search indexer ends with it (and its time counts as the build's)
        self.workers = Workers(jobs, _run_task, close_shared_service)
        self.counter = 0
        self.loading = True    # the build's process loads windows (a core's work) between pumps
        self.handed = False    # a worker has handed back what it compiled and worked out

    def add(self, work: WindowWork) -> None:
        self.counter += 1
        number = self.counter
        self.loading = self.loading and not work.last
        first = make_batches([u for u in work.units if u.edition.is_latest], self.jobs)
        then = make_batches([u for u in work.units if not u.edition.is_latest], self.jobs,
                            tapered=work.last and self.jobs > 1)
        _WORK[number] = dict(request=work.request, keys=work.keys, batches=first + then, portal=work.portal)
        extra = [("portal", 0)] if work.portal is not None else []
        if self.jobs <= 1:
            def run(tasks: list[tuple]) -> None:
                for task in tasks:
                    self.timings.merge(_task_phases(number, task))   # in this process: nothing to hand back
                    self._rendered(number, work, task)
            run([("batch", batch) for batch in range(len(first))])
            # the indexes read the latest 版 just rendered
            run(_index_tasks(work.indexes) + [("batch", len(first) + i) for i in range(len(then))] + extra)
            self._finish(number, work)
            return
        self.windows[number] = (work, _Schedule(first, then, work.indexes, work.keys,
                                                work.request.cache_dir / "units", extra))
        self.pump()

    def pump(self, block: bool = False) -> None:
        """Take the finished tasks' results (with `block`, wait for one), give free workers
        tasks, and finish the windows that are done."""
        if self.workers.busy:
            for worker, finished, (phases, templates, texts) in self.workers.finished(block):
                self.handed = True
                self.timings.merge(phases)
                compiled.add(templates)   # for the workers forked from here on
                memo.add(texts)
                work, schedule = self.windows[worker.window]
                schedule.done(finished)
                self._top_up(worker, schedule)   # first, so that the worker goes on while this links
                if not worker.tasks:
                    self.workers.stop(worker)
                self._rendered(worker.window, work, finished)
        for number, (work, schedule) in list(self.windows.items()):
            while self._may_fork() and (task := schedule.next()) is not None:
                self._top_up(self.workers.start(number, task), schedule)
            if schedule.exhausted and not any(w.window == number for w in self.workers.busy):
                del self.windows[number]
                self._finish(number, work)

    def _top_up(self, worker, schedule: _Schedule) -> None:
        """Give the worker its next task; while the build's process loads, which answers
        only between plans, also a batch to run after it, so the worker need not wait."""
        while len(worker.tasks) < (2 if self.loading else 1):
            task = schedule.next(queued=bool(worker.tasks))
            if task is None:
                return
            self.workers.give(worker, task)

    def _may_fork(self) -> bool:
        """Whether to fork a worker now: one is free, and it would not start cold beside
        another that started cold while the build's process loads (that process keeps a core
        busy meanwhile, and the second worker starts with what the first hands back: its
        templates and texts, worked out once rather than twice)."""
        return self.workers.free > 0 and (self.handed or not self.loading or not self.workers.busy)

    def keep_at_most(self, windows: int) -> None:
        """Wait until no more than this many windows are being rendered (loading nothing
        meanwhile, so the build's process leaves its core to the workers)."""
        if len(self.windows) <= windows:
            return
        loading, self.loading = self.loading, False
        try:
            self.pump()   # the workers that waited for the loading to end
            while len(self.windows) > windows:
                self.pump(block=True)
        finally:
            self.loading = loading

    def close(self) -> None:
        """End the workers (when the build stopped early, in the middle of their tasks) and
        remove what the unfinished windows' indexes left."""
        self.workers.close()
        for work, _ in self.windows.values():
            for index in work.indexes:
                shutil.rmtree(index.folder, ignore_errors=True)
        self.windows.clear()
        _WORK.clear()

    @staticmethod
    def _rendered(number: int, work: WindowWork, task: tuple) -> None:
        if task[0] == "batch":
            work.rendered(_WORK[number]["batches"][task[1]])

    def _finish(self, number: int, work: WindowWork) -> None:
        del _WORK[number]
        work.done()


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

    def next(self, queued: bool = False) -> tuple | None:
        """The next task; `queued`: one to wait behind another, never an index (a long
        message, and the longest tasks go to a worker that is free)."""
        for place, index in enumerate(self.indexes if not queued else []):
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

    @property
    def exhausted(self) -> bool:
        """Every task given out (an index waiting for a batch is not)."""
        return not (self.indexes or self.latest or self.extra or self.frozen)


def _index_tasks(indexes: list[PartIndex]) -> list[tuple]:
    """One task per part's index (its pages read from the units' cached folders)."""
    return [("index", part_bundle(index.folder, index.number,
                                  [page for unit_dir in index.latest_dirs
                                   for page in pages_under(unit_dir, ".", latest_only=True)], index.split))
            for index in indexes]


def _run_task(window: int, task: tuple) -> tuple[dict[str, float], tuple, dict]:
    """In a worker: a task's phases, the templates it compiled (compiled.taken) and the
    texts it worked out (memo.taken)."""
    return _task_phases(window, task), compiled.taken(), memo.taken()


def _task_phases(window: int, task: tuple) -> dict[str, float]:
    kind, argument = task
    if kind == "batch":
        return _render_batch(_WORK[window], argument)
    if kind == "portal":
        return _WORK[window]["portal"].run()
    started = time.perf_counter()
    write_bundles([argument], service=shared_service())
    return {"search": time.perf_counter() - started}


def make_batches(units: list[Unit], jobs: int, per_job: int = 3, tapered: bool = False) -> list[list[Unit]]:
    """Consecutive units (a plan's stay together: they share its diffs) of about
    BATCH_PAGES pages, smaller when that gives every process `per_job` batches.

    `tapered` (the build's last batches): each batch a share of what is left, down to a
    single unit, so that the workers' last batches are small and they finish at about the
    same time, with no more batches (each a writer run) than that needs."""
    total = sum(u.size for u in units)
    target = max(100, min(BATCH_PAGES, total // max(1, jobs * per_job)))
    batches, current, size, left = [], [], 0, total
    for unit in units:
        current.append(unit)
        size += unit.size
        if size >= (min(BATCH_PAGES, left // (2 * jobs)) if tapered else target):
            batches.append(current)
            current, size, left = [], 0, left - size
    if current:
        batches.append(current)
    # Largest first, so the last batch to finish is a small one.
    return sorted(batches, key=lambda b: -sum(u.size for u in b))


def _render_batch(work: dict, index: int) -> dict[str, float]:
    """Render one batch with one writer run, split the output per unit into the cache,
    and index each frozen 版's pages into its own search bundle."""
    request: BuildRequest = work["request"]
    keys, batch = work["keys"], work["batches"][index]
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
