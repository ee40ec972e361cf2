"""The open data as data users take it (issue 21): every CSV of every edition — the sample's,
the pattern plans', generated plans' — passes the machine-readability check
(tests/machine_readable.py), every datapackage.json passes the real Frictionless validator,
a formula in a title is neutralised, the data dictionary on the data page is the Table Schema,
and the data page's JSON-LD describes the dataset."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path

import frictionless
import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from generator.model.resolved import resolve_edition
from generator.pages import datapackage, opendata, urls
from generator.pages.editions import plan_editions, unique
from generator.pages.files import edition_files
from generator.pages.kinds import EditionKind, PageKind
from generator.validate import load_valid_site

from .conftest import FIXTURES, SAMPLE_CONTENT
from .machine_readable import edition_problems
from .plan_strategies import plan_shapes, write_plan

CONTENTS = {"sample": SAMPLE_CONTENT, "patterns": FIXTURES / "patterns", "basic": FIXTURES / "basic"}
GOTSU, KASHIMA = urls.plan_base("gotsu"), urls.plan_base("kashima")
KASHIMA_DRAFT = urls.edition_base("kashima", EditionKind.FROZEN, "draft-2023-07")
WORKING = urls.edition_base("sample", EditionKind.WORKING)    # the basic fixture's working copy


def _editions_data(content: Path) -> dict[str, dict[str, bytes]]:
    """Every published edition's data files (and the working copy's), built in process."""
    result = load_valid_site(content)
    assert not result.problems, [p.format() for p in result.problems]
    site = result.site
    found = {}
    for plan in site.plans:
        for edition in unique(plan_editions(plan, include_working=True)):
            resolved = resolve_edition(plan, edition.version, edition.kind, site, edition.content,
                                       edition.known_snapshots)
            found[edition.base] = edition_files(resolved, site)
    return found


@pytest.fixture(scope="module")
def editions() -> dict[str, dict[str, dict[str, bytes]]]:
    return {name: _editions_data(content) for name, content in CONTENTS.items()}


def _validate(files: dict[str, bytes], folder: Path) -> frictionless.Report:
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return frictionless.validate(folder / datapackage.PACKAGE_FILE)


def _errors(report: frictionless.Report) -> list[tuple]:
    """(resource, row, field, error type, note) of every error, package-level ones with None."""
    found = [(None, None, None, e.type, e.note) for e in report.errors]
    for task in report.tasks:
        found += [(task.name, getattr(e, "row_number", None), getattr(e, "field_name", None), e.type, e.note)
                  for e in task.errors]
    return found


def test_every_csv_of_every_edition_is_machine_readable(editions):
    checked = 0
    for name, by_base in editions.items():
        for base, files in by_base.items():
            assert edition_problems(files) == [], f"{name} {base}"
            checked += sum(1 for f in files if f.endswith(".csv"))
    assert checked > 100


def test_every_package_passes_frictionless_validate(editions, tmp_path):
    """The real validator: types, enumerations, patterns, required cells, primary keys and the
    foreign keys between the tables, the encoding with its BOM."""
    for name, by_base in editions.items():
        for base, files in by_base.items():
            report = _validate(files, tmp_path / name / base)
            assert report.valid, (name, base, _errors(report))
            assert len(report.tasks) == len(files) - 1   # every file but datapackage.json itself


def test_frictionless_finds_what_the_rules_forbid(editions, tmp_path):
    """The validator is really checking: a unit in a numeric cell, a department outside the
    plan's list and an unknown initiative are each reported."""
    files = dict(editions["sample"][KASHIMA])
    kpis = files["kpis.csv"].decode("utf-8-sig").split("\r\n")
    header = kpis[0].split(",")
    row = next(i for i, line in enumerate(kpis[1:], 1) if line.split(",")[header.index("value")])
    cells = kpis[row].split(",")
    cells[header.index("value")] += "件"
    kpis[row] = ",".join(cells)
    files["kpis.csv"] = "\r\n".join(kpis).encode("utf-8-sig")
    departments = files["initiative_departments.csv"].decode("utf-8-sig")
    first = departments.split("\r\n")[1].split(",")
    files["initiative_departments.csv"] = departments.replace(
        ",".join(first), ",".join(first[:3] + ["存在しない課"] + first[4:]), 1).encode("utf-8-sig")
    schedule = files["schedule.csv"].decode("utf-8-sig")
    first_id = schedule.split("\r\n")[1].split(",")[1]
    files["schedule.csv"] = schedule.replace(f",{first_id},", ",no-such-initiative,", 1).encode("utf-8-sig")
    types = {(e[0], e[3]) for e in _errors(_validate(files, tmp_path / "broken"))}
    assert ("kpis", "type-error") in types
    assert ("initiative-departments", "constraint-error") in types
    assert ("schedule", "foreign-key") in types


