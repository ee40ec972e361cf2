"""Staff commands end to end, in temporary copies of the sample content."""

from __future__ import annotations

import filecmp

from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.validate import load_valid_site
from generator.pages.kinds import PageKind as Kind

from .conftest import tree_digest, build_site, run_cli
from .site_pages import page_path



def _same_tree(a: Path, b: Path) -> bool:
    comparison = filecmp.dircmp(a, b)
    def ok(c):
        if c.left_only or c.right_only or c.diff_files or c.funny_files:
            return False
        return all(ok(sub) for sub in c.subdirs.values())
    files = [p.relative_to(a) for p in a.rglob("*") if p.is_file()]
    return ok(comparison) and all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


@pytest.fixture
def notes(tmp_path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("・「7. 個別業務一覧」の追記\n・「5. 推進体制」の変更\n", encoding="utf-8")
    return path


# ── new ──────────────────────────────────────────────────────────────────────

@pytest.mark.slow   # builds a site
def test_new_plan_scaffold_validates_and_builds(sample_content, tmp_path):
    result = run_cli("new", "sample-city", "--content", str(sample_content))
    assert result.returncode == 0, result.stderr
    example = (sample_content / "plans/sample-city/working/initiatives/example.yml").read_text(encoding="utf-8")
    assert "# 取組の記入例" in example  # annotated
    assert run_cli("validate", "--content", str(sample_content)).returncode == 0
    assert build_site(sample_content, tmp_path / "site").returncode == 0
    again = run_cli("new", "sample-city", "--content", str(sample_content))
    assert again.returncode == 1 and "上書きしません" in again.stderr


def test_new_refuses_an_unusable_plan_id(sample_content):
    result = run_cli("new", "Sample City", "--content", str(sample_content))
    assert result.returncode == 1 and "使えません" in result.stderr


# ── release ──────────────────────────────────────────────────────────────────

@pytest.mark.slow   # builds a site
def test_release_freezes_the_working_copy_as_a_new_version(sample_content, notes, tmp_path):
    initiative = sample_content / "plans/gotsu/working/initiatives/chat-tool.yml"
    # 目的 (purpose) is one of the fields gotsu's documents use (plan.yml fields.uses); 効果 is not.
    initiative.write_text(initiative.read_text(encoding="utf-8") + "purpose: 新たに追記した目的\n", encoding="utf-8")
    frozen_before = tree_digest(sample_content / "plans/gotsu/releases")
    result = run_cli("release", "gotsu", "1.6", "--date", "2026-09-30", "--notes", str(notes),
                     "--content", str(sample_content), "--yes")
    assert result.returncode == 0, result.stderr
    assert "第1.5版 から 第1.6版 への変更" in result.stdout
    assert "内容の変更 1件" in result.stdout and "新たに追記した目的" in result.stdout
    release = sample_content / "plans/gotsu/releases/1.6"
    assert (release / "manifest.json").is_file()
    assert "「7. 個別業務一覧」の追記" in (release / "release.yml").read_text(encoding="utf-8")
    loaded = load_valid_site(sample_content)
    assert not loaded.problems
    gotsu = next(p for p in loaded.site.plans if p.id == "gotsu")
    assert gotsu.latest.label == "1.6"
    # Earlier frozen 版 are untouched (byte for byte) apart from the new folder.
    releases = sample_content / "plans/gotsu/releases"
    import shutil
    shutil.move(str(release), str(tmp_path / "moved"))
    assert tree_digest(releases) == frozen_before
    shutil.move(str(tmp_path / "moved"), str(release))
    # The new 版 is on the site, with the old one marked as not latest.
    site = tmp_path / "site"
    assert build_site(sample_content, site).returncode == 0
    assert page_path(site, "gotsu", Kind.INITIATIVE, "chat-tool", version="1.6").is_file()
    assert "この版は最新版ではありません" in page_path(site, "gotsu", version="1.5").read_text(encoding="utf-8")


@pytest.mark.parametrize("label, date, expected", [
    ("1.5", "2026-09-30", "版数「1.5」は既に使われています"),
    ("1.41", "2026-09-30", "版数「1.41」は既に使われています"),
    ("1.6", "2026-03-26", "発行日 2026-03-26 が、前の版（第1.5版、2026-03-26）の後ではありません"),
    ("1.6", "2025-01-01", "の後ではありません"),
    ("1.6", "2026-13-01", "日付として読めません"),
    ("第1.6版", "2026-09-30", "「1.6」のように"),
    ("1.6 改", "2026-09-30", "--id でURL用のID"),
])
def test_release_refusals_write_nothing(sample_content, notes, label, date, expected):
    before = tree_digest(sample_content)
    result = run_cli("release", "gotsu", label, "--date", date, "--notes", str(notes),
                     "--content", str(sample_content), "--yes")
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(sample_content) == before


def test_release_refuses_invalid_content(sample_content, notes):
    (sample_content / "plans/gotsu/working/initiatives/chat-tool.yml").write_text("title: a\ndepartments: [無い課]\n",
                                                                                 encoding="utf-8")
    before = tree_digest(sample_content)
    result = run_cli("release", "gotsu", "1.6", "--date", "2026-09-30", "--notes", str(notes),
                     "--content", str(sample_content), "--yes")
    assert result.returncode == 1
    assert "担当課「無い課」は plan.yml の departments にありません" in result.stderr
    assert "公開を中止しました" in result.stderr
    assert tree_digest(sample_content) == before


def test_release_refuses_empty_notes_and_needs_confirmation(sample_content, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    result = run_cli("release", "gotsu", "1.6", "--date", "2026-09-30", "--notes", str(empty),
                     "--content", str(sample_content), "--yes")
    assert result.returncode == 1 and "改訂内容のファイルが空です" in result.stderr
    notes = tmp_path / "notes.txt"
    notes.write_text("変更\n", encoding="utf-8")
    before = tree_digest(sample_content)
    result = run_cli("release", "gotsu", "1.6", "--date", "2026-09-30", "--notes", str(notes),
                     "--content", str(sample_content))
    assert result.returncode == 1 and "--yes" in result.stderr
    dry = run_cli("release", "gotsu", "1.6", "--date", "2026-09-30", "--notes", str(notes),
                  "--content", str(sample_content), "--dry-run")
    assert dry.returncode == 0 and "何も書き込んでいません" in dry.stdout
    assert tree_digest(sample_content) == before


def test_release_that_fails_part_way_leaves_no_trace(sample_content, monkeypatch):
    from generator.staff import release as publishing
    loaded = load_valid_site(sample_content)
    release = publishing.prepare_release(loaded, sample_content,
                                         publishing.ReleaseRequest("gotsu", "1.6", "2026-09-30", "変更"))
    before = tree_digest(sample_content)

    def explode(_):
        raise OSError("disk full")
    monkeypatch.setattr(publishing, "build_manifest", explode)
    with pytest.raises(OSError):
        publishing.write_release(release, sample_content.resolve())
    assert tree_digest(sample_content) == before
    assert not (sample_content / "plans/gotsu/releases/1.6").exists()


def test_tampering_with_a_frozen_version_is_named(sample_content):
    path = sample_content / "plans/gotsu/releases/1.5/initiatives/chat-tool.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("チャットツール", "チャット"), encoding="utf-8")
    result = run_cli("validate", "--content", str(sample_content))
    assert result.returncode == 1
    assert "公開済みの版のファイル 1.5/initiatives/chat-tool.yml が公開後に変更されています" in result.stderr


# ── diff ─────────────────────────────────────────────────────────────────────

def test_diff_between_two_versions(sample_content):
    result = run_cli("diff", "gotsu", "pre-1.5", "1.5", "--content", str(sample_content))
    assert result.returncode == 0, result.stderr
    assert "個別業務一覧（版数・発行日の記載なし） から 第1.5版 への変更" in result.stdout
    assert "■ 追加された取組" in result.stdout and "リモート窓口" in result.stdout
    missing = run_cli("diff", "gotsu", "1.4", "1.5", "--content", str(sample_content))
    assert missing.returncode == 1 and "版「1.4」はありません" in missing.stderr


# ── export / import ──────────────────────────────────────────────────────────

@pytest.mark.parametrize("plan", ["gotsu", "kashima"])
@pytest.mark.parametrize("form", ["xlsx", "csv"])
def test_export_then_import_gives_back_identical_files(sample_content, tmp_path, plan, form):
    original = tmp_path / "original"
    import shutil
    shutil.copytree(sample_content / "plans" / plan / "working", original)
    target = tmp_path / (f"{plan}.xlsx" if form == "xlsx" else f"{plan}-csv")
    assert run_cli("export", plan, f"--{form}", str(target), "--content", str(sample_content)).returncode == 0
    result = run_cli("import", plan, f"--{form}", str(target), "--content", str(sample_content))
    assert result.returncode == 0, result.stderr
    assert _same_tree(original, sample_content / "plans" / plan / "working")


def test_exported_workbook_is_laid_out_for_staff(sample_content, tmp_path):
    path = tmp_path / "kashima.xlsx"
    assert run_cli("export", "kashima", "--xlsx", str(path), "--content", str(sample_content)).returncode == 0
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["取組", "スケジュール・進捗", "複数年度の活動", "KPI", "KPIの値", "テーマの項目名", "選択肢",
                                  "書き出し情報"]
    assert [s.sheet_state for s in workbook.worksheets][-1] == "hidden"   # what it was made from (issue 19.2)
    sheet = workbook["取組"]
    header = [c.value for c in sheet[1]]
    # Columns are named as 鹿島市's cards name the fields (plan.yml fields.labels), and only the
    # fields its cards have (fields.uses): no 目的 column, which its document never has.
    assert header[:4] == ["取組ID", "番号", "事業名", "柱"] and "担当課1" in header and "目的" not in header
    assert "事業概要（目的・必要性）" in header
    assert sheet.max_row == 52  # header + 51 initiatives, one row each
    schedule_header = [c.value for c in workbook["スケジュール・進捗"][1]]
    assert "令和5年度（2023年度） 取組事項（KPI）" in schedule_header
    validations = {str(v.sqref).split(":")[0][:1] + v.formula1 for v in sheet.data_validations.dataValidation}
    assert any("選択肢" in v for v in validations)  # dropdowns for theme / department / category
    # 鹿島市's cards have no 進捗 (fields.uses), so its workbook has no progress columns to pick a
    # status in; the status dropdowns are checked on 江津市's workbook below.
    assert not any("進捗" in str(h) for h in schedule_header)
    assert not workbook["スケジュール・進捗"].data_validations.dataValidation


def test_import_reports_problems_in_three_sheets_at_once_and_writes_nothing(sample_content, tmp_path):
    path = tmp_path / "gotsu.xlsx"
    assert run_cli("export", "gotsu", "--xlsx", str(path), "--content", str(sample_content)).returncode == 0
    workbook = load_workbook(path)
    initiatives = workbook["取組"]
    header = [c.value for c in initiatives[1]]
    initiatives.cell(row=3, column=header.index("担当1") + 1, value="存在しない課")  # 江津市 calls 担当課 「担当」
    initiatives.cell(row=4, column=header.index("取組ID") + 1, value="Bad ID")
    schedule = workbook["スケジュール・進捗"]
    s_header = [c.value for c in schedule[1]]
    assert len(schedule.data_validations.dataValidation) >= 2  # status dropdowns
    schedule.cell(row=2, column=s_header.index("令和5年度（2023年度） 進捗状況") + 1, value="たぶん完了")
    kpis = workbook["KPI"]
    kpis.append(["online-application", "new-kpi", "新しい指標", "件", "大きいほど良い"])
    values = workbook["KPIの値"]
    values.append(["new-kpi", "来年度", "目標", "たくさん"])
    workbook.save(path)
    before = tree_digest(sample_content)
    result = run_cli("import", "gotsu", "--xlsx", str(path), "--content", str(sample_content))
    assert result.returncode == 1
    err = result.stderr
    assert "シート「取組」 3行目 列「担当1」: 担当「存在しない課」は計画の担当の一覧にありません" in err
    assert "シート「取組」 4行目 列「取組ID」: 「Bad ID」は取組IDに使えません" in err
    assert "シート「スケジュール・進捗」 2行目 列「令和5年度（2023年度） 進捗状況」: 進捗状況「たぶん完了」は選択肢にありません" in err
    assert "シート「KPIの値」" in err and "「来年度」は整数ではありません" in err and "「たくさん」は数値ではありません" in err
    assert "何も書き換えていません" in err
    assert tree_digest(sample_content) == before


def test_import_maps_content_checks_back_to_cells(sample_content, tmp_path):
    path = tmp_path / "gotsu.xlsx"
    assert run_cli("export", "gotsu", "--xlsx", str(path), "--content", str(sample_content)).returncode == 0
    workbook = load_workbook(path)
    schedule = workbook["スケジュール・進捗"]
    s_header = [c.value for c in schedule[1]]
    schedule.cell(row=2, column=1, value="chat-tool-x")  # an id that is not on the 取組 sheet
    workbook.save(path)
    result = run_cli("import", "gotsu", "--xlsx", str(path), "--content", str(sample_content))
    assert result.returncode == 1
    assert "シート「スケジュール・進捗」 2行目 列「取組ID」: 取組ID「chat-tool-x」は「取組」シートにありません" in result.stderr


def test_import_rejects_a_file_that_is_not_a_workbook(sample_content, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    result = run_cli("import", "gotsu", "--xlsx", str(path), "--content", str(sample_content))
    assert result.returncode == 1 and "Excelファイル（.xlsx）として読み込めません" in result.stderr
    assert "Traceback" not in result.stderr
