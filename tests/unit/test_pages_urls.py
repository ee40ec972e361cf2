import pytest

from generator.pages.kinds import PageKind
from generator.pages.page import Page, relative_url


@pytest.mark.parametrize("target, current, expected", [
    ("", "", "./"),
    ("gotsu/", "", "gotsu/"),
    ("", "gotsu/initiatives/bpr/", "../../../"),
    ("gotsu/kpi/", "gotsu/initiatives/bpr/", "../../kpi/"),
    ("gotsu/initiatives/bpr/", "gotsu/initiatives/bpr/", "./"),
    ("gotsu/v/1.5/", "gotsu/", "v/1.5/"),
])
def test_relative_urls_work_under_any_sub_path(target, current, expected):
    assert relative_url(target, current) == expected


def test_page_source_uri():
    assert Page(url="", kind=PageKind.SITE_HOME, title="t", context=None).src_uri == "index.md"
    assert Page(url="gotsu/kpi/", kind=PageKind.KPI, title="t", context=None).src_uri == "gotsu/kpi/index.md"


def test_every_error_message_has_a_documented_fix():
    from generator.pages.builder import error_catalogue
    missing = [e["key"] for e in error_catalogue() if not e["hint"]]
    assert missing == []


def test_every_language_has_every_message_with_the_same_placeholders():
    import re

    from generator.i18n import _catalogue, available_languages

    def walk(node, prefix=""):
        for key, value in node.items():
            if isinstance(value, dict):
                yield from walk(value, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}", value

    reference = dict(walk(_catalogue("ja")))
    for language in available_languages():
        entries = dict(walk(_catalogue(language)))
        # Another language may leave a line out (it falls back to Japanese), never add one.
        assert set(entries) <= set(reference), (language, set(entries) - set(reference))
        for key, text in entries.items():
            if key.startswith("fiscal."):
                continue  # date formats pick what their language needs (see test_fiscal)
            assert set(re.findall(r"\{[a-z_]+\}", text)) == set(re.findall(r"\{[a-z_]+\}", reference[key])), key
