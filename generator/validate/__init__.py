"""Validate: the rules a schema cannot express, across files and 版.

`load_valid_site` is what every command and the site build use: load (each file on its
own) and then these rules, so one run reports every problem of the content tree.
"""

from __future__ import annotations

from pathlib import Path

from generator.load.documents import LoadResult
from generator.load.loader import load_site
from generator.load.release_cache import ReleaseCache
from generator.validate.rules import check_loaded_plan


def validate_site(result: LoadResult) -> LoadResult:
    """Add the problems the cross-file rules find to `result` (returned for chaining)."""
    site = result.site or result.draft_site
    if site is not None:
        for loaded in result.plans:
            check_loaded_plan(loaded, site, result.problems)
    return result


def load_valid_site(content_dir: Path, cache: ReleaseCache | None = None,
                    shown_root: Path | None = None) -> LoadResult:
    """Load the content tree and check it completely (see the module docstring); problems
    name files from `shown_root` when given (a scratch copy checked for the real content)."""
    return validate_site(load_site(content_dir, cache, shown_root))
