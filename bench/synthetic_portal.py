#!/usr/bin/env python3
"""Generate a synthetic portal for measurements: P copies of a sample plan, each a
separate (fictitious) municipality, optionally with several frozen 版.

    .venv/bin/python bench/synthetic_portal.py OUT_CONTENT_DIR --plans 100 [--versions 1]

The text is the sample's (realistic Japanese), the municipalities are numbered
placeholders (架空市001 …). Only for benchmarks; never shipped as sample content.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generator.load.manifest import build_manifest, manifest_text  # noqa: E402

SOURCE = ROOT / "content" / "plans" / "kashima" / "releases" / "draft-2023-07"


def add_version(plan_dir: Path, v: int, source: Path | None = None, municipality: str | None = None) -> None:
    """Publish 版 1.<v-1> of a plan: a copy of `source` (or of the plan's 版 1.0)."""
    release = plan_dir / "releases" / f"1.{v - 1}"
    shutil.copytree(source or plan_dir / "releases" / "1.0", release, ignore=shutil.ignore_patterns("manifest.json"))
    if municipality:
        plan_yml = release / "plan.yml"
        plan_yml.write_text(plan_yml.read_text(encoding="utf-8").replace("鹿島市", municipality), encoding="utf-8")
    (release / "release.yml").write_text(
        f'label: "1.{v - 1}"\ndate: "{2023 + v - 1}-07-01"\nnotes: [第1.{v - 1}版]\n', encoding="utf-8")
    (release / "manifest.json").write_text(manifest_text(build_manifest(release)), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--versions", type=int, default=1)
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    (args.out / "plans").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "site.yml", args.out / "site.yml")
    shutil.copytree(ROOT / "content" / "schema", args.out / "schema")
    for p in range(1, args.plans + 1):
        plan_dir = args.out / "plans" / f"city-{p:03d}"
        for v in range(1, args.versions + 1):
            add_version(plan_dir, v, SOURCE, f"架空市{p:03d}")
    print(f"{args.plans} plans × {args.versions} 版 → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
