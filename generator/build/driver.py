"""Build a site: the one pipeline behind `planpub build`, `planpub serve`, and a plain
`mkdocs build` or `mkdocs serve`. Knows nothing about MkDocs: pages are written by a
`PageWriter` (build/batch.py), which the MkDocs adapter provides.

    content ─► a window of parts of plans (load/parts.py): load + validate ─► units ─► cache hit? ─yes─► link ─┐
                                   └──no──► render in batches, index the parts (pool.py) ─► cache ────────┴─► staging
    a summary of every plan (summary.py) ─► portal.py ─► site/

- `build_site` fills a staging folder from units (cached, parallel, sharded, merged),
  holding a window of plans at a time and only a summary of the others.
- `whole_site` is the same pages and files as one batch, with the search index and the
  sitemap as its after-write step: what a plain `mkdocs build`/`serve` renders (and, with
  `preview`, the working copies) — no cache, one MkDocs run.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from generator.build.batch import Batch
from generator.build.cache import CACHE_FORMAT, cached, cached_files, prune, store, unit_key
from generator.build.files import link_files
from generator.build.plan_records import PlanRecord, PlanRecords
from generator.build.pool import PartIndex, Renderings, WindowWork
from generator.build.portal import PortalJob, build_portal, portal_job
from generator.build.request import BuildRequest, Timings
from generator.load.parts import ContentProblems, part_plans, plan_parts, shard_parts
from generator.build.search_index import close_shared_service, index_whole_site
from generator.build.sitemap import write_sitemap
from generator.build.summary import encode, round_trip, take_summaries, write_summaries
from generator.build.units import UnitRenderer, plan_units, site_settings
from generator.model.plan import Plan, Site
from generator.pages import urls
from generator.pages.builder import edition_pages, portal_pages
from generator.pages.chrome import portal_chrome
from generator.pages.editions import plan_editions
from generator.pages.files import figure_files, page_files, portal_files
from generator.pages.kinds import EditionKind
from generator.pages.changes import pair_diffs

WINDOW_PLANS = 16   # plans of a window (rendered together, batched together): bounds memory


def build_site(request: BuildRequest, timings: Timings, source=None) -> None:
    """Fill `request.staging` with the site (or the shard, or — merging — add the portal to
    the shard outputs already there). Raises ContentProblems when the content has any."""
    if request.merge:
        build_portal(request, timings, take_summaries(request.staging))
        return
    portal: dict = {} if request.shard is None else None
    try:
        summaries = build_plans(request, timings, source, portal)
    except BaseException:   # content problems, or a failed render: no portal either
        if portal and "job" in portal:
            shutil.rmtree(portal["job"].out_dir, ignore_errors=True)
        raise
    if request.shard is not None:
        write_summaries(request.staging, summaries)
        return
    if "job" in portal:   # rendered with the last window's pages
        build_portal(request, timings, [], rendered=portal["job"])
    else:
        build_portal(request, timings, [round_trip(summary) for summary in summaries])


def build_plans(request: BuildRequest, timings: Timings, source, portal: dict | None = None) -> list[dict]:
    """Load, check and render the parts of plans (the shard's), a window at a time; return
    every plan's summary for the portal. `source`: a validate.plan_source.PlanSource. A plan
    unchanged since the build that recorded it (plan_records.py) is not loaded at all.
    `portal`: when given, the portal is rendered with the last window (every summary is
    known once it is loaded) and its job left there as "job".

    With several jobs, the next window is loaded while the workers render the one before
    (pool.Renderings), so at most two windows are held at once. The first window is one
    part, so that rendering starts as soon as it is loaded."""
    numbers = shard_parts(len(source.parts), request.shard)
    per_window = max(1, WINDOW_PLANS // part_plans())
    windows = [numbers[:1]] + [numbers[start:start + per_window] for start in range(1, len(numbers), per_window)]
    windows = windows if numbers else []
    records = PlanRecords(request.cache_dir / "plans", request.fingerprint, repr(site_settings(source.result.site)))
    summaries: list[dict] = []
    used: dict[str, set[str]] = {"units": set(), "search": set()}
    renderings = Renderings(request.jobs, timings)
    pumped = [0.0]   # seconds of loading spent serving the workers (their phases count that)

    def between_plans() -> None:
        started = time.perf_counter()
        renderings.pump()
        pumped[0] += time.perf_counter() - started

    try:
        for place, window_numbers in enumerate(windows):
            renderings.keep_at_most(1)
            started, pumped[0] = time.perf_counter(), 0.0
            window = [_part(number, source, records, request, between_plans) for number in window_numbers]
            timings.add("load", time.perf_counter() - started - pumped[0])
            if source.failed:   # go on checking, render nothing more
                renderings.close()
                continue
            summaries += [summary for part in window for summary in part.summaries()]
            job = None
            if portal is not None and place == len(windows) - 1:
                job = portal["job"] = portal_job(request, [round_trip(summary) for summary in summaries])
            renderings.add(window_work(request, timings, source, window, records, used, job,
                                       last=place == len(windows) - 1))
            del window
        renderings.keep_at_most(0)
        started = time.perf_counter()
        source.finish()
        timings.add("load", time.perf_counter() - started)
    finally:
        renderings.close()
        close_shared_service()
    if source.failed:
        raise ContentProblems(source.result)
    if request.shard is None:   # a full build: forget what it did not use
        for name, keys in used.items():
            prune(request.cache_dir / name, keys)
    return summaries


@dataclass
class Part:
    """A part of plans in a build: those loaded, and those taken as recorded (unchanged)."""
    number: int
    plans: list[Plan]
    kept: list[PlanRecord]
    keys: dict[str, str]     # plan id → PlanRecords.key of its folder as loaded
    dirs: dict[str, Path]

    def summaries(self) -> list[dict]:
        made = [encode(plan, self.number) for plan in self.plans if plan.latest]
        return sorted(made + [{**r.summary, "search_part": self.number} for r in self.kept], key=lambda s: s["id"])


def _part(number: int, source, records: PlanRecords, request: BuildRequest, between=lambda: None) -> Part:
    """Load a part's changed plans; `between` runs after each (the workers' next tasks)."""
    dirs = source.parts[number - 1]
    keys = {d.name: records.key(d) for d in dirs}
    kept, plans = [], []
    for plan_dir in dirs:
        record = None if request.clean else records.get(plan_dir, keys[plan_dir.name], request.cache_dir / "units")
        if record:
            kept.append(record)
        else:
            plans += source.load([plan_dir])
            between()
    return Part(number, plans, kept, keys, {d.name: d for d in dirs})


def window_work(request: BuildRequest, timings: Timings, source, window: list[Part], records: PlanRecords,
                used: dict[str, set[str]], portal: PortalJob | None = None, last: bool = False) -> WindowWork:
    """A window's rendering: its missing units (and the `portal`, when given) and the
    indexes of its parts whose latest 版 changed. Each batch is linked into staging once
    rendered (`rendered`: while the workers go on, not all at the end); once the window is
    (`done`), so is the rest, each loaded plan is recorded and the cache keys used are added
    to `used`."""
    plans = [plan for part in window for plan in part.plans if plan.latest]
    request = replace(request, site=source.part_site(plans))
    units = [u for plan in plans for u in plan_units(plan)]
    memo: dict = {}
    keys = {unit.id: unit_key(unit, request.site, request.fingerprint, memo) for unit in units}
    cache, search_cache = request.cache_dir / "units", request.cache_dir / "search"
    search_cache.mkdir(parents=True, exist_ok=True)
    missing = [u for u in units if request.clean or not cached(cache, keys[u.id])]
    kept_keys = {key for part in window for record in part.kept for key in record.units.values()}
    timings.units_cached += len(units) - len(missing) + len(kept_keys)
    timings.units_rendered += len(missing)
    latest = {unit.plan.id: keys[unit.id] for unit in units if unit.edition.is_latest}
    latest.update({record.plan_id: record.latest_key for part in window for record in part.kept})
    indexes, index_keys = [], {}
    split = len(source.parts) > 1
    for part in window:
        latest_keys = [latest[plan_id] for plan_id in sorted(part.dirs) if plan_id in latest]
        index_keys[part.number] = index_key(part.number, latest_keys, request.fingerprint, split)
        if request.clean or not cached(search_cache, index_keys[part.number]):
            folder = Path(tempfile.mkdtemp(prefix="index-", dir=request.cache_dir))
            indexes.append(PartIndex(part.number, folder, [cache / key for key in latest_keys], split))
    timings.indexes_made += len(indexes)
    timings.indexes_cached += len(window) - len(indexes)
    records_due = [(part.dirs[plan.id], part.keys[plan.id], plan.id, encode(plan, part.number))
                   for part in window for plan in part.plans if plan.latest]

    linked: set[str] = set()

    def link(unit_keys) -> None:
        for key in sorted(set(unit_keys) - linked):
            files = cached_files(cache, key)
            link_files(cache / key, request.staging, files)
            timings.pages += sum(1 for name in files if name.rpartition("/")[2] == "index.html")
            linked.add(key)

    def rendered(batch: list) -> None:
        started = time.perf_counter()
        link(keys[unit.id] for unit in batch)
        timings.add("copy", time.perf_counter() - started)

    def done() -> None:
        started = time.perf_counter()
        try:
            for index in indexes:
                store(index.folder, search_cache, index_keys[index.number])
            link(set(keys.values()) | kept_keys)
            for key in index_keys.values():
                link_files(search_cache / key, request.staging, cached_files(search_cache, key))
        finally:
            for index in indexes:
                shutil.rmtree(index.folder, ignore_errors=True)
        for plan_dir, folder_key, plan_id, summary in records_due:
            plan_keys = {u.id: keys[u.id] for u in units if u.plan.id == plan_id}
            records.put(plan_dir, folder_key, PlanRecord(plan_id, plan_keys, latest[plan_id], summary))
        used["units"] |= set(keys.values()) | kept_keys
        used["search"] |= set(index_keys.values())
        timings.add("copy", time.perf_counter() - started)

    return WindowWork(missing, indexes, keys, request, portal, done, rendered, last)


def index_key(number: int, latest_keys: list[str], fingerprint: str, split: bool = False) -> str:
    """A part's search index depends on its number (its name, whether it is the primary),
    whether it is one of several (searched alone, search_index.py) and its plans' latest 版
    pages, which the units' keys stand for."""
    text = "\n".join([CACHE_FORMAT, fingerprint, "search-part", str(number), *(["split"] if split else []),
                       *latest_keys])
    return hashlib.sha256(text.encode()).hexdigest()


