"""Property-based tests: any content tree ends in a site or a list of clear problems.

Hypothesis generates random initiative/plan files and random mutations of real
content. Whatever it produces, loading never raises, never hangs, and either
reports problems (each with a file and a message) or renders every page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.i18n import set_language
from generator.load.release_cache import ReleaseCache
from generator.validate import load_valid_site
from generator.pages.builder import build_pages
from generator.pages import urls
from generator.pages.builder import edition_pages, portal_pages
from generator.pages.editions import plan_editions
from generator.pages.changes import pair_diffs
from generator.render.renderer import Renderer

from .conftest import FIXTURES, SAMPLE_CONTENT

FIELDS = ["number", "title", "theme", "related_themes", "visions", "categories", "departments", "purpose",
          "current", "ideal", "overview", "schedule", "annual_goals", "activities", "progress", "kpis", "notes",
          "titel", "status", "2024"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 2200), st.floats(allow_nan=True),
                    st.text(max_size=30), st.sampled_from(["counter", "service", "市民課", "検討中", "2024-03-31",
                                                           "<script>alert(1)</script>", "../etc", "No.1"]))
values = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(FIELDS + ["value", "text", "status", "start", "end", "name", "id"]),
                              st.integers(2020, 2027), st.text(max_size=5)), children, max_size=5)),
    max_leaves=12)
initiatives = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8)

SETTINGS = settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                               HealthCheck.too_slow])


def _outcome_is_clean(content: Path, cache: ReleaseCache | None = None, working_only: bool = False,
                      plan_id: str | None = None) -> None:
    """Load → (problems) or (pages rendered). Either way: no exception. For content whose
    published 版 are known to be unchanged: `cache` (the parsed 版, as `planpub build` keeps
    them) and `working_only` (render the pages that show the working copies, the staff
    preview, and the portal) — of the plan `plan_id` only, when the others are unchanged too."""
    result = load_valid_site(content, cache)
    if result.problems:
        for problem in result.problems:
            assert problem.file and problem.message
            assert "Traceback" not in problem.message
        return
    set_language("ja")
    renderer = Renderer()
    if working_only:
        pages = portal_pages(result.site, preview=True)
        for plan in result.site.plans:
            if plan_id is not None and plan.id != plan_id:
                continue
            editions = plan_editions(plan, include_working=True)
            pages += [page for edition in editions if edition.is_working
                      for page in edition_pages(result.site, edition, editions, pair_diffs(plan))]
    else:
        pages = build_pages(result.site, include_working=True)
    for page in pages:
        renderer.render(page)


@SETTINGS
@given(data=initiatives)
def test_random_initiative_files_never_crash(tmp_path_factory, data):
    content = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(FIXTURES / "basic", content)
    target = content / "plans/sample/working/initiatives/online.yml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _outcome_is_clean(content, working_only=True)   # only the working copy changed


@SETTINGS
@given(data=st.dictionaries(st.sampled_from(["municipality", "title", "period", "themes", "departments",
                                             "categories", "statuses", "chapters", "kpis", "initiatives",
                                             "theme_levels", "adoption"]), values, max_size=8))
def test_random_plan_files_never_crash(tmp_path_factory, data):
    content = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(FIXTURES / "basic", content)
    (content / "plans/sample/working/plan.yml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                                           encoding="utf-8")
    _outcome_is_clean(content, working_only=True)   # only the working copy changed


def _content_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.suffix in (".yml", ".md") and "/working/" in p.as_posix())


SAMPLE_FILES = _content_files(SAMPLE_CONTENT) or _content_files(FIXTURES / "basic")
SAMPLE_ROOT = SAMPLE_CONTENT if _content_files(SAMPLE_CONTENT) else FIXTURES / "basic"

mutations = st.sampled_from(["delete_line", "duplicate_line", "insert_text", "indent", "dedent", "truncate",
                             "swap_lines", "tab", "bytes"])


@pytest.fixture(scope="module")
def sample_copy(tmp_path_factory) -> tuple[Path, ReleaseCache]:
    """One copy of the sample for every example (each mutates a file and puts it back) and
    one cache of its published 版."""
    content = tmp_path_factory.mktemp("mutations") / "content"
    shutil.copytree(SAMPLE_ROOT, content)
    cache = ReleaseCache(content.parent / "cache", "mutations")
    # Each plan loaded and its preview rendered once, unmutated, before the first example:
    # the cache filled and the templates compiled here, not in the first example, which
    # Hypothesis times against the deadline like the others (it took 15 s instead of 0.2 s
    # once while the other test processes were building sites).
    for plan_id in sorted({Path(file).parts[1] for file in SAMPLE_FILES}):
        _outcome_is_clean(content, cache, working_only=True, plan_id=plan_id)
    return content, cache


@settings(max_examples=200, deadline=10000,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(file=st.sampled_from(SAMPLE_FILES), kind=mutations, position=st.integers(0, 10_000),
       junk=st.text(min_size=1, max_size=12))
@pytest.mark.slow   # 200 loads of the sample, about 40 s
def test_random_mutations_of_the_sample_never_crash(sample_copy, file, kind, position, junk):
    """Only working copies are mutated, so the published 版 and their pages cannot change:
    the pages rendered are those that show the mutated content (the preview of the working
    copies)."""
    content, cache = sample_copy
    path = content / file
    original = path.read_bytes()
    lines = original.decode("utf-8").split("\n")
    i = position % max(len(lines), 1)
    if kind == "delete_line":
        del lines[i]
    elif kind == "duplicate_line":
        lines.insert(i, lines[i])
    elif kind == "insert_text":
        lines[i] = lines[i][: position % (len(lines[i]) + 1)] + junk + lines[i][position % (len(lines[i]) + 1):]
    elif kind == "indent":
        lines[i] = "  " + lines[i]
    elif kind == "dedent":
        lines[i] = lines[i].lstrip()
    elif kind == "truncate":
        lines = lines[:i]
    elif kind == "swap_lines" and len(lines) > 1:
        j = (i + 1) % len(lines)
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "tab":
        lines[i] = "\t" + lines[i]
    try:
        if kind == "bytes":
            path.write_bytes("\n".join(lines).encode("utf-8")[: position % 200] + junk.encode("utf-16"))
        else:
            path.write_text("\n".join(lines), encoding="utf-8")
        _outcome_is_clean(content, cache, working_only=True, plan_id=Path(file).parts[1])   # plans/<id>/working/…
    finally:
        path.write_bytes(original)


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(file=st.sampled_from(SAMPLE_FILES), position=st.integers(0, 10_000), junk=st.text(min_size=1, max_size=12))
@pytest.mark.slow   # builds sites
def test_full_cli_build_of_mutated_content_ends_in_a_site_or_clear_errors(tmp_path_factory, file, position, junk):
    """The real `planpub build`: exit 0 with a site, or exit 1 with problems — never a traceback.
    The examples share one build cache, as a town's successive builds do: the published 版
    (unchanged, since only working copies are mutated) come from it."""
    from .conftest import build_site
    base = tmp_path_factory.mktemp("build")
    content = base / "content"
    shutil.copytree(SAMPLE_ROOT, content)
    path = content / file
    text = path.read_text(encoding="utf-8")
    cut = position % (len(text) + 1)
    path.write_text(text[:cut] + junk + text[cut:], encoding="utf-8")
    cache = tmp_path_factory.getbasetemp() / "mutated-builds-cache"
    result = build_site(content, base / "site", "--cache-dir", str(cache))
    assert "Traceback" not in result.stderr + result.stdout
    if result.returncode == 0:
        assert (base / "site" / urls.NOT_FOUND).is_file() and (base / "site" / urls.SITEMAP).is_file()
    else:
        assert result.returncode == 1 and "件の問題があります" in result.stderr
        assert not (base / "site").exists()
