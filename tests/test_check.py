"""`planpub check`: the quality gate staff run on their own content, with the same checks
(generator.quality) the test suite runs on the sample."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, config_copy, run_cli

pytestmark = pytest.mark.slow   # `planpub check` builds a site and runs Java and Chromium


def _check(config: Path, content: Path, env: dict | None = None):
    return run_cli("check", "--config", str(config), "--content", str(content), env=env)


def test_check_passes_on_good_content_and_leaves_site_alone(basic_content, tmp_path):
    config = config_copy(tmp_path, content=basic_content)
    result = _check(config, basic_content)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    for line in ("✔ 内容のチェック: 問題はありません", "✔ サイト内のリンクとアンカー:", "切れているもの 0件",
                 "✔ HTMLの妥当性（Nu Html Checker）:", "誤り 0件", "✔ アクセシビリティ（axe-core、WCAG 2.2 AA）:",
                 "違反 0件", "すべての確認に合格しました。"):
        assert line in out, out
    assert "ページの種類ごとに1ページ" in out
    assert not (tmp_path / "site").exists() and "Traceback" not in result.stderr


def test_check_names_broken_links_invalid_html_and_accessibility_failures(basic_content, tmp_path):
    overrides = tmp_path / "overrides"
    partial = overrides / "planpub" / "partials" / "edition_header.html"
    partial.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "theme/planpub/partials/edition_header.html", partial)
    with partial.open("a", encoding="utf-8") as stream:
        stream.write('<a href="nowhere/">x</a><img src="missing.png">\n')  # broken link, no alt
    result = _check(config_copy(tmp_path, overrides=overrides, content=basic_content), basic_content)
    assert result.returncode == 1
    out = result.stdout
    assert "✘ サイト内のリンクとアンカー:" in out and "→ nowhere/" in out
    assert "✘ HTMLの妥当性（Nu Html Checker）:" in out and "“alt” attribute" in out
    assert "✘ アクセシビリティ（axe-core、WCAG 2.2 AA）:" in out and "image-alt" in out
    assert "3項目が不合格です" in out and "Traceback" not in result.stderr


def test_check_says_which_tools_are_missing_and_fails(basic_content, tmp_path, monkeypatch):
    """Without java on PATH the HTML check cannot run, without Chromium the accessibility
    check: each named with how to install it, the other checks still done, exit 1. (Both at
    once: the checks that need neither tool ran in the test above.)"""
    import generator.quality.browser as browser
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    result = _check(config_copy(tmp_path, content=basic_content), basic_content,
                    env={"PATH": str(bin_dir) + os.pathsep + str(Path(os.sys.executable).parent)})
    assert result.returncode == 1
    out = result.stdout
    assert "✘ HTMLの妥当性（Nu Html Checker）: 確認できませんでした。java がありません。" in out
    assert "sudo apt-get install default-jre-headless" in out and "Traceback" not in result.stderr
    assert "✘ アクセシビリティ（axe-core、WCAG 2.2 AA）: 確認できませんでした。" in out
    assert "sudo apt-get install chromium" in out
    assert "✔ サイト内のリンクとアンカー:" in out and "2項目が不合格です" in out


def test_check_stops_at_content_problems(basic_content, tmp_path):
    (basic_content / "plans/sample/working/initiatives/online.yml").write_text("title: [\n", encoding="utf-8")
    result = _check(config_copy(tmp_path, content=basic_content), basic_content)
    assert result.returncode == 1
    assert "online.yml" in result.stderr and "✘ 内容のチェック" in result.stdout
    assert "ページを作成しています" not in result.stdout and "Traceback" not in result.stderr
