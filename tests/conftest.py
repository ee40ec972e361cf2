"""Shared fixtures: temporary copies of content, the `planpub` command run in this process,
sites built once per session, Chromium and pages loaded once.

The fast patterns (docs/testing.md says more):
- read a built site through `sample_site`, `basic_site`, `patterns_site` or `built_site(...)`:
  each content set is built once per session, in this process;
- run a command with `run_cli(...)` (in this process, as a user sees it: exit code, stdout,
  stderr); `run_process(...)` starts `python -m generator` only where the command line
  itself is what is tested (the entry point, signals, two processes at once);
- in a browser, open each page once per viewport (`open_page` or a module-scoped fixture)
  and run every check on that one load; run axe once per page type and viewport.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:   # Windows: each test process builds its own sites
    fcntl = None

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_CONTENT = ROOT / "content"
PATTERNS = FIXTURES / "patterns"
# Builds are reproducible: the build date is fixed unless a test sets another.
BUILD_ENV = {"SOURCE_DATE_EPOCH": "1764000000"}


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


def pattern_plan_copy(tmp_path: Path, plan_id: str) -> Path:
    """A writable content folder with the pattern plans' site.yml and one of their plans."""
    target = tmp_path / "content"
    (target / "plans").mkdir(parents=True)
    shutil.copy(PATTERNS / "site.yml", target / "site.yml")
    shutil.copytree(PATTERNS / "plans" / plan_id, target / "plans" / plan_id)
    return target


def tree_digest(directory: Path) -> str:
    """One hash over every file name and byte below `directory`."""
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(directory).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


# ── the command line ──────────────────────────────────────────────────────────

@dataclass
class CliResult:
    """What a person sees of one command: like subprocess.CompletedProcess."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _environment(env: dict[str, str], cwd: Path):
    saved, here = dict(os.environ), Path.cwd()
    os.environ.update(env)
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(here)
        os.environ.clear()
        os.environ.update(saved)


def run_cli(*args: str, cwd: Path = ROOT, env: dict | None = None) -> CliResult:
    """`planpub <args>` in this process, as a user sees it: the exit code, stdout and stderr
    (an uncaught exception is a traceback on stderr and exit 1, as in a real process).
    No console in front of it (stdin is empty and not a terminal), the build date fixed."""
    from generator.adapters.cli import main
    from generator.i18n import current_language, set_language

    out, err, language = io.StringIO(), io.StringIO(), current_language()
    with _environment({**BUILD_ENV, **(env or {})}, cwd), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        stdin, sys.stdin = sys.stdin, io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        try:
            code = main(list(args))
        except SystemExit as exit_:   # argparse: --help, a bad option
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
            if isinstance(exit_.code, str):
                print(exit_.code, file=sys.stderr)
        except Exception:
            traceback.print_exc()
            code = 1
        finally:
            sys.stdin = stdin
            set_language(language)   # a site in English sets it for its build only
    return CliResult(list(args), code, out.getvalue(), err.getvalue())


def run_process(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m generator <args>` in a process of its own: for tests of the command line
    itself (the entry point, exit status, signals, processes running at once)."""
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), **BUILD_ENV)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=600)


