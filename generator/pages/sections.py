"""What the sections of plan pages show, computed from the resolved edition (no HTML here):
counts, groups, filter choices, the version switcher, an initiative's history."""

from __future__ import annotations

from generator.i18n import msg
from generator.model.resolved import LabelScope, ResolvedEdition, ResolvedInitiative, ResolvedVersion
from generator.pages import urls
from generator.pages.editions import Edition
from generator.pages.kinds import PageKind, menu_kinds


def status_palette(content: ResolvedEdition) -> dict[str, str]:
    """CSS class per status name, by its place in the vocabulary (colour only adds to the text)."""
    return {name: f"pp-status--s{i % 8}" for i, name in enumerate(content.statuses)}


def status_counts(content: ResolvedEdition, palette: dict[str, str]) -> list[tuple[str, int, str]]:
    """(status, initiatives whose latest stated status it is, css class), vocabulary order,
    then initiatives with no stated status."""
    latest = [i.status for i in content.initiatives]
    rows = [(name, sum(1 for s in latest if s and s.name == name), css) for name, css in palette.items()]
    rows = [row for row in rows if row[1]]
    unstated = sum(1 for s in latest if not s)
    if unstated:
        rows.append((msg("ui.no_status"), unstated, "pp-status--none"))
    return rows


def filter_choices(content: ResolvedEdition, palette: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Values offered by the index filters (value, label); only those some initiative uses."""
    initiatives = content.initiatives
    used_status = {i.status.name for i in initiatives if i.status}
    return {
        "theme": [(t.id, (msg("ui.theme_indent") * t.depth) + t.display_name) for t in content.all_themes()
                  if any({i.theme, *i.related_themes} & {x.id for x in t.walk()} for i in initiatives)],
        "department": [(d.name, d.name) for d in content.departments
                       if any(d.name in i.departments for i in initiatives)],
        # Only statuses in use; no status filter at all when no initiative states one.
        "status": ([(name, name) for name in palette if name in used_status]
                   + ([("none", msg("ui.no_status"))] if any(not i.status for i in initiatives) else []))
                  if used_status else [],
        "category": [(c, c) for c in content.categories if any(c in i.categories for i in initiatives)],
    }


def related_initiatives(content: ResolvedEdition, initiative: ResolvedInitiative) -> list[ResolvedInitiative]:
    """The initiatives this one names in `related`, and those that name it, in plan order.
    Sharing a theme is not a relation (the theme's filtered list shows those; a cross-listing
    is shown with the initiative's themes)."""
    if not content.uses("related"):
        return []
    return [other for other in content.initiatives if other.id != initiative.id
            and (other.id in initiative.related or initiative.id in other.related)]


def version_switcher(edition: Edition, editions: list[Edition], kind: str, arg: str | None,
                     versions: list[ResolvedVersion]) -> list[dict]:
    """One entry per frozen 版: the same page there if it exists, else that 版's plan home."""
    entries = []
    known = {v.id for v in edition.known_snapshots}
    names = {v.id: v for v in versions}
    for other in editions[1:]:  # the versioned editions, oldest first
        if other.version.id not in known:
            continue
        exists = other.has(kind, arg)
        entries.append({
            "version": names[other.version.id],
            "url": other.url(kind, arg) if exists else other.url(PageKind.PLAN_HOME),
            "same_page": exists,
            "current": other.version.id == edition.version.id,
            "latest": edition.is_latest and other.version.id == edition.plan.latest.id,
        })
    return entries


def versions_up_to(content: ResolvedEdition) -> list[ResolvedVersion]:
    """The revision history as known when the edition's 版 was published (newest first)."""
    ids = [v.id for v in content.versions]
    if content.version.id not in ids:  # the working copy: everything published so far
        return list(reversed(content.versions))
    return list(reversed(content.versions[: ids.index(content.version.id) + 1]))


def known_versions(content: ResolvedEdition, edition: Edition) -> list[ResolvedVersion]:
    """The frozen 版 the edition may mention, as the site names them (oldest first)."""
    names = {v.id: v for v in content.versions}
    return [names[v.id] for v in edition.known_snapshots]


def kpis_by_owner(content: ResolvedEdition) -> list[dict]:
    """The measures grouped by the item they belong to (the plan, a theme, an initiative, a
    sub-item), in the order the plan states them."""
    groups: list[dict] = []
    for kpi in content.all_kpis():
        if groups and groups[-1]["owner"] == kpi.owner:
            groups[-1]["kpis"].append(kpi)
        else:
            groups.append({"owner": kpi.owner, "kpis": [kpi]})
    return groups


def initiatives_by_theme(content: ResolvedEdition) -> list[dict]:
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


def initiatives_by_department(content: ResolvedEdition) -> list[dict]:
    groups = []
    for department in content.departments:
        members = [i for i in content.initiatives if department.name in i.departments]
        if members:
            groups.append({"department": department, "initiatives": members})
    without = [i for i in content.initiatives if not i.departments]
    if without:
        groups.append({"department": None, "initiatives": without})
    return groups


def earlier_details(plan_id: str, initiative: ResolvedInitiative) -> dict | None:
    """When this 版 states little about an initiative but an earlier frozen 版 stated more,
    point the reader there (e.g. a plan text whose detail sheets were a separate file)."""
    source = initiative.earlier_details
    if source is None:
        return None
    return {"version": source, "url": urls.frozen_page(plan_id, source.version_id, PageKind.INITIATIVE, initiative.id)}


def plan_menu(base: str, plan_id: str, labels: LabelScope, uses_departments: bool = True) -> list:
    """The plan menu: the edition pages declared with a menu position (pages/kinds.py) that the
    plan has (no departments view for a plan without departments), the site search and the
    plan's feed, in menu order, named with the plan's own words (数値目標, 関係部署 …)."""
    from generator.pages.contexts import MenuEntry

    def label(kind: PageKind) -> str:
        default = msg(f"ui.menu.{kind}")
        if kind is PageKind.KPI:
            return labels.term("kpis", default)
        if kind is PageKind.DEPARTMENTS:
            return departments_title(labels, default)
        return default

    entries = [(kind.menu, MenuEntry(kind, label(kind), urls.page(base, kind))) for kind in menu_kinds()
               if uses_departments or kind is not PageKind.DEPARTMENTS]
    entries.append((60, MenuEntry(PageKind.SEARCH, msg("ui.menu.search"), urls.portal(PageKind.SEARCH))))
    entries.append((80, MenuEntry("feed", msg("ui.menu.feed"), urls.plan_feed(plan_id), "application/atom+xml")))
    return [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]


def departments_title(labels: LabelScope, default: str) -> str:
    """「関係部署別の取組」 where the plan names its departments so, else the site's words."""
    term = labels.own("departments")
    return msg("ui.departments_by", term=term) if term else default