def test_the_latest_data_equals_what_its_pages_show(editions):
    """江津市's stable address shows the sheets of the earlier 個別業務一覧: its data too."""
    gotsu = editions["sample"][GOTSU]
    schedule = list(csv.DictReader(io.StringIO(gotsu["schedule.csv"].decode("utf-8-sig"))))
    kpis = list(csv.DictReader(io.StringIO(gotsu["kpis.csv"].decode("utf-8-sig"))))
    assert schedule and kpis and all(r["source_version"] == "pre-1.5" for r in schedule + kpis)
    assert {r["region_code"] for r in schedule + kpis} == {"322075"}
    package = json.loads(gotsu["datapackage.json"])
    assert package["planpub"]["region_code"] == "322075"
    assert json.loads(editions["sample"][KASHIMA]["plan.json"])["region_code"] == "412074"


def test_no_multi_valued_cells_remain(editions):
    """Departments, categories, visions and related themes are rows of their own tables, joined
    by initiative_id; prose items are rows of initiative_texts.csv, one item each."""
    kashima = editions["sample"][KASHIMA]
    for name in ("initiative_departments.csv", "initiative_categories.csv", "initiative_visions.csv",
                 "initiative_related_themes.csv", "initiative_texts.csv"):
        assert name in kashima, name
    header = kashima["initiatives.csv"].decode("utf-8-sig").split("\r\n")[0].split(",")
    assert not {"departments", "categories", "vision_ids", "carried_columns", "purpose"} & set(header)
    texts = list(csv.DictReader(io.StringIO(kashima["initiative_texts.csv"].decode("utf-8-sig"))))
    plan = json.loads(kashima["plan.json"])
    no28 = next(i for i in plan["initiatives"] if i["id"] == "no28")
    assert "**" in no28["overview_markdown"] and "**" not in no28["overview"]
    assert [r["text"] for r in texts if r["initiative_id"] == "no28" and r["field"] == "overview"] == [no28["overview"]]


# ── plans of many shapes ──


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(shape=plan_shapes())
def test_generated_plans_have_valid_machine_readable_packages(shape, tmp_path_factory):
    content = write_plan(shape, tmp_path_factory.mktemp("generated"))   # with its history.yml
    for base, files in _editions_data(content).items():
        assert edition_problems(files) == [], base
        report = _validate(files, content.parent / "data" / base)
        assert report.valid, _errors(report)


# ── formulas ──

FORMULAS = {"online": '=HYPERLINK("https://attacker.example/","詳細")', "paperless": "+1+1"}


