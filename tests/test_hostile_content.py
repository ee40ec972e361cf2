"""Hostile content files (issue 13, part 1): symlinks and paths out of content/, YAML alias
bombs, anchors, tags, deep nesting and oversized files are refused by every reader — with
the file, the line, what is wrong and the fix; fast, without a traceback, writing nothing."""

from __future__ import annotations

import os
import time
from pathlib import Path

from generator.i18n import msg
from generator.validate import load_valid_site

from .refusal import refused, reported

W = "plans/sample/working"
INIT = f"{W}/initiatives/online.yml"
REL = "plans/sample/releases/1.1"

# The classic "billion laughs": a few hundred bytes that expand to 10^9 strings.
BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))


def write(content: Path, relative: str, text: str) -> Path:
    path = content / relative
    path.write_text(text, encoding="utf-8")
    return path


def secret(tmp_path: Path) -> Path:
    outside = tmp_path / "outside" / "secret.md"
    outside.parent.mkdir()
    outside.write_text("# 秘密\n\nroot:x:0:0:root\n", encoding="utf-8")
    return outside


# ── symlinks and paths outside content/ ────────────────────────────────────────────────

def test_a_chapter_linked_to_etc_passwd_is_refused_by_validate(basic_content):
    chapter = basic_content / W / "chapters" / "background.md"
    chapter.unlink()
    chapter.symlink_to("/etc/passwd")
    result = refused(basic_content)
    reported(result, f"content/{W}/chapters/background.md", msg("errors.symlink", target="/etc/passwd"))
    assert "root:" not in result.stdout + result.stderr


def test_a_linked_chapter_is_never_built(basic_content, tmp_path):
    chapter = basic_content / W / "chapters" / "background.md"
    chapter.unlink()
    chapter.symlink_to(secret(tmp_path))
    result = refused(basic_content, "build")
    reported(result, f"content/{W}/chapters/background.md", "シンボリックリンク")


def test_a_linked_chapter_is_never_frozen_by_release(basic_content, tmp_path):
    chapter = basic_content / W / "chapters" / "background.md"
    chapter.unlink()
    chapter.symlink_to(secret(tmp_path))
    result = refused(basic_content, "release", "sample", "1.2", "--date", "2026-04-01", "--no-notes")
    reported(result, f"content/{W}/chapters/background.md", "シンボリックリンク")
    assert not (basic_content / "plans/sample/releases/1.2").exists()


def test_a_linked_initiative_file_is_refused(basic_content, tmp_path):
    outside = tmp_path / "elsewhere.yml"
    outside.write_text((basic_content / INIT).read_text(encoding="utf-8"), encoding="utf-8")
    (basic_content / INIT).unlink()
    (basic_content / INIT).symlink_to(outside)
    reported(refused(basic_content), f"content/{INIT}", msg("errors.symlink", target=str(outside)))


def test_a_link_inside_content_is_refused_too(basic_content):
    """Even a link to another content file: release would freeze whatever it points to later."""
    (basic_content / INIT).unlink()
    (basic_content / INIT).symlink_to(basic_content / W / "initiatives" / "paperless.yml")
    reported(refused(basic_content), f"content/{INIT}", "シンボリックリンク")


