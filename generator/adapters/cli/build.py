"""planpub build: validate, then build the whole site into site/ atomically.

Everything is written into a fresh staging folder next to site/; only when everything
succeeded does it replace site/ (two renames), so a failed or interrupted build leaves
the previous site/ exactly as it was.

Frozen 版 are taken from the cache (see generator.build); `--jobs` renders in parallel;
`--shard K/N` and `--merge` split a large portal across machines.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from generator.adapters.cli.common import report, report_notes
from generator.adapters.cli.oserrors import explain
from generator.adapters.mkdocs.defaults import CACHE, default_config, project_root
from generator.adapters.mkdocs.logs import quiet_mkdocs
from generator.adapters.mkdocs.plugin import start_build
from generator.adapters.mkdocs.settings import SettingsError, read_settings
from generator.adapters.mkdocs.writer import BuildFailure, MkDocsWriter
from generator.build.driver import build_site
from generator.build.summary import SummaryError
from generator.build.files import link_tree
from generator.build.fingerprint import code_fingerprint
from generator.build.lock import Busy, FolderLock, lock_path
from generator.build.request import BuildRequest, Timings
from generator.build.search_index import SearchIndexError
from generator.build.workers import WorkerDied
from generator.build.site_dir import make_staging, replace_dir
from generator.i18n import msg
from generator.pages import urls
from generator.load.parts import ContentProblems
from generator.load.problems import from_here
from generator.validate.plan_source import PlanSource
from generator.load.release_cache import ReleaseCache
from generator.render.renderer import Renderer


def add_arguments(parser) -> None:
    parser.add_argument("--config", default="mkdocs.yml", type=Path, help=msg("cli_help.build.config"))
    parser.add_argument("--content", default=None, type=Path,
                        help=msg("cli_help.build.content"))
    parser.add_argument("--site-dir", default=None, type=Path, help=msg("cli_help.build.site_dir"))
    parser.add_argument("--jobs", "-j", default=1, type=int,
                        help=msg("cli_help.build.jobs"))
    parser.add_argument("--clean", action="store_true",
                        help=msg("cli_help.build.clean"))
    parser.add_argument("--cache-dir", default=None, type=Path,
                        help=msg("cli_help.build.cache_dir"))
    parser.add_argument("--shard", default=None, metavar="K/N",
                        help=msg("cli_help.build.shard"))
    parser.add_argument("--merge", action="store_true",
                        help=msg("cli_help.build.merge"))
    parser.add_argument("--timings", default=None, type=Path,
                        help=msg("cli_help.build.timings"))
    parser.add_argument("--no-wait", action="store_true", help=msg("cli_help.build.no_wait"))


def run(args) -> int:
    started = time.perf_counter()
    shard = parse_shard(args.shard) if args.shard else None
    if args.shard and shard is None:
        print(msg("cli.bad_shard", value=args.shard), file=sys.stderr)
        return 2
    found = find_config(args.config, args.content)
    if found is None:
        return 1
    config_path, project = found
    quiet_mkdocs()
    settings = settings_or_report(config_path, args.config, before=lambda: print(msg("cli.checking"), flush=True))
    if settings is None:
        return 1
    content_dir = args.content.resolve() if args.content else settings.content_dir
    site_dir = args.site_dir.resolve() if args.site_dir else settings.site_dir
    cache_dir = (args.cache_dir or project / CACHE).resolve()
    try:
        # One build at a time per site folder and per cache (both are shared state).
        with FolderLock(lock_path(site_dir), wait=not args.no_wait, on_wait=_say_waiting), \
                FolderLock(cache_dir / "lock", wait=not args.no_wait, on_wait=_say_waiting):
            return _build(args, settings, config_path, content_dir, site_dir, cache_dir, started)
    except Busy as busy:
        print(msg("cli.build_busy", pid=busy.pid, path=busy.path), file=sys.stderr)
        return 1
    except OSError as exc:
        print(msg("cli.build_failed", error=explain(exc)), file=sys.stderr)
        print(msg("cli.site_unchanged"), file=sys.stderr)
        return 1


def _content_problems(result) -> int:
    """Every problem of the content (the build stops rendering at the first, checks on)."""
    report_notes(result.problems)
    report(result.problems)
    print(msg("cli.site_unchanged_after_problems"), file=sys.stderr)
    return 1


def _say_waiting(path: Path, pid: str) -> None:
    print(msg("cli.build_waiting", pid=pid, path=path), flush=True)


def _build(args, settings, config_path: Path, content_dir: Path, site_dir: Path, cache_dir: Path,
           started: float) -> int:
    shard = parse_shard(args.shard) if args.shard else None
    timings = Timings()
    content = args.content or from_here(content_dir)
    if not content.is_dir():
        print(msg("cli.content_missing", path=content), file=sys.stderr)
        return 1
    # Plans are loaded and checked part by part while the site is built (validate/plan_source.py).
    source = PlanSource(content, ReleaseCache(cache_dir / "releases", code_fingerprint(), refresh=args.clean))
    if source.failed:
        return _content_problems(source.result)
    if args.merge and not site_dir.is_dir():
        print(msg("cli.merge_missing", path=site_dir), file=sys.stderr)
        return 1
    staging = None
    try:
        staging = make_staging(site_dir)
        cache_dir.mkdir(parents=True, exist_ok=True)
        request = BuildRequest(
            site=source.result.site, staging=staging, cache_dir=cache_dir, fingerprint=settings.fingerprint(),
            writer_factory=lambda: MkDocsWriter(config_path), renderer_factory=lambda: Renderer(settings.overrides),
            site_url=settings.site_url, jobs=max(1, args.jobs), shard=shard, merge=args.merge, clean=args.clean)
        print(msg("cli.building"), flush=True)
        start_build()
        if args.merge:
            link_tree(site_dir, staging)
        build_site(request, timings, source)
        replace_dir(staging, site_dir)
    except ContentProblems as problems:
        shutil.rmtree(staging, ignore_errors=True)
        return _content_problems(problems.result)
    except SummaryError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(msg("cli.merge_not_shards", path=site_dir, error=exc), file=sys.stderr)
        print(msg("cli.site_unchanged"), file=sys.stderr)
        return 1
    except WorkerDied as died:
        shutil.rmtree(staging, ignore_errors=True)
        print(msg("cli.build_worker_died", code=died.exitcode), file=sys.stderr)
        print(msg("cli.site_unchanged"), file=sys.stderr)
        return 1
    except (BuildFailure, OSError, SearchIndexError) as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        print(msg("cli.build_failed", error=explain(exc) if isinstance(exc, OSError) else exc), file=sys.stderr)
        print(msg("cli.site_unchanged"), file=sys.stderr)
        return 1
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    report_notes(source.result.problems)
    # counted while linking (a portal's site is a hundred thousand files); a merge adds to shards'
    pages = sum(1 for _ in site_dir.rglob("index.html")) if request.merge else timings.pages
    total = time.perf_counter() - started
    if timings.units_cached:
        print(msg("cli.build_cache", cached=timings.units_cached, rendered=timings.units_rendered))
    print(msg("cli.build_done", path=site_dir, pages=pages, seconds=f"{total:.1f}"))
    for plan_id in sorted(source.left_out):   # nothing published yet: only the preview shows it
        print(msg("cli.plan_left_out", plan=plan_id, url=preview_address(settings.site_url, urls.working_base(plan_id))))
    if args.timings:
        args.timings.write_text(json.dumps({
            "total": total, "pages": pages, "jobs": request.jobs, "phases": dict(timings.phases),
            "units_rendered": timings.units_rendered, "units_cached": timings.units_cached,
            "indexes_made": timings.indexes_made, "indexes_cached": timings.indexes_cached}, indent=2))
    return 0


DEFAULT_CONFIG = Path("mkdocs.yml")
PREVIEW_ADDRESS = "127.0.0.1:8000"   # planpub serve's default --addr


def preview_address(site_url: str, path: str, addr: str = PREVIEW_ADDRESS) -> str:
    """Where `planpub serve` shows a page (it serves under the path of site_url)."""
    prefix = urlsplit(site_url or "/").path.rstrip("/") + "/"
    return f"http://{addr}{prefix}{path}"


def find_config(config: Path, content: Path | None) -> tuple[Path, Path] | None:
    """(the settings file, the folder the cache goes in): mkdocs.yml when there is one, else
    defaults for the content folder (adapters/mkdocs/defaults.py); None after saying why."""
    if config.is_file():
        return config.resolve(), config.resolve().parent
    content = content or Path("content")
    if config != DEFAULT_CONFIG or not (content / "site.yml").is_file():
        print(msg("cli.config_missing", path=config, content=content), file=sys.stderr)
        return None
    print(msg("cli.default_config", site=project_root(content) / "site"), flush=True)
    return default_config(content), project_root(content)


def settings_or_report(config_path: Path, given: Path, before=None):
    """The settings of mkdocs.yml, or None after saying what is wrong with it."""
    if not config_path.is_file():   # (callers look for it with find_config first)
        print(msg("cli.config_missing", path=given, content=Path("content")), file=sys.stderr)
        return None
    if before is not None:
        before()
    try:
        return read_settings(config_path)
    except SettingsError as exc:
        print(msg("cli.config_error", error=exc), file=sys.stderr)
        return None


def make_args(config: Path, content: Path, site_dir: Path) -> argparse.Namespace:
    """The arguments of a plain `planpub build` into `site_dir` (for commands that build)."""
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(["--config", str(config), "--content", str(content), "--site-dir", str(site_dir)])


def parse_shard(value: str) -> tuple[int, int] | None:
    try:
        k, n = (int(part) for part in value.split("/"))
    except ValueError:
        return None
    return (k, n) if 1 <= k <= n else None
