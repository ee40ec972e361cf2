"""Which pages a site has (pages/builder.py)."""

from __future__ import annotations


def test_every_error_message_has_a_documented_fix():
    from generator.pages.builder import error_catalogue
    missing = [e["key"] for e in error_catalogue() if not e["hint"]]
    assert missing == []


def test_the_search_page_offers_a_scope_only_on_a_portal_of_several_parts(basic):
    from generator.pages.builder import portal_pages
    from generator.pages.kinds import PageKind

    def search_context(plan_parts):
        return next(p.context for p in portal_pages(basic, plan_parts=plan_parts) if p.kind is PageKind.SEARCH)

    assert not search_context(None).scoped and not search_context({"sample": 1}).scoped
    assert search_context({"sample": 1, "other": 2}).scoped
