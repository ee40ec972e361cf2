"""Helpers shared by commands: reporting content problems in one consistent way."""

from __future__ import annotations

import sys
from pathlib import Path

from ..loader import LoadResult, load_site
from ..problems import Problems


def report(problems: Problems, stream=sys.stderr) -> None:
    for problem in problems.sorted():
        print(problem.format(), file=stream)
    print(f"\n{len(problems)}件の問題があります。上の各行の → の説明に従って修正してください。", file=stream)


def load_or_report(content_dir: Path) -> LoadResult | None:
    """Load content; print every problem and return None if there are any."""
    if not content_dir.is_dir():
        print(f"content フォルダー {content_dir} がありません。", file=sys.stderr)
        return None
    result = load_site(content_dir)
    if result.problems or result.site is None:
        report(result.problems)
        return None
    return result
