"""Shared fixtures: temporary copies of content, CLI runner, built sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_CONTENT = ROOT / "content"


@pytest.fixture
def basic_content(tmp_path: Path) -> Path:
    """A writable copy of the synthetic fixture plan (two frozen 版 and a working copy)."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", target)
    return target


@pytest.fixture
def sample_content(tmp_path: Path) -> Path:
    """A writable copy of the shipped sample content (Gotsu and Kashima)."""
    target = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, target)
    return target


def tree_digest(directory: Path) -> str:
    """One hash over every file name and byte below `directory`."""
    import hashlib
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(directory).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_cli(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `planpub` as a user would, in a subprocess."""
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), SOURCE_DATE_EPOCH="1764000000")
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=600)


def config_copy(tmp_path: Path, overrides: Path | None = None, content: Path | None = None) -> Path:
    """mkdocs.yml with absolute paths, optionally with a site's own theme overrides
    (theme.custom_dir) and another content folder, written into tmp_path."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs/site", f"docs_dir: {ROOT / 'docs/site'}")
    if overrides is not None:
        text = text.replace("  name: material\n", f"  name: material\n  custom_dir: {overrides}\n")
    if content is not None:
        text = text.replace("content_dir: content", f"content_dir: {content}")
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build_site(content: Path, site_dir: Path, *options: str) -> subprocess.CompletedProcess:
    """`planpub build` with a cache of its own next to `site_dir` (unless options name one)."""
    cache = () if "--cache-dir" in options else ("--cache-dir", str(site_dir.parent / f".cache-{site_dir.name}"))
    return run_cli("build", "--config", str(ROOT / "mkdocs.yml"), "--content", str(content),
                   "--site-dir", str(site_dir), *cache, *options)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The shipped sample content built once for the whole session."""
    site_dir = tmp_path_factory.mktemp("sample") / "site"
    result = build_site(SAMPLE_CONTENT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="session")
def basic_site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("basic") / "site"
    result = build_site(FIXTURES / "basic", site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (no browser download), one per test module."""
    from playwright.sync_api import sync_playwright

    from .browser import launch
    with sync_playwright() as playwright:
        instance = launch(playwright)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def sample_url(sample_site):
    """The sample site on a local server (what a citizen's browser reads)."""
    from .browser import serve_directory
    with serve_directory(sample_site) as url:
        yield url


@pytest.fixture(scope="module")
def basic_url(basic_site):
    from .browser import serve_directory
    with serve_directory(basic_site) as url:
        yield url
