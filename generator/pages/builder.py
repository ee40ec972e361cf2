"""Which pages the site has, at which URLs, with which data (no HTML here).

URLs are site-relative directory URLs without a leading slash ("gotsu/initiatives/bpr/"),
so the site works from a domain root or any sub-path. The latest 版 of each plan is
published twice: at /<plan>/… (the stable address citizens bookmark) and at
/<plan>/v/<version>/… like every other frozen 版.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any, Iterator

from generator.pages import opendata
from generator.pages.charts import bar_chart, kpi_chart
from generator.model.diff import PlanDiff, diff_contents, initiative_changed, inline_diff, omitted_between
from generator.i18n import msg
from generator.model.kpi import assess, summary as kpi_summary
from generator.model.fields import FieldSet
from generator.model.plan import Initiative, Plan, PlanContent, Site, Version

# Page kinds and their path below a plan edition's base URL.
KIND_PATHS = {
    "plan_home": "",
    "initiatives": "initiatives/",
    "departments": "departments/",
    "kpi": "kpi/",
    "revisions": "revisions/",
    "print": "print/",
    "data": "data/",
}


@dataclass
class Page:
    """One generated page: where it lives, which template renders it, and its data."""

    url: str                      # "gotsu/initiatives/bpr/"
    template: str                 # "planpub/pages/initiative.html"
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    canonical_url: str = ""       # where search engines should find it (default: its own URL)

    def __post_init__(self) -> None:
        self.canonical_url = self.canonical_url or self.url

    @property
    def src_uri(self) -> str:
        """The virtual Markdown path MkDocs knows the page by."""
        return (self.url + "index.md") if self.url.endswith("/") or not self.url else self.url + ".md"


@dataclass(frozen=True)
class Edition:
    """A plan as published at one base URL: the latest (unversioned) or a frozen 版."""

    plan: Plan
    version: Version
    content: PlanContent
    base: str                     # "gotsu/" or "gotsu/v/1.5/"
    is_latest: bool               # the stable /<plan>/ address, always showing the newest 版
    unversioned: bool             # served at /<plan>/ rather than /<plan>/v/<id>/
    is_working: bool = False      # the unpublished working copy (preview only)

    @property
    def known_snapshots(self) -> list[Version]:
        """The frozen 版 this edition's pages may mention. A frozen 版 mentions only itself
        and earlier ones, so its pages never change after publication: that is what lets
        a build copy them from the cache instead of rendering them again."""
        snapshots = self.plan.snapshot_versions
        ids = [v.id for v in snapshots]
        if self.is_latest or self.version.id not in ids:  # the latest 版, or the working copy
            return snapshots
        return snapshots[: ids.index(self.version.id) + 1]

    def url(self, kind: str, arg: str | None = None) -> str:
        if kind == "initiative":
            return f"{self.base}initiatives/{arg}/"
        if kind == "chapter":
            return f"{self.base}{arg}/"
        return self.base + KIND_PATHS[kind]

    def has(self, kind: str, arg: str | None = None) -> bool:
        return content_has(self.content, kind, arg)


def content_has(content: PlanContent, kind: str, arg: str | None = None) -> bool:
    """Whether a 版's content has the page of this kind (pages other than an initiative or
    a chapter exist in every 版)."""
    if kind == "initiative":
        return content.initiative(arg) is not None
    if kind == "chapter":
        return any(c.id == arg for c in content.chapters)
    return True


def relative_url(target: str, current: str) -> str:
    """Link from page URL `current` to page URL `target`, both site-relative directory URLs.
    (posixpath.relpath would do, but it consults the working directory on every call, and
    pages make thousands of links.)"""
    start = [part for part in current.rstrip("/").split("/") if part and part != "."]
    path = [part for part in target.rstrip("/").split("/") if part and part != "."]
    common = 0
    for a, b in zip(start, path):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start) - common) + path[common:]
    if not parts:
        return "./"
    return "/".join(parts) + ("/" if target.endswith("/") or target == "" else "")


WORKING_ID = "working"
# Pages the search index covers: the latest 版 once (not its /v/ copy) and archived 版.
SEARCHABLE_KINDS = {"initiative", "chapter", "plan_home"}


def plan_editions(plan: Plan, include_working: bool = False) -> list[Edition]:
    """The latest 版 (unversioned), then every frozen 版, then (preview only) the working copy."""
    latest = plan.latest
    editions = []
    if latest is not None:
        editions.append(Edition(plan, latest, plan.snapshots[latest.id], f"{plan.id}/", True, True))
        for version in plan.snapshot_versions:
            editions.append(Edition(plan, version, plan.snapshots[version.id], f"{plan.id}/v/{version.id}/",
                                    False, False))
    if include_working and plan.working is not None:
        working = Version(id=WORKING_ID, name=msg("ui.working_version"))
        edition = Edition(plan, working, plan.working, f"{plan.id}/{WORKING_ID}/", False, False, True)
        if not editions:  # nothing published yet: the working copy stands in for the plan home
            editions.append(edition)
        editions.append(edition)
    return editions


def build_pages(site: Site, include_working: bool = False) -> list[Page]:
    """Every page of the site, in a stable order. `include_working` adds the unpublished
    working copy of each plan at /<plan>/working/ for the staff preview."""
    pages = portal_pages(site, preview=include_working)
    for plan in site.plans:
        editions = plan_editions(plan, include_working)
        diffs = pair_diffs(plan)  # shared by every revisions page and the compare pages
        for edition in _unique(editions):
            pages.extend(edition_pages(site, edition, editions, diffs))
    return pages


def portal_pages(site: Site, preview: bool = False) -> list[Page]:
    """The pages about the whole site rather than one plan: the plan list, search, error list."""
    return [
        Page(url="", template="planpub/pages/site_home.html", title=site.title,
             context={"site": site, "plans": [p for p in site.plans if p.latest], "preview": preview},
             description=site.description or site.title),
        Page(url="search/", template="planpub/pages/search.html", title=msg("ui.search_title"),
             context={"site": site, "archived_plans": [p for p in site.plans if len(p.snapshot_versions) > 1],
                      "bundle_list": SEARCH_BUNDLES},
             description=msg("ui.search_title")),
        Page(url="guide/errors/", template="planpub/pages/error_list.html",
             title=msg("ui.error_list_title"), context={"errors": error_catalogue()}),
    ]


def edition_pages(site: Site, edition: Edition, editions: list[Edition], diffs: dict) -> list[Page]:
    """All pages published at one edition's base URL. A frozen 版 also owns the compare
    pages whose newer side it is; the latest owns the notes for pages it no longer has."""
    pages = list(_edition_pages(site, edition, editions, diffs))
    if edition.is_working:
        return pages
    if edition.is_latest:
        pages.extend(withdrawn_pages(site, edition))
    else:
        pages.extend(compare_pages(site, edition, diffs))
    return pages


DEFAULT_LICENCE = "CC BY 4.0"


def plan_licence(edition: Edition, site: Site) -> str:
    return edition.content.licence or site.licence or DEFAULT_LICENCE


def edition_files(edition: Edition, site: Site) -> dict[str, bytes]:
    """The open-data files of one published edition (plan.json and CSVs)."""
    return opendata.data_files(edition.plan.id, edition.content, edition.version, plan_licence(edition, site))


def static_files(site: Site, pages: list[Page], renderer, site_url: str) -> dict[str, bytes]:
    """Every generated non-page file of the whole site (see the three functions below)."""
    files = page_files(pages)
    for plan in site.plans:
        files.update(plan_files(plan, renderer, site_url))
    files.update(portal_files(site, renderer, site_url))
    return files


def page_files(pages: list[Page]) -> dict[str, bytes]:
    """The open data of each edition, already produced for its data page."""
    return {page.url + name: data for page in pages for name, data in page.context.get("data_files", {}).items()}


def plan_files(plan: Plan, renderer, site_url: str) -> dict[str, bytes]:
    """A plan's Atom feed and versions.json (which 版 exist; frozen pages read it to say
    when a newer 版 has been published)."""
    if plan.latest is None:
        return {}
    content = plan.snapshots[plan.latest.id]
    feed = renderer.render_feed(title=f"{content.municipality} {content.title}", self_path=f"{plan.id}/feed.xml",
                                home_path=f"{plan.id}/", entries=feed_entries(plan, content), site_url=site_url)
    return {f"{plan.id}/feed.xml": feed.encode("utf-8"), f"{plan.id}/versions.json": versions_json(plan)}


def versions_json(plan: Plan) -> bytes:
    def entry(version: Version) -> dict:
        return {"id": version.id, "name": version.name, "date": version.date, "url": f"{plan.id}/v/{version.id}/"}
    data = {"plan": plan.id, "latest": entry(plan.latest), "versions": [entry(v) for v in plan.snapshot_versions]}
    return opendata.json_bytes(data)


SEARCH_BUNDLES = "search-bundles.json"


def portal_files(site: Site, renderer, site_url: str, latest_parts: list[str] | None = None) -> dict[str, bytes]:
    """The JSON Schema of plan.json, the site-wide Atom feed, and the list of search
    bundles: further parts of the latest 版's index (a large portal's is split so that
    indexing fits in memory) and the bundles of archived 版 (merged when the reader
    includes old 版)."""
    site_entries = []
    for plan in site.plans:
        if plan.latest is not None:
            site_entries += feed_entries(plan, plan.snapshots[plan.latest.id])
    site_entries.sort(key=lambda e: (e["updated"], e["id"]), reverse=True)
    feed = renderer.render_feed(title=site.title, self_path="feed.xml", home_path="", entries=site_entries,
                                site_url=site_url)
    archives = [{"plan": plan.id, "version": v.id, "bundle": archive_bundle(plan, v)}
                for plan in site.plans for v in plan.snapshot_versions if v.id != plan.latest.id]
    return {"data/plan.schema.json": opendata.json_bytes(opendata.plan_json_schema()),
            "feed.xml": feed.encode("utf-8"),
            SEARCH_BUNDLES: opendata.json_bytes({"latest": latest_parts or [], "archives": archives})}


def archive_bundle(plan: Plan, version: Version) -> str:
    """Where a frozen 版's own search bundle lives (built and cached with its pages)."""
    return f"{plan.id}/v/{version.id}/pagefind/"


