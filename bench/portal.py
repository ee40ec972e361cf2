#!/usr/bin/env python3
"""The large-portal scenario, before and after a change, paired in one run: synthetic
portals (bench/synthetic_portal.py) of P plans, each built clean, then rebuilt after one
new 版 of one plan, and (after only) in N shards merged. For each build: wall time and
the largest process's peak memory (GNU time's %M over the process tree).

    .venv/bin/python bench/portal.py --plans 1,20,60 [--versions 3] [--repeat 3]
                                     [--before main] [--shards 3] [--jobs 1] [--out FILE.json]

`--before REF`: the code of that git revision (exported with `git archive`) is run the same
way as the working tree's, A then B for every measurement, so both see the same load.
Ratios are of medians. The machine's load average is printed with the results.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from synthetic_portal import SOURCE, add_version  # noqa: E402

WORK = Path(tempfile.gettempdir()) / "planpub-bench-portal"


def export(ref: str) -> Path:
    """The source tree of a git revision (its own generator/ and theme/), in a folder named
    by its commit: a branch name would find the export of whatever commit it named before."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", f"{ref}^{{commit}}"], check=True,
                            capture_output=True, text=True).stdout.strip()
    target = WORK / f"code-{commit}"
    if not target.exists():
        target.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def make_content(folder: Path, plans: int, versions: int) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([sys.executable, str(ROOT / "bench/synthetic_portal.py"), str(folder), "--plans", str(plans),
                    "--versions", str(versions)], check=True, capture_output=True)
    return folder


def build(code: Path, content: Path, site: Path, cache: Path, *options: str) -> dict:
    """One `planpub build` of `code`: wall and CPU seconds (of the process tree: CPU time
    depends less on the machine's load), peak MiB of the largest process, its timings."""
    timings = site.parent / f"{site.name}-timings.json"
    env = dict(os.environ, PYTHONPATH=str(code), SOURCE_DATE_EPOCH="1764000000")
    command = ["/usr/bin/time", "-f", "%e %M %U %S", sys.executable, "-m", "generator", "build", "--config",
               str(code / "mkdocs.yml"), "--content", str(content), "--site-dir", str(site), "--cache-dir", str(cache),
               "--timings", str(timings), *options]
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=code)
    if done.returncode != 0:
        raise SystemExit(f"build failed: {' '.join(command)}\n{done.stdout}\n{done.stderr}")
    seconds, kib, user, system = done.stderr.strip().splitlines()[-1].split()
    return {"seconds": float(seconds), "cpu": float(user) + float(system), "mib": int(kib) / 1024,
            "timings": json.loads(timings.read_text())}


def shard_and_merge(code: Path, content: Path, folder: Path, shards: int, jobs: str) -> dict:
    merged = folder / "merged"
    shutil.rmtree(merged, ignore_errors=True)
    merged.mkdir(parents=True)
    runs = []
    for k in range(1, shards + 1):
        out = folder / f"shard-{k}"
        shutil.rmtree(out, ignore_errors=True)
        runs.append(build(code, content, out, folder / f"cache-{k}", "--shard", f"{k}/{shards}", "--jobs", jobs))
        shutil.copytree(out, merged, dirs_exist_ok=True)
    merge = build(code, content, merged, folder / "cache-merge", "--merge")
    return {"shards_seconds": [r["seconds"] for r in runs], "shards_mib": [r["mib"] for r in runs],
            "merge_seconds": merge["seconds"], "merge_mib": merge["mib"]}


