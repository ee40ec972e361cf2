"""`planpub release --notes`: a notes file saved in Shift_JIS (メモ帳, Excel) is read with
a note; one in neither UTF-8 nor Shift_JIS is refused clearly and nothing is written."""

from __future__ import annotations

from .conftest import run_cli, tree_digest

NOTES = "・オンライン申請の対象を拡大\n・窓口予約を追加\n"


def _release(content, notes):
    return run_cli("release", "sample", "1.2", "--date", "2026-03-31", "--notes", str(notes),
                   "--content", str(content), "--dry-run")


def test_shift_jis_notes_are_read_with_a_note(basic_content, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_bytes(NOTES.encode("cp932"))
    result = _release(basic_content, notes)
    assert result.returncode == 0, result.stderr
    assert "Shift_JIS として読み込みました" in result.stdout
    assert "オンライン申請の対象を拡大" in result.stdout and "Traceback" not in result.stderr


def test_notes_in_an_unknown_encoding_are_refused(basic_content, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"\xff\xfe\xfd\x80\xa0")
    before = tree_digest(basic_content)
    result = _release(basic_content, notes)
    assert result.returncode == 1
    assert "UTF-8 でも Shift_JIS でもありません" in result.stderr and "UTF-8」を選んで保存し直してください" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(basic_content) == before
