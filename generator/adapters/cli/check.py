"""planpub check: the quality gate staff can run on their own content — the checks the
test suite runs on the sample. Validate, build into a temporary folder, then check the
built site: internal links and anchors, resources from other hosts, HTML validity (the
Nu Html Checker) and accessibility (axe-core in Chromium) on one page of every page
type. A short report; exit 1 if any check fails or cannot run (a missing tool is named
with how to install it, never skipped)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from generator.adapters.cli.build import find_config, make_args, run as run_build, settings_or_report
from generator.adapters.cli.common import load_or_report, report
from generator.load.problems import from_here
from generator.staff.release import ReleaseInvalid, stage_working_copies
from generator.build.units import UnitRenderer, plan_units
from generator.i18n import msg
from generator.pages.builder import portal_pages
from generator.quality.browser import add_axe, axe_violations, launch, serve_directory, sync_playwright
from generator.quality.sitecheck import check_links, foreign_resources, start_vnu
from generator.quality.tools import MissingTool

SHOWN = 5   # findings listed per check; the rest are counted


def add_arguments(parser) -> None:
    parser.add_argument("--config", default="mkdocs.yml", type=Path, help=msg("cli_help.check.config"))
    parser.add_argument("--content", default=None, type=Path, help=msg("cli_help.check.content"))


def run(args) -> int:
    found = find_config(args.config, args.content)
    if found is None:
        return 1
    config = found[0]
    settings = settings_or_report(config, args.config)
    if settings is None:
        return 1
    content = args.content or from_here(settings.content_dir)
    result = load_or_report(content)
    if result is None:
        _line(False, "check.validate_failed")
        return 1
    _line(True, "check.validated")
    work = Path(tempfile.mkdtemp(prefix="planpub-check-"))
    vnu = None
    try:
        # What is about to be published: each working copy released, as `planpub release`
        # would, in a copy of the content (the real one is never touched).
        staged_content = work / "content"
        shutil.copytree(content, staged_content, symlinks=True)
        try:
            staged = stage_working_copies(result, staged_content)
        except ReleaseInvalid as invalid:
            report(invalid.problems)
            _line(False, "check.staging_failed")
            return 1
        if staged:
            _line(True, "check.staged", plans=msg("ui.list_separator").join(staged))
        result = load_or_report(staged_content)
        site = work / "site"
        built = run_build(make_args(config, staged_content, site)) if result is not None else 1
        if built != 0:
            _line(False, "check.build_failed")
            return 1
        pages = sample_pages(result.site)
        vnu = _start_vnu(site)          # runs while the other checks do
        failed = [not ok for ok in (
            _links(site, urlsplit(settings.site_url).path or "/"),
            _foreign(site),
        )]
        axe = _axe(site, pages)         # said after the HTML check, in the order of the report
        failed += [not _vnu(vnu, site), not axe()]
    finally:
        if callable(vnu):
            vnu.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(msg("check.failed" if any(failed) else "check.passed", count=sum(failed)))
    return 1 if any(failed) else 0


def sample_pages(site) -> dict[str, str]:
    """One page of every page type (latest and archived 版 apart): label → URL in the site."""
    chosen: dict[str, str] = {}
    for page in portal_pages(site):
        chosen.setdefault(page.kind.value, page.url)
    producer = UnitRenderer(site)
    for plan in site.plans:
        for unit in plan_units(plan):
            suffix = "" if unit.edition.is_latest else msg("check.archived")
            for page in producer.pages(unit):
                chosen.setdefault(page.kind.value + suffix, page.url)
    return chosen


def _line(ok: bool, key: str, **values) -> None:
    print(msg("check.ok" if ok else "check.ng", text=msg(key, **values)), flush=True)


def _findings(findings: list[str]) -> None:
    for finding in findings[:SHOWN]:
        print(msg("check.finding", text=finding))
    if len(findings) > SHOWN:
        print(msg("check.more", count=len(findings) - SHOWN))


def _links(site: Path, prefix: str) -> bool:
    checked, broken = check_links(site, prefix if prefix.endswith("/") else prefix + "/")
    _line(not broken, "check.links", checked=checked, broken=len(broken))
    _findings(broken)
    return not broken


def _foreign(site: Path) -> bool:
    found = foreign_resources(site)
    _line(not found, "check.foreign", count=len(found))
    _findings(found)
    return not found


def _start_vnu(site: Path):
    """The running Nu Html Checker (a function that waits for it), or the tool that is missing."""
    try:
        return start_vnu(site)
    except MissingTool as missing:
        return missing


def _vnu(running, site: Path) -> bool:
    if isinstance(running, MissingTool):
        _line(False, "check.cannot_run", check=msg("check.vnu_name"), reason=running)
        return False
    pages, errors = running()
    lines = [line for line in errors.splitlines() if line.strip()]
    _line(not lines, "check.vnu", pages=pages, errors=len(lines))
    _findings([line.replace(str(site) + "/", "") for line in lines])
    return not lines


def _axe(site: Path, pages: dict[str, str]):
    """Run axe on one page of each type; returns a function that reports (True if none)."""
    found: list[str] = []
    try:
        with sync_playwright() as playwright, serve_directory(site) as base:
            browser = launch(playwright)
            try:
                for label, url, page in _loaded(browser, base, pages):
                    found += [msg("check.axe_finding", page=url or "/", kind=label, rule=v["id"], help=v["help"])
                              for v in axe_violations(page)]
                    page.close()
            finally:
                browser.close()
    except MissingTool as missing:
        reason = missing   # (the name `missing` is unbound once the except block ends)
        return lambda: _line(False, "check.cannot_run", check=msg("check.axe_name"), reason=reason) or False

    def report() -> bool:
        _line(not found, "check.axe", pages=len(pages), count=len(found))
        _findings(found)
        return not found
    return report


AHEAD = 3   # pages loading while axe runs on another


def _loaded(browser, base: str, pages: dict[str, str]):
    """(label, url, page) of each page once it has loaded (axe-core with it) and its network
    has been idle for half a second ("networkidle"), in order. The next AHEAD pages load
    meanwhile: a page's wait for an idle network then overlaps axe's work on the one before
    (22 pages of the fixture plan: the check waited about 11 s for idle networks alone)."""
    items = list(pages.items())
    opened = []

    def open_next():
        label, url = items[len(opened)]
        page = browser.new_page()
        add_axe(page)
        page.goto(base + url, wait_until="commit")
        opened.append(page)

    try:
        for index, (label, url) in enumerate(items):
            while len(opened) < min(len(items), index + 1 + AHEAD):
                open_next()
            page = opened[index]
            page.wait_for_load_state("networkidle")
            yield label, url, page
    finally:
        for page in opened:
            if not page.is_closed():
                page.close()
