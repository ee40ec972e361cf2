"""The plans of a build, a few at a time (parts, generator/load/parts.py): each is loaded
and checked when the build comes to it, so no process holds every plan and memory stays
flat in the number of plans. Every plan is still checked after a problem is found (one
run reports every problem); the build renders nothing after the first one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.load.documents import LoadResult
from generator.load.loader import load_plan, open_site
from generator.load.parts import split_parts
from generator.load.published import check_record
from generator.load.release_cache import ReleaseCache
from generator.model.plan import Plan, Site
from generator.validate.rules import check_loaded_plan


@dataclass
class PlanSource:
    """The content folder, opened: site.yml read, plans loaded on demand."""

    content_dir: Path
    cache: ReleaseCache | None = None
    result: LoadResult = field(init=False)
    parts: list[list[Path]] = field(init=False)
    unpublished: list[Path] = field(init=False)
    left_out: list[str] = field(default_factory=list)   # plans with nothing published

    def __post_init__(self) -> None:
        self.result, plan_dirs = open_site(self.content_dir)
        self.parts, self.unpublished = split_parts(plan_dirs)

    @property
    def failed(self) -> bool:
        return bool(self.result.problems) or self.result.site is None

    def load(self, plan_dirs: list[Path]) -> list[Plan]:
        """Load and check these plans; their problems join the others."""
        site = self.result.site or self.result.draft_site
        plans = []
        for plan_dir in plan_dirs:
            loaded = load_plan(plan_dir, self.result.problems, self.cache)
            if loaded is None:
                continue
            check_loaded_plan(loaded, site, self.result.problems)
            plans.append(loaded.plan)
            if loaded.plan.latest is None:
                self.left_out.append(loaded.plan.id)
        return plans

    def part_site(self, plans: list[Plan]) -> Site:
        """The site with only these plans (what a part's pages need of the site)."""
        return replace(self.result.site or self.result.draft_site, plans=plans)

    def finish(self) -> None:
        """Check what is left: the plans with nothing published and the record of
        published plans."""
        self.load(self.unpublished)
        check_record(self.content_dir, self.result.problems)

