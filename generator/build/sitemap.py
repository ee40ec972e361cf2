"""sitemap.xml of every current page (rendered from theme/planpub/feeds/, like the feeds):
all pages but the frozen copies and the diffs; a sitemap index over several files when
there are more than SITEMAP_LIMIT.

A plan's pages say when they last changed as the resolved 版 knows it (model/resolved/): the
time its latest 版 was released, else that 版's date as precise as the document states it
(W3C dates may be a year or a month); a page about no plan (or a plan whose latest 版 gives
neither) has no <lastmod>, never a date nobody stated."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from generator.build.files import replace_file
from generator.model import fiscal
from generator.model.plan import Site
from generator.model.resolved import resolve_version
from generator.pages import urls

SITEMAP_LIMIT = 50_000        # URLs per sitemap file (sitemaps.org)


def plan_changed(site: Site) -> dict[str, str | None]:
    """Plan base address → when its pages last changed (see the module docstring)."""
    changed = {}
    for plan in site.plans:
        if plan.latest is not None:
            version = resolve_version(plan.latest, site, plan.snapshots[plan.latest.id])
            changed[urls.plan_base(plan.id)] = version.released or version.date
    return changed


def current_urls(site_dir: Path, site: Site, site_url: str) -> list[tuple[str, str | None]]:
    """(address, lastmod or None) of every current page."""
    skip = {urls.plan_base(plan.id) + sub + "/" for plan in site.plans for sub in (urls.VERSIONS, urls.COMPARE)}
    changed = plan_changed(site)
    base = site_url.rstrip("/") + "/" if site_url else ""
    pages = []   # the folders of a plan's frozen 版 and diffs (most of a portal's files) are not walked
    for directory, folders, names in os.walk(site_dir):
        relative = Path(directory).relative_to(site_dir).as_posix()
        prefix = "" if relative == "." else relative + "/"
        folders[:] = [name for name in folders if prefix + name + "/" not in skip]
        if "index.html" in names:
            pages.append(prefix)
    found = []
    for url in sorted(pages, key=lambda url: url.split("/")[:-1] + ["index.html"]):   # as sorted paths
        url = url or urls.SITE_HOME
        found.append((base + url, changed.get(url.split("/", 1)[0] + "/") if "/" in url else None))
    return found


def write_sitemap(site_dir: Path, site: Site, site_url: str, renderer) -> None:
    found = current_urls(site_dir, site, site_url)
    written = fiscal.build_date().isoformat()   # the sitemap files themselves are written now
    chunks = [found[i:i + SITEMAP_LIMIT] for i in range(0, len(found), SITEMAP_LIMIT)] or [[]]
    if len(chunks) == 1:
        _write(site_dir / urls.SITEMAP, renderer.render_sitemap(chunks[0]))
        return
    base = site_url.rstrip("/") + "/" if site_url else ""
    names = [f"sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
    for name, chunk in zip(names, chunks):
        _write(site_dir / name, renderer.render_sitemap(chunk))
    _write(site_dir / urls.SITEMAP, renderer.render_sitemap([(base + name, written) for name in names], index=True))


def _write(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    replace_file(path, data)
    if path.name == urls.SITEMAP:
        replace_file(path.with_name(urls.SITEMAP + ".gz"), gzip.compress(data, mtime=0))