def feed_entries(plan: Plan, content: PlanContent) -> list[dict]:
    """One Atom entry per dated 版 (newest first), linking to its snapshot or document."""
    entries = []
    for version in reversed(plan.versions):
        if not version.date:
            continue
        day = version.date if len(version.date) == 10 else version.date + "-01"
        link = f"{plan.id}/v/{version.id}/" if version.snapshot else (version.document or f"{plan.id}/revisions/")
        entries.append({"id": f"{plan.id}/revisions/#version-{version.id}", "plan_title": content.title,
                        "municipality": content.municipality, "version": version, "updated": f"{day}T00:00:00+09:00",
                        "link": link})
    return entries


def compare_url(plan: Plan, old: Version, new: Version) -> str:
    return f"{plan.id}/compare/{old.id}/{new.id}/"


def pair_diffs(plan: Plan) -> "PairDiffs":
    """The diff of any ordered pair of frozen 版 (older → newer), each computed once, when
    first needed (a build that renders one new 版 needs only the pairs ending there)."""
    return PairDiffs(plan)


class PairDiffs(dict):
    def __init__(self, plan: Plan):
        super().__init__()
        self.plan = plan

    def __missing__(self, pair: tuple[str, str]) -> PlanDiff:
        old_id, new_id = pair
        old, new = self.plan.version(old_id), self.plan.version(new_id)
        diff = diff_contents(self.plan.snapshots[old_id], self.plan.snapshots[new_id], omitted_between(old, new))
        self[pair] = diff
        return diff


