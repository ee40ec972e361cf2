"""Problems collected, never raised (load/problems.py): relative paths, one line each with
its fix, sorted by file and line, the same problem once, notes apart."""

from __future__ import annotations

from pathlib import Path

from generator.load.problems import Problem, Problems


def test_a_problem_reads_where_what_and_how_to_fix_it():
    assert Problem("content/a.yml", 3, "title", "空です", "書いてください").format() == \
        "content/a.yml:3: title: 空です\n    → 書いてください"
    assert Problem("content/a.yml", None, "", "読めません").format() == "content/a.yml: 読めません"


def test_paths_are_shown_as_the_content_folder_was_given_and_duplicates_dropped(tmp_path):
    root = tmp_path / "content"
    problems = Problems(root, shown_root=Path("../c"))      # planpub validate --content ../c
    for _ in range(2):
        problems.add(root / "plans/p/plan.yml", 2, "", "x")
    problems.add(tmp_path / "elsewhere.yml", 1, "", "y")
    assert [p.file for p in problems] == ["../c/plans/p/plan.yml", (tmp_path / "elsewhere.yml").as_posix()]
    assert len(problems) == 2 and bool(problems)
    assert Problems(root).shown(root / "plans/p/plan.yml") == (root / "plans/p/plan.yml").as_posix()


def test_sorted_by_file_then_line_with_file_level_problems_first():
    problems = Problems()
    problems.add("b.yml", 1, "", "m")
    problems.add("a.yml", 5, "", "m")
    problems.add("a.yml", None, "", "m")
    assert [(p.file, p.line) for p in problems.sorted()] == [("a.yml", None), ("a.yml", 5), ("b.yml", 1)]


def test_notes_are_not_problems():
    problems = Problems()
    problems.note("a.yml", None, "", "台帳がまだありません")
    assert not problems and len(problems.notes) == 1
