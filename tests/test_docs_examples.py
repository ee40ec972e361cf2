"""The examples of docs/architecture.md work: each diff, applied to a copy of the source,
gives what the text promises."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pages import urls
from generator.pages.kinds import EditionKind, PageKind as Kind

from .conftest import FIXTURES, ROOT
from .site_pages import page_path

pytestmark = pytest.mark.slow   # builds patched copies of the source in processes of their own

DOC = ROOT / "docs/architecture.md"


def _diffs() -> list[str]:
    return re.findall(r"```diff\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture
def patched(tmp_path):
    """A copy of the source with one of the documented diffs applied."""
    def apply(index: int) -> Path:
        copy = tmp_path / "src"
        for part in ("generator", "theme", "docs", "mkdocs.yml", "pyproject.toml"):
            source = ROOT / part
            (shutil.copytree(source, copy / part, ignore=shutil.ignore_patterns("__pycache__")) if source.is_dir()
             else shutil.copy(source, copy / part))
        (tmp_path / "change.diff").write_text(_diffs()[index], encoding="utf-8")
        subprocess.run(["git", "apply", "--directory", "", str(tmp_path / "change.diff")], cwd=copy, check=True,
                       capture_output=True)
        return copy
    return apply


def _run(source: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(source), SOURCE_DATE_EPOCH="1764000000")
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def test_the_documentation_has_both_examples():
    assert len(_diffs()) == 2


def test_adding_a_field_as_documented(patched, tmp_path):
    source = patched(0)
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", content)
    online = content / "plans/sample/working/initiatives/online.yml"
    online.write_text(online.read_text(encoding="utf-8") + "risks: 利用者が少ないおそれ\n", encoding="utf-8")
    assert _run(source, "validate", "--content", str(content), cwd=source).returncode == 0
    schema = _run(source, "schema", "--out", str(tmp_path / "schema"), cwd=source)
    assert schema.returncode == 0 and "想定されるリスク" in (tmp_path / "schema/initiative.schema.json").read_text("utf-8")
    result = _run(source, "diff", "sample", "1.1", "working", "--content", str(content), cwd=source)
    assert "[追加] 想定されるリスク" in result.stdout


def test_adding_a_page_type_as_documented(patched, tmp_path):
    source = patched(1)
    site = tmp_path / "site"
    result = _run(source, "build", "--config", str(source / "mkdocs.yml"), "--content", str(FIXTURES / "basic"),
                  "--site-dir", str(site), "--cache-dir", str(tmp_path / "cache"), cwd=source)
    assert result.returncode == 0, result.stderr
    # The new page kind exists only in the patched copy, so its address is the one the example
    # declares ("glossary/" below each edition), read from the diff itself.
    glossary = re.search(r'GLOSSARY = "glossary", Scope.EDITION, "([^"]+)"', DOC.read_text(encoding="utf-8")).group(1)
    assert "この計画の用語" in (site / urls.page_file(urls.plan_base("sample") + glossary)).read_text(encoding="utf-8")
    assert (site / urls.page_file(urls.edition_base("sample", EditionKind.FROZEN, "1.0") + glossary)).is_file()
    assert f'{glossary}">用語</a>' in page_path(site, "sample", Kind.KPI).read_text(encoding="utf-8")
