"""出典 links to the official document when the plan or the 版 gives its address (issue 22,
part 6): plan.yml and release.yml `source_url`, checked by the schema, shown as a link on the
plan home and the revisions page; without it, 出典 stays text."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace

from generator.i18n import set_language
from generator.model.plan import Text
from generator.pages import urls
from generator.pages.builder import build_pages
from generator.pages.kinds import PageKind
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from .conftest import FIXTURES, SAMPLE_CONTENT

PLAN_ADDRESS = "https://www.city.example.lg.jp/dx/plan.html"
EDITION_ADDRESS = "https://www.city.example.lg.jp/dx/plan-1.1.pdf"


def _rendered(site, url: str) -> str:
    page = next(p for p in build_pages(site) if p.url == url)
    return Renderer().render(page)


def _source_line(html: str) -> str:
    return re.search(r'<p class="pp-source">.*?</p>', html, re.S).group(0)


def test_the_source_is_a_link_to_the_official_document_when_its_address_is_given():
    set_language("ja")
    site = load_valid_site(FIXTURES / "basic").site
    plan = site.plans[0]
    latest = plan.latest
    plan.snapshots[latest.id] = replace(plan.snapshots[latest.id], source=Text.of("架空市DX計画（本文）"),
                                        source_url=PLAN_ADDRESS)
    # the plan's address
    line = _source_line(_rendered(site, urls.plan_base(plan.id)))
    assert f'<a href="{PLAN_ADDRESS}">架空市DX計画（本文）</a>' in line
    # a 版's own document wins on its pages and in the revision history
    index = plan.versions.index(latest)
    plan.versions[index] = replace(latest, source=Text.of("第1.1版（PDF）"), document=EDITION_ADDRESS)
    assert f'<a href="{EDITION_ADDRESS}">第1.1版（PDF）</a>' in _source_line(_rendered(site, urls.plan_base(plan.id)))
    assert f'<a href="{EDITION_ADDRESS}">第1.1版（PDF）</a>' in _rendered(site, urls.latest_page(plan.id, PageKind.REVISIONS))


def test_without_an_address_the_source_stays_text():
    set_language("ja")
    site = load_valid_site(SAMPLE_CONTENT).site
    line = _source_line(_rendered(site, urls.plan_base("kashima")))
    assert "<a " not in line and "かしまデジタル変革" in line


def test_source_url_is_read_from_plan_yml_and_release_yml_and_must_be_a_web_address(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    plan_yml = content / "plans/kashima/working/plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8") + f"source_url: {PLAN_ADDRESS}\n", encoding="utf-8")
    result = load_valid_site(content)
    assert not result.problems
    kashima = next(p for p in result.site.plans if p.id == "kashima")
    assert kashima.working.source_url == PLAN_ADDRESS
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace(PLAN_ADDRESS, "plan.pdf"), encoding="utf-8")
    problems = load_valid_site(content).problems
    assert [(p.file.removeprefix(f"{tmp_path}/"), p.field) for p in problems] == \
        [("content/plans/kashima/working/plan.yml", "source_url")]
