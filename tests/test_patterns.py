"""Plans of many shapes (tests/fixtures/patterns/): each pattern real plans use is held,
shown, diffed and published as open data without inventing or dropping a fact."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.validate import load_valid_site

from .conftest import FIXTURES, build_site, run_cli

PATTERNS = FIXTURES / "patterns"
TAG = re.compile(r"<[^>]+>")
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def patterns_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("patterns") / "site"
    result = build_site(PATTERNS, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def model():
    result = load_valid_site(PATTERNS)
    assert not result.problems, [p.format() for p in result.problems]
    return {plan.id: plan for plan in result.site.plans}


def text_of(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    main = raw[raw.find('<article class="md-content__inner'):raw.find("</article>")]
    return re.sub(r"\s+", " ", html.unescape(TAG.sub(" ", main)))


def csv_rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


# ── 1. dates as documents state them, 2. draft and adoption ──────────────────────────

def test_dates_keep_their_stated_precision(model, patterns_site):
    plan = model["dates-and-stages"]
    assert [(v.id, v.date) for v in plan.versions] == [
        ("0.1", "2021"), ("0.2", None), ("1.0-draft", "2022-12"), ("1.0", "2023-03"), ("1.1", "2025")]
    revisions = text_of(patterns_site / "dates-and-stages/revisions/index.html")
    assert "発行日: 2025年" in revisions and "発行日: 2023年3月" in revisions and "発行日: 記載なし" in revisions
    assert not re.search(r"2025年\d+月|2023年3月\d+日|2022年12月\d+日", revisions)   # no invented month or day
    page = text_of(patterns_site / "dates-and-stages/initiatives/mynumber/index.html")
    assert "2024年3月時点" in page and "2025年時点" in page


def test_feeds_and_open_data_keep_the_stated_dates(patterns_site):
    feed = ET.parse(patterns_site / "dates-and-stages/feed.xml").getroot()
    dates = [e.find("{http://purl.org/dc/elements/1.1/}date").text for e in feed.findall(f"{ATOM}entry")]
    assert dates == ["2025", "2023-03", "2022-12", "2021"]
    summaries = " ".join(e.find(f"{ATOM}summary").text for e in feed.findall(f"{ATOM}entry"))
    assert "2025年" in summaries and "2025年1月" not in summaries
    data = json.loads((patterns_site / "dates-and-stages/data/plan.json").read_text(encoding="utf-8"))
    assert data["version"]["date"] == "2025" and data["version"]["status"] == "adopted"
    rows = csv_rows(patterns_site / "dates-and-stages/data/schedule.csv")
    assert {r["as_of"] for r in rows if r["kind"] == "progress"} == {"2024-03", "2025"}


def test_a_draft_and_the_adopted_plan_share_a_number(model, patterns_site):
    plan = model["dates-and-stages"]
    draft, adopted = plan.version("1.0-draft"), plan.version("1.0")
    assert (draft.label, draft.status, draft.name) == ("1.0", "draft", "第1.0版（案）")
    assert (adopted.label, adopted.status, adopted.name) == ("1.0", "adopted", "第1.0版")
    assert "第1.0版（案）" in text_of(patterns_site / "dates-and-stages/v/1.0-draft/index.html")
    assert "策定状況 案" in text_of(patterns_site / "dates-and-stages/v/1.0-draft/index.html")
    assert (patterns_site / "dates-and-stages/compare/1.0-draft/1.0/index.html").is_file()


def test_the_revisions_page_shows_policy_stages_sources_and_missing_notes(patterns_site):
    page = text_of(patterns_site / "dates-and-stages/revisions/index.html")
    assert "版数の付け方 計画の大きな見直しは版数の整数部分を" in page
    first = page[page.index("第1.1版 発行日"):page.index("第1.0版 発行日")]
    assert "策定" in first and "この版の資料には改訂内容の記載がありません。" in first
    assert "出典: 架空町デジタル化推進計画 第1.1版（令和7年）" in first


# ── planpub release: dates as stated, stages, sources, no notes ───────────────────────

@pytest.fixture
def staged(tmp_path) -> Path:
    import shutil
    content = tmp_path / "content"
    shutil.copytree(PATTERNS, content)
    return content


@pytest.mark.parametrize("typed, stored", [("2026-09", "2026-09"), ("2026", "2026"), ("令和8年9月", "2026-09"),
                                           ("R8.9.30", "2026-09-30"), ("２０２６／９／３０", "2026-09-30")])
def test_release_takes_a_date_as_the_document_states_it(staged, typed, stored):
    result = run_cli("release", "dates-and-stages", "1.2", "--date", typed, "--no-notes", "--status", "adopted",
                     "--source", "第1.2版（令和8年）", "--yes", "--content", str(staged))
    assert result.returncode == 0, result.stderr
    release = (staged / "plans/dates-and-stages/releases/1.2/release.yml").read_text(encoding="utf-8")
    assert f"date: '{stored}'" in release or f"date: {stored}" in release or f'date: "{stored}"' in release
    assert "notes" not in release and "source: 第1.2版（令和8年）" in release and "status: adopted" in release
    assert "この版の資料には記載がありません" in result.stdout


def test_release_reuses_a_number_at_another_stage_only(staged):
    refused = run_cli("release", "dates-and-stages", "1.1", "--date", "2026", "--no-notes", "--status", "adopted",
                      "--id", "1.1-again", "--yes", "--content", str(staged))
    assert refused.returncode == 1 and "版数「1.1」は既に使われています" in refused.stderr
    ok = run_cli("release", "dates-and-stages", "2.0", "--date", "2026-01", "--notes", "/dev/null", "--yes",
                 "--content", str(staged))
    assert ok.returncode == 1 and "改訂内容のファイルが空です" in ok.stderr   # an empty file is a mistake, --no-notes says it
    unknown = run_cli("release", "dates-and-stages", "2.0", "--date", "2026", "--no-notes", "--status", "final",
                      "--yes", "--content", str(staged))
    assert unknown.returncode == 1 and "版の段階「final」はありません" in unknown.stderr
    assert "Traceback" not in refused.stderr + ok.stderr + unknown.stderr


def test_release_refuses_a_date_that_is_not_a_date_or_not_later(staged):
    for typed in ("2026-02-30", "来年"):
        result = run_cli("release", "dates-and-stages", "1.2", "--date", typed, "--no-notes", "--yes",
                         "--content", str(staged))
        assert result.returncode == 1 and f"発行日「{typed}」は日付として読めません" in result.stderr
    earlier = run_cli("release", "dates-and-stages", "1.2", "--date", "2024", "--no-notes", "--yes",
                      "--content", str(staged))
    assert earlier.returncode == 1 and "後ではありません" in earlier.stderr
    assert not (staged / "plans/dates-and-stages/releases/1.2").exists()