def scenario(codes: list, plans: int, versions: int, repeat: int, jobs: str) -> dict:
    """For each code: a clean build; then `repeat` times one new 版 of one plan (a different
    plan each time) and a cached rebuild — A and B alternately, so they share the load."""
    runs = {}
    for name, code in codes:   # each its own copy of the content (版 are added)
        content = make_content(WORK / f"content-{name}-{plans}", plans, versions)
        folder = WORK / f"run-{name}-{plans}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        runs[name] = (code, content, folder)
    result = {name: {"clean": None, "new_version": []} for name, _ in codes}
    for name, (code, content, folder) in runs.items():
        result[name]["clean"] = build(code, content, folder / "site", folder / "cache", "--jobs", jobs)
    for r in range(repeat):
        for name, (code, content, folder) in runs.items():
            plan = sorted((content / "plans").iterdir())[r % plans]
            add_version(plan, len(list((plan / "releases").iterdir())) + 1)
            result[name]["new_version"].append(build(code, content, folder / "site", folder / "cache", "--jobs", jobs))
    return result


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", default="1,20,60")
    parser.add_argument("--versions", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", default=None, help="a git revision to compare with (e.g. main)")
    parser.add_argument("--shards", type=int, default=3)
    parser.add_argument("--jobs", default="1")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    codes = ([("before", export(args.before))] if args.before else []) + [("after", ROOT)]
    results: dict = {"load_before": os.getloadavg(), "plans": {}}
    for plans in [int(p) for p in args.plans.split(",")]:
        entry = results["plans"][plans] = scenario(codes, plans, args.versions, args.repeat, args.jobs)
        for name, _ in codes:
            print(f"{plans:4} plans {name:6} clean {entry[name]['clean']['seconds']:7.1f} s "
                  f"(CPU {entry[name]['clean']['cpu']:7.1f} s) "
                  f"{entry[name]['clean']['mib']:7.0f} MiB | +1 版 "
                  f"{median([r['seconds'] for r in entry[name]['new_version']]):6.1f} s "
                  f"(CPU {median([r['cpu'] for r in entry[name]['new_version']]):6.1f} s) "
                  f"{max(r['mib'] for r in entry[name]['new_version']):6.0f} MiB", flush=True)
        if args.shards > 1:
            content = WORK / f"content-after-{plans}"
            entry["after"]["shards"] = shard_and_merge(ROOT, content, WORK / f"shards-{plans}", args.shards, args.jobs)
            print(f"{plans:4} plans after  {args.shards} shards {entry['after']['shards']}", flush=True)
    results["load_after"] = os.getloadavg()
    report(results, codes)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2, default=str))
    return 0


def report(results: dict, codes: list) -> None:
    counts = sorted(results["plans"])
    smallest = counts[0]
    print(f"\nload average before {results['load_before']}, after {results['load_after']}")
    for name, _ in codes:
        base = results["plans"][smallest][name]
        for plans in counts:
            run = results["plans"][plans][name]
            ratios = [f"+1 版 {key} {median([r[key] for r in run['new_version']]):6.1f} s = "
                      f"{median([r[key] for r in run['new_version']]) / median([r[key] for r in base['new_version']]):4.2f}×"
                      for key in ("seconds", "cpu")]
            print(f"{name:6} {plans:4} plans (against {smallest} plan): {'; '.join(ratios)}; "
                  f"clean peak {run['clean']['mib']:6.0f} MiB = {run['clean']['mib'] / base['clean']['mib']:4.2f}×")
    if len(codes) == 2:
        for plans in counts:
            a, b = results["plans"][plans]["before"], results["plans"][plans]["after"]
            new = {key: median([r[key] for r in b["new_version"]]) / median([r[key] for r in a["new_version"]])
                   for key in ("seconds", "cpu")}
            print(f"after/before {plans:4} plans: clean wall {b['clean']['seconds'] / a['clean']['seconds']:4.2f}, "
                  f"clean CPU {b['clean']['cpu'] / a['clean']['cpu']:4.2f}, clean peak {b['clean']['mib'] / a['clean']['mib']:4.2f}, "
                  f"+1 版 wall {new['seconds']:4.2f}, +1 版 CPU {new['cpu']:4.2f}")


if __name__ == "__main__":
    sys.exit(main())