def compare_pages(site: Site, newer: Edition, diffs: dict) -> Iterator[Page]:
    """A diff page from every earlier frozen 版 to the frozen 版 `newer`. Its menu links
    go to the plan's stable (latest) addresses, which always exist."""
    plan, new = newer.plan, newer.version
    # Shown in the plan's context, with this 版's title, without a 版 banner.
    context_edition = Edition(plan, new, newer.content, f"{plan.id}/", False, True)
    for old in newer.known_snapshots[:-1]:
        diff = diffs[(old.id, new.id)]
        kpi_names = {k.id: k.name for c in (plan.snapshots[old.id], newer.content) for k in c.all_kpis()}
        title = msg("ui.compare_title", old=old.name, new=new.name)
        yield Page(url=compare_url(plan, old, new), template="planpub/pages/compare.html",
                   title=f"{title} | {newer.content.title}",
                   context={"site": site, "plan": plan, "content": newer.content, "edition": context_edition,
                            "version": new, "page_kind": "compare", "page_arg": None,
                            "switcher": [], "latest_url": compare_url(plan, old, new),
                            "old": old, "new": new, "diff": diff, "kpi_names": kpi_names,
                            "inline_diff": inline_diff, "compare_versions": newer.known_snapshots,
                            "compare_choices": compare_choices(plan, newer.known_snapshots)},
                   description=title)


