"""The files of the site that are not pages: open data per edition, each plan's feed and
versions.json, the site feed, the list of search bundles, the JSON Schema of plan.json.
Feeds are rendered by the renderer given (a template, like every other output); like the
pages, they show the resolved 版 (model/resolved/): names with their stage, dates as stated."""

from __future__ import annotations

import json

from generator.i18n import msg
from generator.model import fiscal
from generator.model.plan import Plan, Site
from generator.model.resolved import ResolvedEdition, ResolvedVersion, SiteInfo, resolve_site, resolve_versions
from generator.pages import datapackage, opendata, urls
from generator.pages.editions import Edition
from generator.pages.kinds import EditionKind, PageKind
from generator.pages.page import Page

DEFAULT_LICENCE = "CC BY 4.0"


def site_info(site: Site, with_plans: bool = False) -> SiteInfo:
    """The site's settings (and, for portal pages, its plans) as pages show them; resolved once
    per site object (a build's pages share it)."""
    key = "_planpub_info_plans" if with_plans else "_planpub_info"
    info = site.__dict__.get(key)
    if info is None:
        info = resolve_site(site)
        if not with_plans:
            info = SiteInfo(info.title, info.language, info.current_fy, info.description, info.publisher, info.licence)
        site.__dict__[key] = info
    return info


def plan_licence(content: ResolvedEdition, site: Site | SiteInfo) -> str:
    return content.licence or site.licence or DEFAULT_LICENCE


def edition_files(content: ResolvedEdition, site: Site,
                  tables: list[opendata.Table] | None = None) -> dict[str, bytes]:
    """The open-data files of one published edition (plan.json, the CSVs and datapackage.json
    describing them), by file name: what its pages show (at the stable address, with the
    details carried from earlier 版)."""
    tables = opendata.tables(content) if tables is None else tables
    licence = plan_licence(content, site)
    files = opendata.data_files(content, licence, tables)
    return {**files, datapackage.PACKAGE_FILE: opendata.json_bytes(datapackage.package(content, licence, tables, files))}


def figure_files(edition: Edition) -> dict[str, bytes]:
    """The images the edition's chapters show, at <edition>/figures/<name>."""
    return {urls.figure(edition.base, name): data for name, data in edition.content.figures.items()}


def page_files(pages: list[Page]) -> dict[str, bytes]:
    """The open data of each edition, already produced for its data page, by URL."""
    return {urls.data_file(page.context.edition.base, name): data
            for page in pages if page.kind is PageKind.DATA for name, data in page.context.data_files.items()}


def plan_files(plan: Plan, site: Site, renderer, site_url: str) -> dict[str, bytes]:
    """A plan's Atom feed and versions.json (which 版 exist; frozen pages read it to say
    when a newer 版 has been published)."""
    if plan.latest is None:
        return {}
    content = plan.snapshots[plan.latest.id]
    versions = resolve_versions(plan, site)
    feed = renderer.render_feed(title=f"{content.municipality} {content.title}", self_path=urls.plan_feed(plan.id),
                                home_path=urls.plan_base(plan.id), entries=feed_entries(plan, versions),
                                site_url=site_url, written=written_at())
    return {urls.plan_feed(plan.id): feed.encode("utf-8"), urls.versions_json(plan.id): versions_json(plan, versions)}


def versions_json(plan: Plan, versions: list[ResolvedVersion]) -> bytes:
    def entry(version: ResolvedVersion) -> dict:
        return {"id": version.id, "name": version.titled_name, "date": version.date,
                "url": urls.edition_base(plan.id, EditionKind.FROZEN, version.id)}
    frozen = [v for v in versions if v.snapshot]
    data = {"plan": plan.id, "latest": entry(frozen[-1]), "versions": [entry(v) for v in frozen]}
    return opendata.json_bytes(data)


def portal_files(site: Site, renderer, site_url: str, latest_parts: list[str] | None = None,
                 plan_parts: dict[str, int] | None = None) -> dict[str, bytes]:
    """The JSON Schema of plan.json, the site-wide Atom feed, the list of search
    bundles: further parts of the latest 版's index (a large portal's is split so that
    indexing fits in memory) and the bundles of archived 版 (merged when the reader
    includes old 版), and the theme's CSS and JS under their content-hashed names.

    When the index is in several parts (`plan_parts`: plan id → part number), the list
    also names each plan and its part: the plan list a query is matched against by
    default on the portal's home, and the part a plan's own search loads alone."""
    site_entries = []
    for plan in site.plans:
        if plan.latest is not None:
            site_entries += feed_entries(plan, resolve_versions(plan, site))
    site_entries.sort(key=lambda e: e["order"], reverse=True)
    feed = renderer.render_feed(title=site.title, self_path=urls.SITE_FEED, home_path=urls.SITE_HOME,
                                entries=site_entries, site_url=site_url, written=written_at())
    archives = [{"plan": plan.id, "version": v.id, "bundle": urls.archive_bundle(plan.id, v.id)}
                for plan in site.plans for v in plan.snapshot_versions if v.id != plan.latest.id]
    return {urls.PLAN_JSON_SCHEMA: opendata.json_bytes(opendata.plan_json_schema()),
            urls.DATA_CATALOGUE: opendata.json_bytes(data_catalogue(site)),
            urls.SITE_FEED: feed.encode("utf-8"),
            **search_lists(site, latest_parts, archives, plan_parts),
            **renderer.assets.files()}


