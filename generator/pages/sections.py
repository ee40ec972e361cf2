"""What the sections of plan pages show, computed from the model (no HTML here):
counts, groups, filter choices, the version switcher, an initiative's history."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.i18n import msg
from generator.model.diff import PlanDiff, diff_contents, initiative_changed, omitted_between
from generator.model import fiscal
from generator.model.fields import FieldSet, Kind
from generator.model.plan import Initiative, Plan, PlanContent, Site, Version
from generator.pages import urls
from generator.pages.editions import Edition
from generator.pages.kinds import EditionKind, PageKind, menu_kinds


def edition_fiscal_year(edition: Edition, site: Site) -> int | None:
    """The fiscal year a page means by 「今年度」: the build's for the latest 版 and the working
    copy; for a frozen 版 the year of its own date (its pages never change after publication),
    none when the date does not say (no date, or a year without a month)."""
    if edition.kind is not EditionKind.FROZEN:
        return site.current_fy
    date = edition.version.date or ""
    if len(date) < 7:
        return None
    return fiscal.fiscal_year_of(dt.date(int(date[:4]), int(date[5:7]), 1))


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
        "theme": [(t.id, (msg("ui.theme_indent") * t.depth) + t.display_name) for t in content.all_themes()
                  if any({i.theme, *i.related_themes} & {x.id for x in t.walk()} for i in content.initiatives)],
        "department": [(d.name, d.name) for d in content.departments
                       if any(d.name in i.departments for i in content.initiatives)],
        # Only statuses in use; no status filter at all when no initiative states one.
        "status": ([(name, name) for name in palette if name in used_status]
                   + ([("none", msg("ui.no_status"))] if any(not i.latest_status() for i in content.initiatives) else []))
                  if used_status else [],
        "category": [(c, c) for c in content.categories if any(c in i.categories for i in content.initiatives)],
    }

def related_initiatives(content: PlanContent, initiative: Initiative) -> list[Initiative]:
    """The initiatives this one names in `related`, and those that name it, in plan order.
    Sharing a theme is not a relation (the theme's filtered list shows those; a cross-listing
    is shown with the initiative's themes)."""
    if "related" not in content.fields:
        return []
    return [other for other in content.initiatives if other.id != initiative.id
            and (other.id in initiative.related or initiative.id in other.related)]

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
            "url": other.url(kind, arg) if exists else other.url(PageKind.PLAN_HOME),
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

def theme_initiative_counts(content: PlanContent) -> dict[str, tuple[int, int]]:
    """(initiatives listed under the theme or one of its descendants, primary or cross-listed
    (再掲) — as the index's theme filter counts them; of those, the ones listed under more than
    one theme), so the plan home and the filter agree and say why the counts add up to more."""
    counts: dict[str, tuple[int, int]] = {}
    for theme in content.all_themes():
        ids = {t.id for t in theme.walk()}
        listed = [i for i in content.initiatives if ids & {i.theme, *i.related_themes}]
        counts[theme.id] = (len(listed), sum(1 for i in listed if i.related_themes))
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
    """Columns of the schedule table: every year of the plan period, even empty ones, and
    any other year the initiative mentions; none when it has no schedule at all."""
    years = initiative.years(content.fields)
    # An item done before the period (「令和4年度済」) is a stated schedule even with no year in it.
    done_before = any(activity.done is not None for field in content.fields.of_kind(Kind.ACTIVITIES)
                      for activity in field.value(initiative))
    if not years and not done_before and not initiative.stated_empty:
        return []
    years = set(years) | set(content.period)
    return list(range(min(years), max(years) + 1))

def missing_fields(initiative: Initiative, fields: FieldSet) -> list[str]:
    """Labels of the fields a plan's documents normally state that this initiative's does not
    (a field the document shows empty is stated: the page says it is empty)."""
    return [field.label for field in fields
            if field.expected and not field.value(initiative) and field.key not in initiative.stated_empty]

def _detail_count(initiative: Initiative, fields: FieldSet) -> int:
    """How much an initiative's entry states: entries of its detail fields (texts count one)."""
    count = 0
    for field in fields:
        value = field.value(initiative) if field.detail else None
        if value:
            count += len(value) if isinstance(value, (list, dict)) else 1
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
            return {"version": version, "url": urls.frozen_page(plan.id, version.id, PageKind.INITIATIVE, initiative.id)}
    return None

def carried_details(edition: Edition) -> dict[str, dict[str, dict]]:
    """For the stable address only: the fields the latest 版's document leaves out
    (release.yml `omits`, e.g. a plan text whose 個別業務一覧 is a separate file), as the
    last earlier frozen 版 stated them — by initiative id, field key: {"value", "version"}.
    Citizens see the last stated details, labelled with the 版 they come from; each frozen
    版 still shows exactly its own document."""
    if not edition.is_latest or not edition.version.omits:
        return {}
    plan, content = edition.plan, edition.content
    earlier = [v for v in edition.known_snapshots if v.id != edition.version.id]
    carried: dict[str, dict[str, dict]] = {}
    for initiative in content.initiatives:
        for field in content.fields:
            if field.change_key not in edition.version.omits or field.value(initiative):
                continue
            for version in reversed(earlier):
                older = plan.snapshots[version.id].initiative(initiative.id)
                value = field.value(older) if older is not None and field.key in plan.snapshots[version.id].fields \
                    else None
                if value:
                    carried.setdefault(initiative.id, {})[field.key] = {"value": value, "version": version}
                    break
    return carried


def with_carried(content: PlanContent, carried: dict[str, dict[str, dict]]) -> PlanContent:
    """The content as the stable address shows it: each initiative with the details earlier
    版 stated for the fields this 版's document leaves out (the open data stays as published)."""
    if not carried:
        return content
    initiatives = []
    for initiative in content.initiatives:
        found = carried.get(initiative.id, {})
        texts = {**initiative.texts, **{k: v["value"] for k, v in found.items() if content.fields[k].in_texts}}
        values = {k: v["value"] for k, v in found.items() if not content.fields[k].in_texts and not content.fields[k].custom}
        initiatives.append(replace(initiative, texts=texts, **values))
    return replace(content, initiatives=initiatives)


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
                                                              omitted_between(previous_version, version),
                                                              plan.snapshots[version.id].fields)
        state = "added" if previous is None else ("changed" if changed else "unchanged")
        entries.append({"version": version, "state": state,
                        "url": urls.frozen_page(plan.id, version.id, PageKind.INITIATIVE, initiative_id),
                        "diff_url": (urls.compare(plan.id, previous_version.id, version.id, initiative_id)
                                     if state == "changed" else None)})
        previous, previous_version = current, version
    return entries