def compare_choices(plan: Plan, snapshots: list[Version]) -> list[dict]:
    return [{"old": old, "new": new, "url": compare_url(plan, old, new)}
            for i, old in enumerate(snapshots) for new in snapshots[i + 1:]]


def revision_summaries(plan: Plan, diffs: dict, snapshots: list[Version]) -> dict[str, dict]:
    """For each frozen 版 with a frozen predecessor: the change summary and its diff page."""
    result = {}
    for previous, version in zip(snapshots, snapshots[1:]):
        diff = diffs[(previous.id, version.id)]
        result[version.id] = {"previous": previous, "diff": diff, "summary": diff.summary(),
                              "url": compare_url(plan, previous, version)}
    return result


def _unique(editions: list[Edition]) -> list[Edition]:
    seen, result = set(), []
    for edition in editions:
        if edition.base not in seen:
            seen.add(edition.base)
            result.append(edition)
    return result


# Error messages whose fix is described under a different hint key.
_HINT_ALIASES = {"shift_jis": "encoding", "not_utf8": "encoding", "bom": "encoding", "unknown_field": "did_you_mean",
                 "frozen_changed": "frozen", "frozen_missing": "frozen", "frozen_added": "frozen",
                 "missing_dir": "unreadable", "missing_file": "chapter_missing", "empty_list": "empty_value",
                 "year_out_of_range": "bad_year_key", "bad_link": "bad_link", "schema_other": "yaml_syntax",
                 "wrong_type": "wrong_type", "not_in_choices": "choose_one"}


def error_catalogue() -> list[dict]:
    """Every message `planpub validate` can print, with how to fix it (for the staff guide)."""
    from generator.i18n import lookup
    errors, hints = lookup("errors"), lookup("hints")
    return [{"key": key, "message": text, "hint": hints.get(key) or hints.get(_HINT_ALIASES.get(key, ""), "")}
            for key, text in errors.items()]


