"""Checking what is about to be published (issue 19, points 7-9): validate checks #anchors
and links in prose, `planpub check` checks the working copy as it would be published,
`planpub release` runs validate's checks on the staged 版 before freezing it, and a 版
released by mistake is withdrawn with a record, never deleted by hand."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

import pytest

from generator.load.ledger import read_ledger_file
from generator.load.problems import Problems
from generator.pages import urls
from generator.pages.kinds import PageKind
from generator.pages.page import relative_url

from .conftest import run_cli, tree_digest
from .refusal import refused, reported

PLAN = "sample"
W = "plans/sample/working"


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _release(content: Path, label: str, *options: str):
    return run_cli("release", PLAN, label, "--no-notes", "--date", "2026-01", "--content", str(content), "--yes",
                   *options)


# ── 7. validate: anchors and links in prose ───────────────────────────────────

def test_a_link_to_a_heading_that_does_not_exist_is_refused(basic_content):
    _append(basic_content / W / "chapters/background.md", "\n[考え方](#取組の考え方)と[誤り](#ない見出し)\n")
    result = refused(basic_content)
    reported(result, f"content/{W}/chapters/background.md:8", "リンク「#ない見出し」",
             "当たる見出しがリンク先の章にありません")
    assert "この章の ID: #取組の考え方" in result.stderr
    assert "#取組の考え方」" not in result.stderr   # the link that exists is not reported


def test_a_link_into_a_prose_field_is_refused_with_its_line(basic_content):
    path = basic_content / W / "initiatives/online.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "goal: すべての手続をオンライン化する", 'goal: "[手続の一覧](../paperless/)と[国の資料](https://example.jp/)"'),
        encoding="utf-8")
    result = refused(basic_content)
    reported(result, f"content/{W}/initiatives/online.yml:53", "goal:", "リンク「../paperless/」は、この文章が表示されるページによって行き先が変わります")
    assert "example.jp" not in result.stderr


# ── 7. planpub check: the working copy as it would be published ───────────────

@pytest.mark.slow   # `planpub check`: a build, Java and Chromium
def test_check_finds_a_dead_anchor_in_the_working_copy_before_it_is_released(basic_content):
    """validate cannot know an initiative page's anchors; check builds the working copy as
    the next 版 and finds the dead link there (it used to be found only once frozen)."""
    online = relative_url(urls.latest_page(PLAN, PageKind.INITIATIVE, "online"), urls.latest_page(PLAN, PageKind.CHAPTER, "background"))
    _append(basic_content / W / "chapters/background.md", f"\n[KPIの節]({online}#ない節)\n")
    assert run_cli("validate", "--content", str(basic_content)).returncode == 0
    before = tree_digest(basic_content)
    # from a folder without mkdocs.yml (issue 19.14): the defaults are used
    result = run_cli("check", "--content", "content", cwd=basic_content.parent)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "既定の設定で作ります" in result.stdout
    assert "作業中の版を、公開したときと同じ形にしてから確認します（計画: sample）" in result.stdout
    assert re.search(r"✘ サイト内のリンクとアンカー: \d+件を確認、切れているもの [1-9]", result.stdout), result.stdout
    assert "#ない節" in result.stdout or "%E3%81%AA%E3%81%84%E7%AF%80" in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert tree_digest(basic_content) == before


# ── 8. release: validate's checks on the staged 版, before freezing ──────────

def test_release_refuses_a_name_validate_would_refuse_afterwards_and_writes_nothing(basic_content):
    result = refused(basic_content, "release", PLAN, "1.2", "--no-notes", "--date", "2026-01", "--name", "第1.2版\u202e")
    reported(result, f"content/{PLAN and 'plans/sample'}/releases/1.2/release.yml:3", "name:", "U+202E")
    assert "公開した後に validate が上の 1件の問題で拒否するため、公開していません（何も書き換えていません）" in result.stderr
    assert not list((basic_content / "plans/sample/releases").glob(".*"))   # no staging or scratch left


def test_release_refuses_an_empty_label(basic_content):
    result = refused(basic_content, "release", PLAN, "", "--id", "next", "--no-notes", "--date", "2026-01")
    assert "label:" in result.stderr and "公開していません" in result.stderr


def test_released_files_follow_the_umask(basic_content):
    old = os.umask(0o002)
    try:
        result = _release(basic_content, "1.2")
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr
    folder = basic_content / "plans/sample/releases/1.2"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o775
    assert stat.S_IMODE((folder / "release.yml").stat().st_mode) == 0o664
    assert stat.S_IMODE((basic_content / "plans/sample/ledger.yml").stat().st_mode) == 0o664
    assert stat.S_IMODE((basic_content / "published.yml").stat().st_mode) == 0o664


# ── 9. withdrawing a mistaken release ──────────────────────────────────────────

def test_a_mistaken_release_is_withdrawn_with_a_record(basic_content):
    assert _release(basic_content, "1.2").returncode == 0
    ledger_before = (basic_content / "plans/sample/ledger.yml").read_text(encoding="utf-8")
    manifest = read_ledger_file(basic_content / "plans/sample", Problems()).versions[-1].manifest
    result = run_cli("withdraw", PLAN, "1.2", "--reason", "別の計画の内容で公開したため", "--content", str(basic_content), "--yes")
    assert result.returncode == 0, result.stderr
    assert "第1.2版 を取り下げました" in result.stdout
    assert not (basic_content / "plans/sample/releases/1.2").exists()
    ledger = read_ledger_file(basic_content / "plans/sample", Problems())
    assert [(w.version_id, w.manifest, w.reason) for w in ledger.withdrawn] == [("1.2", manifest, "別の計画の内容で公開したため")]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", ledger.withdrawn[0].time)
    text = (basic_content / "plans/sample/ledger.yml").read_text(encoding="utf-8")
    assert text.startswith(ledger_before)   # only added to
    valid = run_cli("validate", "--content", str(basic_content))
    assert valid.returncode == 0, valid.stderr
    # the corrected 版 can be released again under the same number
    again = _release(basic_content, "1.2")
    assert again.returncode == 0, again.stderr
    assert run_cli("validate", "--content", str(basic_content)).returncode == 0


def test_a_folder_deleted_by_hand_is_still_refused(basic_content):
    assert _release(basic_content, "1.2").returncode == 0
    shutil.rmtree(basic_content / "plans/sample/releases/1.2")
    result = refused(basic_content)
    reported(result, "content/plans/sample/ledger.yml:8", "公開済みの版「1.2」のフォルダーがありません")
    assert f"planpub withdraw sample <版> --reason 理由 --content {basic_content}" in result.stderr


def test_only_the_latest_edition_can_be_withdrawn(basic_content):
    assert run_cli("ledger", "--content", str(basic_content)).returncode == 0
    before = tree_digest(basic_content)
    result = run_cli("withdraw", PLAN, "1.0", "--reason", "誤り", "--content", str(basic_content), "--yes")
    assert result.returncode == 1
    assert "取り下げられるのは最後に公開した版（第1.1版）だけです" in result.stderr
    assert tree_digest(basic_content) == before


def test_an_interrupted_withdrawal_is_finished_by_running_it_again(basic_content):
    assert _release(basic_content, "1.2").returncode == 0
    releases = basic_content / "plans/sample/releases"
    (releases / "1.2").rename(releases / ".withdrawing-1.2-x1y2")   # stopped after the first step
    assert run_cli("validate", "--content", str(basic_content)).returncode == 1
    result = run_cli("withdraw", PLAN, "1.2", "--reason", "誤り", "--content", str(basic_content), "--yes")
    assert result.returncode == 0, result.stderr
    assert not list(releases.glob(".*")) and not (releases / "1.2").exists()
    assert run_cli("validate", "--content", str(basic_content)).returncode == 0


def test_a_plan_folder_deleted_with_its_ledger_is_refused(basic_content):
    assert _release(basic_content, "1.2").returncode == 0
    assert "sample" in (basic_content / "published.yml").read_text(encoding="utf-8")
    shutil.copytree(basic_content / "plans/sample", basic_content.parent / "other-plan")
    (basic_content / "plans/other").mkdir()
    shutil.copytree(basic_content.parent / "other-plan/working", basic_content / "plans/other/working")
    shutil.rmtree(basic_content / "plans/sample")
    result = refused(basic_content)
    reported(result, "content/published.yml:4", "計画「sample」には公開済みの版がありますが、計画のフォルダー（または台帳 ledger.yml）がありません")
    assert f"git checkout -- {basic_content}/plans/sample" in result.stderr


def test_withdrawing_a_plans_last_edition_takes_it_off_the_record(basic_content):
    """A new plan published by mistake can be taken back whole: after its only 版 is
    withdrawn it is no longer recorded, and its folder may go."""
    assert run_cli("new", "fresh", "--content", str(basic_content)).returncode == 0
    result = run_cli("release", "fresh", "1.0", "--no-notes", "--date", "2026-01", "--content", str(basic_content), "--yes")
    assert result.returncode == 0, result.stderr
    assert '"fresh"' in (basic_content / "published.yml").read_text(encoding="utf-8")
    result = run_cli("withdraw", "fresh", "1.0", "--reason", "試しに公開したため", "--content", str(basic_content), "--yes")
    assert result.returncode == 0, result.stderr
    assert '"fresh"' not in (basic_content / "published.yml").read_text(encoding="utf-8")
    shutil.rmtree(basic_content / "plans/fresh")
    assert run_cli("validate", "--content", str(basic_content)).returncode == 0


def test_content_from_before_the_record_gets_a_note_and_the_ledger_command_writes_it(basic_content):
    result = run_cli("validate", "--content", str(basic_content))
    assert result.returncode == 0
    assert run_cli("ledger", "--content", str(basic_content)).returncode == 0
    assert (basic_content / "published.yml").read_text(encoding="utf-8").endswith('plans:\n  - "sample"\n')
    result = run_cli("validate", "--content", str(basic_content))
    assert result.returncode == 0 and "注意" not in result.stderr, result.stderr


def test_files_written_by_import_keep_their_mode_or_follow_the_umask(basic_content, tmp_path):
    from openpyxl import load_workbook
    online = basic_content / W / "initiatives/online.yml"
    os.chmod(online, 0o664)
    path = tmp_path / "a.xlsx"
    assert run_cli("export", PLAN, "--xlsx", str(path), "--content", str(basic_content)).returncode == 0
    workbook = load_workbook(path)
    sheet = workbook["取組"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "online":
            row[header.index("取組名")].value = "電子申請"
    sheet.append({header.index("取組ID") + 1: "kiosk", header.index("取組名") + 1: "キオスク端末"})
    workbook.save(path)
    old = os.umask(0o022)
    try:
        result = run_cli("import", PLAN, "--xlsx", str(path), "--content", str(basic_content), "--yes")
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(online.stat().st_mode) == 0o664
    assert stat.S_IMODE((online.parent / "kiosk.yml").stat().st_mode) == 0o644
