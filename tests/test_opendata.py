"""Open data, feeds and metadata of the built sample site, parsed back and checked against the content."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from generator.model.markup import plain_line
from generator.model.records import RECORDS, initiative_dict
from generator.model.resolved import resolve_edition
from generator.pages import opendata
from generator.pages.editions import plan_editions
from generator.pages import urls
from generator.pages.kinds import PageKind as Kind
from generator.validate import load_valid_site

from .conftest import SAMPLE_CONTENT
from .site_pages import SITE_URL, address, data_file, page_path

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site_model():
    result = load_valid_site(SAMPLE_CONTENT)
    assert not result.problems
    return result.site


def _editions(site_model):
    for plan in site_model.plans:
        seen = set()
        for edition in plan_editions(plan):
            if edition.base not in seen:
                seen.add(edition.base)
                yield plan, edition


def _read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path}: UTF-8 with BOM"
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", ""), f"{path}: CRLF only"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == text.count("\r\n"), f"{path}: one record per line, no line breaks inside cells"
    return rows


def _schedule_rows(item) -> int:
    """The rows of an initiative's schedule in schedule.csv: one per item of each year's text,
    per year of progress (one per item of its text), per activity."""
    count = 0
    for key in ("schedule", "annual_goals"):
        count += sum(len(text.items) or 1 for text in item.stated(key).values())
    count += sum(len(p.text.items) if p.text and p.text.items else 1 for p in item.stated("progress").values())
    return count + len(item.stated("activities"))


def test_every_csv_matches_the_content(site_model, sample_site):
    """Each edition's data is what its pages show: a frozen 版's its own document, the stable
    address's with the details carried from earlier 版 (each with its source_version)."""
    checked = 0
    for plan, edition in _editions(site_model):
        content = resolve_edition(plan, edition.version, edition.kind, site_model)
        folder = sample_site / edition.base / "data"
        for table in opendata.tables(content):
            rows = _read_csv(folder / table.name)
            assert rows[0] == table.column_names, f"{folder / table.name}: stable documented columns"
            assert len(rows) - 1 == len(table.rows), folder / table.name
            checked += 1
        initiatives = list(csv.DictReader(io.StringIO((folder / "initiatives.csv").read_text("utf-8-sig"))))
        assert [r["initiative_id"] for r in initiatives] == [i.id for i in content.all_items()]
        for row, item in zip(initiatives, content.all_items()):
            assert row["title"] == plain_line(item.title) and row["region_code"] == (content.region_code or "")
        if "departments" in content.fields:   # one department per row, in the document's order
            departments = list(csv.DictReader(io.StringIO(
                (folder / "initiative_departments.csv").read_text("utf-8-sig"))))
            for item in content.all_items():
                assert [r["department"] for r in departments if r["initiative_id"] == item.id] == item.departments
        carried = list(csv.DictReader(io.StringIO((folder / "carried_values.csv").read_text("utf-8-sig"))))
        assert [(r["initiative_id"], r["field"], r["source_version"]) for r in carried] == \
            [(i.id, v.key, v.source.version_id) for i in content.all_items() for v in i.carried]
        schedule = list(csv.DictReader(io.StringIO((folder / "schedule.csv").read_text("utf-8-sig"))))
        assert len(schedule) == sum(_schedule_rows(i) for i in content.all_items())
        assert {r["source_version"] for r in schedule} <= {"", *(s.version_id for s in content.carried_from)}
        for row in schedule:
            assert re.fullmatch(r"\d{4}", row["fiscal_year"]) and row["fiscal_year_wareki"].endswith("年度")
        kpis = list(csv.DictReader(io.StringIO((folder / "kpis.csv").read_text("utf-8-sig"))))
        expected_values = set()
        for kpi in content.all_kpis():
            for fy in kpi.targets:
                expected_values.add((kpi.id, "target", str(fy), "fiscal_year"))
            if kpi.target is not None:  # a target without a year of its own says when it is due
                year = content.period_end if kpi.target.by == "period_end" else kpi.target.by
                timing = {"period_end": "period_end", None: "unstated"}.get(kpi.target.by, "fiscal_year")
                expected_values.add((kpi.id, "target", str(year or ""), timing))
            for fy in kpi.actuals:
                expected_values.add((kpi.id, "actual", str(fy), ""))
            for reference in kpi.references:
                expected_values.add((kpi.id, "reference", str(reference.fy or ""), ""))
        found = {(r["kpi_id"], r["value_type"], r["fiscal_year"], r["target_timing"])
                 for r in kpis if r["value_type"] != "baseline"}
        assert found == expected_values  # every KPI value present, nothing extra
        assert {r["kpi_id"] for r in kpis if r["value_type"] == "baseline"} == {k.id for k in content.all_kpis()}
        for row in kpis:
            for name in ("value", "fiscal_year", "change_percent", "ratio", "change", "base_fiscal_year"):
                if row[name]:
                    float(row[name])  # numbers only: no units, no words
    assert checked >= 7 * 5