def _edition_pages(site: Site, edition: Edition, editions: list[Edition], diffs: dict) -> Iterator[Page]:
    content = edition.content
    plan_title = content.title

    def page(kind: str, template: str, title: str, arg: str | None = None, **extra: Any) -> Page:
        url = edition.url(kind, arg)
        context = {
            "site": site, "plan": edition.plan, "content": content, "edition": edition,
            "version": edition.version, "page_kind": kind, "page_arg": arg,
            "switcher": version_switcher(edition, editions, kind, arg),
            # The same page at the stable address; it always exists (see withdrawn_pages).
            "latest_url": editions[0].url(kind, arg),
            **extra,
        }
        if kind in SEARCHABLE_KINDS and not edition.is_working:
            context["search"] = {"edition": "latest" if edition.is_latest else "archived",
                                 "plan": f"{content.municipality} {plan_title}", "version": edition.version.name,
                                 "title": title,
                                 "number": extra["initiative"].number if kind == "initiative" else None}
        full_title = title if kind == "plan_home" else f"{title} | {plan_title}"
        if not edition.unversioned:
            full_title += f"（{edition.version.name}）"
        description = f"{content.municipality} {plan_title}: {title}"
        return Page(url=url, template=f"planpub/pages/{template}.html", title=full_title,
                    context=context, description=description)

    palette = status_palette(content, site)
    assessments = {kpi.id: assess(kpi) for kpi in content.all_kpis()}
    charts = {kpi_id: kpi_chart(a) for kpi_id, a in assessments.items()}
    shared = {"status_class": palette, "assessments": assessments, "charts": charts,
              "initiative_years": initiative_years}
    judgements = kpi_summary(list(assessments.values()))
    counts = status_counts(content, palette)
    yield page("plan_home", "plan_home", plan_title,
               theme_counts=theme_initiative_counts(content), status_counts=counts,
               status_chart=bar_chart([(label, n, css) for label, n, css in counts]),
               kpi_summary=judgements, **shared)
    yield page("initiatives", "initiatives", msg("ui.initiatives"),
               groups=initiatives_by_theme(content), filters=filter_choices(content, palette), **shared)
    yield page("departments", "departments", msg("ui.departments"),
               groups=initiatives_by_department(content), **shared)
    yield page("kpi", "kpi", msg("ui.kpi"), kpis=content.all_kpis(), kpi_summary=judgements, **shared)
    yield page("revisions", "revisions", msg("ui.revisions"),
               history=versions_up_to(edition.plan, edition.version),
               summaries=revision_summaries(edition.plan, diffs, edition.known_snapshots),
               compare_versions=edition.known_snapshots,
               compare_choices=compare_choices(edition.plan, edition.known_snapshots))
    for chapter in content.chapters:
        yield page("chapter", "chapter", chapter.title, chapter.id, chapter=chapter)
    files = edition_files(edition, site)
    yield page("data", "data", msg("ui.data_title"),
               files=[(name, len(data), name.rsplit(".", 1)[1].upper()) for name, data in files.items()],
               data_files=files,
               dictionary=opendata.dictionary(content.fields), separator=opendata.LIST_SEPARATOR, licence=plan_licence(edition, site))
    yield page("print", "print", msg("ui.print_title"), history=versions_up_to(edition.plan, edition.version),
               **shared)
    initiatives = content.initiatives
    for index, initiative in enumerate(initiatives):
        yield page("initiative", "initiative", initiative.display_title, initiative.id,
                   initiative=initiative,
                   previous=initiatives[index - 1] if index > 0 else None,
                   next=initiatives[index + 1] if index + 1 < len(initiatives) else None,
                   missing_fields=missing_fields(initiative, content.fields),
                   earlier_details=earlier_details(edition, initiative),
                   appearances=initiative_appearances(edition, initiative.id),
                   related=related_initiatives(content, initiative), **shared)


def withdrawn_pages(site: Site, latest: Edition) -> Iterator[Page]:
    """A short page at the stable address of every initiative or chapter that an earlier
    frozen 版 had but the latest no longer has, saying so and linking to the 版 that have it.
    So a link from any frozen page to "the same page in the latest 版" never breaks."""
    plan, content = latest.plan, latest.content
    seen: dict[tuple[str, str], tuple[str, Version]] = {}
    for version in plan.snapshot_versions:
        older = plan.snapshots[version.id]
        items = [("initiative", i.id, i.display_title) for i in older.initiatives] + \
            [("chapter", c.id, c.title) for c in older.chapters]
        for kind, item_id, title in items:
            if not content_has(content, kind, item_id):
                seen[(kind, item_id)] = (title, version)
    for (kind, item_id), (title, last) in sorted(seen.items()):
        holders = [v for v in plan.snapshot_versions if content_has(plan.snapshots[v.id], kind, item_id)]
        yield Page(url=latest.url(kind, item_id), template="planpub/pages/withdrawn.html",
                   title=f"{title} | {content.title}",
                   context={"site": site, "plan": plan, "content": content, "edition": latest,
                            "version": latest.version, "page_kind": "withdrawn", "page_arg": item_id,
                            "switcher": [], "latest_url": latest.url("plan_home"),
                            "item_title": title, "item_kind": kind, "last_version": last,
                            "holders": [{"version": v, "url": f"{plan.id}/v/{v.id}/" +
                                         (f"initiatives/{item_id}/" if kind == "initiative" else f"{item_id}/")}
                                        for v in holders]},
                   description=msg("ui.withdrawn_description", title=title))


