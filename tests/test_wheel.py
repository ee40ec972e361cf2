"""planpub installed from a wheel (not an editable checkout) builds the sample site: the
templates, styles, scripts, locales and scaffold ship inside the package."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.pages import urls
from generator.pages.kinds import PageKind as Kind
from generator.pages.page import relative_url

from .conftest import ROOT, SAMPLE_CONTENT
from .site_pages import address, page_path

pytestmark = pytest.mark.slow   # builds and installs a wheel, runs the installed planpub


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """`pip wheel .`, then the wheel's files installed into a folder of their own."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet", "-w", str(work / "dist")],
                   check=True, capture_output=True, timeout=600)
    wheel = next((work / "dist").glob("planpub-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for expected in ("generator/theme/main.html", "generator/theme/planpub/pages/initiative.html",
                     "generator/theme/assets/planpub.css", "generator/locales/ja.yml",
                     "generator/staff/scaffold/working/plan.yml", "generator/staff/scaffold/.gitattributes",
                     "generator/theme/planpub/feeds/sitemap.xml"):
        assert expected in names, expected
    target = work / "site-packages"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=600)
    return target


def _run(installed: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    # The installed copy first on the path, and run from elsewhere: nothing of the
    # checkout (theme/, generator/) can be picked up.
    env = dict(os.environ, PYTHONPATH=str(installed), SOURCE_DATE_EPOCH="1764000000")
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def test_the_installed_package_finds_its_own_theme(installed, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(installed))
    where = subprocess.run([sys.executable, "-c", "from generator.render.resources import theme_dir, package_dir;"
                            "print(theme_dir()); print(package_dir('generator.staff'))"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(p).is_relative_to(installed) for p in where), where


def test_the_installed_package_builds_the_sample_site(installed, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(SAMPLE_CONTENT, project / "content")
    shutil.copytree(ROOT / "docs/site", project / "docs/site")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    settings = [line for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
                if not line.strip().startswith("#")]
    assert not any("custom_dir" in line for line in settings)   # the theme comes from the package
    result = _run(installed, "build", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    page = page_path(site, "gotsu", Kind.INITIATIVE, "bpr").read_text(encoding="utf-8")
    assets = relative_url(urls.ASSETS, address("gotsu", Kind.INITIATIVE, "bpr"))
    stylesheet = re.search(rf'href="{re.escape(assets)}(planpub\.[0-9a-f]{{8}}\.css)"', page)
    assert 'class="pp-initiative"' in page and stylesheet and (site / urls.asset(stylesheet[1])).is_file()
    assert not (site / urls.asset("planpub.css")).exists()
    assert len(list((site / urls.ASSETS).glob("planpub-search.*.js"))) == 1
    assert (site / urls.SITEMAP).is_file() and (site / urls.LATEST_BUNDLE / "pagefind.js").is_file()
    result = _run(installed, "new", "sample-city", "--content", str(project / "content"), cwd=project)
    assert result.returncode == 0 and (project / "content/plans/sample-city/working/plan.yml").is_file()
    assert "releases/** -text" in (project / "content/plans/sample-city/.gitattributes").read_text(encoding="utf-8")
