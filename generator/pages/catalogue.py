"""The pages of one edition, one builder per page kind.

Each edition page kind (pages/kinds.py, Scope.EDITION or Scope.ITEM) is built here: a
builder registered with `@builds(kind)` returns that page's typed context (or, for item
pages, one per item). A kind without a builder of its own gets the common
`EditionContext`: declaring it in kinds.py and writing its template is all a page type
needs when its template uses only what every edition page has.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

from generator.i18n import current_language, msg
from generator.model import fiscal
from generator.model.kpi import summary as kpi_summary
from generator.model.markup import plain_line
from generator.model.plan import Site
from generator.model.resolved import ResolvedEdition, resolve_edition
from generator.pages import changes, datapackage, opendata, sections, summary, urls
from generator.pages.charts import bar_chart, kpi_chart, kpi_figure
from generator.pages.contexts import (ChapterContext, DataContext, DepartmentsContext, EditionContext,
                                      InitiativeContext, InitiativesContext, KpiContext, PlanHomeContext,
                                      PrintContext, RevisionsContext, SearchMeta)
from generator.pages.editions import Edition
from generator.pages.files import edition_files, plan_licence, site_info
from generator.pages.kinds import PageKind, Scope
from generator.pages.page import Page, relative_url

# Search ranking: an initiative is what a reader looks for; a chapter that mentions the word
# comes after it (Pagefind data-pagefind-weight, default 1).
SEARCH_WEIGHTS = {PageKind.INITIATIVE: 2.0, PageKind.CHAPTER: 0.5}

# kind → builder(EditionBuild) returning a context, or (for item pages) (arg, title, context) items
BUILDERS: dict[PageKind, Callable] = {}


def builds(kind: PageKind):
    def register(function: Callable) -> Callable:
        BUILDERS[kind] = function
        return function
    return register


@dataclass
class EditionBuild:
    """What every page of one edition is made from, computed once for all of them: the edition
    resolved (model/resolved/) — the pages render that, never the raw model."""

    site: Site
    edition: Edition
    editions: list[Edition]
    diffs: dict
    shared: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        edition = self.edition
        self.resolved = resolve_edition(edition.plan, edition.version, edition.kind, self.site, edition.content,
                                        edition.known_snapshots, shared=getattr(self.diffs, "resolved", None))
        self.info = site_info(self.site)
        content = self.resolved
        assessments = {kpi.id: kpi.assessment for kpi in content.all_kpis()}
        self.shared = {"status_class": sections.status_palette(content), "assessments": assessments,
                       "charts": {kpi_id: kpi_chart(a, lambda fy: fiscal.fy_short(fy, current_language()))
                                  for kpi_id, a in assessments.items()},
                       "figures": {kpi_id: kpi_figure(a) for kpi_id, a in assessments.items()},
                       "current_fy": content.current_fy}

    @property
    def content(self) -> ResolvedEdition:
        return self.resolved

    def menu(self, base: str) -> list:
        return sections.plan_menu(base, self.edition.plan.id, self.resolved.labels, self.resolved.uses("departments"))

    def common(self, kind: PageKind, arg: str | None = None) -> dict:
        """The fields every edition page's context has."""
        edition = self.edition
        return {"site": self.info, "plan": self.resolved, "content": self.resolved, "edition": edition.address,
                "version": self.resolved.version, "page_kind": kind, "page_arg": arg, "menu_base": edition.base,
                "menu": self.menu(edition.base),
                "switcher": sections.version_switcher(edition, self.editions, kind, arg, self.resolved.versions),
                # The same page at the stable address; it always exists (see withdrawn pages).
                "latest_url": self.editions[0].url(kind, arg), **self.shared}

    def page(self, kind: PageKind, title: str, context_class=EditionContext, arg: str | None = None,
             number: str | None = None, **extra) -> Page:
        edition, content = self.edition, self.resolved
        values = {**self.common(kind, arg), **extra}
        if kind.searchable and not edition.is_working:
            values["search"] = SearchMeta("latest" if edition.is_latest else "archived",
                                          f"{content.municipality} {content.title}", content.version.titled_name,
                                          title, number, SEARCH_WEIGHTS.get(kind, 1.0))
        full_title = title if kind is PageKind.PLAN_HOME else msg("ui.title_in_plan", title=title, plan=content.title)
        # A frozen 版's pages, and the printed plan at any address (a printout outlives the
        # address), say which 版 they show, with its stage.
        if not edition.unversioned or kind is PageKind.PRINT:
            full_title = msg("ui.title_of_version", title=full_title, version=content.version.titled_name)
        return Page(url=edition.url(kind, arg), kind=kind, title=full_title, context=context_class(**values),
                    description=msg("ui.page_description", municipality=content.municipality, plan=content.title,
                                    title=title))


