"""What kinds of pages and editions the site has.

A `PageKind` member is the declaration of a page type: where it lives (its path below
an edition's base URL, or below the site root for portal pages), which template renders
it, its title and whether the plan menu lists it and the search index covers it. The URL
scheme (urls.py) and the plan menu are derived from these declarations; a page kind whose
template needs more than the common context has a builder in pages/catalogue.py.
"""

from __future__ import annotations

from enum import Enum, StrEnum

from generator.model.resolved import EditionKind  # noqa: F401 (declared with the resolved 版)


class Scope(Enum):
    EDITION = "edition"   # one per edition of each plan (path below the edition's base)
    ITEM = "item"         # one per initiative or chapter of an edition ("{id}" in the path)
    PLAN = "plan"         # one per plan, not per edition (path below /<plan>/)
    PORTAL = "portal"     # once for the whole site (path below the site root)


class PageKind(StrEnum):
    """Every page type: value, scope, path, template, title key, menu position (0: not in
    the plan menu), searchable."""

    def __new__(cls, value: str, scope: Scope, path: str, template: str, title: str = "", menu: int = 0,
                searchable: bool = False):
        member = str.__new__(cls, value)
        member._value_ = value
        member.scope, member.path, member.template, member.title_key = scope, path, template, title
        member.menu, member.searchable = menu, searchable
        return member

    SITE_HOME = "site_home", Scope.PORTAL, "", "site_home"
    SEARCH = "search", Scope.PORTAL, "search/", "search", "ui.search_title"
    ERROR_LIST = "error_list", Scope.PORTAL, "guide/errors/", "error_list", "ui.error_list_title"
    PROBLEMS = "problems", Scope.PORTAL, "", "problems", "ui.problems_title"
    PLAN_HOME = "plan_home", Scope.EDITION, "", "plan_home", "ui.plan_home", 10, True
    INITIATIVES = "initiatives", Scope.EDITION, "initiatives/", "initiatives", "ui.initiatives", 20
    DEPARTMENTS = "departments", Scope.EDITION, "departments/", "departments", "ui.departments", 30
    KPI = "kpi", Scope.EDITION, "kpi/", "kpi", "ui.kpi", 40
    REVISIONS = "revisions", Scope.EDITION, "revisions/", "revisions", "ui.revisions", 50
    DATA = "data", Scope.EDITION, "data/", "data", "ui.data_title", 70
    PRINT = "print", Scope.EDITION, "print/", "print", "ui.print_title", 90
    CHAPTER = "chapter", Scope.ITEM, "{id}/", "chapter", "", 0, True
    INITIATIVE = "initiative", Scope.ITEM, "initiatives/{id}/", "initiative", "", 0, True
    COMPARE = "compare", Scope.PLAN, "compare/{old}/{new}/", "compare", "ui.compare_title"
    WITHDRAWN = "withdrawn", Scope.PLAN, "", "withdrawn"

    @property
    def template_name(self) -> str:
        return f"planpub/pages/{self.template}.html"


def menu_kinds() -> list[PageKind]:
    """The edition pages the plan menu lists, in menu order."""
    return sorted((k for k in PageKind if k.menu), key=lambda k: k.menu)
