"""A new kind of field is one class and one partial (issue 18, point 7).

This test defines a kind no module of generator/ knows — 「事業費」, a sum of money in yen —
as one `FieldKind` subclass, registers it, and gives its template partial in a theme folder of
its own (the site's theme overrides). A plan declares a field of that kind (plan.yml
fields.extra), and the field then goes through every stage without any other module changed:
the JSON Schema and validation (with the kind's own message), the model, the initiative page,
the diff and its label, initiatives.csv and its Table Schema, the workbook export and import,
and the YAML writer.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from generator import i18n
from generator.load import schema_check
from generator.model import fields as registry
from generator.model import kinds, schema
from generator.model.fields import INITIATIVE_FIELDS, Field, FieldSet, Place
from generator.model.diff import diff_contents
from generator.model.fieldnames import field_label
from generator.model.kinds import FieldKind, SheetColumn
from generator.model.records import initiative_dict
from generator.model.resolved import resolve_working
from generator.model.schema_blocks import MESSAGE
from generator.pages import opendata, urls
from generator.pages.builder import build_pages
from generator.pages.kinds import PageKind
from generator.render.renderer import Renderer
from generator.staff.serialize import dump_yaml
from generator.staff.sheets import from_tables, to_tables
from generator.validate import load_valid_site

from openpyxl import load_workbook

from .conftest import FIXTURES, run_cli

PLAN = "plans/own-fields/working"


class AmountKind(FieldKind):
    """A sum of money in yen as the document states it (事業費 1,200,000円)."""

    kind = "amount"
    plan_may_declare = True
    csv_tables = frozenset({"initiatives"})
    column_type = ("integer", "円")

    def schema(self, field):
        return {"type": "integer", "minimum": 0, MESSAGE: "negative_amount", "title": field.label}

    def read(self, raw, owner_id):
        return int(raw)

    def record(self, value):
        return value

    def stated(self, value):
        return value is not None

    def flatten(self, key, value):
        return [((key,), f"{value:,}円")] if value is not None else []

    def cells(self, field, value, edition):
        return [value]

    def schedule_rows(self, field, value):
        return []

    def sheet_columns(self, field, width):
        return [SheetColumn(field.table_label)]

    def sheet_cells(self, field, value, width):
        return [value]

    def sheet_read(self, field, cells):
        return cells.integer(field.table_label)

    def year_parts(self, field):
        return []

    def year_cells(self, field, value):
        return []

    def year_read(self, field, cells, columns):
        return None


PARTIAL = ('{% if mode == "meta" %}<span class="amount">{{ "{:,}".format(value) }}円</span>'
           '{% elif mode == "section" %}<p class="amount">{{ "{:,}".format(value) }}円</p>{% endif %}')


@pytest.fixture
def amount_kind(monkeypatch, tmp_path: Path) -> Path:
    """The kind registered, its messages in the catalogue, its partial in a theme folder."""
    i18n.set_language("ja")
    monkeypatch.setitem(kinds.KINDS, "amount", AmountKind())
    catalogue = i18n._catalogue("ja")
    monkeypatch.setitem(catalogue["errors"], "negative_amount", "金額「{value}」が0より小さくなっています")
    monkeypatch.setitem(catalogue["hints"], "negative_amount", "円単位の0以上の整数で書いてください")
    # The schemas were made (and cached) before the kind existed in this process.
    schema.schemas.cache_clear()
    schema_check._checkers.cache_clear()
    theme = tmp_path / "theme"
    (theme / "planpub/partials/kinds").mkdir(parents=True)
    (theme / "planpub/partials/kinds/amount.html").write_text(PARTIAL, encoding="utf-8")
    yield theme
    schema.schemas.cache_clear()
    schema_check._checkers.cache_clear()


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The own-fields pattern plan, whose working copy declares 事業費 and states it for one initiative."""
    root = tmp_path / "content"
    (root / "plans").mkdir(parents=True)
    shutil.copy(FIXTURES / "patterns/site.yml", root / "site.yml")
    shutil.copytree(FIXTURES / "patterns/plans/own-fields", root / "plans/own-fields")
    plan = root / PLAN / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "  extra:\n", "  extra:\n    - {key: budget, kind: amount, label: 事業費, place: meta}\n"), encoding="utf-8")
    app = root / PLAN / "initiatives/app.yml"
    app.write_text(app.read_text(encoding="utf-8") + "budget: 1200000\n", encoding="utf-8")
    return root


