"""The shape of the code: packages by pipeline stage, MkDocs only in its adapter, no
import cycles, and no UI text outside the locale catalogues."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "generator"
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")

# What each stage may import (besides itself and generator.i18n, which every stage uses).
ALLOWED = {
    "model": set(),
    "load": {"model"},
    "validate": {"model", "load", "pages"},      # reserved ids and link targets: pages/urls.py
    "pages": {"model"},
    "render": {"model", "pages"},
    "build": {"model", "load", "pages", "render"},
    "staff": {"model", "load", "validate", "render"},   # render.resources: the scaffold's folder
    "adapters": {"model", "load", "validate", "pages", "render", "build", "staff", "quality"},
    "quality": set(),    # checks on built HTML files, shared with the tests
}
# Japanese that is data, not UI text: calendar era names, and the marks staff type in
# Japanese input (bullets, 第…版).
DATA_LITERALS = {("model/fiscal.py", "令和"), ("model/fiscal.py", "平成"), ("model/fiscal.py", "昭和"),
                 ("staff/release.py", "第"), ("staff/release.py", "版"), ("staff/sheets/table.py", "・"),
                 ("model/fiscal.py", r"^(?:(\d{4})|(令和|平成|昭和|R|H|S)(元|\d{1,2}))年?(?:(\d{1,2})月(?:(\d{1,2})日)?)?$"),
                 ("model/fiscal.py", "元"), ("model/fiscal.py", r"))年?度?$")}


def modules() -> dict[str, ast.Module]:
    return {path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
            for path in sorted(PACKAGE.rglob("*.py"))}


def imports(tree: ast.Module) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def stage(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "generator" else None


def test_mkdocs_is_imported_only_by_its_adapter():
    offenders = [path for path, tree in modules().items()
                 if any(name == "mkdocs" or name.startswith("mkdocs.") for name in imports(tree))
                 and not path.startswith("adapters/mkdocs/")]
    assert offenders == []


def test_each_stage_imports_only_earlier_stages():
    wrong = []
    for path, tree in modules().items():
        own = path.split("/")[0] if "/" in path else None
        if own not in ALLOWED:
            continue
        for name in imports(tree):
            other = stage(name)
            if other and other not in ALLOWED[own] | {own, "i18n", "theme"} and (PACKAGE / other).is_dir():
                wrong.append(f"{path} imports {name}")
    assert wrong == []


def test_no_import_cycles_between_modules():
    trees = modules()
    names = {path.removesuffix(".py").removesuffix("/__init__").replace("/", "."): path for path in trees}
    graph = defaultdict(set)
    for module, path in names.items():
        for name in imports(trees[path]):
            target = name.removeprefix("generator.")
            while target and target not in names:
                target = target.rpartition(".")[0]
            if target and target != module and name.startswith("generator."):
                graph[module].add(target)
    cycles = []

    def visit(node, trail):
        for nxt in graph[node]:
            if nxt in trail:
                cycles.append(" → ".join(trail[trail.index(nxt):] + [nxt]))
            elif nxt not in seen:
                seen.add(nxt)
                visit(nxt, trail + [nxt])

    seen: set[str] = set()
    for start in sorted(names):
        if start not in seen:
            seen.add(start)
            visit(start, [start])
    assert cycles == []


def _string_tokens(path: Path):
    """The string literals of a module that are not docstrings."""
    tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline))
    skip = (tokenize.NL, tokenize.COMMENT)
    for i, token in enumerate(tokens):
        if token.type != tokenize.STRING:
            continue
        before = next((t for t in reversed(tokens[:i]) if t.type not in skip), None)
        after = next((t for t in tokens[i + 1:] if t.type not in skip), None)
        if (before is None or before.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)) and \
                (after is None or after.type == tokenize.NEWLINE):
            continue  # a docstring
        yield token


def _literals(path: Path):
    """Japanese string literals of a module, docstrings and comments excluded."""
    for token in _string_tokens(path):
        if JAPANESE.search(token.string):
            yield token.start[0], ast.literal_eval(token.string) if not token.string.startswith(("f", "rf")) else token.string


def test_ui_text_lives_in_the_locale_catalogues():
    # An English site must not show 「テーマ」: every word a person reads comes from locales/.
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        for line, text in _literals(path):
            if (relative, text) not in DATA_LITERALS and not (relative == "staff/release.py" and "・" in text):
                found.append(f"{relative}:{line}: {text!r}")
    assert found == []


def test_templates_build_no_addresses_by_joining_strings():
    theme = PACKAGE.parent / "theme"
    joins = [f"{p.relative_to(theme)}: {line.strip()[:80]}" for p in theme.rglob("*.html")
             for line in p.read_text(encoding="utf-8").splitlines()
             if re.search(r"""~\s*['"]/""", line) or re.search(r"""(?<![.\w])url\(['"][a-z]""", line)]
    assert joins == []