def formula_content(tmp_path: Path) -> Path:
    """The basic fixture's working copy with titles a spreadsheet would run as formulas."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", content)
    for initiative_id, title in FORMULAS.items():
        path = content / "plans/sample/working/initiatives" / f"{initiative_id}.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["title"] = title
        data["purpose"] = "-1 で始まる目的"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return content


def test_a_formula_in_a_title_is_written_as_text(tmp_path):
    files = _editions_data(formula_content(tmp_path))[WORKING]
    rows = {r["initiative_id"]: r for r in csv.DictReader(io.StringIO(files["initiatives.csv"].decode("utf-8-sig")))}
    for initiative_id, title in FORMULAS.items():
        assert rows[initiative_id]["title"] == "'" + title   # OWASP: an apostrophe before it
    texts = list(csv.DictReader(io.StringIO(files["initiative_texts.csv"].decode("utf-8-sig"))))
    assert {r["text"] for r in texts if r["field"] == "purpose"} == {"'-1 で始まる目的"}
    plan = json.loads(files["plan.json"])   # JSON is not opened by spreadsheets: as written
    assert {i["title"] for i in plan["initiatives"]} >= set(FORMULAS.values())
    assert edition_problems(files) == []
    assert _validate(files, tmp_path / "data").valid


# ── the data page ──

def _data_page(sample_site: Path, base: str) -> str:
    return (sample_site / urls.page(base, PageKind.DATA) / "index.html").read_text(encoding="utf-8")


def test_the_data_dictionary_is_the_table_schema(sample_site):
    """Each table of the dictionary lists the schema's fields in order, with the schema's
    description, type, unit, values and example — one source, so they cannot disagree."""
    type_names = {"string": "文字列", "integer": "整数", "number": "数値", "boolean": "真偽値（true / false）"}
    for base in (GOTSU, KASHIMA, KASHIMA_DRAFT):
        page = _data_page(sample_site, base)
        package = json.loads((sample_site / urls.data_file(base, datapackage.PACKAGE_FILE)).read_text("utf-8"))
        for resource in (r for r in package["resources"] if r["path"].endswith(".csv")):
            table = page.split(f'data-table-schema="{resource["path"]}"')[1].split("</table>")[0]
            rows = re.findall(r"<tr><th scope=\"row\"><code>(.*?)</code></th>(.*?)</tr>", table, re.S)
            cells = [[html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td[^>]*>(.*?)</td>", rest, re.S)]
                     for _, rest in rows]
            fields = resource["schema"]["fields"]
            assert [name for name, _ in rows] == [f["name"] for f in fields], resource["path"]
            for field, (meaning, kind, unit, values, example) in zip(fields, cells):
                assert (meaning, kind, unit, example) == (field["description"], type_names[field["type"]],
                                                          field.get("unit", ""), field.get("example", ""))
                for value in field.get("constraints", {}).get("enum", []):
                    assert value in values


def test_the_data_page_describes_the_dataset_in_json_ld(sample_site):
    page = _data_page(sample_site, GOTSU)
    data = json.loads(html.unescape(page.split('<script type="application/ld+json">')[1].split("</script>")[0]))
    assert data["@type"] == "Dataset" and data["description"] and data["url"] == "./"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["publisher"]["name"] and data["dateModified"] and data["temporalCoverage"] == "2022-04-01/2027-03-31"
    assert data["spatialCoverage"]["containedInPlace"]["identifier"]["value"] == "322075"
    folder = (sample_site / urls.data_file(GOTSU, "plan.json")).parent
    assert {d["contentUrl"] for d in data["distribution"]} == {p.name for p in folder.iterdir()
                                                               if p.suffix in (".csv", ".json") and ".ruby." not in p.name}
    assert all(d["@type"] == "DataDownload" and d["encodingFormat"] in ("text/csv", "application/json")
               for d in data["distribution"])


def test_the_site_catalogue_lists_every_package(sample_site):
    catalogue = json.loads((sample_site / urls.DATA_CATALOGUE).read_text("utf-8"))
    paths = [d["package"] for d in catalogue["datasets"]]
    assert sorted(paths) == sorted(p.relative_to(sample_site).as_posix()
                                   for p in sample_site.rglob(datapackage.PACKAGE_FILE))
    assert frictionless.Catalog(catalogue, basepath=str(sample_site)).datasets