def test_a_linked_folder_is_refused_and_not_entered(basic_content, tmp_path):
    outside = tmp_path / "figures"
    outside.mkdir()
    (outside / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (basic_content / W / "figures").symlink_to(outside, target_is_directory=True)
    result = refused(basic_content)
    reported(result, f"content/{W}/figures", "シンボリックリンク")
    assert "chart.png" not in result.stderr


def test_a_linked_figure_is_refused(basic_content, tmp_path):
    (basic_content / W / "figures").mkdir()
    (basic_content / W / "figures" / "chart.png").symlink_to("/etc/hostname")
    reported(refused(basic_content), f"content/{W}/figures/chart.png", "シンボリックリンク")


def test_a_link_in_a_frozen_edition_is_refused(basic_content):
    frozen = basic_content / REL / "plan.yml"
    copy = basic_content.parent / "plan-copy.yml"
    copy.write_bytes(frozen.read_bytes())
    frozen.unlink()
    frozen.symlink_to(copy)   # the same bytes: the manifest alone would not notice
    reported(refused(basic_content, "build"), f"content/{REL}/plan.yml", "シンボリックリンク")


def test_a_linked_content_file_is_refused_by_import(basic_content, tmp_path):
    chapter = basic_content / W / "chapters" / "background.md"
    chapter.unlink()
    chapter.symlink_to("/etc/passwd")
    csv_dir = tmp_path / "csv"
    csv_dir.mkdir()
    result = refused(basic_content, "import", "sample", "--csv", str(csv_dir))
    reported(result, f"content/{W}/chapters/background.md", "シンボリックリンク")


def test_the_preview_loader_refuses_a_link(basic_content):
    """`planpub serve` and `mkdocs build` load content through load_valid_site (the plugin)."""
    (basic_content / W / "chapters" / "background.md").unlink()
    (basic_content / W / "chapters" / "background.md").symlink_to("/etc/passwd")
    result = load_valid_site(basic_content)
    assert [p.code for p in result.problems] == ["symlink"]
    assert all("root:" not in c.markdown for p in result.plans for c in (p.working.content.chapters
                                                                        if p.working else []))


# ── YAML that expands, nests or constructs ─────────────────────────────────────────────

def test_the_billion_laughs_alias_bomb_is_refused_before_expansion(basic_content):
    assert len(BOMB.encode()) < 700   # the was 629 bytes
    write(basic_content, INIT, BOMB)
    started = time.perf_counter()
    problems = load_valid_site(basic_content).problems
    assert time.perf_counter() - started < 1.0
    assert {p.code for p in problems} == {"yaml_anchor", "yaml_alias"}
    result = refused(basic_content, "build")
    reported(result, f"content/{INIT}:1", msg("errors.yaml_anchor", name="a"))
    reported(result, f"content/{INIT}:2", msg("errors.yaml_alias", name="a"))


def test_an_anchor_without_alias_is_refused(basic_content):
    write(basic_content, INIT, "number: \"No.1\"\ntitle: &t オンライン申請\n")
    reported(refused(basic_content), f"content/{INIT}:2", msg("errors.yaml_anchor", name="t"))


def test_a_merge_key_is_refused(basic_content):
    write(basic_content, INIT, "base: &base {title: x}\nitem:\n  <<: *base\n")
    result = refused(basic_content)
    reported(result, f"content/{INIT}:1", "&base")
    reported(result, f"content/{INIT}:3", "*base")


def test_a_python_tag_is_refused_and_never_run(basic_content, tmp_path):
    marker = tmp_path / "pwned"
    write(basic_content, INIT, f'title: !!python/object/apply:os.system ["touch {marker}"]\n')
    result = refused(basic_content)
    reported(result, f"content/{INIT}:1", msg("errors.yaml_tag", tag="!!python/object/apply:os.system"))
    assert not marker.exists()


def test_a_local_tag_is_refused(basic_content):
    write(basic_content, INIT, "number: \"No.1\"\ntitle: !secret オンライン申請\n")
    reported(refused(basic_content), f"content/{INIT}:2", msg("errors.yaml_tag", tag="!secret"))


def test_an_explicit_standard_tag_is_refused(basic_content):
    write(basic_content, INIT, "number: !!str 1\ntitle: オンライン申請\n")
    reported(refused(basic_content), f"content/{INIT}:1", msg("errors.yaml_tag", tag="!!str"))


def test_lists_nested_ten_thousand_deep_are_refused_without_recursion_error(basic_content):
    write(basic_content, INIT, "title: " + "[" * 10000 + "]" * 10000 + "\n")
    result = refused(basic_content)
    reported(result, f"content/{INIT}:1", msg("errors.yaml_too_deep", limit=50))
    assert "RecursionError" not in result.stderr


def test_block_lists_nested_ten_thousand_deep_are_refused(basic_content):
    write(basic_content, INIT, "title: x\nschedule:\n  " + "- " * 10000 + "x\n")
    reported(refused(basic_content), f"content/{INIT}:3", msg("errors.yaml_too_deep", limit=50))


def test_nesting_that_would_crash_libyaml_is_refused(basic_content):
    """libyaml's composer recurses in C: 100,000 levels end the process (a segfault)."""
    write(basic_content, INIT, "title: " + "[" * 200000 + "\n")
    started = time.perf_counter()
    assert {p.code for p in load_valid_site(basic_content).problems} == {"yaml_too_deep"}
    assert time.perf_counter() - started < 1.0
    reported(refused(basic_content), f"content/{INIT}:1", "入れ子が深すぎます")


def test_ordinary_nesting_and_markdown_stars_are_accepted(basic_content):
    write(basic_content, INIT, 'number: "No.1"\ntitle: "**太字** & 記号！ *強調*"\n'
                               "overview: |\n  **オンライン申請** と *窓口* & 電話\n  - [ ] 予定\n")
    assert not load_valid_site(basic_content).problems


def test_an_oversized_file_is_refused_without_reading_it_whole(basic_content):
    path = write(basic_content, INIT, "title: x\n")
    with open(path, "ab") as handle:
        handle.truncate(3 * 1024 * 1024)   # 3 MB (the limit is 2 MB)
    reported(refused(basic_content), f"content/{INIT}", "ファイルが大きすぎます")


def test_an_oversized_chapter_is_refused(basic_content):
    path = basic_content / W / "chapters" / "background.md"
    path.write_text("あ" * (1024 * 1024), encoding="utf-8")
    reported(refused(basic_content), f"content/{W}/chapters/background.md", "ファイルが大きすぎます")


def test_a_named_pipe_is_refused_without_hanging(basic_content):
    """A named pipe where an initiative file should be: reading it would wait forever."""
    (basic_content / INIT).unlink()
    os.mkfifo(basic_content / INIT)
    started = time.perf_counter()
    assert [p.code for p in load_valid_site(basic_content).problems] == ["not_regular"]
    assert time.perf_counter() - started < 5
    reported(refused(basic_content), f"content/{INIT}", msg("errors.not_regular", target=f"content/{INIT}")[:10])