def problems_page(problems) -> Page:
    """The preview's stand-in home page when content has problems."""
    return Page(url="", template="planpub/pages/problems.html", title=msg("ui.problems_title"),
                context={"problems": problems.sorted()})


def status_palette(content: PlanContent, site: Site) -> dict[str, str]:
    """CSS class per status name, by its place in the vocabulary (colour only adds to the text)."""
    names = [s.name for s in (content.statuses or site.statuses)]
    return {name: f"pp-status--s{i % 8}" for i, name in enumerate(names)}


def status_counts(content: PlanContent, palette: dict[str, str]) -> list[tuple[str, int, str]]:
    """(status, initiatives whose latest stated status it is, css class), vocabulary order,
    then initiatives with no stated status."""
    latest = [i.latest_status() for i in content.initiatives]
    rows = [(name, sum(1 for s in latest if s and s[1] == name), css) for name, css in palette.items()]
    rows = [row for row in rows if row[1]]
    unstated = sum(1 for s in latest if not s)
    if unstated:
        rows.append((msg("ui.no_status"), unstated, "pp-status--none"))
    return rows


def filter_choices(content: PlanContent, palette: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Values offered by the index filters (value, label); only those some initiative uses."""
    used_status = {s[1] for i in content.initiatives if (s := i.latest_status())}
    return {
        "theme": [(t.id, ("　" * t.depth) + t.display_name) for t in content.all_themes()
                  if any(i.theme in {x.id for x in t.walk()} for i in content.initiatives)],
        "department": [(d.name, d.name) for d in content.departments
                       if any(d.name in i.departments for i in content.initiatives)],
        "status": [(name, name) for name in palette if name in used_status]
                  + ([("none", msg("ui.no_status"))] if any(not i.latest_status() for i in content.initiatives) else []),
        "category": [(c, c) for c in content.categories if any(c in i.categories for i in content.initiatives)],
    }


def related_initiatives(content: PlanContent, initiative: Initiative) -> list[Initiative]:
    """Other initiatives sharing a theme (primary or cross-listed) with this one."""
    themes = {initiative.theme, *initiative.related_themes} - {None}
    return [other for other in content.initiatives if other.id != initiative.id
            and themes & ({other.theme, *other.related_themes} - {None})]


def version_switcher(edition: Edition, editions: list[Edition], kind: str, arg: str | None) -> list[dict]:
    """One entry per frozen 版: the same page there if it exists, else that 版's plan home."""
    entries = []
    known = {v.id for v in edition.known_snapshots}
    for other in editions[1:]:  # the versioned editions, oldest first
        if other.version.id not in known:
            continue
        exists = other.has(kind, arg)
        entries.append({
            "version": other.version,
            "url": other.url(kind, arg) if exists else other.url("plan_home"),
            "same_page": exists,
            "current": other.version.id == edition.version.id,
            "latest": edition.is_latest and other.version.id == edition.plan.latest.id,
        })
    return entries


def versions_up_to(plan: Plan, version: Version) -> list[Version]:
    """The revision history as known when `version` was published (newest first)."""
    ids = [v.id for v in plan.versions]
    if version.id not in ids:  # the working copy: everything published so far
        return list(reversed(plan.versions))
    return list(reversed(plan.versions[: ids.index(version.id) + 1]))


def theme_initiative_counts(content: PlanContent) -> dict[str, int]:
    """Initiatives whose primary theme is the theme or one of its descendants."""
    counts: dict[str, int] = {}
    for theme in content.all_themes():
        ids = {t.id for t in theme.walk()}
        counts[theme.id] = sum(1 for i in content.initiatives if i.theme in ids)
    return counts


def initiatives_by_theme(content: PlanContent) -> list[dict]:
    """Initiatives grouped under their primary theme (leaf-most), in theme order."""
    groups = []
    for theme in content.all_themes():
        members = [i for i in content.initiatives if i.theme == theme.id]
        if members:
            groups.append({"theme": theme, "initiatives": members})
    unthemed = [i for i in content.initiatives if i.theme is None]
    if unthemed:
        groups.append({"theme": None, "initiatives": unthemed})
    return groups


def initiatives_by_department(content: PlanContent) -> list[dict]:
    groups = []
    for department in content.departments:
        members = [i for i in content.initiatives if department.name in i.departments]
        if members:
            groups.append({"department": department, "initiatives": members})
    without = [i for i in content.initiatives if not i.departments]
    if without:
        groups.append({"department": None, "initiatives": without})
    return groups


def initiative_years(content: PlanContent, initiative: Initiative) -> list[int]:
    """Columns of the schedule table: every year from the first to the last one the
    initiative mentions, so gaps show as empty years but the table has no empty edges."""
    years = initiative.years()
    return list(range(years[0], years[-1] + 1)) if years else []


def missing_fields(initiative: Initiative, fields: FieldSet) -> list[str]:
    """Labels of the fields a plan's documents normally state that this initiative's does not."""
    return [field.label for field in fields if field.expected and not field.value(initiative)]


def _detail_count(initiative: Initiative, fields: FieldSet) -> int:
    """How much an initiative's entry states: entries of its detail fields (texts count one)."""
    count = 0
    for field in fields:
        value = field.value(initiative) if field.detail else None
        count += (1 if field.in_texts else len(value)) if value else 0
    return count


def earlier_details(edition: Edition, initiative: Initiative) -> dict | None:
    """When this 版 states little about an initiative but an earlier frozen 版 stated more,
    point the reader there (e.g. a plan text whose detail sheets were a separate file)."""
    plan = edition.plan
    snapshots = plan.snapshot_versions
    ids = [v.id for v in snapshots]
    here = _detail_count(initiative, edition.content.fields)
    earlier_versions = snapshots[: ids.index(edition.version.id)] if edition.version.id in ids else snapshots
    for version in reversed(earlier_versions):
        earlier = plan.snapshots[version.id].initiative(initiative.id)
        if earlier is not None and _detail_count(earlier, edition.content.fields) > here:
            return {"version": version, "url": f"{plan.id}/v/{version.id}/initiatives/{initiative.id}/"}
    return None


def initiative_appearances(edition: Edition, initiative_id: str) -> list[dict]:
    """Each frozen 版 (that the edition knows of) that contains the initiative, and whether
    it changed since the previous one."""
    plan = edition.plan
    entries = []
    previous, previous_version = None, None
    for version in edition.known_snapshots:
        current = plan.snapshots[version.id].initiative(initiative_id)
        if current is None:
            previous = None
            continue
        changed = previous is not None and initiative_changed(previous, current,
                                                              omitted_between(previous_version, version))
        state = "added" if previous is None else ("changed" if changed else "unchanged")
        entries.append({"version": version, "state": state,
                        "url": f"{plan.id}/v/{version.id}/initiatives/{initiative_id}/",
                        "diff_url": (compare_url(plan, previous_version, version) + f"#initiative-{initiative_id}"
                                     if state == "changed" else None)})
        previous, previous_version = current, version
    return entries


__all__ = ["Page", "Edition", "build_pages", "relative_url", "plan_editions"]
