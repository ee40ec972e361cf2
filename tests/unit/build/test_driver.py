"""The one build pipeline (build/driver.py): the whole site as one batch (what a plain
`mkdocs build`/`serve` renders), and `build_site` filling a staging folder from units."""

from __future__ import annotations

import json

import pytest

from generator.build.driver import build_site, whole_site
from generator.build.request import BuildRequest, Timings
from generator.build.units import plan_units
from generator.i18n import set_language
from generator.load.parts import ContentProblems
from generator.pages import urls
from generator.pages.kinds import PageKind
from generator.render.renderer import Renderer
from generator.validate import load_valid_site
from generator.validate.plan_source import PlanSource

from tests.conftest import FIXTURES

from .plans import add_release, small_portal
from .writer import PlainWriter


@pytest.fixture(scope="module")
def site():
    set_language("ja")
    return load_valid_site(FIXTURES / "basic").site


def test_the_whole_site_is_one_portal_batch_and_the_preview_adds_the_working_copy(site):
    batch = whole_site(site, Renderer(), "https://example.jp/")
    addresses = {p.url for p in batch.pages}
    assert batch.portal and batch.after_write is not None
    assert {urls.SITE_HOME, urls.plan_base("sample"), urls.edition_base("sample", urls.EditionKind.FROZEN, "1.0")} <= addresses
    assert not any(a.startswith(urls.working_base("sample")) for a in addresses)
    assert {urls.plan_feed("sample"), urls.versions_json("sample"), urls.SITE_FEED} <= set(batch.files)
    preview = whole_site(site, Renderer(), "https://example.jp/", preview=True)
    working = {p.url for p in preview.pages} - addresses
    assert working and all(a.startswith(urls.working_base("sample")) for a in working)
    assert urls.latest_page("sample", PageKind.INITIATIVE, "online").replace(
        urls.plan_base("sample"), urls.working_base("sample")) in working


def test_the_pages_of_the_whole_site_are_those_of_its_units(site):
    from generator.build.units import UnitRenderer
    producer = UnitRenderer(site)
    unit_pages = {p.url for plan in site.plans for unit in plan_units(plan) for p in producer.pages(unit)}
    batch = whole_site(site, Renderer(), "")
    assert unit_pages <= {p.url for p in batch.pages}


@pytest.mark.slow
def test_a_new_version_renders_its_plans_units_and_indexes_only_its_part(tmp_path, monkeypatch):
    """(slow: the search indexer runs as a process of its own.)"""
    monkeypatch.setenv("PLANPUB_SEARCH_PART_PLANS", "1")
    content = small_portal(tmp_path / "content", ["a", "b", "c"])

    loaded = []

    def build(name: str) -> Timings:
        staging, timings = tmp_path / name, Timings()
        staging.mkdir()
        source = PlanSource(content)
        load = source.load
        source.load = lambda dirs: loaded.extend(d.name for d in dirs) or load(dirs)
        build_site(BuildRequest(site=source.result.site, staging=staging, cache_dir=tmp_path / "cache", fingerprint="f",
                                writer_factory=PlainWriter, renderer_factory=Renderer, site_url="https://example.jp/"),
                   timings, source)
        return timings

    first = build("one")
    assert loaded == ["a", "b", "c"]
    again = build("two")
    assert loaded == ["a", "b", "c"]   # nothing changed: no plan loaded
    assert (first.units_rendered, first.units_cached, first.indexes_made) == (9, 0, 3)
    assert (again.units_rendered, again.units_cached, again.indexes_made, again.indexes_cached) == (0, 9, 0, 3)
    add_release(content / "plans/b", "1.2")
    after = build("three")
    assert loaded[3:] == ["b"]   # only the plan with the new 版
    assert (after.units_rendered, after.indexes_made, after.indexes_cached) == (2, 1, 2)   # b's latest and 1.2
    for staging in (tmp_path / "one", tmp_path / "three"):
        assert (staging / urls.page_file(urls.latest_page("a", PageKind.KPI))).is_file()
        assert (staging / urls.archive_bundle("c", "1.0")).is_dir() and (staging / urls.SITEMAP).is_file()
        assert all((staging / urls.latest_bundle_part(n) / "pagefind-entry.json").is_file() for n in (1, 2, 3))
    parts = json.loads((tmp_path / "three" / urls.SEARCH_BUNDLES).read_text(encoding="utf-8"))["latest"]
    assert parts == [urls.latest_bundle_part(2), urls.latest_bundle_part(3)]
    assert (tmp_path / "three" / urls.archive_bundle("b", "1.1")).is_dir()


def test_content_problems_stop_the_build_with_every_problem(tmp_path):
    content = small_portal(tmp_path / "content", ["a", "b"])
    for plan in ("a", "b"):
        (content / "plans" / plan / "history.yml").write_text("versions: [", encoding="utf-8")
    source = PlanSource(content)
    staging = tmp_path / "staging"
    staging.mkdir()
    request = BuildRequest(site=source.result.site, staging=staging, cache_dir=tmp_path / "cache", fingerprint="f",
                           writer_factory=PlainWriter, renderer_factory=Renderer)
    with pytest.raises(ContentProblems) as raised:
        build_site(request, Timings(), source)
    assert {p.file.split("/")[-2] for p in raised.value.result.problems} == {"a", "b"}
    assert not (tmp_path / "cache" / "units").exists()   # nothing rendered


@pytest.mark.slow
def test_with_jobs_the_first_window_is_one_part_and_at_most_two_windows_are_held(tmp_path, monkeypatch):
    """(slow: forks workers, and the search indexer runs as a process of its own.) Windows of
    two one-plan parts after a first of one: the next window is loaded while the one before
    renders, and a window is loaded only once the one two before it is done."""
    from generator.build import driver

    monkeypatch.setenv("PLANPUB_SEARCH_PART_PLANS", "1")
    monkeypatch.setattr(driver, "WINDOW_PLANS", 2)
    content = small_portal(tmp_path / "content", ["a", "b", "c", "d", "e"])
    events: list[str] = []
    make_work = driver.window_work

    def window_work(*args, **kwargs):
        work = make_work(*args, **kwargs)
        plans = "".join(sorted({u.plan.id for u in work.units}))
        done = work.done
        work.done = lambda: events.append(f"done {plans}") or done()
        return work

    monkeypatch.setattr(driver, "window_work", window_work)
    source = PlanSource(content)
    load = source.load
    source.load = lambda dirs: events.extend(f"load {d.name}" for d in dirs) or load(dirs)
    staging = tmp_path / "staging"
    staging.mkdir()
    build_site(BuildRequest(site=source.result.site, staging=staging, cache_dir=tmp_path / "cache", fingerprint="f",
                            writer_factory=PlainWriter, renderer_factory=Renderer, jobs=2), Timings(), source)
    assert sorted(e for e in events if e.startswith("done")) == ["done a", "done bc", "done de"]
    assert events.index("done a") < events.index("load d")   # two windows at most: a's done before d, e load
    assert events.index("done bc") > events.index("load c")
    assert all((staging / urls.page_file(urls.latest_page(p, PageKind.KPI))).is_file() for p in "abcde")