__all__ = ["Page", "Edition", "build_pages", "relative_url", "plan_editions"]

def compare_choices(plan: Plan, snapshots: list[Version]) -> list[dict]:
    return [{"old": old, "new": new, "url": urls.compare(plan.id, old.id, new.id)}
            for i, old in enumerate(snapshots) for new in snapshots[i + 1:]]

def revision_summaries(plan: Plan, diffs: dict, snapshots: list[Version]) -> dict[str, dict]:
    """For each frozen 版 with a frozen predecessor: the change summary and its diff page."""
    result = {}
    for previous, version in zip(snapshots, snapshots[1:]):
        diff = diffs[(previous.id, version.id)]
        result[version.id] = {"previous": previous, "diff": diff, "summary": diff.summary(),
                              "url": urls.compare(plan.id, previous.id, version.id)}
    return result

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


def plan_menu(base: str, plan_id: str, fields: FieldSet | None = None) -> list:
    """The plan menu: the edition pages declared with a menu position (pages/kinds.py), the
    site search and the plan's feed, in menu order."""
    from generator.pages.contexts import MenuEntry

    def label(kind: PageKind) -> str:
        default = msg(f"ui.menu.{kind}")
        return fields.label_of("kpis", default) if fields is not None and kind is PageKind.KPI else default

    entries = [(kind.menu, MenuEntry(kind, label(kind), urls.page(base, kind))) for kind in menu_kinds()]
    entries.append((60, MenuEntry(PageKind.SEARCH, msg("ui.menu.search"), urls.portal(PageKind.SEARCH))))
    entries.append((80, MenuEntry("feed", msg("ui.menu.feed"), urls.plan_feed(plan_id), "application/atom+xml")))
    return [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]
