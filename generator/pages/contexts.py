"""The data each page kind's template receives: one dataclass per page kind.

These are the contract between pages/ and the templates in theme/planpub/pages/: a
template may use exactly the fields of its context (plus the renderer's globals: `t`,
`urls`, `url()`, the filters). Every plan page shares `PlanPageContext`; every page of
one edition also `EditionContext` (the KPI assessments and charts its parts show).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from generator.model.diff import PlanDiff
from generator.model.kpi import KpiAssessment
from generator.model.plan import Chapter, Initiative, Kpi, Plan, PlanContent, Site, Version
from generator.pages.charts import BarChart, KpiFigure, LineChart
from generator.pages.editions import Edition
from generator.pages.kinds import PageKind
from generator.pages.summary import ChangeNote, InitiativeSummary


@dataclass(kw_only=True)
class PageContext:
    site: Site | None


# ── portal pages ──────────────────────────────────────────────────────────────

@dataclass(kw_only=True)
class SiteHomeContext(PageContext):
    plans: list[Plan]
    preview: bool


@dataclass(kw_only=True)
class SearchContext(PageContext):
    archived_plans: list[Plan]
    bundle_list: str


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

    plan: Plan
    content: PlanContent
    edition: Edition
    version: Version
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
    initiative_years: Callable[[PlanContent, Initiative], list[int]]
    carried: dict[str, dict[str, dict]]   # at the stable address: details earlier 版 stated (sections.carried_details)
    current_fy: int | None = None         # the year 「今年度」 means on this page (sections.edition_fiscal_year)


@dataclass(kw_only=True)
class PlanHomeContext(EditionContext):
    theme_counts: dict[str, tuple[int, int]]   # (listed, of those listed under several themes)
    status_counts: list[tuple[str, int, str]]
    status_chart: BarChart
    kpi_summary: dict[str, int]


@dataclass(kw_only=True)
class InitiativesContext(EditionContext):
    groups: list[dict]
    filters: dict[str, list[tuple[str, str]]]


@dataclass(kw_only=True)
class DepartmentsContext(EditionContext):
    groups: list[dict]


@dataclass(kw_only=True)
class KpiContext(EditionContext):
    kpis: list[Kpi]
    kpi_summary: dict[str, int]


@dataclass(kw_only=True)
class RevisionsContext(EditionContext):
    history: list[Version]
    summaries: dict[str, dict]
    compare_versions: list[Version]
    compare_choices: list[dict]


@dataclass(kw_only=True)
class ChapterContext(EditionContext):
    chapter: Chapter


@dataclass(kw_only=True)
class DataContext(EditionContext):
    files: list[tuple[str, int, str]]
    data_files: dict[str, bytes]
    dictionary: dict[str, list]
    separator: str
    licence: str


@dataclass(kw_only=True)
class PrintContext(EditionContext):
    history: list[Version]


@dataclass(kw_only=True)
class InitiativeContext(EditionContext):
    initiative: Initiative
    previous: Initiative | None
    next: Initiative | None
    missing_fields: list[str]
    earlier_details: dict | None
    appearances: list[dict]
    related: list[Initiative]
    summary: InitiativeSummary
    change_note: ChangeNote | None


@dataclass(kw_only=True)
class CompareContext(PlanPageContext):
    old: Version
    new: Version
    diff: PlanDiff
    kpi_names: dict[str, str]
    part_names: dict[tuple[str, str], str]     # themes, visions, chapters by name (pages/diff_names.py)
    inline_diff: Callable[..., Any]
    compare_versions: list[Version]
    compare_choices: list[dict]


@dataclass(kw_only=True)
class WithdrawnContext(PlanPageContext):
    item_title: str
    item_kind: str
    last_version: Version
    holders: list[dict]
