"""Build a site from its units: reuse cached units, render the rest (in parallel if asked),
then add the portal. Knows nothing about MkDocs: pages are written by a `PageWriter`.

    units ──► cache hit? ──yes──► copy from the cache ─┐
        └───no──► render in batches (N processes) ──► cache ─┴─► staging ──► portal ──► site/

- **Cache:** a unit's output lives in <cache>/units/<key>/, where the key hashes the
  unit's content (`Unit.digest`) with a fingerprint of the code, templates and
  configuration; a changed template or setting therefore misses every key. The site
  gets hard links to the cached files (writing 200 MB twice costs more than rendering
  it); <key>.json records each file's size and mtime, so a file edited in place in
  site/ (and so in the cache) is noticed and its unit rendered again.
- **Parallel:** the latest 版 of every plan is rendered first; then the site-wide
  search bundle for them is built while the frozen 版 render, in the same pool.
- **Shards:** `shard=(k, n)` builds only the units of every nth plan; `merge=True`
  takes a folder holding the copied shard outputs and adds the portal.
- **Batches:** each batch of units is one writer run of at most about a thousand pages,
  so memory stays bounded however large the portal.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from generator.model import fiscal
from generator.model.plan import Site
from generator.pages.builder import portal_pages
from generator.pages.files import portal_files
from generator.pages.page import Page
from generator.build.search_index import (Bundle, close_shared_service, latest_bundles, pages_under, shared_service,
                           write_bundles)
from generator.build.units import Unit, UnitRenderer, plan_units, shard_plans

CACHE_FORMAT = "1"            # bump when the cache layout changes
BATCH_PAGES = 1000            # pages per writer run: bounds memory, amortises start-up
SITEMAP_LIMIT = 50_000        # URLs per sitemap file (sitemaps.org)


class PageWriter(Protocol):
    """Writes generated pages and files, wrapped in the site's layout, into a folder."""

    def write(self, pages: list[Page], files: dict[str, bytes], out_dir: Path, portal: bool) -> float:
        """Returns the seconds spent rendering page content (the rest is the layout)."""


@dataclass
class Timings:
    phases: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    units_rendered: int = 0
    units_cached: int = 0

    def add(self, phase: str, seconds: float) -> None:
        self.phases[phase] += seconds

    def merge(self, other: dict[str, float]) -> None:
        for phase, seconds in other.items():
            self.phases[phase] += seconds


@dataclass
class BuildRequest:
    site: Site
    staging: Path                 # the folder being built (later swapped into place)
    cache_dir: Path
    fingerprint: str              # code, templates and configuration
    writer_factory: Callable[[], PageWriter]
    site_url: str = ""
    jobs: int = 1
    shard: tuple[int, int] | None = None
    merge: bool = False           # only add the portal to the shard outputs in `staging`
    clean: bool = False           # ignore (and replace) cached units
    renderer_factory: Callable[[], object] | None = None  # Jinja renderer for feeds


def build_site(request: BuildRequest, timings: Timings) -> None:
    """Fill `request.staging` with the site (or the shard)."""
    units = [] if request.merge else [u for p in shard_plans(request.site, request.shard) for u in plan_units(p)]
    memo: dict = {}
    keys = {unit.id: unit_key(unit, request, memo) for unit in units}
    cache = request.cache_dir / "units"
    missing = [u for u in units if request.clean or not cached(cache, keys[u.id])]
    timings.units_cached = len(units) - len(missing)
    timings.units_rendered = len(missing)
    latest_root = portal_out = None
    if units and request.shard is None:  # the portal and its search index, made in the pool
        latest_root, portal_out = request.cache_dir / "latest-index", request.cache_dir / "portal-output"
        for folder in (latest_root, portal_out):
            shutil.rmtree(folder, ignore_errors=True)
        latest_root.mkdir(parents=True)
    try:
        render_units(missing, [cache / keys[u.id] for u in units if u.edition.is_latest], latest_root,
                     portal_out, keys, request, timings)
        started = time.perf_counter()
        for unit in units:
            link_files(cache / keys[unit.id], request.staging, cached_files(cache, keys[unit.id]))
        timings.add("copy", time.perf_counter() - started)
        if request.shard is None:
            build_portal(request, timings, latest_root, portal_out)
            if not request.merge:
                prune_cache(cache, set(keys.values()))
    finally:
        close_shared_service()


def cached(cache: Path, key: str) -> bool:
    """Whether the unit is in the cache, every file as it was written."""
    files = cached_files(cache, key)
    if files is None:
        return False
    for relative, (size, mtime) in files.items():
        try:
            stat = (cache / key / relative).stat()
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) != (size, mtime):
            return False
    return True


def cached_files(cache: Path, key: str) -> dict[str, list[int]] | None:
    try:
        return json.loads((cache / f"{key}.json").read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError):
        return None


