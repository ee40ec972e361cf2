"""Frozen means frozen: a frozen 版's pages never depend on the build date (issue 14, part 9)."""

from __future__ import annotations

import re

import pytest

from generator.pages.kinds import PageKind as Kind
from generator.pages import urls

from .conftest import ROOT, run_cli
from .site_pages import page_path

pytestmark = pytest.mark.slow   # builds sites

# Two build dates in different fiscal years: 2023-11-14 (令和5年度) and 2026-05-28 (令和8年度).
EPOCHS = ("1700000000", "1780000000")


def _without_current_fy(content):
    site_yml = content / "site.yml"
    site_yml.write_text(re.sub(r"(?m)^current_fy:.*\n", "", site_yml.read_text(encoding="utf-8")), encoding="utf-8")


def _build(content, site_dir, epoch):
    result = run_cli("build", "--config", str(ROOT / "mkdocs.yml"), "--content", str(content),
                     "--site-dir", str(site_dir), "--cache-dir", str(site_dir.parent / f"cache-{site_dir.name}"),
                     env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def test_frozen_pages_are_byte_identical_whatever_the_build_date(basic_content, tmp_path):
    _without_current_fy(basic_content)
    sites = [_build(basic_content, tmp_path / f"site-{epoch}", epoch) for epoch in EPOCHS]
    frozen = sorted(p.relative_to(sites[0]) for p in (sites[0] / urls.plan_base("sample") / urls.VERSIONS).rglob("*.html"))
    assert len(frozen) > 10
    for path in frozen:
        assert (sites[0] / path).read_bytes() == (sites[1] / path).read_bytes(), path
    # The latest 版 says 「今年度」 of the build; the two builds differ there, so the test can tell.
    latest = urls.page_file(urls.latest_page("sample", Kind.INITIATIVE, "online"))
    assert (sites[0] / latest).read_bytes() != (sites[1] / latest).read_bytes()


def test_a_frozen_page_states_the_year_of_its_own_date(basic_content, tmp_path):
    _without_current_fy(basic_content)
    site_dir = _build(basic_content, tmp_path / "site", EPOCHS[1])
    # 第1.1版 is dated 2024-03-29: its year is 令和5年度 (2023), not the build's 令和8年度.
    page = page_path(site_dir, "sample", Kind.INITIATIVE, "online", version="1.1").read_text(encoding="utf-8")
    assert re.search(r'<th scope="col" class="pp-current-fy">令和5年度（2023年度）<span class="pp-tag">この版の発行年度</span>', page)
    assert "今年度" not in page
    index = page_path(site_dir, "sample", Kind.INITIATIVES, version="1.1").read_text(encoding="utf-8")
    assert "令和5年度（2023年度）の予定" in index and "今年度" not in index