def test_the_new_kind_goes_through_every_stage(amount_kind, content):
    # schema and validation: the plan may declare it, the value is read by the kind
    assert "amount" in schema.plan()["properties"]["fields"]["properties"]["extra"]["items"]["properties"]["kind"]["enum"]
    result = load_valid_site(content)
    assert not result.problems, [p.format() for p in result.problems]
    plan = result.site.plans[0]
    working = plan.working
    app = working.initiative("app")
    assert app.extra["budget"] == 1200000
    field = working.fields["budget"]

    # the initiative page: the partial of the theme folder shows it in the list under the title
    page = next(p for p in build_pages(result.site, include_working=True)
                if p.url == urls.page(urls.working_base("own-fields"), PageKind.INITIATIVE, "app"))
    html = Renderer(overrides=amount_kind).render(page)
    assert '<dt>事業費</dt>' in html and '<span class="amount">1,200,000円</span>' in html

    # the diff: added since the frozen 版, named by its label
    diff = diff_contents(plan.snapshots[plan.latest.id], working)
    change = next(f for c in diff.initiatives if c.id == "app" for f in c.fields if f.key == ("budget",))
    assert change.kind == "added" and change.new == "1,200,000円"
    assert field_label(change.key, None, diff.fields) == "事業費"

    # the open data: a column of initiatives.csv, typed by the kind
    edition = resolve_working(plan)
    table = opendata.initiatives_table(edition)
    column = next(c for c in table.columns if c.name == "budget")
    assert (column.meaning, column.type, column.unit) == ("事業費", "integer", "円")
    rows = list(csv.DictReader(io.StringIO(opendata.data_files(edition, "CC BY 4.0")[opendata.INITIATIVES]
                                           .decode("utf-8-sig"))))
    assert {r["initiative_id"]: r["budget"] for r in rows} == {"app": "1200000", "portal": ""}

    # the workbook: a column of the 取組 sheet, exported and imported back unchanged
    statuses = [s.name for s in working.statuses]
    tables = {t.name: t for t in to_tables(working, statuses)}
    sheet = tables["取組"]
    assert sheet.rows[[r[0] for r in sheet.rows].index("app")][sheet.header.index("事業費")] == 1200000
    imported, _, problems = from_tables(tables, working, statuses)
    assert problems == []
    back = next(i for i in imported if i.id == "app")
    assert back.extra["budget"] == 1200000

    # the YAML writer: the value as the file holds it, read back the same by the loader
    written = dump_yaml(initiative_dict(back, working.fields))
    assert "budget: 1200000\n" in written


def test_the_new_kind_round_trips_through_the_staff_commands(amount_kind, content, tmp_path):
    """`planpub export` → a staff member edits the 事業費 cell → `planpub import`: the
    initiative file changes in that one value, its comments and other lines kept."""
    path = tmp_path / "plan.xlsx"
    exported = run_cli("export", "own-fields", "--xlsx", str(path), "--content", str(content))
    assert exported.returncode == 0, exported.stderr
    workbook = load_workbook(path)
    sheet = workbook["取組"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "app")
    assert row[header.index("事業費")].value == 1200000
    row[header.index("事業費")].value = 1500000
    workbook.save(path)
    app = content / PLAN / "initiatives/app.yml"
    before = app.read_text(encoding="utf-8")
    imported = run_cli("import", "own-fields", "--xlsx", str(path), "--content", str(content), "--yes")
    assert imported.returncode == 0, imported.stderr
    assert "事業費" in imported.stdout and "1,500,000円" in imported.stdout   # the change is shown first
    assert app.read_text(encoding="utf-8") == before.replace("budget: 1200000", "budget: 1500000")


def test_a_registry_field_of_the_new_kind(amount_kind, monkeypatch, tmp_path):
    """Declared in the registry instead of by a plan (one `Field(...)` line and its label): the
    model holds it without a change to its dataclass, and it is read, shown, exported and
    written back the same way."""
    monkeypatch.setattr(registry, "INITIATIVE_FIELDS", FieldSet(tuple(INITIATIVE_FIELDS) + (
        Field("budget", "amount", Place.META, 50),)))
    monkeypatch.setitem(i18n._catalogue("ja")["ui"]["fields"], "budget", "事業費")
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", root)
    online = root / "plans/sample/working/initiatives/online.yml"
    online.write_text(online.read_text(encoding="utf-8") + "budget: 300000\n", encoding="utf-8")
    result = load_valid_site(root)
    assert not result.problems, [p.format() for p in result.problems]
    working = result.site.plans[0].working
    assert working.initiative("online").extra["budget"] == 300000
    page = next(p for p in build_pages(result.site, include_working=True)
                if p.url == urls.page(urls.working_base("sample"), PageKind.INITIATIVE, "online"))
    assert '<span class="amount">300,000円</span>' in Renderer(overrides=amount_kind).render(page)
    statuses = [s.name for s in working.statuses]
    imported, _, problems = from_tables({t.name: t for t in to_tables(working, statuses)}, working, statuses)
    assert problems == []
    back = next(i for i in imported if i.id == "online")
    assert dump_yaml(initiative_dict(back, working.fields)).endswith("budget: 300000\n")


def test_the_new_kind_says_what_is_wrong(amount_kind, content):
    """A wrong value is refused with the kind's own message, naming the file, line and field."""
    app = content / PLAN / "initiatives/app.yml"
    app.write_text(app.read_text(encoding="utf-8").replace("budget: 1200000", "budget: -5"), encoding="utf-8")
    problems = [p for p in load_valid_site(content).problems if p.field == "budget"]
    assert len(problems) == 1 and problems[0].line
    assert "金額「-5」が0より小さくなっています" in problems[0].message
    assert "円単位の0以上の整数" in problems[0].hint


def test_without_its_class_the_kind_is_refused(content):
    """A plan naming a kind that no class registers gets an error, not a traceback."""
    schema.schemas.cache_clear()
    schema_check._checkers.cache_clear()
    problems = load_valid_site(content).problems
    kind = next(p for p in problems if p.field == "fields.extra[0].kind")
    assert kind.file.endswith("plan.yml") and kind.line == 14
    assert "「amount」" in kind.message and "fiscal_year、label、text" in kind.message