def _store(source: Path, cache: Path, key: str) -> None:
    """Move a rendered unit into the cache and record its files."""
    destination = cache / key
    (cache / f"{key}.json").unlink(missing_ok=True)
    shutil.rmtree(destination, ignore_errors=True)  # --clean replaces an existing entry
    os.replace(source, destination)
    files = {}
    for directory, _, names in os.walk(destination):
        for name in names:
            path = Path(directory) / name
            stat = path.stat()
            files[path.relative_to(destination).as_posix()] = [stat.st_size, stat.st_mtime_ns]
    (cache / f"{key}.json").write_text(json.dumps({"files": files}, sort_keys=True), encoding="utf-8")


def unit_key(unit: Unit, request: BuildRequest, memo: dict) -> str:
    digest = unit.digest(request.site, memo)
    return hashlib.sha256(f"{CACHE_FORMAT}\n{request.fingerprint}\n{digest}".encode()).hexdigest()


# --- rendering units -------------------------------------------------------------------

_WORK: dict = {}   # what forked workers inherit: the request, the units and their keys


def render_units(units: list[Unit], latest_dirs: list[Path], latest_root: Path | None,
                 portal_out: Path | None, keys: dict[str, str], request: BuildRequest, timings: Timings) -> None:
    """Render the missing units in batches: the latest 版 first, then the frozen 版
    together with the parts of the site-wide search index of the latest 版 (read from
    the cache, where the first step put them) and the portal pages."""
    first = make_batches([u for u in units if u.edition.is_latest], request.jobs)
    then = make_batches([u for u in units if not u.edition.is_latest], request.jobs)
    _WORK.update(request=request, keys=keys, batches=first + then)
    tasks_first = [("batch", i) for i in range(len(first))]
    tasks_then = [("batch", len(first) + i) for i in range(len(then))]
    try:
        if request.jobs <= 1:
            for task in tasks_first:
                timings.merge(_run_task(task))
            for task in _index_tasks(latest_dirs, latest_root, portal_out) + tasks_then:
                timings.merge(_run_task(task))
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork: workers share the loaded content instead of loading it again
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=request.jobs, mp_context=context) as pool:
            for result in pool.map(_run_task, tasks_first):
                timings.merge(result)
            for result in pool.map(_run_task, _index_tasks(latest_dirs, latest_root, portal_out) + tasks_then):
                timings.merge(result)
    finally:
        _WORK.clear()


def _index_tasks(latest_dirs: list[Path], latest_root: Path | None, portal_out: Path | None) -> list[tuple]:
    """One task per part of the latest 版's search index (the longest tasks, so first),
    then the portal pages (which list those parts)."""
    if latest_root is None:
        return []
    pages = [page for unit_dir in latest_dirs for page in pages_under(unit_dir, ".", latest_only=True)]
    bundles = latest_bundles(latest_root, pages)
    parts = [f"{b.output.name}/" for b in bundles[1:]]
    return [("index", bundle) for bundle in bundles] + [("portal", (parts, portal_out))]


