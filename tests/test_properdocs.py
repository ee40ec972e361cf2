"""Platform continuity: the sample site built with ProperDocs — the maintained continuation
of MkDocs 1.6 — is the site MkDocs builds, file for file and byte for byte, except the
generator tag that names the engine (README "Platform and end-of-life dates").

ProperDocs is installed the way the `properdocs` extra pins it, into a folder of its own
on PYTHONPATH (the project's .venv keeps MkDocs as the default), so the same planpub and
mkdocs-material run on it; adapters/mkdocs/engine.py switches when it is importable.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLE_CONTENT, run_process

pytestmark = pytest.mark.slow   # installs ProperDocs and builds the sample in a process of its own

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def pinned_properdocs() -> str:
    """The requirement of the `properdocs` extra in pyproject.toml ("properdocs==1.6.7")."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    [requirement] = extras["properdocs"]
    assert re.fullmatch(r"properdocs==[\d.]+", requirement), requirement
    return requirement


@pytest.fixture(scope="module")
def properdocs(tmp_path_factory) -> Path:
    """A folder holding only ProperDocs (its dependencies are MkDocs' own, already installed)."""
    target = tmp_path_factory.mktemp("properdocs")
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                             "--no-deps", "--target", str(target), pinned_properdocs()],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"could not install {pinned_properdocs()}:\n{result.stderr}"
    return target


def _with(properdocs: Path) -> dict:
    return {"PYTHONPATH": os.pathsep.join([str(properdocs), str(ROOT)])}


def test_properdocs_is_what_lays_the_pages_out_once_installed(properdocs):
    probe = ("import generator.adapters.mkdocs.engine as engine, mkdocs.commands.build as build, material;"
             "print(engine.name()); print(build.__file__)")
    shown = subprocess.run([sys.executable, "-c", probe], env={**os.environ, **_with(properdocs)},
                           capture_output=True, text=True, check=True).stdout.splitlines()
    version = pinned_properdocs().split("==")[1]
    assert shown[0] == f"ProperDocs {version}"
    assert Path(shown[1]).is_relative_to(properdocs)   # mkdocs.* is ProperDocs' code, not MkDocs'


def test_the_sample_built_with_properdocs_is_the_same_site(properdocs, sample_site, tmp_path):
    site = tmp_path / "site"
    # A process of its own: ProperDocs must be on the path before anything of MkDocs is imported.
    result = run_process("build", "--config", str(ROOT / "mkdocs.yml"), "--content", str(SAMPLE_CONTENT),
                     "--site-dir", str(site), "--cache-dir", str(tmp_path / "cache"), env=_with(properdocs))
    assert result.returncode == 0, result.stdout + result.stderr
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*") if p.is_file())
    different, tags = [], set()
    for name in files:
        ours, theirs = (site / name).read_bytes(), (sample_site / name).read_bytes()
        if name.endswith(".html"):
            tags.update(GENERATOR_TAG.findall(ours))
            ours, theirs = GENERATOR_TAG.sub(b"", ours), GENERATOR_TAG.sub(b"", theirs)
        if ours != theirs:
            different.append(name)
    assert different == []
    assert len(tags) == 1 and b"ProperDocs" in tags.pop()   # the one difference: the engine's name
