"""The files of the site that are not pages: open data per edition, each plan's feed and
versions.json, the site feed, the list of search bundles, the JSON Schema of plan.json.
Feeds are rendered by the renderer given (a template, like every other output)."""

from __future__ import annotations

from generator.model import fiscal
from generator.model.plan import Plan, PlanContent, Site, Version
from generator.pages import opendata, urls
from generator.pages.editions import Edition
from generator.pages.kinds import EditionKind, PageKind
from generator.pages.page import Page

DEFAULT_LICENCE = "CC BY 4.0"


def plan_licence(edition: Edition, site: Site) -> str:
    return edition.content.licence or site.licence or DEFAULT_LICENCE


def edition_files(edition: Edition, site: Site) -> dict[str, bytes]:
    """The open-data files of one published edition (plan.json and CSVs), by file name."""
    return opendata.data_files(edition.plan.id, edition.content, edition.version, plan_licence(edition, site))


def figure_files(edition: Edition) -> dict[str, bytes]:
    """The images the edition's chapters show, at <edition>/figures/<name>."""
    return {urls.figure(edition.base, name): data for name, data in edition.content.figures.items()}


def page_files(pages: list[Page]) -> dict[str, bytes]:
    """The open data of each edition, already produced for its data page, by URL."""
    return {urls.data_file(page.context.edition.base, name): data
            for page in pages if page.kind is PageKind.DATA for name, data in page.context.data_files.items()}


def plan_files(plan: Plan, renderer, site_url: str) -> dict[str, bytes]:
    """A plan's Atom feed and versions.json (which 版 exist; frozen pages read it to say
    when a newer 版 has been published)."""
    if plan.latest is None:
        return {}
    content = plan.snapshots[plan.latest.id]
    feed = renderer.render_feed(title=f"{content.municipality} {content.title}", self_path=urls.plan_feed(plan.id),
                                home_path=urls.plan_base(plan.id), entries=feed_entries(plan, content),
                                site_url=site_url)
    return {urls.plan_feed(plan.id): feed.encode("utf-8"), urls.versions_json(plan.id): versions_json(plan)}


def versions_json(plan: Plan) -> bytes:
    def entry(version: Version) -> dict:
        return {"id": version.id, "name": version.name, "date": version.date,
                "url": urls.edition_base(plan.id, EditionKind.FROZEN, version.id)}
    data = {"plan": plan.id, "latest": entry(plan.latest), "versions": [entry(v) for v in plan.snapshot_versions]}
    return opendata.json_bytes(data)


def portal_files(site: Site, renderer, site_url: str, latest_parts: list[str] | None = None) -> dict[str, bytes]:
    """The JSON Schema of plan.json, the site-wide Atom feed, the list of search
    bundles: further parts of the latest 版's index (a large portal's is split so that
    indexing fits in memory) and the bundles of archived 版 (merged when the reader
    includes old 版), and the theme's CSS and JS under their content-hashed names."""
    site_entries = []
    for plan in site.plans:
        if plan.latest is not None:
            site_entries += feed_entries(plan, plan.snapshots[plan.latest.id])
    site_entries.sort(key=lambda e: (e["updated"], e["id"]), reverse=True)
    feed = renderer.render_feed(title=site.title, self_path=urls.SITE_FEED, home_path=urls.SITE_HOME,
                                entries=site_entries, site_url=site_url)
    archives = [{"plan": plan.id, "version": v.id, "bundle": urls.archive_bundle(plan.id, v.id)}
                for plan in site.plans for v in plan.snapshot_versions if v.id != plan.latest.id]
    return {urls.PLAN_JSON_SCHEMA: opendata.json_bytes(opendata.plan_json_schema()),
            urls.SITE_FEED: feed.encode("utf-8"),
            urls.SEARCH_BUNDLES: opendata.json_bytes({"latest": latest_parts or [], "archives": archives}),
            **renderer.assets.files()}


def static_files(site: Site, pages: list[Page], renderer, site_url: str) -> dict[str, bytes]:
    """Every generated non-page file of the whole site."""
    files = page_files(pages)
    for plan in site.plans:
        files.update(plan_files(plan, renderer, site_url))
    files.update(portal_files(site, renderer, site_url))
    return files


def feed_entries(plan: Plan, content: PlanContent) -> list[dict]:
    """One Atom entry per dated 版 (newest first), linking to its snapshot or document."""
    entries = []
    for version in reversed(plan.versions):
        if not version.date:
            continue
        day = fiscal.period_start(version.date)   # Atom needs a day; dc:date keeps the stated precision
        link = urls.edition_base(plan.id, EditionKind.FROZEN, version.id) if version.snapshot else \
            (version.document or urls.latest_page(plan.id, PageKind.REVISIONS))
        entries.append({"id": urls.revision_entry(plan.id, version.id), "plan_title": content.title,
                        "municipality": content.municipality, "version": version, "updated": f"{day}T00:00:00+09:00",
                        "link": link})
    return entries