def test_the_latest_gotsu_data_has_the_schedules_and_the_kpi_its_pages_show(site_model, sample_site):
    """江津市's 第1.5版 leaves the sheets to another file; its stable address shows them from the
    earlier 個別業務一覧, and so does its data, with that 版 named on every row."""
    folder = sample_site / "gotsu/data"
    schedule = list(csv.DictReader(io.StringIO((folder / "schedule.csv").read_text("utf-8-sig"))))
    kpis = list(csv.DictReader(io.StringIO((folder / "kpis.csv").read_text("utf-8-sig"))))
    assert len(schedule) > 50 and len(kpis) >= 2
    assert {r["source_version"] for r in schedule} == {"pre-1.5"} and {r["source_version"] for r in kpis} == {"pre-1.5"}
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert 'id="sources"' in page and "schedule.csv" in page.split('id="sources"')[1].split("</ul>")[0]


def _as_published(plan, initiative, resolved) -> dict:
    """An initiative's record as its 版's file holds it; at the stable address, with each value
    carried from an earlier 版 as that 版's file holds it, and the 版 it comes from."""
    data = initiative_dict(initiative)
    carried = resolved.initiative(initiative.id).carried
    for value in carried:
        older = plan.snapshots[value.source.version_id].initiative(initiative.id)
        record = RECORDS[value.field.kind](value.field.value(older))
        if value.key == "kpis":
            record = [{**kpi, "source_version": value.source.version_id} for kpi in record]
        data[value.key] = record
    if carried:
        data["source_versions"] = {v.key: v.source.version_id for v in carried}
    # text plain, its Markdown source beside it (`<key>_markdown`), as plan.json publishes it
    return {"id": initiative.id, **json.loads(json.dumps(opendata.plain_json(data), default=str))}


def test_every_json_matches_the_content(site_model, sample_site):
    for plan, edition in _editions(site_model):
        data = json.loads((sample_site / urls.data_file(edition.base, "plan.json")).read_text(encoding="utf-8"))
        assert data["plan_id"] == plan.id and data["version"]["id"] == edition.version.id
        assert data["licence"] == "CC BY 4.0"
        resolved = resolve_edition(plan, edition.version, edition.kind, site_model)
        assert data["initiatives"] == [_as_published(plan, i, resolved) for i in edition.content.initiatives]
        assert data["region_code"] == {"gotsu": "322075", "kashima": "412074"}[plan.id]
        for key in opendata.plan_json_schema()["required"]:
            assert key in data


def test_data_page_lists_files_with_size_dictionary_and_licence(site_model, sample_site):
    page = page_path(sample_site, "kashima", Kind.DATA).read_text(encoding="utf-8")
    for name in ("plan.json", "initiatives.csv", "initiative_departments.csv", "schedule.csv", "kpis.csv",
                 "datapackage.json"):
        size = (sample_site / data_file("kashima", name)).stat().st_size
        assert f'href="{name}"' in page and f"{size:,} バイト" in page
    for column in opendata.kpi_columns():
        assert f"<code>{column.name}</code>" in page
    assert "CC BY 4.0" in page and "UTF-8（BOM付き）" in page
    assert (sample_site / urls.PLAN_JSON_SCHEMA).is_file()


def test_atom_feeds_announce_every_dated_version(site_model, sample_site):
    total = 0
    for plan in site_model.plans:
        feed = ET.parse(sample_site / urls.plan_feed(plan.id)).getroot()
        entries = feed.findall(f"{ATOM}entry")
        dated = [v for v in plan.versions if v.date]
        assert len(entries) == len(dated)
        titles = [e.find(f"{ATOM}title").text for e in entries]
        assert any(v.name in t for v in dated for t in titles)
        for entry in entries:
            assert entry.find(f"{ATOM}link").get("href").startswith("https://")
        total += len(entries)
    site_feed = ET.parse(sample_site / urls.SITE_FEED).getroot()
    assert len(site_feed.findall(f"{ATOM}entry")) == total
    gotsu = ET.parse(sample_site / urls.plan_feed("gotsu")).getroot()
    assert "「7. 個別業務一覧」の追記" in gotsu.find(f"{ATOM}entry").find(f"{ATOM}summary").text


def test_every_plan_page_has_metadata(sample_site):
    portal = (sample_site / urls.GUIDE, sample_site / urls.portal(Kind.SEARCH))
    pages = [p for p in sample_site.glob(f"*/**/{urls.page_file('')}") if not p.is_relative_to(portal[0])
             and not p.is_relative_to(portal[1])]
    assert len(pages) > 200
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert re.search(r'<meta name="description" content="[^"]+"', html), path
        assert '<link rel="canonical" href="https://' in html, path
        assert 'property="og:title"' in html and 'property="og:url"' in html, path
        assert html.count('type="application/atom+xml"') >= 2, path  # site feed + plan feed


def test_canonical_links_point_to_the_page_itself(sample_site):
    # A frozen 版's page is a record of its own, not a duplicate of the latest (which may
    # differ or not exist), and it must not change after publication.
    for path in (address("gotsu", Kind.INITIATIVE, "bpr", version="1.5"), address("gotsu", Kind.INITIATIVE, "bpr"),
                 address("gotsu", version="pre-1.5")):
        html = (sample_site / urls.page_file(path)).read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{SITE_URL}{path}">' in html


def test_sitemap_lists_current_pages(sample_site):
    sitemap = (sample_site / urls.SITEMAP).read_text(encoding="utf-8")
    for path in (address("gotsu"), address("gotsu", Kind.INITIATIVE, "bpr"), address("kashima", Kind.INITIATIVE, "no09"),
                 address("kashima", Kind.DATA)):
        assert f"<loc>{SITE_URL}{path}</loc>" in sitemap
