"""The plans of a build, a few at a time: a large portal is loaded, checked and rendered
part by part, so no process holds every plan (memory stays flat in the number of plans).

A *part* is up to `part_plans()` published plans, consecutive in id order. Parts are
fixed by the plan folders alone (a plan is published when its releases/ has a 版 folder),
so every machine of a sharded build agrees on them without loading anything: shard K of
N builds parts K, K+N, K+2N, … Each part also has its own search index of its plans'
latest 版 (search_index.py), so a new 版 re-indexes only its part.

Every plan is still checked, also after a problem is found (one run reports every
problem); nothing is rendered after the first one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.load.documents import LoadResult
from generator.load.loader import load_plan, open_site
from generator.load.published import check_record
from generator.load.release_cache import ReleaseCache
from generator.load.safe_paths import is_real_dir
from generator.model.plan import Plan, Site
from generator.validate.rules import check_loaded_plan

# Plans per part. Small parts make a new 版 cheap to index; a query over the whole portal
# reads one index per part. PLANPUB_SEARCH_PART_PLANS changes it (tests, measurements).
PART_PLANS = 4


def part_plans() -> int:
    return max(1, int(os.environ.get("PLANPUB_SEARCH_PART_PLANS") or PART_PLANS))


def has_releases(plan_dir: Path) -> bool:
    """Whether the plan has a published 版 folder (withdrawing a 版 removes its folder)."""
    releases = plan_dir / "releases"
    return is_real_dir(releases) and any(is_real_dir(p) and not p.name.startswith(".") for p in releases.iterdir())


def plan_parts(plans: list) -> list[list]:
    """Consecutive plans (folders or ids, in id order), `part_plans()` to a part."""
    size = part_plans()
    return [plans[i:i + size] for i in range(0, len(plans), size)]


def split_parts(plan_dirs: list[Path]) -> tuple[list[list[Path]], list[Path]]:
    """(the parts of the published plans, the plans with nothing published)."""
    return plan_parts([d for d in plan_dirs if has_releases(d)]), [d for d in plan_dirs if not has_releases(d)]


def shard_parts(count: int, shard: tuple[int, int] | None) -> list[int]:
    """The numbers (1-based) of the parts shard K of N builds: K, K+N, K+2N, …"""
    numbers = list(range(1, count + 1))
    if shard is None:
        return numbers
    k, n = shard
    return numbers[k - 1::n]


class ContentProblems(Exception):
    """The content has problems (all of them are in `result.problems`)."""

    def __init__(self, result: LoadResult):
        super().__init__(f"{len(result.problems)} problems")
        self.result = result


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