def config_copy(tmp_path: Path, overrides: Path | None = None, content: Path | None = None,
                site_url: str | None = None) -> Path:
    """mkdocs.yml with absolute paths, optionally with a site's own theme overrides
    (theme.custom_dir), another content folder and another site_url, written into tmp_path."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs/site", f"docs_dir: {ROOT / 'docs/site'}")
    if overrides is not None:
        text = text.replace("  name: material\n", f"  name: material\n  custom_dir: {overrides}\n")
    if content is not None:
        text = text.replace("content_dir: content", f"content_dir: {content}")
    if site_url is not None:
        text, count = re.subn(r"(?m)^site_url: .*$", f"site_url: {site_url}", text)
        assert count == 1, "mkdocs.yml has one site_url"
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build_site(content: Path, site_dir: Path, *options: str, config: Path | None = None,
               env: dict | None = None) -> CliResult:
    """`planpub build` (in this process) with a cache of its own next to `site_dir` (unless
    options name one)."""
    cache = () if "--cache-dir" in options else ("--cache-dir", str(site_dir.parent / f".cache-{site_dir.name}"))
    return run_cli("build", "--config", str(config or ROOT / "mkdocs.yml"), "--content", str(content),
                   "--site-dir", str(site_dir), *cache, *options, env=env)


# ── sites built once per session ──────────────────────────────────────────────

@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """Build a content set once for the whole run and share it (read-only):
    `built_site(content, site_url=None, env=None)` → the site folder. A test that changes a
    site builds its own with `build_site` into tmp_path. (Shared by the test processes: each
    built them again, the sample, the fixture plan and the pattern plans 5.2, 2.1 and 4.2 s
    of CPU each.)"""
    sites: dict[tuple, Path] = {}
    # The test processes of one run (pytest-xdist: basetemp …/pytest-N/popen-gwK) share the
    # sites: the first to need one builds it, the others wait for it and read the same folder.
    shared = tmp_path_factory.getbasetemp()
    shared = shared.parent if os.environ.get("PYTEST_XDIST_WORKER") and fcntl else shared

    def build(content: Path, site_url: str | None = None, env: dict | None = None) -> Path:
        key = (Path(content).resolve(), site_url, tuple(sorted((env or {}).items())))
        if key not in sites:
            name = hashlib.sha256(repr(key).encode()).hexdigest()[:12]
            folder = shared / f"built-{Path(content).name}-{name}"
            folder.mkdir(exist_ok=True)
            with _only_one_process(folder / ".lock"):
                if not (folder / ".built").exists():
                    config = config_copy(folder, site_url=site_url) if site_url is not None else None
                    shutil.rmtree(folder / "site", ignore_errors=True)   # a failed build's leftovers
                    result = build_site(Path(content), folder / "site", config=config, env=env)
                    assert result.returncode == 0, result.stdout + result.stderr
                    (folder / ".built").touch()
            sites[key] = folder / "site"
        return sites[key]

    return build


@contextlib.contextmanager
def _only_one_process(lock: Path):
    """Hold `lock` (an exclusive lock on the file) while the block runs."""
    if fcntl is None:
        yield
        return
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def sample_site(built_site) -> Path:
    """The shipped sample content, built once for the whole session."""
    return built_site(SAMPLE_CONTENT)


@pytest.fixture(scope="session")
def basic_site(built_site) -> Path:
    """The synthetic fixture plan, built once for the whole session."""
    return built_site(FIXTURES / "basic")


@pytest.fixture(scope="session")
def patterns_site(built_site) -> Path:
    """Plans of many shapes (tests/fixtures/patterns), built once for the whole session."""
    return built_site(PATTERNS)


# ── quick and slow tests ──────────────────────────────────────────────────────

# Fixtures that build a site or start a browser: a test using one is slow.
SLOW_FIXTURES = {"browser", "built_site", "sample_site", "basic_site", "patterns_site", "sample_url", "basic_url",
                 "site_url"}


# The slowest test files of a measured run, slowest first (bench/test_durations.py --order
# writes it). They run first, so no process is left with a long file while the others are
# idle at the end of the run (pytest-xdist hands out whole files, in this order: dev.py passes
# --no-loadscope-reorder, which would otherwise start the files with the most tests first).
SLOWEST_FILES = (Path(__file__).parent / "slowest_files.txt").read_text(encoding="utf-8").split()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SLOW_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)
    rank = {name: index for index, name in enumerate(SLOWEST_FILES)}
    tests = Path(__file__).parent
    items.sort(key=lambda item: rank.get(item.path.relative_to(tests).as_posix(), len(rank)))


@pytest.fixture(autouse=True)
def _quick_tests_start_no_process(request, monkeypatch):
    """A test not marked slow runs in this process: starting another program (a build's
    search indexer, Java, git, planpub in a process of its own) fails it with a message,
    so `python3 dev.py test --quick` stays quick. Mark such a test `@pytest.mark.slow`
    (or its module: `pytestmark = pytest.mark.slow`)."""
    if request.node.get_closest_marker("slow") is None:
        def refuse(self, args, *rest, **options):
            raise AssertionError(f"a test not marked slow started a process: {args!r}. Mark it "
                                 "@pytest.mark.slow (tests/conftest.py says why)")
        monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    yield


# ── the browser ───────────────────────────────────────────────────────────────

@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (no browser download), one per test module
    (module, not session: Playwright's sync API allows one instance at a time, and
    `planpub check` starts its own)."""
    from playwright.sync_api import sync_playwright

    from .browser import launch
    with sync_playwright() as playwright:
        instance = launch(playwright)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def sample_url(sample_site):
    """The sample site on a local server (what a citizen's browser reads)."""
    from .browser import serve_directory
    with serve_directory(sample_site) as url:
        yield url


@pytest.fixture(scope="session")
def site_url(sample_site):
    """The sample served under the path of its site_url, as it is hosted (/dx/plan/); a
    missing page gets 404.html with status 404, as a configured web server does."""
    from .browser import serve_directory
    from .site_pages import PREFIX
    with serve_directory(sample_site, prefix=PREFIX) as url:
        yield url


@pytest.fixture(scope="session")
def basic_url(basic_site):
    from .browser import serve_directory
    with serve_directory(basic_site) as url:
        yield url
