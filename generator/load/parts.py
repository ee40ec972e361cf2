"""Parts: a few published plans, consecutive in id order, loaded, checked, rendered and
search-indexed together (generator/build), so a large portal is never held in memory at
once and a new 版 re-indexes only its part.

Parts are fixed by the plan folders alone (a plan is published when its releases/ has a
版 folder; withdrawing a 版 removes its folder), so every machine of a sharded build
agrees on them without loading anything: shard K of N builds parts K, K+N, K+2N, …
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.load.documents import LoadResult
from generator.load.safe_paths import is_real_dir

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
