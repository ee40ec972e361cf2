"""Facts of a 版 itself, end to end (#18): a history.yml entry the document gives no number
(named by its name or date, never an invented number) and a 版's stage facts (public-comment
period, what it excluded, the stage planned next) in the diff, the compare page and the
open-data table of the plan's 版 (versions.csv). In process: the pattern plans are loaded and
their pages rendered without a build."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.i18n import msg
from generator.model import schema
from generator.model.diff import diff_contents, flatten_stage
from generator.model.fieldnames import field_label
from generator.model.plan import NextStage, PublicComment, Text, Version
from generator.model.resolved import EditionKind, resolve_edition
from generator.pages import datapackage, opendata, urls
from generator.pages.builder import build_pages
from generator.pages.files import plan_files
from generator.pages.kinds import PageKind
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from .conftest import pattern_plan_copy as plan_copy, run_cli
from .test_format_shapes import loaded, page_text, pages, plan_of  # noqa: F401 (fixtures)

ATOM = "{http://www.w3.org/2005/Atom}"


def versions_rows(site, plan_id: str, version_id: str | None = None) -> list[dict]:
    plan = plan_of(site, plan_id)
    version = plan.version(version_id) if version_id else plan.latest
    table = opendata.versions_table(resolve_edition(plan, version, EditionKind.LATEST, site))
    return list(csv.DictReader(io.StringIO(table.csv_bytes().decode(opendata.ENCODING))))


def problems_of(content: Path, code: str):
    return [p for p in load_valid_site(content).problems if p.code == code]


@pytest.fixture
def not_stated(tmp_path: Path) -> Path:
    return plan_copy(tmp_path, "not-stated")


# ── 1. history.yml entries without a number ─────────────────────────────────────────────

def test_a_history_entry_without_a_number_is_named_by_its_name_or_date(loaded, pages):
    plan = plan_of(loaded, "not-stated")
    assert [(v.id, v.label, v.name, v.snapshot) for v in plan.versions] == [
        ("2022-03", None, "2022年3月の版", False),
        ("2022-12", None, "架空町情報化アクションプラン（骨子）", False),
        ("2023-07", None, "架空町情報化アクションプラン（案）", True)]
    revisions = page_text(pages, urls.latest_page("not-stated", PageKind.REVISIONS))
    assert "2022年3月の版 発行日: 2022年3月" in revisions
    assert "架空町情報化アクションプラン（骨子） 発行日: 2022年12月" in revisions
    assert not re.search(r"第\S*版", revisions)   # never an invented number


def test_the_feed_and_the_versions_table_name_it_the_same_way(loaded):
    plan = plan_of(loaded, "not-stated")
    files = plan_files(plan, loaded, Renderer(), "https://example.jp/")
    feed = ET.fromstring(files[urls.plan_feed("not-stated")])
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert any("2022年3月の版" in t for t in titles) and any("（骨子）" in t for t in titles)
    rows = versions_rows(loaded, "not-stated")
    assert [(r["version_id"], r["label"], r["name"], r["frozen"], r["date_wareki"]) for r in rows] == [
        ("2022-03", "", "2022年3月の版", "false", "令和4年3月"),
        ("2022-12", "", "架空町情報化アクションプラン（骨子）", "false", "令和4年12月"),
        ("2023-07", "", "架空町情報化アクションプラン（案）", "true", "令和5年7月")]


def test_the_schema_accepts_an_entry_without_a_number():
    import jsonschema
    history = schema.history()
    jsonschema.validate({"versions": [{"date": "2022-03", "notes": ["方針"]}]}, history)
    assert "required" not in history["properties"]["versions"]["items"]


def test_an_entry_without_number_or_date_is_refused_with_a_hint(not_stated: Path):
    history = not_stated / "plans/not-stated/history.yml"
    history.write_text(history.read_text(encoding="utf-8") + "  - notes: [日付も版数もない]\n", encoding="utf-8")
    [problem] = problems_of(not_stated, "version_unnamed")
    assert problem.line == 8 and "label" in problem.hint and "date" in problem.hint


def test_an_entry_known_by_the_date_of_another_version_is_refused(not_stated: Path):
    history = not_stated / "plans/not-stated/history.yml"
    history.write_text(history.read_text(encoding="utf-8") + "  - date: 2023-07\n", encoding="utf-8")
    [problem] = problems_of(not_stated, "version_date_taken")
    assert "2023-07" in problem.message and problem.hint


def test_an_undated_entry_may_precede_one_known_by_its_date(not_stated: Path):
    history = not_stated / "plans/not-stated/history.yml"
    history.write_text(history.read_text(encoding="utf-8") + '  - label: "0.1"\n    precedes: 2022-03\n',
                       encoding="utf-8")
    result = load_valid_site(not_stated)
    assert not result.problems, [p.format() for p in result.problems]
    plan = plan_of(result.site, "not-stated")
    assert [v.id for v in plan.versions][:2] == ["0.1", "2022-03"]


# ── 2. stage facts: the diff, the compare page, versions.csv ────────────────────────────

def _version(**facts) -> Version:
    return Version(id="x", name="x", **facts)


def test_a_change_of_stage_facts_is_named_in_the_diff(loaded):
    content = plan_of(loaded, "draft-stages").working
    old = _version(public_comment=PublicComment("2023-12-01", "2024-01-05", Text.of("第5章は対象外")),
                   next_stage=NextStage("adopted", "2024-02"))
    new = _version(public_comment=PublicComment("2023-12-01", None, None), next_stage=NextStage("adopted"))
    changes = {c.key: c for c in diff_contents(content, content, (), (old, new), {"adopted": "策定"}.get).plan_fields}
    assert (changes[("version", "public_comment")].old, changes[("version", "public_comment")].new) == (
        "2023年12月1日～2024年1月5日", "2023年12月1日～記載なし")
    assert changes[("version", "public_comment_excludes")].kind == "removed"
    assert (changes[("version", "next_stage_date")].old, changes[("version", "next_stage_date")].new) == (
        "2024年2月", "時期の記載なし")
    assert ("version", "next_stage") not in changes        # still 策定
    assert field_label(("version", "next_stage_date")) == "次の段階の予定時期"
    # the working copy states no stage facts yet: nothing to compare
    assert diff_contents(content, content, (), (old, None)).plan_fields == []
    assert flatten_stage(None) == {}


def test_a_moved_planned_date_shows_on_the_compare_page_and_in_planpub_diff(tmp_path: Path):
    content = plan_copy(tmp_path, "draft-stages")
    released = run_cli("release", "draft-stages", "1.1", "--status", "public-comment", "--date", "2024-01-10",
                       "--no-notes", "--comment-start", "2024-01-15", "--comment-end", "2024-02-14",
                       "--comment-excludes", "第6章は対象外", "--next-stage", "adopted",
                       "--next-stage-date", "2024-03", "--content", str(content), "--yes")
    assert released.returncode == 0, released.stderr
    out = run_cli("diff", "draft-stages", "1.0", "1.1", "--content", str(content))
    assert out.returncode == 0, out.stderr
    assert "[変更] 次の段階の予定時期\n    - 2024年2月\n    + 2024年3月" in out.stdout
    assert "- 2023年12月1日～2024年1月5日\n    + 2024年1月15日～2024年2月14日" in out.stdout
    assert "[変更] 意見募集の対象外" in out.stdout
    result = load_valid_site(content)
    built = {page.url: page for page in build_pages(result.site)}
    compare = page_text(built, urls.compare("draft-stages", "draft-2023-11", "1.1"))
    assert "次の段階の予定時期 （変更） 2024年 ［削除］ 2 ［ここまで］ 月 2024年 ［追加］ 3 ［ここまで］ 月" in compare
    assert "意見募集の対象外 （変更）" in compare and "意見募集（パブリックコメント）の期間 （変更）" in compare
    assert "adopted" not in compare                         # stages by name, never by id
    rows = {r["version_id"]: r for r in versions_rows(result.site, "draft-stages", "1.1")}
    assert rows["1.1"]["next_stage_planned"] == "2024-03" and rows["1.1"]["public_comment_end"] == "2024-02-14"


def test_the_versions_table_holds_each_stage_fact_with_its_wareki(loaded):
    rows = {r["version_id"]: r for r in versions_rows(loaded, "draft-stages")}
    draft = rows["draft-2023-11"]
    assert (draft["public_comment_start"], draft["public_comment_start_wareki"]) == ("2023-12-01", "令和5年12月1日")
    assert (draft["public_comment_end"], draft["public_comment_end_wareki"]) == ("2024-01-05", "令和6年1月5日")
    assert draft["public_comment_excludes"] == "第5章及び第6章は対象外"
    assert (draft["next_stage"], draft["next_stage_name"]) == ("adopted", "策定")
    assert (draft["next_stage_planned"], draft["next_stage_planned_wareki"]) == ("2024-02", "令和6年2月")
    assert (rows["0.9"]["next_stage"], rows["0.9"]["next_stage_planned"], rows["0.9"]["frozen"]) == (
        "public-comment", "", "false")


def test_the_versions_table_is_described_in_the_table_schema(loaded):
    plan = plan_of(loaded, "draft-stages")
    table = opendata.versions_table(resolve_edition(plan, plan.latest, EditionKind.LATEST, loaded))
    fields = {f["name"]: f for f in datapackage.table_schema(table)["fields"]}
    assert fields["next_stage_planned"]["constraints"]["pattern"] and fields["next_stage_planned"]["description"]
    assert fields["public_comment_start_wareki"]["description"].startswith("public_comment_start")
    assert fields["frozen"]["type"] == "boolean"
    assert datapackage.table_schema(table)["primaryKey"] == ["version_id"]
    assert all(f["description"] for f in fields.values())


def test_a_frozen_version_never_names_a_later_one(loaded):
    plan = plan_of(loaded, "dates-and-stages")
    first = resolve_edition(plan, plan.version("1.0-draft"), EditionKind.FROZEN, loaded)
    ids = [row[1] for row in opendata.versions_table(first).rows]
    assert ids[-1] == "1.0-draft" and "1.1" not in ids
    assert msg("opendata.tables.versions") in [t.title for t in opendata.tables(first)]


def test_a_date_in_the_era_calendar_keeps_its_precision():
    from generator.model.fiscal import wareki_date
    assert [wareki_date(d) for d in ("2023-12-01", "2024-02", "2024", "2019", "2019-04", "2019-05-01",
                                     "1989-01-07", None)] == [
        "令和5年12月1日", "令和6年2月", "令和6年", "令和元年", "平成31年4月", "令和元年5月1日", "昭和64年1月7日", ""]
