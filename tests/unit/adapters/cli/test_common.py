"""Reporting content problems (adapters/cli/common.py): every problem then the count, notes
apart, a missing content folder named; the stream looked up when called."""

from __future__ import annotations

import io

from generator.adapters.cli.common import load_or_report, report, working_plan
from generator.i18n import msg
from generator.load.problems import Problems


def test_problems_then_their_count_on_the_stream_of_the_moment(capsys):
    problems = Problems()
    problems.add("b.yml", 2, "", "二つ目")
    problems.add("a.yml", 1, "title", "一つ目", "直してください")
    stream = io.StringIO()
    report(problems, stream)
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("a.yml:1: title: 一つ目") and lines[1].strip() == "→ 直してください"
    assert lines[2].startswith("b.yml:2:") and lines[-1].startswith(msg("cli.problems_total", count=2).strip()[:3])
    report(problems)                   # sys.stderr as it is now (pytest's capture)
    assert "一つ目" in capsys.readouterr().err


def test_good_content_loads_with_notes_and_broken_content_is_reported(basic_content, tmp_path, capsys):
    result = load_or_report(basic_content)
    assert result is not None and result.site is not None
    assert "ledger.yml" in capsys.readouterr().err          # a note, not a failure
    (basic_content / "plans/sample/working/plan.yml").write_text("title: [\n", encoding="utf-8")
    assert load_or_report(basic_content) is None
    assert "plan.yml" in capsys.readouterr().err
    assert load_or_report(tmp_path / "nothing") is None
    assert str(tmp_path / "nothing") in capsys.readouterr().err


def test_the_plan_with_a_working_copy_or_why_not(basic_content, capsys):
    result = load_or_report(basic_content)
    assert working_plan(result, "sample").id == "sample"
    assert working_plan(result, "nothing") is None and "nothing" in capsys.readouterr().err
