#!/usr/bin/env python3
"""Deterministic synthetic content for scale benchmarks (bench/scale.py).

    .venv/bin/python bench/synthetic.py OUT_CONTENT_DIR --plans 20 --initiatives 30 --versions 3

writes OUT_CONTENT_DIR/ in the repository's content format (docs/format-spec.md):

    site.yml, schema/
    plans/city-NNN/releases/1.0 … 1.(V-1)/
        release.yml      label, date (2023-07-01 + k months), 改訂内容
        plan.yml         架空市NNN, 3–4 themes with visions, categories, departments, statuses
        chapters/*.md    two short chapters
        initiatives/iNNN.yml
        manifest.json    written with generator.versions (as `planpub release` does)

Every release is a complete snapshot. The prose is drawn (random.Random with a fixed
seed) from a pool of sentences taken from the sample initiatives under content/plans/,
so an initiative page carries about 4 KB of realistic Japanese text. About half of the
initiatives have a KPI. Each later 版 changes a few initiatives (a new progress entry,
a status change, a reworded sentence, an actual value), so diffs between 版 are real.

`write_content(..., versions_written=range(10))` writes only some of the 版 and
`add_release(...)` adds one later: the incremental-publishing scenario of scale.py.
The same arguments always give byte-identical files.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import random
import shutil
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generator.model.fields import INITIATIVE_FIELDS  # noqa: E402
from generator.load.manifest import build_manifest, manifest_text  # noqa: E402
from generator.pages import urls  # noqa: E402
from generator.pages.kinds import PageKind  # noqa: E402
from generator.pages.page import relative_url  # noqa: E402

SEED = 20240401
# A chapter's link to its plan's initiative list, as staff write it (relative to the chapter's page).
INITIATIVES_FROM_A_CHAPTER = relative_url(urls.latest_page("p", PageKind.INITIATIVES),
                                          urls.latest_page("p", PageKind.CHAPTER, "c"))
PERIOD = (2023, 2025)              # fiscal years of every synthetic plan
FIRST_RELEASE = datetime.date(2023, 7, 1)
TEXT_BYTES = 4000                  # UTF-8 bytes of prose per initiative (about 1,300 characters)
CHANGES_PER_RELEASE = 0.15         # share of initiatives a later 版 changes
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

THEMES = [  # (id, name, visions)
    ("convenience", "市民の利便性向上", ["市民は、いつでもどこでも手続きを選ぶことができます",
                                  "市民は、書かない・待たない・回らない窓口を利用できます",
                                  "市民は、必要な情報を適時に受け取ることができます"]),
    ("efficiency", "業務の効率化", ["職員は、業務の自動化により人にしかできない業務に専念できます",
                              "職員は、紙の書類を探さなくとも必要な情報を取り出すことができます"]),
    ("talent", "人財育成", ["職員は、デジタル分野の基本的な知識を共有できています",
                        "職員は、現状を分析し、最適なシステムを導入・利用できます",
                        "職員は、主体的に新しい技術を取り入れることができます"]),
    ("community", "地域社会のデジタル化", ["地域の事業者は、デジタル技術で生産性を高めることができます",
                                     "高齢者も含めた誰もが、デジタルの恩恵を受けることができます"]),
]
CATEGORIES = ["窓口・届出", "デジタルデバイド対策", "広報・広聴", "市民生活", "福祉・健康", "産業",
              "教育・文化", "防災", "職員の働き方の効率化", "各課業務の効率化"]
DEPARTMENTS = ["市民課", "DX推進室", "企画財政課", "税務課", "福祉課", "保険健康課", "商工観光課",
               "教育総務課", "総務課", "建設課"]
STATUSES = ["未着手", "検討中", "試行", "運用中", "完了", "進捗なし", "新規"]
# A share in % stays within 0–100 (validate refuses more): baseline ≤ 20, three years of at most +15.
KPI_UNITS = [("件", 120), ("人", 500), ("%", 5), ("回", 12)]
TITLE_WORDS = ["オンライン申請", "書かない窓口", "キャッシュレス決済", "電子契約", "ペーパーレス会議",
               "RPAの活用", "AI-OCRの導入", "テレワーク環境", "公式LINE", "コンビニ交付",
               "オープンデータ", "GISの活用", "電子図書館", "スマート農業", "防災情報の配信",
               "チャットツール", "文書管理システム", "ホームページ改革", "デジタル人材育成", "BPRの実施"]
TITLE_SUFFIXES = ["の推進", "の拡充", "の導入", "による業務改善", "の検討", "の普及促進"]


@dataclass(frozen=True)
class Shape:
    plans: int
    initiatives: int
    versions: int

    @property
    def label(self) -> str:
        return f"{self.plans} plans × {self.initiatives} initiatives × {self.versions} 版"


# --- the sentence pool ---------------------------------------------------------------

@lru_cache(maxsize=1)
def sentence_pool() -> tuple[str, ...]:
    """Every distinct sentence of the sample initiatives' text fields, in a stable order."""
    sentences: set[str] = set()
    for path in sorted(ROOT.glob("content/plans/*/releases/*/initiatives/*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
        for value in _text_values(data):
            for line in value.splitlines():
                line = line.strip()
                if 12 <= len(line) <= 200 and not line.startswith(("|", "#", "-", "・")):
                    sentences.add(line)
    if len(sentences) < 50:
        raise SystemExit(f"too few sample sentences under {ROOT / 'content/plans'}: {len(sentences)}")
    return tuple(sorted(sentences))


def _text_values(data: dict):
    """The prose strings of one initiative document (text fields, schedules, progress)."""
    for key in (*INITIATIVE_FIELDS.text_keys, "schedule", "annual_goals", "progress"):
        yield from _strings(data.get(key))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def _rng(*parts) -> random.Random:
    return random.Random("/".join(str(p) for p in (SEED, *parts)))


def _sentences(rng: random.Random, count: int) -> list[str]:
    return [rng.choice(sentence_pool()) for _ in range(count)]


# --- plan.yml, chapters, release.yml ----------------------------------------------------

def plan_id(plan: int) -> str:
    return f"city-{plan:03d}"


def initiative_id(index: int) -> str:
    return f"i{index:03d}"


def plan_themes(plan: int) -> list[tuple[str, str, list[str]]]:
    return THEMES[:3 + plan % 2]  # 3 or 4 themes


def plan_document(plan: int, initiatives: int) -> dict:
    themes = [{"id": tid, "number": "①②③④"[i], "name": name,
               "visions": [{"id": f"{tid}-{j + 1}", "number": "①②③"[j], "text": text}
                           for j, text in enumerate(visions)]}
              for i, (tid, name, visions) in enumerate(plan_themes(plan))]
    return {
        "municipality": f"架空市{plan:03d}",
        "title": f"架空市{plan:03d}デジタル・トランスフォーメーション推進計画 アクションプラン",
        "parent_strategy": f"架空市{plan:03d}DX推進計画",
        "period": {"start": PERIOD[0], "end": PERIOD[1]},
        "adoption": "adopted",
        "lead": " ".join(_sentences(_rng(plan, "lead"), 2)),
        "theme_levels": ["柱"],
        "themes": themes,
        "categories": CATEGORIES,
        "departments": [{"name": name} for name in DEPARTMENTS] + [{"name": "全課", "all": True}],
        "statuses": [{"name": name} for name in STATUSES],
        "chapters": [{"id": "approach", "title": "1. DX推進の考え方", "file": "chapters/approach.md"},
                     {"id": "how-to-proceed", "title": "2. 計画の進め方", "file": "chapters/how-to-proceed.md"}],
        "initiatives": [initiative_id(i) for i in range(1, initiatives + 1)],
    }


def chapter_markdown(plan: int, chapter: str) -> str:
    rng = _rng(plan, "chapter", chapter)
    parts = [" ".join(_sentences(rng, 3)), "## 基本的な考え方", " ".join(_sentences(rng, 2)),
             "\n".join(f"- {s}" for s in _sentences(rng, 3)), "## 推進体制",
             "| 区分 | 担当 | 役割 |\n| --- | --- | --- |\n"
             + "\n".join(f"| {c} | {d} | {s[:30]} |" for c, d, s in
                         zip(CATEGORIES[:3], DEPARTMENTS[:3], _sentences(rng, 3))),
             f"取組の一覧は[取組一覧]({INITIATIVES_FROM_A_CHAPTER})をご覧ください。"]
    return "\n\n".join(parts) + "\n"


def release_date(k: int) -> str:
    month = FIRST_RELEASE.month - 1 + k
    return datetime.date(FIRST_RELEASE.year + month // 12, month % 12 + 1, 1).isoformat()


def release_document(k: int, changed: int) -> dict:
    notes = ["初版発行"] if k == 0 else [f"{changed}件の取組の進捗・内容を更新", "KPIの実績値を追記"]
    return {"label": f"1.{k}", "date": release_date(k), "notes": notes}


# --- initiatives -----------------------------------------------------------------------

def base_initiative(plan: int, index: int) -> dict:
    """The first 版 of one initiative: about TEXT_BYTES of prose, a schedule, progress and
    (every other initiative) a KPI."""
    rng = _rng(plan, "initiative", index)
    themes = plan_themes(plan)
    tid, _, visions = themes[index % len(themes)]
    doc: dict = {
        "number": f"No.{index}",
        "title": f"{rng.choice(TITLE_WORDS)}{rng.choice(TITLE_SUFFIXES)}",
        "theme": tid,
        "visions": sorted(rng.sample([f"{tid}-{j + 1}" for j in range(len(visions))], k=rng.randint(1, 2))),
        "categories": [rng.choice(CATEGORIES)],
        "departments": sorted(rng.sample(DEPARTMENTS, k=rng.randint(1, 3)), key=DEPARTMENTS.index),
    }
    fields = ["purpose", "current", "ideal", "overview", "issues", "effect"]
    text = {field: [rng.choice(sentence_pool())] for field in fields}  # every field has one
    size = sum(len(s.encode("utf-8")) for items in text.values() for s in items)
    while size < TEXT_BYTES * 0.75:  # the schedule and progress below add the rest
        sentence = rng.choice(sentence_pool())
        text[rng.choice(fields)].append(sentence)
        size += len(sentence.encode("utf-8"))
    for field, items in text.items():
        doc[field] = items if len(items) > 1 else items[0]
    years = range(PERIOD[0], PERIOD[1] + 1)
    doc["schedule"] = {fy: _sentences(rng, 2) for fy in years}
    doc["annual_goals"] = {fy: _sentences(rng, 1) for fy in years}
    doc["progress"] = {PERIOD[0]: {"status": rng.choice(["新規", "検討中", "未着手"]), "text": _sentences(rng, 1)}}
    if index % 2 == 1:
        doc["kpis"] = [base_kpi(rng, plan, index)]
    return doc


def base_kpi(rng: random.Random, plan: int, index: int) -> dict:
    unit, scale = rng.choice(KPI_UNITS)
    baseline = scale * rng.randint(1, 4)
    targets, value = {}, baseline
    for fy in range(PERIOD[0], PERIOD[1] + 1):
        value += scale * rng.randint(1, 3)
        targets[fy] = {"value": value, "text": f"{value}{unit}"}
    return {"id": f"kpi-{index:03d}", "name": f"{rng.choice(TITLE_WORDS)}の利用{'件数' if unit == '件' else '状況'}",
            "unit": unit, "direction": "increase", "definition": rng.choice(sentence_pool()),
            "baseline": {"fy": PERIOD[0] - 1, "value": baseline, "text": f"{baseline}{unit}"},
            "targets": targets}


def changed_initiatives(plan: int, k: int, initiatives: int) -> list[int]:
    """Which initiatives 版 k (k ≥ 1) changes."""
    count = max(1, round(initiatives * CHANGES_PER_RELEASE))
    return sorted(_rng(plan, "changes", k).sample(range(1, initiatives + 1), k=min(count, initiatives)))


def apply_change(doc: dict, plan: int, index: int, k: int) -> None:
    """Revise one initiative for 版 k: progress, status, one reworded sentence, an actual."""
    rng = _rng(plan, "change", index, k)
    years = list(range(PERIOD[0], PERIOD[1] + 1))
    fy = years[min(k // 4, len(years) - 1)]  # later 版 report on later fiscal years
    entry = doc["progress"].setdefault(fy, {"text": []})
    entry["status"] = STATUSES[(STATUSES.index(entry.get("status", "未着手")) + 1) % 5]
    entry["text"] = list(entry.get("text", [])) + _sentences(rng, 1)
    entry["as_of"] = release_date(k)
    field = rng.choice([f for f in ("purpose", "current", "ideal", "overview") if f in doc] or ["overview"])
    value = doc.get(field, [])
    items = list(value) if isinstance(value, list) else [value] if value else []
    if items:
        items[rng.randrange(len(items))] = rng.choice(sentence_pool())
    else:
        items = _sentences(rng, 1)
    doc[field] = items if len(items) > 1 else items[0]
    for kpi in doc.get("kpis", []):
        target = kpi["targets"].get(fy)
        if target is not None:
            kpi.setdefault("actuals", {})[fy] = {"value": round(target["value"] * rng.uniform(0.6, 1.1)),
                                                 "as_of": release_date(k)}


def initiative_at(plan: int, index: int, k: int, initiatives: int) -> dict:
    """The initiative as published in 版 k (the base plus every change up to k)."""
    doc = copy.deepcopy(base_initiative(plan, index))
    for version in range(1, k + 1):
        if index in changed_initiatives(plan, version, initiatives):
            apply_change(doc, plan, index, version)
    return doc


# --- writing ---------------------------------------------------------------------------

def dump_yaml(data: dict) -> str:
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=1000)


def write_release(content_dir: Path, plan: int, k: int, shape: Shape) -> Path:
    """Write 版 k (1.k) of one plan as a complete frozen snapshot with its manifest."""
    release = content_dir / "plans" / plan_id(plan) / "releases" / f"1.{k}"
    shutil.rmtree(release, ignore_errors=True)
    (release / "chapters").mkdir(parents=True)
    (release / "initiatives").mkdir()
    changed = len(changed_initiatives(plan, k, shape.initiatives)) if k else 0
    (release / "release.yml").write_text(dump_yaml(release_document(k, changed)), encoding="utf-8")
    (release / "plan.yml").write_text(dump_yaml(plan_document(plan, shape.initiatives)), encoding="utf-8")
    for chapter in ("approach", "how-to-proceed"):
        (release / "chapters" / f"{chapter}.md").write_text(chapter_markdown(plan, chapter), encoding="utf-8")
    for index in range(1, shape.initiatives + 1):
        doc = initiative_at(plan, index, k, shape.initiatives)
        (release / "initiatives" / f"{initiative_id(index)}.yml").write_text(dump_yaml(doc), encoding="utf-8")
    (release / "manifest.json").write_text(manifest_text(build_manifest(release)), encoding="utf-8")
    return release


def write_content(content_dir: Path, shape: Shape, versions_written: range | None = None) -> Path:
    """Write a whole content folder (replacing it). `versions_written` limits which 版
    (0-based k of 1.k) are written; by default all `shape.versions` of them."""
    content_dir = Path(content_dir)
    shutil.rmtree(content_dir, ignore_errors=True)
    (content_dir / "plans").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "site.yml", content_dir / "site.yml")
    shutil.copytree(ROOT / "content" / "schema", content_dir / "schema")
    for plan in range(1, shape.plans + 1):
        for k in (versions_written if versions_written is not None else range(shape.versions)):
            write_release(content_dir, plan, k, shape)
    return content_dir


def add_release(content_dir: Path, shape: Shape, k: int) -> None:
    """Publish 版 k of every plan into an existing content folder."""
    for plan in range(1, shape.plans + 1):
        write_release(Path(content_dir), plan, k, shape)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--plans", type=int, default=2)
    parser.add_argument("--initiatives", type=int, default=30)
    parser.add_argument("--versions", type=int, default=3)
    args = parser.parse_args()
    shape = Shape(args.plans, args.initiatives, args.versions)
    write_content(args.out, shape)
    print(f"{shape.label} → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
