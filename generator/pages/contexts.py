"""The data each page kind's template receives: one dataclass per page kind.

These are the contract between pages/ and the templates in theme/planpub/pages/: a
template may use exactly the fields of its context (plus the renderer's globals: `t`,
`urls`, `url()`, the filters). Every plan page shares `PlanPageContext`; every page of
one edition also `EditionContext` (the KPI assessments and charts its parts show).

A context holds the resolved edition (model/resolved/), never the raw model: every fact a
template shows was resolved once, for every view alike (tests/unit/test_architecture.py
checks the contexts of built pages).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from generator.model.kpi import KpiAssessment
from generator.model.plan import Chapter
from generator.model.resolved import (PlanSummary, ResolvedEdition, ResolvedInitiative, ResolvedKpi, ResolvedVersion,
                                      SiteInfo)
from generator.pages.charts import BarChart, KpiFigure, LineChart
from generator.pages.diff_names import ReadableDiff
from generator.pages.editions import EditionAddress
from generator.pages.kinds import PageKind
from generator.pages.summary import ChangeNote, InitiativeSummary


@dataclass(kw_only=True)
class PageContext:
    site: SiteInfo | None


# ── portal pages ──────────────────────────────────────────────────────────────

@dataclass(kw_only=True)
class SiteHomeContext(PageContext):
    plans: list[PlanSummary]
    preview: bool


@dataclass(kw_only=True)
class SearchContext(PageContext):
    archived_plans: list[PlanSummary]
    bundle_list: str
    scoped: bool = False   # the latest 版's index is in several parts: search a plan's part by default


@dataclass(kw_only=True)
class ErrorListContext(PageContext):
    errors: list[dict]


@dataclass(kw_only=True)
class ProblemsContext(PageContext):
    problems: list


# ── plan pages ────────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class MenuEntry:
    kind: str
    label: str
    url: str
    type: str = ""              # a MIME type for links to files (the feed)


@dataclass(frozen=True)
class SearchMeta:
    """What the search index records about an indexed page (partials/search_wrap.html)."""

    edition: str                # "latest" | "archived"
    plan: str
    version: str
    title: str
    number: str | None = None
    weight: float = 1.0         # Pagefind weight of the page's text (initiatives above chapters)


@dataclass(kw_only=True)
class PlanPageContext(PageContext):
    """Every page about one plan: which 版 it shows and the plan's menu."""

    plan: ResolvedEdition       # the plan (its id) as this edition resolves it
    content: ResolvedEdition
    edition: EditionAddress
    version: ResolvedVersion
    page_kind: PageKind
    page_arg: str | None = None
    menu_base: str              # the edition the plan menu and breadcrumbs link to
    menu: list[MenuEntry]
    switcher: list[dict] = field(default_factory=list)
    latest_url: str = ""        # the same page at the stable address (it always exists)
    search: SearchMeta | None = None


@dataclass(kw_only=True)
class EditionContext(PlanPageContext):
    """Every page of one edition: what its parts (cards, KPI tables, charts) need."""

    status_class: dict[str, str]
    assessments: dict[str, KpiAssessment]
    charts: dict[str, LineChart | None]
    figures: dict[str, KpiFigure | None]  # KPIs with a single number: shown as a figure, not a chart
    current_fy: int | None = None         # the year 「今年度」 means on this page (ResolvedEdition.current_fy)


@dataclass(kw_only=True)
class PlanHomeContext(EditionContext):
    status_counts: list[tuple[str, int, str]]
    status_chart: BarChart
    kpi_summary: dict[str, int]


@dataclass(kw_only=True)
class InitiativesContext(EditionContext):
    groups: list[dict]
    filters: dict[str, list[tuple[str, str]]]


@dataclass(kw_only=True)
class DepartmentsContext(EditionContext):
    heading: str                # 「担当課別の取組」, or in the plan's own word (「関係部署別の取組」)
    groups: list[dict]


@dataclass(kw_only=True)
class KpiContext(EditionContext):
    kpis: list[ResolvedKpi]
    groups: list[dict]          # {"owner": KpiOwner, "kpis": [...]}: by the item they belong to
    kpi_summary: dict[str, int]


@dataclass(kw_only=True)
class RevisionsContext(EditionContext):
    history: list[ResolvedVersion]
    summaries: dict[str, dict]
    compare_versions: list[ResolvedVersion]
    compare_choices: list[dict]


@dataclass(kw_only=True)
class ChapterContext(EditionContext):
    chapter: Chapter


@dataclass(kw_only=True)
class DataContext(EditionContext):
    files: list[tuple[str, int, str]]
    data_files: dict[str, bytes]
    tables: list                 # opendata.Table: the dictionary is rendered from their schemas
    schemas: dict[str, dict]     # file name → its Table Schema, as in datapackage.json
    provenance: list             # (file, [(earlier 版's name, rows)]) where rows are carried
    licence: str
    licence_url: str | None
    region_code: str | None
    type_labels: dict[str, str]  # Table Schema type → its name for people
    dataset: dict                # the page's schema.org Dataset (JSON-LD), addresses relative to it


@dataclass(kw_only=True)
class PrintContext(EditionContext):
    history: list[ResolvedVersion]


@dataclass(kw_only=True)
class InitiativeContext(EditionContext):
    initiative: ResolvedInitiative
    previous: ResolvedInitiative | None
    next: ResolvedInitiative | None
    missing_fields: list[str]
    earlier_details: dict | None
    appearances: list[dict]
    related: list[ResolvedInitiative]
    summary: InitiativeSummary
    change_note: ChangeNote | None


@dataclass(kw_only=True)
class CompareContext(PlanPageContext):
    old: ResolvedVersion
    new: ResolvedVersion
    diff: ReadableDiff                          # labels and values in names (pages/diff_names.py)
    inline_diff: Callable[..., Any]
    compare_versions: list[ResolvedVersion]
    compare_choices: list[dict]


@dataclass(kw_only=True)
class WithdrawnContext(PlanPageContext):
    item_title: str
    item_kind: str
    last_version: ResolvedVersion
    holders: list[dict]
