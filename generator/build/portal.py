"""The portal: the pages and files about the whole site (plan list, search page, feeds,
sitemap, the search index of the latest 版), added once every plan's pages are in place
(also when merging shard outputs)."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from generator.build.batch import Batch
from generator.build.files import move, move_tree
from generator.build.request import BuildRequest, Timings
from generator.build.search_index import latest_bundles, pages_under, shared_service, write_bundles
from generator.build.sitemap import write_sitemap
from generator.model.plan import Site
from generator.pages import urls
from generator.pages.builder import portal_pages
from generator.pages.chrome import portal_chrome
from generator.pages.files import portal_files


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
        move(latest_root / name, staging / name)
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
    write_sitemap(staging, request.site, request.site_url, request.renderer_factory())
    timings.add("copy", time.perf_counter() - started)


def render_portal(request: BuildRequest, latest_parts: list[str], out_dir: Path) -> dict[str, float]:
    """The portal's pages and files (plan list, search, feeds) in the site's layout."""
    phases: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    pages = portal_pages(request.site)
    renderer = request.renderer_factory()
    files = portal_files(request.site, renderer, request.site_url, latest_parts)
    phases["pages"] += time.perf_counter() - started
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    phases["render"] += request.writer_factory().write(Batch(pages, files, True, request.site.language,
                                                                        chrome=portal_chrome(request.site)), out_dir)
    phases["layout"] += time.perf_counter() - started - phases["render"]
    return dict(phases)


def latest_pages(staging: Path, site: Site) -> list[tuple[str, Path]]:
    """Searchable pages at the plans' stable addresses (not their frozen 版 or diffs)."""
    return [page for plan in site.plans
            for page in pages_under(staging, plan.id, latest_only=True, skip=(urls.VERSIONS, urls.COMPARE))]
