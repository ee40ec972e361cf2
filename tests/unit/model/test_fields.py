"""The field registry and what is derived from it.

The central test adds a prose field the way docs/adding-a-field.md tells a contributor
to — one `Field(...)` declaration and one locale line — and checks that every derived
artefact picked it up: the JSON Schema, validation, the loaded model, the page (in its
place), the diff and its label, the open-data column and data dictionary, the workbook
column and its round trip, and the canonical YAML writer.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from generator import i18n
from generator.model import fields as registry
from generator.model.diff import diff_contents
from generator.model.fieldnames import field_label
from generator.model.fields import INITIATIVE_FIELDS, Field, FieldSet, Kind, Place
from generator.model.records import initiative_dict
from generator.model.resolved import resolve_working
from generator.model.schema import current_schemas, initiative
from generator.pages import opendata
from generator.pages.builder import build_pages
from generator.render.renderer import Renderer
from generator.staff.sheets import from_tables, to_tables
from generator.validate import load_valid_site
from generator.pages import urls
from generator.pages.kinds import PageKind

from tests.conftest import ROOT

ONLINE = "plans/sample/working/initiatives/online.yml"


@pytest.fixture
def with_risks(monkeypatch):
    """The registry with one more prose field, 「想定されるリスク」, shown after 効果."""
    i18n.set_language("ja")
    fields = list(INITIATIVE_FIELDS)
    at = [f.key for f in fields].index("effect") + 1
    fields.insert(at, Field("risks", Kind.TEXT, Place.BODY, 85))          # the declaration
    monkeypatch.setattr(registry, "INITIATIVE_FIELDS", FieldSet(tuple(fields)))
    monkeypatch.setitem(i18n._catalogue("ja")["ui"]["fields"], "risks", "想定されるリスク")   # the locale line
    return registry.INITIATIVE_FIELDS


@pytest.fixture
def content_with_risks(basic_content: Path) -> Path:
    path = basic_content / ONLINE
    path.write_text(path.read_text(encoding="utf-8") + "risks: 利用者が少ないおそれ\n", encoding="utf-8")
    return basic_content


def test_a_new_prose_field_is_in_the_schema(with_risks):
    schema = current_schemas(with_risks)["initiative"]
    assert schema["properties"]["risks"]["title"] == "想定されるリスク"
    assert list(schema["properties"]).index("risks") == list(schema["properties"]).index("effect") + 1


def test_a_new_prose_field_is_loaded_and_validated(with_risks, content_with_risks):
    result = load_valid_site(content_with_risks)
    assert not result.problems, [p.format() for p in result.problems]
    online = result.site.plans[0].working.initiative("online")
    assert online.texts["risks"].items == ("利用者が少ないおそれ",)
    # A wrong value is a schema error naming the field, with its line.
    path = content_with_risks / ONLINE
    path.write_text(path.read_text(encoding="utf-8").replace("risks: 利用者が少ないおそれ", "risks: {a: 1}"),
                    encoding="utf-8")
    problems = [p for p in load_valid_site(content_with_risks).problems if p.field == "risks"]
    assert problems and "想定されるリスク" in problems[0].message and problems[0].line


def test_without_the_declaration_the_field_is_refused(content_with_risks):
    problems = load_valid_site(content_with_risks).problems
    assert [p.code for p in problems] == ["schema.additionalProperties"]


def test_a_new_prose_field_is_shown_in_its_place(with_risks, content_with_risks):
    site = load_valid_site(content_with_risks).site
    page = next(p for p in build_pages(site, include_working=True) if p.url == urls.page(urls.working_base("sample"), PageKind.INITIATIVE, "online"))
    html = Renderer().render(page)
    assert '<h2 id="field-risks">想定されるリスク</h2>' in html
    assert html.index('id="field-effect"') < html.index('id="field-risks"') < html.index('id="schedule"')


def test_a_new_prose_field_is_diffed_with_its_label(with_risks, content_with_risks):
    plan = load_valid_site(content_with_risks).site.plans[0]
    diff = diff_contents(plan.snapshots[plan.latest.id], plan.working)
    change = next(c for c in diff.initiatives if c.id == "online")
    risk = next(f for f in change.fields if f.key == ("risks",))
    assert risk.kind == "added" and risk.new == "利用者が少ないおそれ"
    assert field_label(risk.key, None, diff.fields) == "想定されるリスク"


def test_a_new_prose_field_is_open_data(with_risks, content_with_risks):
    plan = load_valid_site(content_with_risks).site.plans[0]
    content = plan.working
    texts = opendata.texts_table(resolve_working(plan))
    field = next(c for c in texts.columns if c.name == "field")
    assert field.enum.index("risks") == field.enum.index("effect") + 1   # the Table Schema's enumeration
    rows = list(csv.DictReader(io.StringIO(opendata.data_files(resolve_working(plan), "CC BY 4.0")
                                           [opendata.TEXTS].decode("utf-8-sig"))))
    risk = next(r for r in rows if r["initiative_id"] == "online" and r["field"] == "risks")
    assert risk["text"] == "利用者が少ないおそれ" and risk["field_label"] == "想定されるリスク" and risk["item"] == "1"
    assert initiative_dict(content.initiative("online"), content.fields)["risks"] == "利用者が少ないおそれ"


def test_a_new_prose_field_is_a_workbook_column_that_round_trips(with_risks, content_with_risks):
    site = load_valid_site(content_with_risks).site
    content = site.plans[0].working
    tables = {t.name: t for t in to_tables(content, [s.name for s in content.statuses])}
    sheet = tables["取組"]
    assert "想定されるリスク" in sheet.header and "想定されるリスク" in sheet.wide
    initiatives, _, problems = from_tables(tables, content, [s.name for s in content.statuses])
    assert problems == []
    assert next(i for i in initiatives if i.id == "online").texts["risks"].items == ("利用者が少ないおそれ",)
    keys = list(initiative_dict(next(i for i in initiatives if i.id == "online"), content.fields))
    assert keys.index("risks") > keys.index("overview")   # written where the registry declares it


def test_every_field_has_a_label_in_every_language():
    for language in i18n.available_languages():
        for field in INITIATIVE_FIELDS:
            assert i18n.has(field.label_key, language), (language, field.key)


def test_the_registry_agrees_with_the_schema_written_to_content():
    # content/schema/*.json are generated; a stale copy (plan.schema.json once lacked
    # `licence`) would mislead editors.
    import json
    i18n.set_language("ja")
    for name, schema in current_schemas().items():
        path = ROOT / "content/schema" / f"{name}.schema.json"
        assert json.loads(path.read_text(encoding="utf-8")) == schema, f"{path}: run planpub schema"


def test_initiative_schema_lists_every_field_in_registry_order():
    assert list(initiative()["properties"]) == [f.key for f in INITIATIVE_FIELDS] + ["items"]
    assert initiative()["required"] == ["title"]


def test_places_order_every_field_and_schedule_rows_follow_the_page():
    placed = [f.key for place in Place for f in INITIATIVE_FIELDS.shown(place)]
    assert sorted(placed) == sorted(f.key for f in INITIATIVE_FIELDS)
    assert [f.key for f in INITIATIVE_FIELDS.shown(Place.SCHEDULE)] == [
        "schedule", "activities", "annual_goals", "progress"]
