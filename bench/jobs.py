#!/usr/bin/env python3
"""What `--jobs 2` gains over `--jobs 1`, and the share of ふりがな files in the output,
before and after a change, paired in one run.

    .venv/bin/python bench/jobs.py [--plans 20] [--rounds 3] [--before main] [--jobs 1,2]

A synthetic site (bench/synthetic.py: P plans × 30 initiatives × 3 版; 2 plans is the 1× of
bench/scale.py, 20 the 10×) is built clean with a fresh cache, for every round: each --jobs
value with the code of `--before` (exported with `git archive`) then with the working
tree, so A and B see the same load. Printed per build: wall seconds, CPU seconds of the
process tree (user + system, from the children's rusage), the load average when it
started, output bytes and the bytes of the ふりがな files; then medians, the speed-up of
each --jobs value over the first, and the ふりがな share of the output.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from synthetic import Shape, write_content  # noqa: E402

sys.path.insert(0, str(ROOT))
from generator.pages import urls  # noqa: E402

BIN = ROOT / ".venv" / "bin" if (ROOT / ".venv" / "bin").is_dir() else Path(sys.executable).parent
WORK = Path(tempfile.gettempdir()) / "planpub-bench-jobs"
RUBY = urls.RUBY_FRAGMENT   # a page's ふりがな file


def code_tree(ref: str | None) -> Path:
    """The source tree to run: the working tree, or a git revision exported."""
    if ref is None:
        return ROOT
    target = WORK / f"code-{ref.replace('/', '_')}"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def config_dir(code: Path, name: str) -> Path:
    """mkdocs.yml of that code, with its docs/ and theme/."""
    folder = WORK / f"config-{name}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(code / "mkdocs.yml", folder / "mkdocs.yml")
    for part in ("docs", "theme"):
        (folder / part).symlink_to(code / part)
    return folder


def sizes(site: Path) -> tuple[int, int]:
    """All output bytes, and those of the ふりがな files."""
    total = ruby = 0
    for path in site.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            ruby += size if path.name == RUBY else 0
    return total, ruby


def build(code: Path, config: Path, content: Path, jobs: int) -> dict:
    site, cache = WORK / "site", WORK / "cache"
    for folder in (site, cache):
        shutil.rmtree(folder, ignore_errors=True)
    env = dict(os.environ, PYTHONPATH=str(code))   # that code's generator/, not the installed one
    cmd = [str(BIN / "planpub"), "build", "--config", str(config / "mkdocs.yml"), "--content", str(content),
           "--site-dir", str(site), "--jobs", str(jobs), "--cache-dir", str(cache), "--clean"]
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, cwd=config, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    total, ruby = sizes(site)
    return {"wall": wall, "cpu": cpu, "load": load, "bytes": total, "ruby": ruby}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", default="main", help="a git revision to compare with ('' for none)")
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    jobs = [int(n) for n in args.jobs.split(",")]
    WORK.mkdir(parents=True, exist_ok=True)
    content = WORK / f"content-{args.plans}"
    if not content.exists():
        write_content(content, Shape(plans=args.plans, initiatives=30, versions=3))
    codes = ([("before", code_tree(args.before))] if args.before else []) + [("after", code_tree(None))]
    configs = {name: config_dir(code, name) for name, code in codes}
    results: dict[tuple[str, int], list[dict]] = {}
    print(f"{args.plans} plans × 30 initiatives × 3 版; cores: {os.cpu_count()}")
    for round_ in range(1, args.rounds + 1):
        for n in jobs:
            for name, code in codes:
                r = build(code, configs[name], content, n)
                results.setdefault((name, n), []).append(r)
                print(f"round {round_} {name:6} --jobs {n}: {r['wall']:6.1f} s wall {r['cpu']:6.1f} s CPU "
                      f"load {r['load']:4.1f}  {r['bytes']:,} B, ふりがな {r['ruby']:,} B", flush=True)
    print("\nmedians")
    for name, _ in codes:
        walls = {n: statistics.median(r["wall"] for r in results[(name, n)]) for n in jobs}
        for n in jobs:
            rows = results[(name, n)]
            cpu = statistics.median(r["cpu"] for r in rows)
            share = rows[-1]["ruby"] / rows[-1]["bytes"]
            print(f"{name:6} --jobs {n}: {walls[n]:6.1f} s wall ({walls[jobs[0]] / walls[n]:.2f}× --jobs {jobs[0]}), "
                  f"{cpu:6.1f} s CPU; ふりがな {share:.1%} of {rows[-1]['bytes']:,} B")
    loads = [r["load"] for rows in results.values() for r in rows]
    print(f"load average at the builds' start: {min(loads):.1f}–{max(loads):.1f} (2 cores: above 2, "
          "other work shared the machine and wall-time ratios are not clean)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