# ── views consume the resolved 版 (model/resolved/), never the raw model ─────────────────

# Modules of pages/ that build what a view shows (page contexts, cards, lists, the open data,
# feeds, the chrome): they read a ResolvedEdition. The others work on documents themselves —
# which pages an edition has (editions.py), differences between two documents (changes.py,
# diff_names.py) and putting a site's editions together (builder.py).
VIEW_MODULES = ("pages/catalogue.py", "pages/contexts.py", "pages/sections.py", "pages/summary.py",
                "pages/chrome.py", "pages/opendata.py", "pages/files.py", "pages/charts.py")
# What a plan states item by item; a view gets these only resolved (a Value, a ResolvedKpi …).
RAW_ITEMS = {"Initiative", "Kpi", "KpiValue", "PlanContent", "Theme", "Version"}


def test_view_modules_do_not_import_the_raw_items_of_the_model():
    found = []
    for path in VIEW_MODULES:
        tree = ast.parse((PACKAGE / path).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "generator.model.plan":
                found += [f"{path}: {alias.name}" for alias in node.names if alias.name in RAW_ITEMS]
    assert found == []


# Calls on the raw model a template could make; a resolved edition has none of them.
RAW_CALLS = re.compile(r"\.latest_status\(|field\.value\(|\.owner_of\(|initiative_years|\.snapshots\b|site\.plans\b|"
                       r"version_status\(|carried\.get\(|item\.stated_empty\b|\.texts\b")


def test_templates_call_nothing_of_the_raw_model():
    theme = PACKAGE.parent / "theme"
    calls = [f"{p.relative_to(theme)}: {line.strip()[:80]}" for p in theme.rglob("*.html")
             for line in p.read_text(encoding="utf-8").splitlines() if RAW_CALLS.search(line)]
    assert calls == []


def _raw_objects(value, path: str, seen: set, found: list) -> None:
    """Where a raw model object (a plan, its content, an initiative, a KPI, a theme, a 版 as
    loaded, the site with its plans) is reachable from a page's context."""
    import dataclasses

    from generator.model import plan as raw
    if id(value) in seen or value is None or isinstance(value, (str, bytes, int, float, bool)) or callable(value):
        return
    seen.add(id(value))
    if isinstance(value, (raw.Plan, raw.PlanContent, raw.Initiative, raw.Kpi, raw.KpiValue, raw.Theme,
                          raw.Version, raw.Site)):
        found.append(f"{path}: {type(value).__name__}")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            _raw_objects(key, f"{path}[key]", seen, found)
            _raw_objects(item, f"{path}[{key!r}]", seen, found)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for index, item in enumerate(value):
            _raw_objects(item, f"{path}[{index}]", seen, found)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            _raw_objects(getattr(value, f.name), f"{path}.{f.name}", seen, found)
    elif hasattr(value, "__dict__"):
        for name, item in vars(value).items():
            _raw_objects(item, f"{path}.{name}", seen, found)


def test_every_page_context_holds_the_resolved_edition_only():
    """What a template can reach is resolved: no raw plan, content, initiative, KPI, theme, 版
    or site object anywhere in the context of any page of the sample, the pattern fixtures
    or the working-copy preview."""
    from generator.i18n import set_language
    from generator.pages.builder import build_pages
    from generator.validate import load_valid_site
    set_language("ja")
    root = PACKAGE.parent
    for content in (root / "content", root / "tests/fixtures/patterns"):
        result = load_valid_site(content)
        assert not result.problems
        found: list[str] = []
        for page in build_pages(result.site, include_working=True):
            _raw_objects(page.context, page.url or "/", set(), found)
        assert found[:10] == [], f"{content.name}: {len(found)} raw objects"


# ── the test suite's own shape ────────────────────────────────────────────────

TESTS = PACKAGE.parent / "tests"
UNIT = TESTS / "unit"


def test_module_for(module: Path) -> Path:
    """Where the unit tests of a module of generator/ live: tests/unit/<its folders>/test_<name>.py;
    a package's own code (__init__.py) in test_<package>.py inside its folder."""
    relative = module.relative_to(PACKAGE)
    if relative.name == "__init__.py":
        return UNIT / relative.parent / f"test_{relative.parent.name}.py"
    return UNIT / relative.parent / f"test_{relative.stem.rstrip('_')}.py"


test_module_for.__test__ = False   # a helper, not a test


def test_every_module_over_40_lines_has_its_unit_test_module():
    """The tests mirror the code: a module of more than 40 lines has its own test module,
    which imports it and has tests."""
    missing, hollow = [], []
    for module in sorted(PACKAGE.rglob("*.py")):
        if "theme" in module.relative_to(PACKAGE).parts or len(module.read_text(encoding="utf-8").splitlines()) <= 40:
            continue
        tests = test_module_for(module)
        name = "generator." + module.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
        if not tests.is_file():
            missing.append(f"{module.relative_to(PACKAGE.parent)} → {tests.relative_to(PACKAGE.parent)}")
            continue
        tree = ast.parse(tests.read_text(encoding="utf-8"))
        tested = any(n == name or n.startswith(name + ".") for n in imports(tree))
        has_tests = any(isinstance(n, ast.FunctionDef) and n.name.startswith("test_") for n in ast.walk(tree))
        if not (tested and has_tests):
            hollow.append(f"{tests.relative_to(PACKAGE.parent)} (imports {name}: {tested}, has tests: {has_tests})")
    assert missing == [] and hollow == []


def test_every_unit_test_module_names_a_module_of_generator():
    """No orphans: a unit test module whose module was renamed or removed moves with it."""
    modules = {test_module_for(m) for m in PACKAGE.rglob("*.py") if "theme" not in m.relative_to(PACKAGE).parts}
    extra = {UNIT / "test_architecture.py"}
    orphans = [str(t.relative_to(UNIT)) for t in sorted(UNIT.rglob("test_*.py")) if t not in modules | extra]
    assert orphans == []


def _address_words() -> tuple[set[str], set[str]]:
    """The first folder of every page path and the names of the site's own files, from urls.py."""
    from generator.pages import urls
    from generator.pages.kinds import PageKind
    folders = {k.path.split("/")[0] for k in PageKind if k.path and not k.path.startswith("{")}
    folders |= {urls.VERSIONS, urls.WORKING, urls.BUNDLE.strip("/"), urls.GUIDE.strip("/")}
    files = {urls.SITE_FEED, urls.SITEMAP, urls.NOT_FOUND, urls.SEARCH_BUNDLES, urls.RUBY_FRAGMENT,
             urls.VERSIONS_JSON, urls.PLAN_FEED}
    return folders, files


# Paths of content, code and data files (plans/…/initiatives/x.yml), not of pages.
FILE_PATH = re.compile(r"\.(ya?ml|md|py|csv|xlsx|txt|png|svg|js|css)\b|(^|/)(plans|releases|chapters|content|generator|theme)/")


def hard_coded_addresses(path: Path) -> list[str]:
    """String literals of a Python file that spell a page address of the site (a page folder
    below something, or one of the site's own files) instead of asking pages/urls.py.
    Docstrings and comments are text, not addresses."""
    folders, files = _address_words()
    folder = re.compile(r"(?:^|[^\w.-])(?:[\w.{}-]+/)+(?:%s)/|^(?:%s)/(?:[\w.{}%%-]+/)*(?:$|[?#])" % (
        "|".join(map(re.escape, folders)), "|".join(map(re.escape, folders))))
    file = re.compile(r"(?:^|/)(?:%s)$" % "|".join(map(re.escape, files)))
    found = []
    for line, text in _strings(path):
        text = re.sub(r"\{[^{}]*\}", "x", text)          # an f-string's fields
        if "\n" not in text and FILE_PATH.search(text):
            continue                                       # a file's path, spaces and all
        for part in re.split(r"[\s'\"()\[\]<>=,]+", text):
            if part and not FILE_PATH.search(part) and (folder.search(part) or file.search(part)):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {part}")
    return found


def _strings(path: Path):
    """(line, text) of every string literal but docstrings; f-strings with their fields. Of a
    shell script: every line but comments."""
    if path.suffix == ".sh":
        yield from ((n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                    if not line.lstrip().startswith("#"))
        return
    for token in _string_tokens(path):
        body = re.sub(r"^[a-zA-Z]*('''|\"\"\"|'|\")", "", token.string)
        yield token.start[0], body[:len(body) - 3 if token.string.endswith(("'''", '"""')) else -1]


def test_no_test_or_bench_script_hard_codes_a_page_address():
    """Addresses come from generator/pages/urls.py (tests/site_pages.py names one page of
    each type), so changing an address there changes no test."""
    scripts = sorted(TESTS.rglob("*.py")) + sorted((PACKAGE.parent / "bench").glob("*.py")) + \
        sorted((PACKAGE.parent / "bench").glob("*.sh"))
    found = [hit for path in scripts if "fixtures" not in path.parts for hit in hard_coded_addresses(path)]
    assert found == []
