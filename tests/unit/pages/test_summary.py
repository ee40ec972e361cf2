"""The initiative page opens with a summary and a change note (pages/summary.py)."""

import pytest

from generator.i18n import set_language
from generator.model.diff import diff_contents
from generator.pages import urls
from generator.pages.kinds import PageKind
from generator.pages.page import relative_url
from generator.pages.builder import build_pages
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "basic"


ONLINE = urls.latest_page("sample", PageKind.INITIATIVE, "online")


@pytest.fixture(scope="module")
def site():
    set_language("ja")
    result = load_valid_site(FIXTURE)
    assert not result.problems
    return result.site


@pytest.fixture(scope="module")
def pages(site):
    return {page.url: page for page in build_pages(site)}


def test_summary_states_status_progress_departments_and_kpi_judgements(pages):
    summary = pages[ONLINE].context.summary
    assert (summary.status.fy, summary.status.name) == (2024, "運用中")
    assert summary.progress[0] == 2024 and list(summary.progress[1].text.items) == ["10手続で運用開始"]
    # no period computed from the schedule's years: no document states one (issue 17)
    assert "期間" not in Renderer().render(pages[ONLINE]).split('class="pp-summary"')[1].split("</section>")[0]
    assert summary.departments == ["市民課", "政策企画課"]
    assert summary.judgements == {"on_track": 1, "not_measured": 1}


def test_change_note_counts_the_fields_this_version_changed_and_links_to_them(site, pages):
    plan = site.plans[0]
    note = pages[ONLINE].context.change_note
    change = next(c for c in diff_contents(plan.snapshots["1.0"], plan.snapshots["1.1"]).initiatives if c.id == "online")
    assert note.state == "changed" and note.version_name == plan.version("1.1").name
    assert sum(note.counts.values()) == len(change.fields) > 0
    assert note.url == urls.compare("sample", "1.0", "1.1", "online")
    assert pages[urls.frozen_page("sample", "1.1", PageKind.INITIATIVE, "online")].context.change_note == note


def test_change_note_of_an_added_initiative_and_of_the_first_version(pages):
    assert pages[urls.latest_page("sample", PageKind.INITIATIVE, "reservation")].context.change_note.state == "added"
    first = urls.frozen_page("sample", "1.0", PageKind.INITIATIVE, "online")
    assert pages[first].context.change_note is None   # nothing before it


def test_the_page_opens_with_the_summary_then_the_note_before_the_fields(pages):
    html = Renderer().render(pages[ONLINE])
    summary, note, fields = html.index('class="pp-summary"'), html.index('class="pp-change-note"'), html.index("pp-fields pp-fields--compact", html.index("pp-change-note"))
    assert html.index("<h1") < summary < note < fields
    changes = relative_url(urls.compare("sample", "1.0", "1.1", "online"), ONLINE)
    assert "第1.1版での変更: " in html and f'href="{changes}">変更点を見る</a>' in html


def test_the_summary_of_an_initiative_straight_from_its_content():
    from generator.model.plan import Initiative, Plan, PlanContent, Progress, Text
    from generator.model.resolved import resolve_working
    from generator.pages.summary import initiative_summary
    content = PlanContent("架空市", "計画", 2023, 2025)
    content.initiatives = [
        Initiative(id="x", title="x", departments=["市民課"], schedule={2024: Text(("試行",))},
                   progress={2023: Progress("検討中", Text(("調査",))), 2024: Progress("運用中")}),
        Initiative(id="y", title="y")]
    resolved = resolve_working(Plan(id="p", versions=[], snapshots={}, working=content))
    summary = initiative_summary(resolved, resolved.initiative("x"))
    assert (summary.status.fy, summary.status.name) == (2024, "運用中") and summary.progress[0] == 2023
    assert not hasattr(summary, "period")          # no period computed from the schedule's years (issue 17)
    assert summary.departments == ["市民課"] and summary.judgements == {} and summary.kpi is None
    assert initiative_summary(resolved, resolved.initiative("y")).is_empty
