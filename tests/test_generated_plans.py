"""Plans of many shapes, drawn from the field registry (tests/plan_strategies.py), all the way
through: valid, released twice, every page rendered with every stated value on it, open data
with a row per initiative, the diff between the two 版, and the workbook round trip."""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from generator.model.plan import theme_name
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.i18n import set_language
from generator.model.diff import diff_contents
from generator.model.records import initiative_dict
from generator.model.resolved import EditionKind, resolve_edition
from generator.pages import opendata
from generator.pages.builder import build_pages
from generator.render.renderer import Renderer
from generator.staff.release import ReleaseRequest, prepare_release, write_release
from generator.staff.sheets import from_tables, themes_from_tables, to_tables
from generator.validate import load_valid_site
from generator.pages import urls
from generator.pages.kinds import PageKind

from .plan_strategies import plan_shapes, write_plan
from .test_cross_view import check_stage_facts

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
TAG = re.compile(r"<[^>]+>")
def _loaded(content: Path):
    result = load_valid_site(content)
    assert not result.problems, "\n".join(p.format() for p in result.problems)
    return result


def _release(content: Path, label: str | None, date: str, stage_facts: dict | None = None) -> None:
    request = ReleaseRequest(plan_id="town", label=label, date=date, notes_text="改訂", stage_facts=stage_facts)
    write_release(prepare_release(_loaded(content), content, request), content)


def _visible(page_html: str) -> str:
    return html.unescape(TAG.sub("", page_html))


def _strings(value) -> list[str]:
    """The plain words a stated value must show (dict keys are years or structure)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for key, item in value.items() if key in ("name", "text") or isinstance(key, int)
                for s in _strings(item)]
    return []


@SETTINGS
@given(shape=plan_shapes(), numbered=st.booleans())
def test_any_plan_shape_builds_and_shows_every_stated_fact(tmp_path_factory, shape, numbered):
    content = write_plan(shape, tmp_path_factory.mktemp("plan"))
    _release(content, "1.0", "2025-04", shape.stages[0])
    # The next 版 changes one fact of every initiative: the diff must say so.
    for path in (content / "plans/town/working/initiatives").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["title"] += "（改）"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # a document may give its 版 no number: released without a label, known by its date
    _release(content, "1.1" if numbered else None, "2025-10", shape.stages[1])
    site = _loaded(content).site
    plan = site.plans[0]
    latest, first = plan.snapshots[plan.latest.id], plan.snapshots[plan.snapshot_versions[0].id]

    set_language("ja")
    renderer = Renderer()
    pages = {page.url: page for page in build_pages(site)}
    for initiative_id, data in shape.initiatives.items():
        text = _visible(renderer.render(pages[urls.latest_page("town", PageKind.INITIATIVE, initiative_id)]))
        themes = {t["id"]: t for t in shape.plan.get("themes", [])}
        theme_names = {t_id: theme_name(t.get("number"), t.get("name")) for t_id, t in themes.items()}
        for key, value in data.items():
            if key == "labels":   # the names it gives fields: checked below, where they are used
                continue
            if key in ("theme", "related_themes"):  # themes are referred to by id, shown by name
                value = [theme_names[t] for t in ([value] if isinstance(value, str) else value)]
            for words in _strings(value):
                assert words in text, f"{initiative_id}.{key}: {words!r} is not on its page"
        chapter = themes.get(data.get("theme"), {}).get("labels", {})
        for key in set(shape.labels) | set(data.get("labels", {})) | set(chapter):
            # the most specific name: the initiative's own, its chapter's, the plan's
            label = data.get("labels", {}).get(key) or chapter.get(key) or shape.labels.get(key)
            field = latest.fields[key]
            if label and field.value(next(i for i in latest.initiatives if i.id == initiative_id)):
                assert label in text, f"the name {label!r} for {key} is not on the page"
    rendered = {url: renderer.render(page) for url, page in pages.items()}   # every other page renders too
    # the 版 released with stage facts and those known from history.yml read the same in every view
    check_stage_facts(site, plan, pages, rendered.__getitem__)

    changes = diff_contents(first, latest)
    assert {c.id for c in changes.initiatives} == set(shape.initiatives)
    assert all(any(f.key == ("title",) or "title" in str(f.key) for f in c.fields) for c in changes.initiatives)

    rows = opendata.initiatives_table(resolve_edition(plan, plan.latest, EditionKind.LATEST, site)).rows
    assert [row[1] for row in rows if row[2] is None] == list(shape.initiatives)

    # The workbook holds every drawn plan: sheets → initiatives gives the same records.
    statuses = [s.name for s in (latest.statuses or site.statuses)]
    tables = {table.name: table for table in to_tables(latest, statuses)}
    found, plan_kpis, problems = from_tables(tables, latest, statuses)
    assert not problems, [p.message for p in problems]
    assert [initiative_dict(i) for i in found] == [initiative_dict(i) for i in latest.initiatives]
    themes, problems = themes_from_tables(tables, latest)     # a theme's own labels (テーマの項目名)
    assert not problems and [t.labels for t in themes] == [t.labels for t in latest.themes]


def test_the_strategy_covers_every_kind_of_the_registry():
    """A field kind the strategy cannot draw fails here, not silently in a later example."""
    from generator.model.fields import INITIATIVE_FIELDS, Kind
    from . import plan_strategies
    source = Path(plan_strategies.__file__).read_text(encoding="utf-8")
    for kind in {f.kind for f in INITIATIVE_FIELDS} | {Kind.FISCAL_YEAR}:
        assert f"Kind.{kind.name}" in source, f"plan_strategies draws no {kind}"
