"""`planpub serve`: the preview rebuilds when content changes, and shows problems instead of dying."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.pages import urls
from generator.pages.kinds import PageKind

from .conftest import ROOT, config_copy

pytestmark = pytest.mark.slow   # runs `planpub serve` in a process of its own


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _config_for(content: Path, tmp_path: Path) -> Path:
    return config_copy(tmp_path, content=content)


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, predicate, timeout: float = 60.0) -> str:
    deadline = time.time() + timeout
    last = ""
    while time.time() < deadline:
        try:
            last = _get(url)
            if predicate(last):
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {url}; last response started: {last[:300]}")


@pytest.fixture
def server(basic_content, tmp_path):
    port = _free_port()
    config = _config_for(basic_content, tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--config", str(config), "--addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}/dx/plan/", basic_content
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def test_preview_reloads_after_content_edit(server):
    base, content = server
    url = base + urls.page(urls.working_base("sample"), PageKind.INITIATIVE, "paperless")
    _wait_for(url, lambda html: "紙の使用を減らす" in html and "未公開の作業中の版" in html)
    paperless = content / "plans/sample/working/initiatives/paperless.yml"
    paperless.write_text(paperless.read_text(encoding="utf-8").replace("紙の使用を減らす", "紙の使用をなくす"),
                         encoding="utf-8")
    _wait_for(url, lambda html: "紙の使用をなくす" in html)
    site_yml = content / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("テスト用サイト", "プレビュー確認サイト"),
                        encoding="utf-8")
    _wait_for(base, lambda html: "プレビュー確認サイト" in html)


def test_preview_shows_problems_in_the_browser(server):
    base, content = server
    _wait_for(base, lambda html: "テスト用サイト" in html)
    (content / "plans/sample/working/initiatives/online.yml").write_text("title: a\ndepartments: [市民科]\n",
                                                                          encoding="utf-8")
    html = _wait_for(base, lambda html: "内容に問題があります" in html)
    assert "市民科" in html and "online.yml" in html


def test_broken_content_shows_on_the_page_being_edited_and_recovers(server):
    base, content = server
    url = base + urls.page(urls.working_base("sample"), PageKind.INITIATIVE, "online")
    _wait_for(url, lambda html: "オンライン申請" in html and "未公開の作業中の版" in html)
    online = content / "plans/sample/working/initiatives/online.yml"
    good = online.read_text(encoding="utf-8")
    online.write_text(good.replace("title: オンライン申請", "title: オンライン申請\n  : ["), encoding="utf-8")
    html = _wait_for(url, lambda html: "内容に問題があります" in html)  # in place of the page, not a 404
    assert re.search(r"initiatives/online\.yml:\d+", html), html
    with pytest.raises(urllib.error.HTTPError) as missing:  # an address the preview never showed
        _get(base + urls.page(urls.working_base("sample"), PageKind.INITIATIVE, "not-yet"))
    unseen = missing.value.read().decode("utf-8")
    assert "内容に問題があります" in unseen and re.search(r"initiatives/online\.yml:\d+", unseen)
    assert "Not found" not in html and "404" not in html
    online.write_text(good, encoding="utf-8")
    _wait_for(url, lambda html: "オンライン申請" in html and "内容に問題があります" not in html)


def test_busy_port_takes_the_next_free_one_and_says_so(basic_content, tmp_path):
    config = _config_for(basic_content, tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--config", str(config), "--addr", f"127.0.0.1:{port}"],
            cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True)
        try:
            first = process.stdout.readline()
            assert f"ポート {port} は別のプログラムが使用中のため" in first, first
            free = int(first.split("ポート ")[2].split(" ")[0])
            assert free != port
            _wait_for(f"http://127.0.0.1:{free}/dx/plan/", lambda html: "テスト用サイト" in html)
        finally:
            _stop(process)
