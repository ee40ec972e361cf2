"""版 are ordered by their dates, never by their labels or folder names.

In the other fixtures label order, folder order and date order agree, so sorting by
label would pass them; here they disagree: 第1.9版 (2023) comes before 第1.10版 (2024),
although "1.10" sorts before "1.9" as text and releases/1.10/ before releases/1.9/.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.load.manifest import build_manifest, manifest_text
from generator.validate import load_valid_site
from generator.pages import urls
from generator.pages.kinds import PageKind as Kind

from .conftest import FIXTURES, build_site
from .site_pages import page_path

pytestmark = pytest.mark.slow   # builds a site


@pytest.fixture(scope="module")
def disordered(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("order") / "content"
    shutil.copytree(FIXTURES / "basic", content)
    releases = content / "plans/sample/releases"
    for old, new in (("1.0", "1.9"), ("1.1", "1.10")):
        folder = releases / new
        (releases / old).rename(folder)
        release = folder / "release.yml"
        release.write_text(release.read_text(encoding="utf-8").replace(f'label: "{old}"', f'label: "{new}"'),
                           encoding="utf-8")
        (folder / "manifest.json").unlink()
        (folder / "manifest.json").write_text(manifest_text(build_manifest(folder)), encoding="utf-8")
    assert sorted(p.name for p in releases.iterdir()) == ["1.10", "1.9"]   # text order ≠ date order
    return content


def test_the_model_orders_by_date(disordered):
    plan = load_valid_site(disordered).site.plans[0]
    assert [v.label for v in plan.versions] == ["0.9", "1.9", "1.10"]
    assert plan.latest.label == "1.10"


def test_the_site_orders_by_date(disordered, tmp_path):
    site = tmp_path / "site"
    result = build_site(disordered, site)
    assert result.returncode == 0, result.stderr
    versions = json.loads((site / urls.versions_json("sample")).read_text(encoding="utf-8"))
    assert versions["latest"]["id"] == "1.10" and [v["id"] for v in versions["versions"]] == ["1.9", "1.10"]
    assert (site / urls.page_file(urls.compare("sample", "1.9", "1.10"))).is_file()
    assert not (site / urls.compare("sample", "1.10", "1.9")).exists()
    home = page_path(site, "sample").read_text(encoding="utf-8")
    assert "第1.10版" in home
    revisions = page_path(site, "sample", Kind.REVISIONS).read_text(encoding="utf-8")
    assert revisions.index("<h2>第1.10版</h2>") < revisions.index("<h2>第1.9版</h2>") < revisions.index("<h2>第0.9版</h2>")
    # The frozen 第1.9版 knows only itself and earlier 版: it must not mention 第1.10版.
    assert "第1.10版" not in page_path(site, "sample", version="1.9").read_text(encoding="utf-8")
