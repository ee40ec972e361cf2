"""A 版 resolved into what every view shows: `resolve_edition` (see the package docstring)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Iterator

from generator.model.fields import FieldSet, Vocabulary
from generator.model.kinds import kind_of
from generator.model.plan import (Chapter, Contact, Department, Initiative, Plan, PlanContent, Site, Text,
                                  Theme, ThemeTree, Version, Vision, theme_name)
from generator.model.resolved.initiatives import (ResolvedInitiative, detail_count, latest_status,
                                                  schedule_columns)
from generator.model.resolved.kpis import KpiOwner, ResolvedKpi, resolve_kpi
from generator.model.resolved.labels import LabelScope, plan_scope
from generator.model.resolved.values import Source, State, Value
from generator.model.resolved.versions import ResolvedVersion, resolve_version


class EditionKind(Enum):
    """A plan as published at one base URL."""

    LATEST = "latest"     # /<plan>/: the stable address, always the newest frozen 版
    FROZEN = "frozen"     # /<plan>/v/<id>/: one frozen 版, never changed after publication
    WORKING = "working"   # /<plan>/working/: the unpublished working copy (preview only)


@dataclass(frozen=True)
class ResolvedTheme:
    id: str
    name: str | None                     # None: a level with a number and a statement only
    number: str | None = None
    description: Text | None = None      # a theme's statement (基本方針 …)
    notes: Text | None = None
    visions: list[Vision] = field(default_factory=list)
    schedule: dict[int, Text] = field(default_factory=dict)
    kpis: list[ResolvedKpi] = field(default_factory=list)
    children: list["ResolvedTheme"] = field(default_factory=list)
    parent_id: str | None = None
    depth: int = 0
    level_name: str | None = None        # what the plan calls this level (改革, テーマ, 柱 …)
    listed: int = 0                      # initiatives listed under it or a descendant (再掲 included)
    crossed: int = 0                     # of those, the ones listed under more than one theme
    labels: LabelScope = field(default_factory=LabelScope)
    stated_labels: dict[str, str] = field(default_factory=dict)   # the names this theme itself gives fields

    @property
    def display_name(self) -> str:
        return theme_name(self.number, self.name)

    @property
    def shown_level(self) -> str | None:
        """The level's name where it adds to the theme's own (never 「基本方針 基本方針①」)."""
        if self.level_name and not (self.number or "").startswith(self.level_name):
            return self.level_name
        return None

    def walk(self) -> Iterator["ResolvedTheme"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class FieldView:
    """The plan's fields as views ask about them: whether the plan uses one (`in`), the plan's
    word for it where the site would use its own (`label_of`), the declarations in order."""

    set: FieldSet
    labels: LabelScope

    def __contains__(self, key: str) -> bool:
        return key in self.set

    def __iter__(self):
        return iter(self.set)

    def __getitem__(self, key: str):
        return self.set[key]

    def shown(self, place):
        return self.set.shown(place)

    def by_change_key(self, key: str):
        return self.set.by_change_key(key)

    def label_of(self, key: str, default: str) -> str:
        return self.labels.term(key, default)

    def label(self, key: str) -> str:
        return self.labels.label(self.set[key])


@dataclass
class ResolvedEdition(ThemeTree):
    """One plan as one edition shows it. Built once per plan and 版 (and once more for the stable
    address, which carries the details the latest 版's document leaves out)."""

    plan_id: str
    kind: EditionKind
    version: ResolvedVersion
    municipality: str
    title: str
    period_start: int | None          # the stated 計画期間 (None: not stated)
    period_end: int | None
    fields: FieldView
    labels: LabelScope
    themes: list[ResolvedTheme]
    initiatives: list[ResolvedInitiative]
    kpis: list[ResolvedKpi]                      # the plan's own measures
    departments: list[Department]                # this 版's list, and departments carried values name
    categories: list[str]
    statuses: list[str]                          # the plan's progress statuses (else the site's)
    chapters: list[Chapter]
    theme_levels: list[str] = field(default_factory=list)
    subtitle: str | None = None
    parent_strategy: str | None = None
    adoption: str = "adopted"
    lead: Text | None = None
    goals: Text | None = None
    source: Text | None = None
    source_url: str | None = None                # where the municipality publishes the source document
    licence: str | None = None
    region_code: str | None = None               # 全国地方公共団体コード: see plan_region_code
    version_policy: Text | None = None
    contact: Contact | None = None
    figures: dict[str, bytes] = field(default_factory=dict)
    current_fy: int | None = None                # the year 「今年度」 means on its pages
    versions: list[ResolvedVersion] = field(default_factory=list)   # the plan's 版 this edition may name
    readings: tuple[tuple[str, str], ...] = ()   # the plan's own words and their readings (ふりがな, search)

    @property
    def id(self) -> str:
        return self.plan_id

    years: range = range(0)                      # the stated period, else the years the content names

    @property
    def period_stated(self) -> bool:
        return self.period_start is not None and self.period_end is not None

    @property
    def period(self) -> range:
        return self.years

    @property
    def carried_from(self) -> list[Source]:
        sources: list[Source] = []
        for item in self.all_items():
            for source in item.carried_from:
                if source not in sources:
                    sources.append(source)
        return sources

    def uses(self, key: str) -> bool:
        return key in self.fields

    def theme(self, theme_id: str | None) -> ResolvedTheme | None:
        return self._themes.get(theme_id)

    def initiative(self, initiative_id: str) -> ResolvedInitiative | None:
        return next((i for i in self.initiatives if i.id == initiative_id), None)

    def all_items(self) -> Iterator[ResolvedInitiative]:
        for initiative in self.initiatives:
            yield from initiative.walk()

    def all_kpis(self) -> list[ResolvedKpi]:
        """The plan's, its themes', then every initiative's and sub-item's measures."""
        return list(self.kpis) + [k for t in self.all_themes() for k in t.kpis] + \
            [k for item in self.all_items() for k in item.kpis]

    def __post_init__(self) -> None:
        self._themes = {t.id: t for t in self.all_themes()}


# ── resolving ────────────────────────────────────────────────────────────────────────────

def resolve_versions(plan: Plan, site: Site | None = None) -> list[ResolvedVersion]:
    """Every 版 of the plan (oldest first), named and dated as the site shows them."""
    return [resolve_version(v, site, plan.snapshots.get(v.id)) for v in plan.versions]


def resolve_edition(plan: Plan, version: Version, kind: EditionKind, site: Site | None = None,
                    content: PlanContent | None = None, known: list[Version] | None = None,
                    current_fy: int | None = None, shared: dict | None = None) -> ResolvedEdition:
    """The 版 `version` of `plan` as the edition `kind` shows it.

    `content` is the 版's content (default: its snapshot; the working copy passes its own);
    `known` the frozen 版 the edition may mention (default: all; a frozen 版 knows only itself
    and earlier ones). At the stable address (LATEST), a field the 版's document leaves out
    (`omits`) shows what the last earlier frozen 版 stated, with that 版 as its source.

    `shared`: a dict kept for one build of the plan (its editions are built together). An
    edition that carries nothing resolves exactly as the frozen 版 of the same document does,
    so the stable address and the latest frozen 版 share one resolution through it."""
    content = content if content is not None else plan.snapshots[version.id]
    known = plan.snapshot_versions if known is None else known
    carrying = kind is EditionKind.LATEST and bool(version.omits)
    key = (version.id, id(content), site is not None, carrying)
    if shared is not None and key in shared and shared[key][0] is content:
        done = shared[key][1]
        return replace(done, kind=kind, current_fy=_edition_fy(kind, done.version, site, current_fy))
    resolved_version = resolve_version(version, site, content)
    own = Source(version.id, resolved_version.name, resolved_version.stage)
    ids = [v.id for v in known]
    earlier = known[: ids.index(version.id)] if version.id in ids else list(known)
    carry_from = [(v, plan.snapshots[v.id]) for v in reversed(earlier)] if carrying else []
    resolver = _Resolver(content, version, own, carry_from, site, plan)
    names = {v.id: v for v in resolve_versions(plan, site)}
    resolved = resolver.edition(plan.id, kind, resolved_version,
                                [names[v.id] for v in plan.versions if v.id in names],
                                _edition_fy(kind, resolved_version, site, current_fy))
    if shared is not None:
        shared[key] = (content, resolved)   # the content kept with it: its id stays its own
    return resolved


WORKING_ID = "working"


def resolve_working(plan: Plan, site: Site | None = None) -> ResolvedEdition:
    """The unpublished working copy as the staff preview shows it (nothing carried)."""
    from generator.i18n import msg
    version = Version(id=WORKING_ID, name=msg("ui.working_version"))
    return resolve_edition(plan, version, EditionKind.WORKING, site, plan.working)


def _edition_fy(kind: EditionKind, version: ResolvedVersion, site: Site | None, current_fy: int | None) -> int | None:
    """The fiscal year 「今年度」 means: the build's for the latest 版 and the working copy; for
    a frozen 版 the year of its own date (its pages never change after publication), none when
    the date does not name a month."""
    if kind is not EditionKind.FROZEN:
        return current_fy if current_fy is not None else (site.current_fy if site is not None else None)
    return version.fiscal_year


class _Resolver:
    def __init__(self, content: PlanContent, version: Version, own: Source,
                 carry_from: list[tuple[Version, PlanContent]], site: Site | None, plan: Plan):
        self.content, self.version, self.own, self.site, self.plan = content, version, own, site, plan
        self.fields = content.fields
        self.labels = plan_scope(content.fields)
        self.carry_from = [(v, c, {item.id: item for i in c.initiatives for item in i.walk()},
                            Source(v.id, rv.name, rv.stage, carried=True))
                           for v, c in carry_from
                           for rv in [resolve_version(v, site, c)]]
        self.theme_ids = {t.id for t in content.all_themes()}
        self.vision_ids = {v.id for v in content.all_visions()}
        self.initiative_ids = {item.id for i in content.initiatives for item in i.walk()}
        self._names: dict[tuple[int, str], tuple[str, str]] = {}
        self._scopes: list[LabelScope] = []   # keeps each scope alive while its id keys _names

    # ── initiatives ──

    def scope(self, item: Initiative, parent: LabelScope | None = None) -> LabelScope:
        """The names an item's fields go by: its own, else its parent item's or its theme's (and
        the theme's ancestors'), else the plan's. The format has no names below the plan yet;
        one that adds them fills `labels` of a theme or an initiative, and nothing else changes."""
        scope = (parent or self.theme_scope(item.theme)).child(getattr(item, "labels", None))
        self._scopes.append(scope)
        return scope

    def theme_scope(self, theme_id: str | None) -> LabelScope:
        """A theme's names, then its ancestors', then the plan's."""
        scope = self.labels
        for theme in self.content.theme_path(theme_id):
            scope = scope.child(getattr(theme, "labels", None))
        return scope

    def initiative(self, item: Initiative, top: Initiative, prefix: str = "",
                   parent_scope: LabelScope | None = None) -> ResolvedInitiative:
        scope = self.scope(item, parent_scope)
        values = {f.key: self.value(f, item, scope) for f in self.fields}
        anchor = f"{prefix}item-{item.local_id}" if item.parent_id else ""
        children = [self.initiative(child, top, f"{anchor}-" if anchor else "", scope) for child in item.items]
        kpis_value = values.get("kpis")
        owner = KpiOwner("item", item.id, top.id, item.display_title, (top.display_title,), anchor) \
            if item.parent_id else KpiOwner("initiative", item.id, item.id, item.display_title)
        kpis = [resolve_kpi(k, owner, kpis_value.source, self.content.period_end) for k in kpis_value.value] \
            if kpis_value is not None and kpis_value.stated else []
        if kpis_value is not None and kpis:
            values["kpis"] = replace(kpis_value, value=kpis)
        years, before = schedule_columns(values, self.content.period)
        missing = [v.label for v in values.values() if v.field.expected and v.state is State.OMITTED]
        return ResolvedInitiative(
            id=item.id, title=item.title, number=item.number, values=values, labels=scope, items=children,
            stated_labels=dict(item.labels),
            kpis=kpis, schedule_years=years, done_before=before, status=latest_status(values), missing=missing,
            earlier_details=self.earlier_details(item, values), parent_id=item.parent_id,
            stated_id=item.stated_id, anchor=anchor)

    def names(self, registry_field, scope: LabelScope) -> tuple[str, str]:
        """(label, table label) of a field in a scope, looked up once per edition (most items
        share their plan's or their theme's scope)."""
        key = (id(scope), registry_field.key)
        if key not in self._names:
            self._names[key] = (scope.label(registry_field), scope.table_label(registry_field))
        return self._names[key]

    def value(self, registry_field, item: Initiative, scope: LabelScope) -> Value:
        label, table = self.names(registry_field, scope)
        raw = registry_field.value(item)
        if kind_of(registry_field.kind).stated(raw):
            return Value(registry_field, label, State.STATED, raw, self.own, table_label=table)
        if registry_field.key in item.stated_empty:
            return Value(registry_field, label, State.STATED_EMPTY, raw, self.own, table_label=table)
        omitted = registry_field.change_key in self.version.omits
        if omitted:
            carried = self.carried(registry_field, item.id)
            if carried is not None:
                return Value(registry_field, label, State.STATED, carried[0], carried[1], table_label=table)
        return Value(registry_field, label, State.OMITTED, None, None, omitted, table_label=table)

    def carried(self, registry_field, item_id: str):
        """(value, source) from the last earlier 版 that states the field for the item, when it
        still means the same here (a theme, vision or initiative it names exists in this 版)."""
        for _, content, items, source in self.carry_from:
            older = items.get(item_id)
            if older is None or registry_field.key not in content.fields:
                continue
            value = registry_field.value(older)
            if not value:
                continue
            if registry_field.vocabulary is not None and registry_field.vocabulary.is_id and \
                    not self._ids_known(registry_field.vocabulary, value):
                return None
            return value, source
        return None

    def _ids_known(self, vocabulary: Vocabulary, value) -> bool:
        known = {Vocabulary.THEMES: self.theme_ids, Vocabulary.VISIONS: self.vision_ids,
                 Vocabulary.INITIATIVES: self.initiative_ids}[vocabulary]
        return all(v in known for v in ([value] if isinstance(value, str) else value))

    def earlier_details(self, item: Initiative, values: dict[str, Value]) -> Source | None:
        """An earlier frozen 版 that stated more about the initiative than this edition shows
        (e.g. a plan text whose detail sheets were a separate file) — for frozen 版 and the
        working copy, where nothing is carried."""
        if item.parent_id or self.carry_from:
            return None
        here = detail_count((v.field, v.value if v.stated else None) for v in values.values())
        snapshots = self.plan.snapshot_versions
        ids = [v.id for v in snapshots]
        earlier = snapshots[: ids.index(self.version.id)] if self.version.id in ids else snapshots
        for version in reversed(earlier):
            older = self.older_counts(version.id).get(item.id)
            if older is not None and older > here:
                resolved = resolve_version(version, self.site, self.plan.snapshots[version.id])
                return Source(version.id, resolved.name, resolved.stage)
        return None

    def older_counts(self, version_id: str) -> dict[str, int]:
        """How much each initiative of an earlier frozen 版 states (by this edition's fields),
        counted once per plan and build: every later edition asks."""
        memo = self.plan.__dict__.setdefault("_resolved_detail_counts", {})
        key = (version_id, tuple(f.key for f in self.fields))
        if key not in memo:
            memo[key] = {i.id: detail_count((f, f.value(i)) for f in self.fields)
                         for i in self.plan.snapshots[version_id].initiatives}
        return memo[key]

    # ── themes and the plan ──

    def theme(self, theme: Theme, initiatives: list[ResolvedInitiative]) -> ResolvedTheme:
        ids = {t.id for t in theme.walk()}
        listed = [i for i in initiatives if ids & {i.theme, *i.related_themes}]
        path = tuple(t.display_name for t in self.content.theme_path(theme.parent_id))
        owner = KpiOwner("theme", theme.id, None, theme.display_name, path)
        return ResolvedTheme(
            id=theme.id, name=theme.name, number=theme.number, description=theme.description, notes=theme.notes,
            visions=list(theme.visions), schedule=dict(theme.schedule),
            kpis=[resolve_kpi(k, owner, self.own, self.content.period_end) for k in theme.kpis],
            children=[self.theme(child, initiatives) for child in theme.children], parent_id=theme.parent_id,
            depth=theme.depth, level_name=self.content.theme_level_name(theme.depth), listed=len(listed),
            crossed=sum(1 for i in listed if i.related_themes),
            labels=self.theme_scope(theme.id), stated_labels=dict(theme.labels))

    def vocabulary(self, initiatives: list[ResolvedInitiative], key: str, own: list, name=lambda entry: entry) -> list:
        """A vocabulary (departments, categories) as this edition uses it: this 版's list, then
        the entries carried values name, as the 版 they come from lists them."""
        known = {name(entry) for entry in own}
        extra: list = []
        for item in (i for top in initiatives for i in top.walk()):
            value = item.value(key)
            if not value.carried:
                continue
            source = next(c for v, c, _, s in self.carry_from if s == value.source)
            listed = {name(entry): entry for entry in getattr(source, key)}
            for entry_name in value.value:
                if entry_name not in known:
                    known.add(entry_name)
                    extra.append(listed.get(entry_name, Department(entry_name) if key == "departments" else entry_name))
        return list(own) + extra

    def edition(self, plan_id: str, kind: EditionKind, version: ResolvedVersion,
                versions: list[ResolvedVersion], current_fy: int | None) -> ResolvedEdition:
        content, site = self.content, self.site
        initiatives = [self.initiative(i, i) for i in content.initiatives]
        statuses = [s.name for s in (content.statuses or (site.statuses if site is not None else []))]
        return ResolvedEdition(
            plan_id=plan_id, kind=kind, version=version, municipality=content.municipality, title=content.title,
            period_start=content.period_start, period_end=content.period_end, years=content.period,
            fields=FieldView(content.fields, self.labels), labels=self.labels,
            themes=[self.theme(t, initiatives) for t in content.themes], initiatives=initiatives,
            kpis=[resolve_kpi(k, KpiOwner("plan"), self.own, content.period_end) for k in content.kpis],
            departments=self.vocabulary(initiatives, "departments", content.departments, lambda d: d.name),
            categories=self.vocabulary(initiatives, "categories", content.categories),
            statuses=statuses, chapters=list(content.chapters), theme_levels=list(content.theme_levels),
            subtitle=content.subtitle, parent_strategy=content.parent_strategy, adoption=content.adoption,
            lead=content.lead, goals=content.goals, source=content.source, source_url=content.source_url,
            licence=content.licence, region_code=plan_region_code(self.plan, content),
            version_policy=content.version_policy, contact=content.contact, figures=content.figures,
            current_fy=current_fy, versions=versions, readings=self.plan.readings)


def plan_region_code(plan: Plan | None, content: PlanContent) -> str | None:
    """The municipality's 全国地方公共団体コード: site metadata, not a statement of a document, so
    a 版 frozen before the code was added still gets it — this 版's plan.yml first, then the
    working copy's (where staff keep the plan's settings), then the newest 版 that states one."""
    if content.region_code or plan is None:
        return content.region_code
    others = [plan.working] + [plan.snapshots[v.id] for v in reversed(plan.snapshot_versions)]
    return next((c.region_code for c in others if c is not None and c.region_code), None)
