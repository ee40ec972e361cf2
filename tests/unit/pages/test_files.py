"""The files that are not pages (pages/files.py): open data per edition, each plan's feed
and versions.json, the site feed, the list of search bundles."""

from __future__ import annotations

import json

from generator.model.resolved import resolve_edition, resolve_versions
from generator.pages import urls
from generator.pages.editions import plan_editions
from generator.pages.files import edition_files, plan_files, plan_licence, portal_files, versions_json
from generator.render.renderer import Renderer


def test_versions_json_lists_every_frozen_version_and_the_latest(basic):
    plan = basic.plans[0]
    data = json.loads(versions_json(plan, resolve_versions(plan, basic)))
    assert data["plan"] == "sample" and data["latest"]["id"] == "1.1"
    assert [v["url"] for v in data["versions"]] == [urls.edition_base("sample", urls.EditionKind.FROZEN, v)
                                                     for v in ("1.0", "1.1")]


def test_each_plan_has_its_feed_and_versions_and_the_portal_the_rest(basic):
    plan_side = plan_files(basic.plans[0], basic, Renderer(), "https://example.jp/")
    assert set(plan_side) == {urls.plan_feed("sample"), urls.versions_json("sample")}
    assert b"https://example.jp/" in plan_side[urls.plan_feed("sample")]
    portal = portal_files(basic, Renderer(), "https://example.jp/", [urls.latest_bundle_part(2)])
    assert {urls.SITE_FEED, urls.SEARCH_BUNDLES, urls.PLAN_JSON_SCHEMA} <= set(portal)
    assert json.loads(portal[urls.SEARCH_BUNDLES])["latest"] == [urls.latest_bundle_part(2)]


def test_several_parts_list_each_parts_plans_for_the_search_scope(basic):
    one = portal_files(basic, Renderer(), "", None, {"sample": 1})
    assert set(json.loads(one[urls.SEARCH_BUNDLES])) == {"latest", "archives"}   # one part: searched whole
    assert urls.search_part(1) not in one and urls.search_plans() not in one
    several = portal_files(basic, Renderer(), "", [urls.latest_bundle_part(2)], {"sample": 2, "other": 1})
    plan = basic.plans[0]
    content = plan.snapshots[plan.latest.id]
    name = f"{content.municipality} {content.title}"
    archived = [v.id for v in plan.snapshot_versions if v.id != plan.latest.id]
    assert json.loads(several[urls.SEARCH_BUNDLES]) == {"latest": [urls.latest_bundle_part(2)],
                                                         "archived": len(archived), "parts": [[], ["sample"]]}
    assert json.loads(several[urls.search_plans()]) == [{"id": "sample", "name": name}]
    part = json.loads(several[urls.search_part(2)])
    assert part["bundle"] == urls.latest_bundle_part(2) and part["plans"] == [{"id": "sample", "name": name}]
    assert [a["version"] for a in part["archives"]] == archived and archived
    assert json.loads(several[urls.search_part(1)])["plans"] == []


def test_an_edition_has_its_open_data_under_its_licence(basic):
    edition = plan_editions(basic.plans[0])[0]
    latest = resolve_edition(edition.plan, edition.version, edition.kind, basic)
    files = edition_files(latest, basic)
    assert {"plan.json", "initiatives.csv", "schedule.csv", "kpis.csv", "datapackage.json"} <= set(files)
    package = json.loads(files["datapackage.json"])   # the package describes exactly the other files
    assert {r["path"] for r in package["resources"]} == set(files) - {"datapackage.json"}
    assert json.loads(files["plan.json"])["licence"] == plan_licence(latest, basic) == package["licenses"][0]["title"]


def test_the_site_catalogue_names_every_published_package(basic):
    catalogue = json.loads(portal_files(basic, Renderer(), "")[urls.DATA_CATALOGUE])
    plan = basic.plans[0]
    assert [d["package"] for d in catalogue["datasets"]] == \
        [urls.data_file(urls.plan_base(plan.id), "datapackage.json")] + \
        [urls.data_file(urls.edition_base(plan.id, urls.EditionKind.FROZEN, v.id), "datapackage.json")
         for v in plan.snapshot_versions]
