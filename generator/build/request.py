"""What a build is asked to do, and how long its phases took."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator.build.batch import PageWriter
from generator.model.plan import Site


@dataclass
class Timings:
    phases: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    units_rendered: int = 0
    units_cached: int = 0
    indexes_made: int = 0         # search indexes of parts' latest 版 (load/parts.py)
    indexes_cached: int = 0
    pages: int = 0                # pages linked or written into staging (counted, not walked for)

    def add(self, phase: str, seconds: float) -> None:
        self.phases[phase] += seconds

    def merge(self, other: dict[str, float]) -> None:
        for phase, seconds in other.items():
            self.phases[phase] += seconds


@dataclass
class BuildRequest:
    site: Site
    staging: Path                 # the folder being built (later swapped into place)
    cache_dir: Path
    fingerprint: str              # code, templates and configuration
    writer_factory: Callable[[], PageWriter]
    renderer_factory: Callable[[], object]   # Jinja renderer for feeds and the sitemap
    site_url: str = ""
    jobs: int = 1
    shard: tuple[int, int] | None = None
    merge: bool = False           # only add the portal to the shard outputs in `staging`
    clean: bool = False           # ignore (and replace) cached units
