#!/usr/bin/env python3
"""What `--jobs 2` gains over `--jobs 1`, and the share of ふりがな files in the output,
before and after a change, paired in one run.

    .venv/bin/python bench/jobs.py [--plans 20] [--rounds 3] [--before main] [--jobs 1,2] [--drop-caches]
    .venv/bin/python bench/jobs.py --two-at-once [--plans 20] [--rounds 3] [--drop-caches]

A synthetic site (bench/synthetic.py: P plans × 30 initiatives × 3 版; 2 plans is the 1× of
bench/scale.py, 20 the 10×) is built clean with a fresh cache, for every round: each --jobs
value with the code of `--before` (exported with `git archive`) and with the working tree,
in the reverse order every other round, so A and B see the same load and a machine that
speeds up or slows down during the run favours neither. Printed per build: wall seconds,
CPU seconds of the process tree (user + system, from the children's rusage), the load
average when it started, output bytes and the bytes of the ふりがな files; then medians,
the speed-up of each --jobs value over the first, and the ふりがな share of the output.

--drop-caches (as root) empties the kernel's page cache before each build: on a virtual
machine whose page cache has filled, a build spends seconds more in the kernel, more so
with more processes, and that varies with whatever ran before.

--two-at-once measures what the machine itself allows: per round, one `--jobs 1` build
alone, then two independent `--jobs 1` builds started together (the working tree's code).
Two builds at once do twice the work in the time the slower takes, so no `--jobs 2` build
can beat 2 × alone ÷ that time on this machine (the speed-up a perfect split would give).
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


def clear(slot: str = "") -> None:
    """Remove the last build's site and cache folders: before the clock starts (removing a
    3,000-page site takes seconds, more once the page cache is emptied)."""
    for folder in (WORK / f"site{slot}", WORK / f"cache{slot}"):
        shutil.rmtree(folder, ignore_errors=True)


def start(code: Path, config: Path, content: Path, jobs: int, slot: str = "") -> tuple[subprocess.Popen, Path]:
    """A clean build into its own site and cache folders (`slot` tells builds at once apart),
    emptied by `clear` beforehand."""
    site, cache = WORK / f"site{slot}", WORK / f"cache{slot}"
    env = dict(os.environ, PYTHONPATH=str(code))   # that code's generator/, not the installed one
    cmd = [str(BIN / "planpub"), "build", "--config", str(config / "mkdocs.yml"), "--content", str(content),
           "--site-dir", str(site), "--jobs", str(jobs), "--cache-dir", str(cache), "--clean"]
    return subprocess.Popen(cmd, cwd=config, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE), site


def finished(process: subprocess.Popen) -> None:
    _, errors = process.communicate()
    if process.returncode:
        raise SystemExit(f"the build failed:\n{errors.decode(errors='replace')}")


def cpu_since(before: resource.struct_rusage) -> float:
    """CPU seconds (user + system) of the children waited for since `before`."""
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def drop_caches() -> None:
    """Write dirty pages out and empty the page cache (needs root)."""
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError as exc:
        raise SystemExit(f"--drop-caches: cannot write /proc/sys/vm/drop_caches ({exc}); run as root or leave it out")


def build(code: Path, config: Path, content: Path, jobs: int, fresh: bool = False) -> dict:
    """One clean build, measured; `fresh`: with the page cache emptied first."""
    clear()
    if fresh:
        drop_caches()
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process, site = start(code, config, content, jobs)
    finished(process)
    wall = time.perf_counter() - started
    cpu = cpu_since(before)
    total, ruby = sizes(site)
    return {"wall": wall, "cpu": cpu, "load": load, "bytes": total, "ruby": ruby}


def two_at_once(code: Path, config: Path, content: Path, fresh: bool = False) -> tuple[list[float], float]:
    """Walls of two `--jobs 1` builds started together, and their CPU seconds per build;
    `fresh`: with the page cache emptied first."""
    for slot in ("-1", "-2"):
        clear(slot)
    if fresh:
        drop_caches()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    processes = [start(code, config, content, 1, slot=f"-{n}")[0] for n in (1, 2)]
    walls = []
    for process in processes:
        finished(process)
        walls.append(time.perf_counter() - started)
    return walls, cpu_since(before) / 2


def ceiling(content: Path, rounds: int, fresh: bool = False) -> None:
    code = code_tree(None)
    config = config_dir(code, "after")
    build(code, config, content, 1)   # not counted: it compiles the code and reads the content into memory
    ratios = []
    for round_ in range(1, rounds + 1):
        alone = build(code, config, content, 1, fresh)
        load = os.getloadavg()[0]
        walls, cpu = two_at_once(code, config, content, fresh)
        ratios.append(2 * alone["wall"] / max(walls))
        print(f"round {round_}: one --jobs 1 build alone {alone['wall']:5.1f} s, {alone['cpu']:5.1f} s CPU "
              f"(load {alone['load']:.1f}); two at once {walls[0]:5.1f} s and {walls[1]:5.1f} s, "
              f"{cpu:5.1f} s CPU each (load {load:.1f}): at most {ratios[-1]:.2f}× for --jobs 2", flush=True)
    print(f"median: two processes on this machine allow at most {statistics.median(ratios):.2f}× for --jobs 2")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", default="main", help="a git revision to compare with ('' for none)")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--two-at-once", action="store_true",
                        help="measure the machine's limit for --jobs 2 instead (see above)")
    parser.add_argument("--drop-caches", action="store_true",
                        help="empty the page cache before each build (needs root; see above)")
    args = parser.parse_args()
    jobs = [int(n) for n in args.jobs.split(",")]
    WORK.mkdir(parents=True, exist_ok=True)
    content = WORK / f"content-{args.plans}"
    if not content.exists():
        write_content(content, Shape(plans=args.plans, initiatives=30, versions=3))
    if args.two_at_once:
        ceiling(content, args.rounds, args.drop_caches)
        return 0
    codes = ([("before", code_tree(args.before))] if args.before else []) + [("after", code_tree(None))]
    configs = {name: config_dir(code, name) for name, code in codes}
    results: dict[tuple[str, int], list[dict]] = {}
    print(f"{args.plans} plans × 30 initiatives × 3 版; cores: {os.cpu_count()}")
    order = [(n, name, code) for n in jobs for name, code in codes]
    for round_ in range(1, args.rounds + 1):
        for n, name, code in order if round_ % 2 else reversed(order):
            r = build(code, configs[name], content, n, args.drop_caches)
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