def whole_site(site: Site, renderer, site_url: str, preview: bool = False) -> Batch:
    """Every page and file of the site as one batch: the units' pages (as `build_site`
    renders them), the working copies when previewing, and the portal."""
    producer = UnitRenderer(site)
    pages, files, frozen_bases = [], {}, []
    for plan in site.plans:
        for unit in plan_units(plan):
            unit_pages = producer.pages(unit)
            pages += unit_pages
            files.update(producer.files(unit, unit_pages, renderer, site_url))
            if unit.bundle:
                frozen_bases.append(unit.edition.base)
        if preview:
            editions = plan_editions(plan, include_working=True)
            for edition in editions:
                if edition.kind is EditionKind.WORKING and not any(p.url == edition.base for p in pages):
                    working_pages = edition_pages(site, edition, editions, pair_diffs(plan, site))
                    pages += working_pages
                    files.update({**page_files(working_pages), **figure_files(edition)})
    parts = plan_parts([plan.id for plan in site.plans if plan.latest])
    numbers = {plan_id: number for number, plan_ids in enumerate(parts, start=1) for plan_id in plan_ids}
    pages = portal_pages(site, preview=preview, plan_parts=numbers) + pages
    files.update(portal_files(site, renderer, site_url, [urls.latest_bundle_part(n) for n in range(2, len(parts) + 1)],
                              numbers))

    def after_write(site_dir: Path) -> None:
        index_whole_site(site_dir, parts, frozen_bases)
        write_sitemap(site_dir, site, site_url, renderer)

    return Batch(pages, files, True, site.language, after_write, chrome=portal_chrome(site))