def search_lists(site: Site, latest_parts: list[str] | None, archives: list[dict],
                 plan_parts: dict[str, int] | None) -> dict[str, bytes]:
    """The lists of search indexes the search page reads: search-bundles.json and, when
    the index is in several parts, a list per part (its plans' names and archived 版) and
    the names of all plans, so a plan's search reads lists of its own size, not the
    portal's (lists with several parts are written without spaces)."""
    parts = sorted(set((plan_parts or {}).values()))
    if len(parts) <= 1:
        return {urls.SEARCH_BUNDLES: opendata.json_bytes({"latest": latest_parts or [], "archives": archives})}
    plans = [plan for plan in site_info(site, with_plans=True).plans if plan.id in plan_parts]
    members = {n: [plan for plan in plans if plan_parts[plan.id] == n] for n in parts}
    files = {urls.SEARCH_BUNDLES: _compact({"latest": latest_parts or [], "archived": len(archives),
                                            "parts": [[plan.id for plan in members[n]] for n in parts]}),
             urls.search_plans(): _compact([{"id": plan.id, "name": plan.name} for plan in plans])}
    for n in parts:
        ids = {plan.id for plan in members[n]}
        files[urls.search_part(n)] = _compact({
            "bundle": urls.latest_bundle_part(n), "plans": [{"id": plan.id, "name": plan.name} for plan in members[n]],
            "archives": [entry for entry in archives if entry["plan"] in ids]})
    return files


def _compact(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def data_catalogue(site: Site) -> dict:
    """Every published edition's data package: each plan's stable address, then its frozen 版."""
    packages = []
    for plan in site.plans:
        if plan.latest is None:
            continue
        content = plan.snapshots[plan.latest.id]
        title = f"{content.municipality} {content.title}"
        packages.append((plan.id, title, urls.data_file(urls.plan_base(plan.id), datapackage.PACKAGE_FILE)))
        for version in resolve_versions(plan, site):
            if version.snapshot:
                base = urls.edition_base(plan.id, EditionKind.FROZEN, version.id)
                packages.append((datapackage.resource_name(f"{plan.id}-{version.id}").lower(),
                                 msg("opendata.package.title", plan=title, version=version.titled_name), urls.data_file(base, datapackage.PACKAGE_FILE)))
    return datapackage.catalogue(site.title, packages)


def static_files(site: Site, pages: list[Page], renderer, site_url: str) -> dict[str, bytes]:
    """Every generated non-page file of the whole site."""
    files = page_files(pages)
    for plan in site.plans:
        files.update(plan_files(plan, site, renderer, site_url))
    files.update(portal_files(site, renderer, site_url))
    return files


def written_at() -> str:
    """When a feed is written: its `updated` for an entry whose publishing time is not
    recorded and whose document does not state its day (nothing else is true of it)."""
    return fiscal.build_time().isoformat()


def feed_entries(plan: Plan, versions: list[ResolvedVersion]) -> list[dict]:
    """One Atom entry per dated or released 版 (newest first), linking to its snapshot or
    document. `updated` is the time `planpub release` published it, else the day its document
    states; otherwise the feed's writing time (`written`): never a day or month the records
    do not state. `dc:date` keeps the document's own date as precise as it is written."""
    content = plan.snapshots[plan.latest.id]
    entries = []
    for order, version in reversed(list(enumerate(versions))):
        if not version.date and not version.released:
            continue
        link = urls.edition_base(plan.id, EditionKind.FROZEN, version.id) if version.snapshot else \
            (version.document or urls.latest_page(plan.id, PageKind.REVISIONS))
        entries.append({"id": urls.revision_entry(plan.id, version.id), "plan_title": content.title,
                        "municipality": content.municipality, "version": version, "updated": version.instant,
                        "link": link, "order": (version.instant or version.date or "", order)})
    return entries
