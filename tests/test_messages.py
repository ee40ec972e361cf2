"""Messages that name the real problem (issue 13, part 8): no 「取組ファイルがありません」 for a
file that exists but could not be read; YAML syntax errors in Japanese with the usual cause
(full-width 「：」「　」, an unquoted %); every schema error of a file in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.i18n import msg

from .refusal import refused, reported

W = "plans/sample/working"
INIT = f"{W}/initiatives/online.yml"
ENGLISH = ("mapping values", "could not find", "expected", "found character", "end of stream", "document")


def write(content: Path, relative: str, text: str) -> None:
    (content / relative).write_text(text, encoding="utf-8")


def japanese_only(result) -> None:
    problems = [line for line in result.stderr.splitlines() if "YAML" in line]
    assert problems and not any(word in line for line in problems for word in ENGLISH), problems


def test_an_unreadable_initiative_is_not_also_called_missing(sample_content):
    path = sample_content / "plans/gotsu/working/initiatives/chat-tool.yml"
    path.write_text("title：チャットツール\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = refused(sample_content)
    assert msg("errors.order_unknown", value="chat-tool") not in result.stderr
    assert "取組ファイルがありません" not in result.stderr
    assert msg("cli.problems_total", count=1).strip() in result.stderr
    reported(result, "content/plans/gotsu/working/initiatives/chat-tool.yml:3", msg("errors.yaml_syntax_missing_colon"))
    assert msg("hints.yaml_cause_fullwidth_colon", line=1) in result.stderr


def test_a_deleted_initiative_is_still_called_missing(sample_content):
    (sample_content / "plans/gotsu/working/initiatives/chat-tool.yml").unlink()
    assert msg("errors.order_unknown", value="chat-tool") in refused(sample_content).stderr


def test_a_full_width_colon_is_named_with_its_line(basic_content):
    write(basic_content, INIT, 'number: "No.1"\ntitle：オンライン申請\ntheme: counter\n')
    result = refused(basic_content)
    reported(result, f"content/{INIT}:3", msg("errors.yaml_syntax_missing_colon"),)
    assert msg("hints.yaml_cause_fullwidth_colon", line=2) in result.stderr
    japanese_only(result)


def test_a_full_width_colon_on_the_first_line_is_named(basic_content):
    write(basic_content, INIT, 'title：オンライン申請\ntheme: counter\n')
    result = refused(basic_content)
    assert msg("hints.yaml_cause_fullwidth_colon", line=1) in result.stderr
    japanese_only(result)


def test_a_full_width_colon_in_a_nested_year_is_named(basic_content):
    write(basic_content, INIT, 'title: オンライン申請\nschedule:\n  2024: 試行\n  2025：本格運用\n  2026: 拡大\n')
    result = refused(basic_content)
    assert msg("hints.yaml_cause_fullwidth_colon", line=4) in result.stderr
    japanese_only(result)


def test_a_full_width_space_indentation_is_named(basic_content):
    write(basic_content, INIT, 'title: オンライン申請\n\u3000theme: counter\n')
    result = refused(basic_content)
    reported(result, f"content/{INIT}:2", msg("errors.fullwidth_indent", key="theme"))
    assert "unknown" not in result.stderr and msg("errors.unknown_field", key="\u3000theme") not in result.stderr


def test_a_full_width_space_inside_a_nested_block_is_named(basic_content):
    write(basic_content, INIT, 'title: オンライン申請\nschedule:\n  2024: 試行\n\u30002025: 本格運用\n')
    reported(refused(basic_content), f"content/{INIT}:4", msg("errors.fullwidth_indent", key="2025"))


def test_a_full_width_space_inside_text_is_kept(basic_content):
    """Japanese paragraphs begin with 「　」: inside a value it is text, not indentation."""
    from generator.validate import load_valid_site
    write(basic_content, INIT, 'number: "No.1"\ntitle: オンライン申請\noverview: |\n  \u3000本市では、申請を進める。\n')
    result = load_valid_site(basic_content)
    assert not result.problems
    online = next(i for i in result.plans[0].working.content.initiatives if i.id == "online")
    assert online.texts["overview"].plain().startswith("\u3000本市")


def test_an_unquoted_percent_is_named(basic_content):
    write(basic_content, INIT, 'title: オンライン申請\nnumber: %1\n')
    result = refused(basic_content)
    reported(result, f"content/{INIT}:2", msg("errors.yaml_syntax_bad_start", char="%"))
    assert msg("hints.yaml_cause_needs_quotes", line=2) in result.stderr
    japanese_only(result)


def test_an_unquoted_at_sign_is_named(basic_content):
    write(basic_content, INIT, 'title: "@窓口"\noverview: @オンライン\n')
    reported(refused(basic_content), f"content/{INIT}:2", msg("errors.yaml_syntax_bad_start", char="@"))


def test_a_colon_inside_a_value_is_explained(basic_content):
    write(basic_content, INIT, 'title: 目的: 市民サービスの向上\n')
    result = refused(basic_content)
    reported(result, f"content/{INIT}:1", msg("errors.yaml_syntax_colon_in_value"))
    assert "\"…\" で囲んで" in result.stderr
    japanese_only(result)


@pytest.mark.parametrize("text, line, kind", [
    pytest.param('title: "オンライン申請\ntheme: counter\n', 3, "unclosed", id="unclosed quote"),
    pytest.param('title: オンライン申請\nschedule:\n  2024: 試行\n 2025: 本格運用\n', 4, "indentation",
                 id="uneven indentation"),
    pytest.param('title: オンライン申請\ndepartments: [市民課, 政策企画課\ntheme: counter\n', 3, "flow_unclosed",
                 id="unclosed bracket"),
    pytest.param('title: オンライン申請\n---\ntitle: 別\n', 2, "two_documents", id="second document"),
])
def test_a_syntax_error_is_explained_in_japanese(basic_content, text, line, kind):
    write(basic_content, INIT, text)
    result = refused(basic_content)
    reported(result, f"content/{INIT}:{line}", msg(f"errors.yaml_syntax_{kind}"))
    japanese_only(result)


def test_every_schema_error_of_a_file_in_one_run(basic_content):
    write(basic_content, INIT, 'number: "No.1"\ntitle: 123\ntheme: counter\ndepartmens: [市民課]\n'
                               'schedule:\n  R6: 試行\nprogress:\n  2024: {status: 運用中, as_of: 2024-13-01}\n')
    result = refused(basic_content)
    reported(result, f"content/{INIT}:2", "title")
    reported(result, f"content/{INIT}:4", msg("errors.unknown_field", key="departmens"))
    reported(result, f"content/{INIT}:6", msg("errors.bad_year_key", value="R6"))
    reported(result, f"content/{INIT}:8", msg("errors.bad_date", value="2024-13-01"))
    assert msg("cli.problems_total", count=4).strip() in result.stderr


def test_errors_in_several_files_are_reported_together(basic_content):
    write(basic_content, INIT, 'title：オンライン申請\ntheme: counter\n')
    write(basic_content, f"{W}/initiatives/paperless.yml", 'number: "No.2"\ntitle: ペーパーレス\ncolour: 青\n')
    plan = basic_content / W / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("adoption: adopted", "adoption: maybe"), encoding="utf-8")
    result = refused(basic_content)
    reported(result, f"content/{INIT}:2", "YAMLの書き方に誤りがあります")
    reported(result, f"content/{W}/initiatives/paperless.yml:3", msg("errors.unknown_field", key="colour"))
    reported(result, f"content/{W}/plan.yml:5", "maybe")


def test_a_dangling_symlink_chapter_is_called_a_link_not_missing(basic_content):
    chapter = basic_content / W / "chapters" / "background.md"
    chapter.unlink()
    chapter.symlink_to("/nonexistent/secret.md")
    result = refused(basic_content)
    reported(result, f"content/{W}/chapters/background.md", "シンボリックリンク")
    assert msg("errors.chapter_missing", value="chapters/background.md") not in result.stderr
