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


def _literals(path: Path):
    """Japanese string literals of a module, docstrings and comments excluded."""
    tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline))
    skip = (tokenize.NL, tokenize.COMMENT)
    for i, token in enumerate(tokens):
        if token.type != tokenize.STRING or not JAPANESE.search(token.string):
            continue
        before = next((t for t in reversed(tokens[:i]) if t.type not in skip), None)
        after = next((t for t in tokens[i + 1:] if t.type not in skip), None)
        if (before is None or before.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)) and \
                (after is None or after.type == tokenize.NEWLINE):
            continue  # a docstring
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