def _run_task(task: tuple) -> dict[str, float]:
    kind, argument = task
    if kind == "batch":
        return _render_batch(argument)
    if kind == "portal":
        parts, out_dir = argument
        return render_portal(_WORK["request"], parts, out_dir)
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
    feed_renderer = request.renderer_factory() if request.renderer_factory else None
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
        phases["render"] += writer.write(all_pages, all_files, rendered, portal=False)
        phases["layout"] += time.perf_counter() - started - phases["render"]

        started = time.perf_counter()
        finished, bundles = [], []
        for unit, pages, files in unit_outputs:
            target = work / keys[unit.id]
            for relative in [page_output(p) for p in pages] + list(files):
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
            _store(source, cache, destination.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return dict(phases)


def page_output(page: Page) -> str:
    """The file a directory-URL page is written to."""
    return page.url + "index.html"


# --- the portal --------------------------------------------------------------------------

def build_portal(request: BuildRequest, timings: Timings, latest_root: Path | None = None,
                 portal_out: Path | None = None) -> None:
    """Put the latest 版's search index and the portal pages into `staging` (making them
    now unless the pool already did), then write the sitemap. Runs after every plan's
    pages are in `staging` (also when merging shard outputs)."""
    staging = request.staging
    started = time.perf_counter()
    if latest_root is None or not latest_root.is_dir():
        latest_root = Path(tempfile.mkdtemp(prefix="latest-index-", dir=request.cache_dir))
        write_bundles(latest_bundles(latest_root, latest_pages(staging, request.site)),
                      service=shared_service(threads=request.jobs))
    parts = sorted((p.name for p in latest_root.iterdir()), key=lambda name: (len(name), name))
    for name in parts:
        shutil.rmtree(staging / name, ignore_errors=True)
        os.replace(latest_root / name, staging / name)
    shutil.rmtree(latest_root, ignore_errors=True)
    timings.add("search", time.perf_counter() - started)
    if portal_out is None or not portal_out.is_dir():
        portal_out = Path(tempfile.mkdtemp(prefix="portal-", dir=request.cache_dir))
        timings.merge(render_portal(request, [f"{name}/" for name in parts[1:]], portal_out))
    started = time.perf_counter()
    try:
        move_tree(portal_out, staging)
    finally:
        shutil.rmtree(portal_out, ignore_errors=True)
    write_sitemap(staging, request.site, request.site_url)
    timings.add("copy", time.perf_counter() - started)


def render_portal(request: BuildRequest, latest_parts: list[str], out_dir: Path) -> dict[str, float]:
    """The portal's pages and files (plan list, search, feeds) in the site's layout."""
    phases: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    pages = portal_pages(request.site)
    renderer = request.renderer_factory() if request.renderer_factory else None
    files = portal_files(request.site, renderer, request.site_url, latest_parts)
    phases["pages"] += time.perf_counter() - started
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    phases["render"] += request.writer_factory().write(pages, files, out_dir, portal=True)
    phases["layout"] += time.perf_counter() - started - phases["render"]
    return dict(phases)


def latest_pages(staging: Path, site: Site) -> list[tuple[str, Path]]:
    """Searchable pages at the plans' stable addresses (not their frozen 版 or diffs)."""
    return [page for plan in site.plans
            for page in pages_under(staging, plan.id, latest_only=True, skip=("v", "compare"))]


def write_sitemap(staging: Path, site: Site, site_url: str) -> None:
    """sitemap.xml of every current page: all pages but the frozen copies and diffs;
    a sitemap index over several files when there are more than SITEMAP_LIMIT."""
    skip = {f"{plan.id}/{sub}/" for plan in site.plans for sub in ("v", "compare")}
    base = site_url.rstrip("/") + "/" if site_url else ""
    urls = []
    for path in sorted(staging.rglob("index.html")):
        url = path.parent.relative_to(staging).as_posix() + "/"
        url = "" if url == "./" else url
        if not any(url.startswith(prefix) for prefix in skip):
            urls.append(base + url)
    lastmod = fiscal.build_date().isoformat()
    chunks = [urls[i:i + SITEMAP_LIMIT] for i in range(0, len(urls), SITEMAP_LIMIT)] or [[]]
    if len(chunks) == 1:
        _write_xml(staging / "sitemap.xml", _urlset(chunks[0], lastmod))
        return
    names = [f"sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
    for name, chunk in zip(names, chunks):
        _write_xml(staging / name, _urlset(chunk, lastmod))
    entries = "".join(f"<sitemap><loc>{base}{name}</loc><lastmod>{lastmod}</lastmod></sitemap>\n" for name in names)
    _write_xml(staging / "sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
               f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n')


def _urlset(urls: list[str], lastmod: str) -> str:
    from xml.sax.saxutils import escape

    body = "".join(f"<url><loc>{escape(u)}</loc><lastmod>{lastmod}</lastmod></url>\n" for u in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n')


def _write_xml(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    replace_file(path, data)
    if path.name == "sitemap.xml":
        replace_file(path.with_name("sitemap.xml.gz"), gzip.compress(data, mtime=0))


# --- files -------------------------------------------------------------------------------

def replace_file(path: Path, data: bytes) -> None:
    """Write a new file rather than into an existing one, which may be a hard link."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    path.write_bytes(data)


def move_tree(source: Path, target: Path) -> None:
    """Move every file of `source` into `target`, replacing (not writing into) files there."""
    for directory, _, names in os.walk(source):
        relative = Path(directory).relative_to(source)
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            os.replace(Path(directory) / name, target / relative / name)


def link_files(source: Path, target: Path, files) -> None:
    """Hard-link the listed files of `source` into `target` (copy across file systems)."""
    made = set()
    for relative in sorted(files):
        destination = target / relative
        if destination.parent not in made:
            destination.parent.mkdir(parents=True, exist_ok=True)
            made.add(destination.parent)
        try:
            os.link(source / relative, destination)
        except OSError:
            shutil.copyfile(source / relative, destination)


def link_tree(source: Path, target: Path) -> None:
    """A copy of `source` at `target` made of hard links where possible (fast, no space);
    everything that later changes in `target` is replaced, never written into."""
    link_files(source, target, [p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file()])


def prune_cache(cache: Path, keep: set[str]) -> None:
    """Forget cached units this full build did not use (older templates, removed 版)."""
    if cache.is_dir():
        for entry in cache.iterdir():
            if entry.name.removesuffix(".json") not in keep:
                shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink()
