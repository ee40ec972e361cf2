"""Staff never dead-end (issue 19, points 13-15): messages name the files from the content
folder as given and the real plan id, build/serve work from any folder without mkdocs.yml,
build names the plans it leaves out with the preview address, the preview answers only
its own address, `planpub diff … | head` ends quietly, and validate reports every problem
in one run."""

from __future__ import annotations

import http.client
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.pages import urls
from generator.pages.kinds import PageKind

from .conftest import FIXTURES, ROOT, run_cli, tree_digest
from .site_pages import page_path
from .test_serve import _stop

W = "plans/sample/working"


def _content_elsewhere(tmp_path: Path) -> Path:
    """The basic fixture in a folder named other than content/, beside a project with no mkdocs.yml."""
    target = tmp_path / "project" / "plandata"
    shutil.copytree(FIXTURES / "basic", target)
    return target


def test_messages_name_files_from_the_content_folder_as_given_and_the_real_plan_id(tmp_path):
    content = _content_elsewhere(tmp_path)
    elsewhere = tmp_path / "somewhere"
    elsewhere.mkdir()
    (elsewhere / "content").mkdir()   # a content/ of its own here: messages must not point into it
    path = content / W / "initiatives/online.yml"
    path.write_text(path.read_text(encoding="utf-8") + "items:\n  - title: 子の取組\n", encoding="utf-8")
    before = tree_digest(content)
    result = run_cli("validate", "--content", "../project/plandata", cwd=elsewhere)
    assert result.returncode == 1
    assert f"../project/plandata/{W}/initiatives/online.yml:" in result.stderr, result.stderr
    assert f"content/{W}" not in result.stderr.replace(f"plandata/{W}", "")
    assert "planpub upgrade sample --content ../project/plandata で作業中の版を形式2にしてから" in result.stderr
    assert "<計画ID>" not in result.stderr
    assert "planpub ledger sample --content ../project/plandata" in result.stderr
    assert tree_digest(content) == before


@pytest.mark.slow   # builds a site
def test_build_works_from_any_folder_without_mkdocs_yml_and_names_the_plans_left_out(tmp_path):
    content = _content_elsewhere(tmp_path)
    assert run_cli("new", "fresh", "--content", str(content)).returncode == 0
    elsewhere = tmp_path / "somewhere"
    elsewhere.mkdir()
    result = run_cli("build", "--content", str(content), cwd=elsewhere)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "project" / "site"
    assert "設定ファイル mkdocs.yml がないため、既定の設定で作ります" in result.stdout and str(site) in result.stdout
    assert page_path(site, "sample", PageKind.INITIATIVE, "online").is_file()
    assert "計画「fresh」は公開済みの版がないため、サイトに載せていません。" \
           f"作業中の版は planpub serve のプレビュー http://127.0.0.1:8000/{urls.working_base('fresh')} で確認できます" \
           in result.stdout
    assert not (site / "fresh").exists()
    assert not (elsewhere / "site").exists() and not list(elsewhere.iterdir())


def test_without_mkdocs_yml_or_content_the_message_says_what_to_give(tmp_path):
    result = run_cli("build", cwd=tmp_path)
    assert result.returncode == 1
    assert "設定ファイル mkdocs.yml がありません" in result.stderr and "--content に内容のフォルダー" in result.stderr
    assert "Traceback" not in result.stderr


def _request(port: int, host: str, path: str = "/") -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


@pytest.mark.slow   # planpub in a process of its own
def test_the_preview_answers_only_its_own_address(tmp_path):
    working = "/" + urls.working_base("sample")
    content = _content_elsewhere(tmp_path)
    with __import__("socket").socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--content", str(content),
                                "--addr", f"127.0.0.1:{port}"], cwd=tmp_path,
                               env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 90
        status = None
        while time.time() < deadline:
            try:
                status, body = _request(port, f"127.0.0.1:{port}", working)
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        assert status == 200, "the preview did not start"
        assert "未公開の作業中の版" in body
        assert _request(port, f"localhost:{port}", working)[0] == 200
        for host in (f"attacker.example:{port}", "attacker.example", f"127.0.0.1.nip.io:{port}", f"127.0.0.1:{port + 1}"):
            status, body = _request(port, host, working)
            assert status == 403, host
            assert f"このプレビューは http://127.0.0.1:{port}/ でだけ表示します" in body
            assert "オンライン申請" not in body
    finally:
        _stop(process)


@pytest.mark.slow   # planpub in a process of its own
def test_diff_into_a_pipe_closed_early_ends_without_a_traceback(basic_content):
    path = basic_content / W / "initiatives/online.yml"
    text = path.read_text(encoding="utf-8")
    long = "長い説明の文章です。" * 1900   # about 57 kB per field: more than a pipe holds
    text = text.replace("purpose: 市役所に来なくても手続きできるようにする", f"purpose: {long}")
    text = text.replace("current: 窓口での手続きが中心", f"current: {long}")
    path.write_text(text, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "generator", "diff", "sample", "1.1", "working",
                                "--content", str(basic_content)], cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = process.stdout.readline()   # as `| head -1` does, then stops reading
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8")
    code = process.wait(timeout=120)
    assert "第1.1版" in first.decode("utf-8")
    assert "Traceback" not in stderr and "Exception ignored" not in stderr and "BrokenPipeError" not in stderr, stderr
    assert code in (0, 141)


def test_a_mistake_in_site_yml_does_not_hide_the_other_problems(basic_content):
    (basic_content / "site.yml").write_text("title: テスト用サイト\nlanguage: jp\n", encoding="utf-8")
    path = basic_content / W / "initiatives/online.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("departments: [市民課, 政策企画課]", "departments: [市民科]"),
                    encoding="utf-8")
    result = run_cli("validate", "--content", str(basic_content))
    assert result.returncode == 1
    assert f"{basic_content}/site.yml:2: language:" in result.stderr
    assert f"{basic_content}/{W}/initiatives/online.yml:7: departments[0]: 担当課「市民科」は plan.yml の departments にありません" \
        in result.stderr
    assert "2件の問題があります" in result.stderr


def test_a_misspelt_key_does_not_hide_the_other_problems_of_its_initiative(basic_content):
    path = basic_content / W / "initiatives/online.yml"
    text = path.read_text(encoding="utf-8").replace("purpose: ", "purpos: ")
    path.write_text(text.replace("departments: [市民課, 政策企画課]", "departments: [市民科]"), encoding="utf-8")
    result = run_cli("validate", "--content", str(basic_content))
    assert result.returncode == 1
    assert f"{W}/initiatives/online.yml:8: purpos: 「purpos」という項目はありません" in result.stderr
    assert "→ 「purpose」の書き間違いではありませんか？" in result.stderr
    assert f"{W}/initiatives/online.yml:7: departments[0]: 担当課「市民科」は plan.yml の departments にありません" in result.stderr


def test_the_guide_gives_the_preview_address_serve_prints():
    """The staff guide's preview address of a working copy is the one `planpub serve` shows."""
    from generator.adapters.cli.build import preview_address
    from generator.adapters.mkdocs.settings import read_settings
    from generator.pages.urls import working_base
    guide = (ROOT / "docs/site/guide/index.md").read_text(encoding="utf-8")
    site_url = read_settings(ROOT / "mkdocs.yml").site_url
    assert preview_address(site_url, working_base("<計画ID>")) in guide
    assert preview_address(site_url, "") in guide
    assert ".venv/bin/planpub validate" in guide and ".venv/bin/planpub check" in guide
