"""The site split into build units that can be rendered, cached and sharded independently.

- one unit per frozen 版 of a plan: its pages under /<plan>/v/<id>/, the compare pages
  whose newer side it is, its open data, and its own search bundle;
- one unit per plan for the stable address /<plan>/ (the latest 版), with the plan's
  feed, versions.json and the notes for pages the latest 版 no longer has;
- the portal, built last from the plans' summaries: plan list, search page, site feed, sitemap.

The latest 版's search index is made per part of a few plans (load/parts.py).

A unit's output is a function of its `digest` inputs alone (plus the templates and the
configuration, which the build adds to the cache key). A frozen 版 mentions only itself
and earlier 版 (see `Edition.known_snapshots`), so once published its unit never changes
and later builds copy it from the cache.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields

from generator.model.plan import Plan, Site
from generator.pages import urls
from generator.pages.builder import edition_pages
from generator.pages.editions import Edition, plan_editions
from generator.pages.files import figure_files, page_files, plan_files
from generator.pages.page import Page
from generator.pages.changes import pair_diffs


@dataclass(frozen=True)
class Unit:
    id: str                       # "gotsu/latest", "gotsu/v/1.5"
    plan: Plan
    edition: Edition
    editions: tuple[Edition, ...]  # all editions of the plan (for the version switcher)

    @property
    def bundle(self) -> str | None:
        """Where the unit's own search bundle goes (frozen 版 only; the latest 版 is in its
        part's index, load/parts.py)."""
        return None if self.edition.is_latest else urls.archive_bundle(self.plan.id, self.edition.version.id)

    @property
    def size(self) -> int:
        """Roughly how many pages the unit has, to balance work between processes."""
        return len(self.edition.content.initiatives) + len(self.edition.content.chapters) + 8 + \
            (0 if self.edition.is_latest else len(self.edition.known_snapshots))

    def digest(self, site: Site, memo: dict | None = None) -> str:
        """A hash of everything in the content that this unit's output depends on.
        `memo` keeps each frozen 版's own hash across the units that share it."""
        memo = {} if memo is None else memo
        known = self.edition.known_snapshots
        versions = self.plan.versions if self.edition.is_latest else \
            self.plan.versions[: self.plan.versions.index(self.edition.version) + 1]
        snapshots = []
        for version in known:
            key = (self.plan.id, version.id)
            if key not in memo:
                memo[key] = hashlib.sha256(repr(self.plan.snapshots[version.id]).encode("utf-8")).hexdigest()
            snapshots.append(memo[key])
        parts = (site_settings(site), self.id, self.plan.id, versions, snapshots, self.plan.readings)
        return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def site_settings(site: Site) -> tuple:
    """The site-wide settings every page depends on (everything but the plans)."""
    return tuple((f.name, getattr(site, f.name)) for f in fields(site) if f.name != "plans")


def plan_units(plan: Plan) -> list[Unit]:
    """The latest 版's unit first, then one per frozen 版, oldest first."""
    editions = tuple(plan_editions(plan))
    units = []
    for edition in editions:
        unit_id = f"{plan.id}/latest" if edition.is_latest else f"{plan.id}/v/{edition.version.id}"
        units.append(Unit(unit_id, plan, edition, editions))
    return units


class UnitRenderer:
    """Produces a unit's pages and files. Keeps each plan's pair diffs, which all of its
    units share, for as long as it is used."""

    def __init__(self, site: Site):
        self.site = site
        self._diffs: dict[str, dict] = {}

    def pages(self, unit: Unit) -> list[Page]:
        diffs = self._diffs.get(unit.plan.id)
        if diffs is None:
            self._diffs = {unit.plan.id: pair_diffs(unit.plan, self.site)}  # units arrive grouped by plan
            diffs = self._diffs[unit.plan.id]
        return edition_pages(self.site, unit.edition, list(unit.editions), diffs)

    def files(self, unit: Unit, pages: list[Page], renderer, site_url: str) -> dict[str, bytes]:
        files = {**page_files(pages), **figure_files(unit.edition)}
        if unit.edition.is_latest:
            files.update(plan_files(unit.plan, self.site, renderer, site_url))
        return files
