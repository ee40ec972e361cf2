#!/usr/bin/env python3
"""Time per test file, from pytest's `--durations=0` output: setup, call and teardown of
every test summed per file, with the number of tests, slowest first.

    .venv/bin/python -m pytest -q -p no:cacheprovider --durations=0 --durations-min=0 > after.log
    python3 bench/test_durations.py after.log                 # one run
    python3 bench/test_durations.py before.log after.log      # two runs side by side
    python3 bench/test_durations.py --order after.log > tests/slowest_files.txt   # the run order

Tests faster than 5 ms are left out of pytest's list unless the run adds
`--durations-min=0`, so the test counts are of the tests it lists. A run's own wall time (pytest's last line, "… in 812.34s") is shown under the table.
Session- and module-scoped fixtures count toward the first test that uses them, so a
file whose site is built by an earlier file looks cheaper than it is alone; the totals
are what a whole run costs.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

# "12.34s call     tests/test_x.py::test_name[param]"
LINE = re.compile(r"^\s*(\d+(?:\.\d+)?)s\s+(setup|call|teardown)\s+(\S+?\.py)::(\S.*?)\s*$")
WALL = re.compile(r"\b\d+ (?:passed|failed|errors?)\b.* in (\d+(?:\.\d+)?)s\b")


def per_file(text: str) -> tuple[dict[str, float], dict[str, int], float | None]:
    """Seconds and test counts per file, and the run's wall time (None if not found)."""
    seconds: dict[str, float] = defaultdict(float)
    tests: dict[str, set[str]] = defaultdict(set)
    wall = None
    for line in text.splitlines():
        match = LINE.match(line)
        if match:
            duration, _, path, name = match.groups()
            seconds[path] += float(duration)
            tests[path].add(name)
        elif found := WALL.search(line):
            wall = float(found.group(1))
    return dict(seconds), {path: len(names) for path, names in tests.items()}, wall


def table(logs: list[Path]) -> str:
    runs = [per_file(path.read_text(encoding="utf-8", errors="replace")) for path in logs]
    files = sorted({f for seconds, _, _ in runs for f in seconds}, key=lambda f: -runs[-1][0].get(f, 0))
    heads = " | ".join(f"{path.name}: s | tests" for path in logs)
    lines = [f"| file | {heads} |", "| --- |" + " ---: | ---: |" * len(logs)]
    for name in files:
        cells = " | ".join(f"{seconds.get(name, 0):.1f} | {counts.get(name, 0)}" for seconds, counts, _ in runs)
        lines.append(f"| {name} | {cells} |")
    totals = " | ".join(f"**{sum(s.values()):.1f}** | **{sum(c.values())}**" for s, c, _ in runs)
    lines.append(f"| total | {totals} |")
    walls = ", ".join(f"{path.name}: {wall:.1f} s" if wall is not None else f"{path.name}: ?"
                      for path, (_, _, wall) in zip(logs, runs))
    return "\n".join(lines) + f"\n\npytest wall time — {walls}\n"


def order(log: Path, count: int = 25) -> str:
    """The `count` slowest files of a run, slowest first: tests/conftest.py starts them first."""
    seconds, _, _ = per_file(log.read_text(encoding="utf-8", errors="replace"))
    slowest = sorted(seconds, key=lambda f: -seconds[f])[:count]
    return "".join(f"{name.removeprefix('tests/')}\n" for name in slowest)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if sys.argv[1] == "--order":
        print(order(Path(sys.argv[2])), end="")
    else:
        print(table([Path(arg) for arg in sys.argv[1:]]), end="")