def edition_pages(build: EditionBuild) -> Iterator[Page]:
    """Every page of the edition, in declaration order of the kinds."""
    for kind in PageKind:
        if kind.scope not in (Scope.EDITION, Scope.ITEM):
            continue
        builder = BUILDERS.get(kind)
        if kind.scope is Scope.ITEM:
            yield from builder(build)
        elif not build.edition.has(kind):
            continue   # a page the plan has no use for (the departments view of a plan without departments)
        elif builder is None:
            yield build.page(kind, msg(kind.title_key))
        else:
            yield builder(build)


@builds(PageKind.PLAN_HOME)
def plan_home(b: EditionBuild) -> Page:
    content = b.content
    counts = sections.status_counts(content, b.shared["status_class"])
    return b.page(PageKind.PLAN_HOME, content.title, PlanHomeContext, status_counts=counts,
                  status_chart=bar_chart(counts),
                  kpi_summary=kpi_summary(list(b.shared["assessments"].values())))


@builds(PageKind.INITIATIVES)
def initiatives(b: EditionBuild) -> Page:
    return b.page(PageKind.INITIATIVES, msg("ui.initiatives"), InitiativesContext,
                  groups=sections.initiatives_by_theme(b.content),
                  filters=sections.filter_choices(b.content, b.shared["status_class"]))


@builds(PageKind.DEPARTMENTS)
def departments(b: EditionBuild) -> Page:
    title = sections.departments_title(b.content.labels, msg("ui.departments"))
    return b.page(PageKind.DEPARTMENTS, title, DepartmentsContext, heading=title,
                  groups=sections.initiatives_by_department(b.content))


@builds(PageKind.KPI)
def kpi(b: EditionBuild) -> Page:
    return b.page(PageKind.KPI, b.content.fields.label_of("kpis", msg("ui.kpi")), KpiContext, kpis=b.content.all_kpis(),
                  groups=sections.kpis_by_owner(b.content),
                  kpi_summary=kpi_summary(list(b.shared["assessments"].values())))


@builds(PageKind.REVISIONS)
def revisions(b: EditionBuild) -> Page:
    known = sections.known_versions(b.content, b.edition)
    return b.page(PageKind.REVISIONS, msg("ui.revisions"), RevisionsContext,
                  history=sections.versions_up_to(b.content),
                  summaries=changes.revision_summaries(b.content.id, b.diffs, known),
                  compare_versions=known, compare_choices=changes.compare_choices(b.content.id, known))


@builds(PageKind.CHAPTER)
def chapters(b: EditionBuild) -> Iterator[Page]:
    for chapter in b.content.chapters:
        yield b.page(PageKind.CHAPTER, chapter.title, ChapterContext, chapter.id, chapter=chapter)


@builds(PageKind.DATA)
def data(b: EditionBuild) -> Page:
    tables = opendata.tables(b.content)
    files = edition_files(b.content, b.site, tables)
    licence = plan_licence(b.content, b.site)
    description = msg("opendata.package.description", title=b.content.title, version=b.content.version.titled_name)
    address = urls.page(b.edition.base, PageKind.DATA)
    return b.page(PageKind.DATA, msg("ui.data_title"), DataContext,
                  files=[(name, len(data), name.rsplit(".", 1)[1].upper()) for name, data in files.items()],
                  data_files=files, tables=tables, schemas={t.name: datapackage.table_schema(t) for t in tables},
                  provenance=opendata.provenance(b.content, tables), licence=licence,
                  licence_url=datapackage.licence_url(licence), region_code=b.content.region_code,
                  type_labels={t: msg(f"opendata.types.{t}") for t in ("string", "integer", "number", "boolean")},
                  dataset=datapackage.dataset(
                      b.content, licence, b.info.publisher, description, address,
                      {name: urls.data_file(b.edition.base, name) for name in files},
                      lambda target: relative_url(target, address)))


@builds(PageKind.PRINT)
def print_page(b: EditionBuild) -> Page:
    return b.page(PageKind.PRINT, msg("ui.print_title"), PrintContext,
                  history=sections.versions_up_to(b.content))


@builds(PageKind.INITIATIVE)
def initiative_pages(b: EditionBuild) -> Iterator[Page]:
    content, edition = b.content, b.edition
    items = content.initiatives
    for index, initiative in enumerate(items):
        yield b.page(PageKind.INITIATIVE, plain_line(initiative.display_title), InitiativeContext, initiative.id,
                     number=initiative.number, initiative=initiative,
                     previous=items[index - 1] if index > 0 else None,
                     next=items[index + 1] if index + 1 < len(items) else None,
                     missing_fields=initiative.missing,
                     earlier_details=sections.earlier_details(content.id, initiative),
                     appearances=changes.initiative_appearances(edition, initiative.id, content.versions, b.diffs),
                     related=sections.related_initiatives(content, initiative),
                     summary=summary.initiative_summary(content, initiative),
                     change_note=changes.change_note(edition, b.diffs, initiative.id, content.version))

