"""Names and text that cannot deceive (issue 19, points 10-12): bidi controls and invisible
characters refused in one-line values and vocabulary names, vocabulary names compared in
NFC, ids and file names matched whole, length limits with the limit in the message.
Each case: exit code, the message at file:line with its fix, the content unchanged."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from .conftest import run_cli
from .refusal import refused, reported

W = "plans/sample/working"
RLO = "\u202e"


def _edit(content: Path, relative: str, old: str, new: str) -> None:
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("character", ["\u202e", "\u2066", "\u200b", "\u2060", "\ufeff"],
                         ids=["RLO", "LRI", "zero-width space", "word joiner", "BOM"])
def test_an_invisible_character_in_a_title_is_refused_at_its_line(basic_content, character):
    _edit(basic_content, f"{W}/initiatives/online.yml", "title: オンライン申請", f'title: "SNSの活用拡大{character}gnp.exe"')
    result = refused(basic_content)
    name = unicodedata.name(character)
    reported(result, f"content/{W}/initiatives/online.yml:2", "title:", f"U+{ord(character):04X} {name}",
             f"「SNSの活用拡大⟨U+{ord(character):04X}⟩gnp.exe」")
    assert "キーボードで打ち直してください" in result.stderr


def test_a_bidi_control_in_a_department_name_is_refused(basic_content):
    _edit(basic_content, f"{W}/plan.yml", "  - name: 市民課", f'  - name: "市民課{RLO}"')
    reported(refused(basic_content), f"content/{W}/plan.yml:23", "departments[1].name:", "U+202E")


def test_a_bidi_control_in_prose_is_refused_but_a_line_break_is_prose(basic_content):
    _edit(basic_content, f"{W}/initiatives/online.yml", "purpose: 市役所", f'purpose: "{RLO}市役所')
    _edit(basic_content, f"{W}/initiatives/online.yml", "ようにする", 'ようにする\\n2行目"')
    result = refused(basic_content)
    reported(result, f"content/{W}/initiatives/online.yml:8", "purpose:", "表示の順序を入れ替える文字", "U+202E")
    assert result.stderr.count("purpose:") == 1


def test_a_line_break_in_a_one_line_value_is_refused(basic_content):
    _edit(basic_content, f"{W}/plan.yml", "  - name: 市民課", '  - name: "市民\\n課"')
    reported(refused(basic_content), f"content/{W}/plan.yml:23", "departments[1].name:", "「市民⏎課」に改行が含まれています")


def test_two_departments_that_look_the_same_are_refused(basic_content):
    decomposed = unicodedata.normalize("NFD", "デジタル推進課")
    _edit(basic_content, f"{W}/plan.yml", "  - name: 全課", f"  - name: デジタル推進課\n  - name: {decomposed}\n  - name: 全課")
    result = refused(basic_content)
    reported(result, f"content/{W}/plan.yml:25", "departments[3].name:", "24行目の「デジタル推進課」と同じ名前です")
    assert "見て区別できる名前にしてください" in result.stderr


def test_a_department_typed_in_nfd_is_explained(basic_content):
    _edit(basic_content, f"{W}/plan.yml", "  - name: 全課", "  - name: デジタル推進課\n  - name: 全課")
    _edit(basic_content, f"{W}/initiatives/paperless.yml", "departments: [全課]",
          f"departments: [{unicodedata.normalize('NFD', 'デジタル推進課')}]")
    result = refused(basic_content)
    reported(result, f"content/{W}/initiatives/paperless.yml:4", "departments[0]:",
             "plan.yml の「デジタル推進課」と見た目は同じですが、文字の表し方（Unicode の合成・分解）が違います")
    assert "名前をコピーして貼り付け直してください" in result.stderr


def test_a_file_name_ending_in_a_newline_is_refused(basic_content):
    source = basic_content / W / "initiatives" / "reservation.yml"
    source.rename(source.with_name("evil\n.yml"))
    result = refused(basic_content)
    reported(result, f"content/{W}/initiatives/evil⏎.yml", "ファイル名「evil⏎.yml」は取組IDに使えません")
    refused(basic_content, "build")


@pytest.mark.parametrize("where, old, new, field", [
    (f"{W}/plan.yml", "  - id: background\n", '  - id: "background\\n"\n', "chapters[0].id"),
    (f"{W}/plan.yml", "    file: chapters/background.md", '    file: "chapters/background.md\\n"', "chapters[0].file"),
    (f"{W}/initiatives/online.yml", "theme: counter", 'theme: "counter\\n"', "theme"),
], ids=["chapter id", "chapter file", "theme id"])
def test_ids_and_file_names_are_matched_whole(basic_content, where, old, new, field):
    _edit(basic_content, where, old, new)
    result = refused(basic_content)
    line = next(line for line in result.stderr.splitlines() if f": {field}: " in line)
    assert "⏎」" in line and ("使えません" in line or "ではありません" in line), line


@pytest.mark.parametrize("where, old, value, field, limit", [
    (f"{W}/initiatives/online.yml", "number: \"No.1\"", "番" * 201, "number", 200),
    (f"{W}/plan.yml", "  - name: 市民課", "課" * 101, "departments[1].name", 100),
    (f"{W}/initiatives/online.yml", "title: オンライン申請", "題" * 501, "title", 500),
], ids=["one-line field", "department name", "title"])
def test_length_limits_say_the_limit(basic_content, where, old, value, field, limit):
    key = old.split(":")[0]
    _edit(basic_content, where, old, f"{key}: {value}")
    result = refused(basic_content)
    assert f"{field}: 文字数が多すぎます（{limit + 1}文字。上限は{limit}文字）" in result.stderr, result.stderr


def test_a_value_too_long_does_not_hide_the_other_problems_of_its_file(basic_content):
    """A limit is reported with the rest in one run: the file is still checked against the others."""
    _edit(basic_content, f"{W}/initiatives/online.yml", "number: \"No.1\"", "number: " + "番" * 201)
    _edit(basic_content, f"{W}/initiatives/online.yml", "departments: [市民課, 政策企画課]", "departments: [市民課, 総務課]")
    result = refused(basic_content)
    assert "上限は200文字" in result.stderr and "担当課「総務課」は plan.yml の departments にありません" in result.stderr


def test_the_workbook_refuses_a_title_that_would_not_validate(basic_content, tmp_path):
    from openpyxl import load_workbook
    path = tmp_path / "a.xlsx"
    assert run_cli("export", "sample", "--xlsx", str(path), "--content", str(basic_content)).returncode == 0
    workbook = load_workbook(path)
    sheet = workbook["取組"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "online":
            row[header.index("取組名")].value = f"SNSの活用拡大{RLO}gnp.exe"
    workbook.save(path)
    result = refused(basic_content, "import", "sample", "--xlsx", str(path))
    assert "シート「取組」 2行目 列「取組名」" in result.stderr and "U+202E RIGHT-TO-LEFT OVERRIDE" in result.stderr
