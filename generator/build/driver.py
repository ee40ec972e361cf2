"""Build a site: the one pipeline behind `planpub build`, `planpub serve`, and a plain
`mkdocs build` or `mkdocs serve`. Knows nothing about MkDocs: pages are written by a
`PageWriter` (build/batch.py), which the MkDocs adapter provides.

    content ─► load + validate ─► units ──► cache hit? ──yes──► link from the cache ─┐
                                      └───no──► render in batches (pool.py) ──► cache ─┴─► staging
                                                                          ─► portal.py ─► site/

- `build_site` fills a staging folder from units (cached, parallel, sharded, merged).
- `whole_site` is the same pages and files as one batch, with the search index and the
  sitemap as its after-write step: what a plain `mkdocs build`/`serve` renders (and, with
  `preview`, the working copies) — no cache, one MkDocs run.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from generator.build.batch import Batch
from generator.build.cache import cached, cached_files, prune, unit_key
from generator.build.files import link_files
from generator.build.pool import render_units
from generator.build.portal import build_portal
from generator.build.request import BuildRequest, Timings
from generator.build.search_index import close_shared_service, index_whole_site
from generator.build.sitemap import write_sitemap
from generator.build.units import UnitRenderer, plan_units, shard_plans
from generator.model.plan import Site
from generator.pages import urls
from generator.pages.builder import edition_pages, portal_pages
from generator.pages.chrome import portal_chrome
from generator.pages.editions import plan_editions
from generator.pages.files import figure_files, page_files, portal_files
from generator.pages.kinds import EditionKind
from generator.pages.changes import pair_diffs


def build_site(request: BuildRequest, timings: Timings) -> None:
    """Fill `request.staging` with the site (or the shard)."""
    units = [] if request.merge else [u for p in shard_plans(request.site, request.shard) for u in plan_units(p)]
    memo: dict = {}
    keys = {unit.id: unit_key(unit, request.site, request.fingerprint, memo) for unit in units}
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
                prune(cache, set(keys.values()))
    finally:
        close_shared_service()


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
                    working_pages = edition_pages(site, edition, editions, pair_diffs(plan))
                    pages += working_pages
                    files.update({**page_files(working_pages), **figure_files(edition)})
    pages = portal_pages(site, preview=preview) + pages
    files.update(portal_files(site, renderer, site_url))

    def after_write(site_dir: Path) -> None:
        parts = index_whole_site(site_dir, frozen_bases)
        if parts:  # a large site: list the latest bundle's further parts
            data = portal_files(site, renderer, site_url, parts)[urls.SEARCH_BUNDLES]
            (site_dir / urls.SEARCH_BUNDLES).write_bytes(data)
        write_sitemap(site_dir, site, site_url, renderer)

    return Batch(pages, files, True, site.language, after_write, chrome=portal_chrome(site))
