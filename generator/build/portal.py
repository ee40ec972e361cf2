"""The portal: the pages and files about the whole site (plan list, search page, feeds,
sitemap, the list of search indexes), added once every plan's pages are in place (also
when merging shard outputs). It needs only each plan's summary (summary.py), never its
content, and indexes nothing: every part's search index is in place with its plans."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from generator.build.batch import Batch
from generator.build.files import move_tree
from generator.build.request import BuildRequest, Timings
from generator.build.sitemap import write_sitemap
from generator.model.plan import Plan
from generator.pages import urls
from generator.pages.builder import portal_pages
from generator.pages.chrome import portal_chrome
from generator.pages.files import portal_files


@dataclass
class PortalJob:
    """The portal's pages and files to render into `out_dir`: a task of its own, so a pool
    renders it while the last plans' pages render (pool.py) rather than after them."""
    request: BuildRequest        # with the plans of the summaries
    latest_parts: list[str]
    out_dir: Path
    plan_parts: dict[str, int]   # each plan's search part

    def run(self) -> dict[str, float]:
        return render_portal(self.request, self.latest_parts, self.out_dir, self.plan_parts)


def portal_job(request: BuildRequest, summaries: list[tuple[Plan, int]]) -> PortalJob:
    request = replace(request, site=replace(request.site, plans=[plan for plan, _ in summaries]))
    further = [urls.latest_bundle_part(n) for n in sorted({n for _, n in summaries}) if n > 1]
    request.cache_dir.mkdir(parents=True, exist_ok=True)
    return PortalJob(request, further, Path(tempfile.mkdtemp(prefix="portal-", dir=request.cache_dir)),
                     {plan.id: n for plan, n in summaries})


def build_portal(request: BuildRequest, timings: Timings, summaries: list[tuple[Plan, int]],
                 rendered: PortalJob | None = None) -> None:
    """Render the portal pages from the plans' summaries (plan, search part) into
    `staging` (or take them from the job that `rendered` them already), then write the
    sitemap. Runs after every plan's pages are in `staging`."""
    job = rendered or portal_job(request, summaries)
    try:
        if rendered is None:
            timings.merge(job.run())
        started = time.perf_counter()
        timings.pages += sum(1 for _ in job.out_dir.rglob("index.html"))
        move_tree(job.out_dir, request.staging)
    finally:
        shutil.rmtree(job.out_dir, ignore_errors=True)
    write_sitemap(request.staging, job.request.site, request.site_url, request.renderer_factory())
    timings.add("copy", time.perf_counter() - started)


def render_portal(request: BuildRequest, latest_parts: list[str], out_dir: Path,
                  plan_parts: dict[str, int] | None = None) -> dict[str, float]:
    """The portal's pages and files (plan list, search, feeds) in the site's layout;
    `plan_parts`: each plan's search part."""
    phases: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    pages = portal_pages(request.site, plan_parts=plan_parts)
    renderer = request.renderer_factory()
    files = portal_files(request.site, renderer, request.site_url, latest_parts, plan_parts)
    phases["pages"] += time.perf_counter() - started
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    phases["render"] += request.writer_factory().write(Batch(pages, files, True, request.site.language,
                                                                        chrome=portal_chrome(request.site)), out_dir)
    phases["layout"] += time.perf_counter() - started - phases["render"]
    return dict(phases)
