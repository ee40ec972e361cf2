import pytest

from generator.pages import Page, relative_url


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
    assert Page(url="", template="x", title="t").src_uri == "index.md"
    assert Page(url="gotsu/kpi/", template="x", title="t").src_uri == "gotsu/kpi/index.md"


def test_every_error_message_has_a_documented_fix():
    from generator.pages import error_catalogue
    missing = [e["key"] for e in error_catalogue() if not e["hint"]]
    assert missing == []
