"""Time the ふりがな of every page of a built site: the analyser plus the corrections
(a plan's readings.yml and the project's readings.yml), as a build makes them.

    .venv/bin/python bench/furigana.py site

prints the pages, the seconds and the ruby files' bytes. To compare two versions of planpub,
run this script with each one's Python and `PYTHONPATH` (a version without the corrections
times the analyser alone), for example with `/usr/bin/time` or pair by pair.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from generator.render import furigana
from generator.render.furigana import ruby_fragment

try:
    from generator.render import readings
    from generator.render.readings import readings_for
    from generator.validate import load_valid_site
except ImportError:   # a planpub without corrections
    readings = readings_for = None


def main(site: Path, content: Path = Path("content")) -> None:
    pages = sorted(site.rglob("index.html"))
    texts = [(p.relative_to(site).parts[0] if p.parent != site else "", p.read_text(encoding="utf-8")) for p in pages]
    plans = {}
    if readings_for is not None:
        plans = {plan.id: readings_for(plan.readings) for plan in load_valid_site(content).site.plans}
    ruby_fragment("<p>準備</p>")   # the dictionary loads once per process, as in a build
    times = []
    for _ in range(5):   # each run from empty caches, as a fresh build
        for cached in (furigana.segments, furigana._word_segments, getattr(furigana, "node_entry", None),
                       getattr(readings, "analysed", None)):
            if cached is not None:
                cached.cache_clear()
        started = time.perf_counter()
        size = 0
        for plan, html in texts:
            corrections = plans.get(plan)
            size += len(ruby_fragment(html, corrections) if corrections is not None else ruby_fragment(html))
        times.append(time.perf_counter() - started)
    print(f"{len(pages)} pages: median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}) "
          f"of 5 runs, {size} bytes of readings")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else Path("content"))
