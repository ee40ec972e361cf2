"""A plan 版 as open data: one JSON document and CSV files (pure data, no file I/O).

The CSVs follow the national rules for machine-readable administrative data
(行政データにおける機械可読性に関するルール): a header line with a name for every column,
one record per line (no line breaks inside a cell; lists joined with LIST_SEPARATOR),
numbers without units (the unit has its own column), fiscal years in 西暦 with the
和暦 as an extra column, KPI values in long format (one row per KPI × fiscal year ×
baseline/target/actual), a stable documented column order, UTF-8 with BOM and CRLF.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from generator.model import fiscal
from generator.model.kpi import assess, resolve_target
from generator.model.plan import PlanContent, Text, TEXT_FIELDS, Version
from generator.staff.serialize import initiative_dict, kpi_dict, theme_dict

LIST_SEPARATOR = "|"
ENCODING = "utf-8-sig"     # UTF-8 with BOM: Excel opens it correctly
NEWLINE = "\r\n"


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    type: str
    unit: str
    example: str


INITIATIVE_COLUMNS = [
    Column("initiative_id", "取組ID（URLにも使われる、版をまたいで変わらない識別子）", "文字列", "", "online-application"),
    Column("number", "番号（資料の表記どおり）", "文字列", "", "No.1"),
    Column("title", "取組名", "文字列", "", "オンライン申請"),
    Column("theme_id", "主なテーマのID", "文字列", "", "front-yard"),
    Column("theme_name", "主なテーマの名称", "文字列", "", "窓口改革"),
    Column("related_theme_ids", f"関連するテーマ（再掲）のID（複数は「{LIST_SEPARATOR}」区切り）", "文字列", "", "efficiency"),
    Column("vision_ids", f"将来の姿（ビジョン）のID（「{LIST_SEPARATOR}」区切り）", "文字列", "", "convenience-1"),
    Column("categories", f"区分（「{LIST_SEPARATOR}」区切り）", "文字列", "", "窓口・届出"),
    Column("departments", f"担当課（「{LIST_SEPARATOR}」区切り）", "文字列", "", "市民課|税務課"),
    *[Column(name, label, "文字列", "", "") for name, label in (
        ("purpose", "目的"), ("current", "現状"), ("issues", "課題"), ("ideal", "理想・将来の姿"),
        ("overview", "事業概要"), ("background", "取組の背景"), ("effect", "効果"), ("goal", "達成目標"),
        ("notes", "備考・注記"))],
    Column("latest_status", "記載のある最新年度の進捗状況", "文字列", "", "運用中"),
    Column("latest_status_fiscal_year", "その年度（西暦）", "整数", "年度", "2024"),
]
SCHEDULE_COLUMNS = [
    Column("initiative_id", "取組ID", "文字列", "", "online-application"),
    Column("fiscal_year", "年度（西暦、4月始まり）", "整数", "年度", "2024"),
    Column("fiscal_year_wareki", "年度（和暦）", "文字列", "", "令和6年度"),
    Column("kind", "種別（schedule = 予定・取組事項 / annual_goal = 年次目標 / progress = 進捗 / activity = 複数年度の活動）",
           "文字列", "", "schedule"),
    Column("status", "進捗状況（kind = progress のとき）", "文字列", "", "運用中"),
    Column("text", f"内容（複数の項目は「{LIST_SEPARATOR}」区切り）", "文字列", "", "システムの試行"),
    Column("as_of", "時点（YYYY-MM-DD）", "日付", "", "2025-03-31"),
    Column("end_fiscal_year", "終了年度（kind = activity のとき、西暦）", "整数", "年度", "2026"),
]
KPI_COLUMNS = [
    Column("kpi_id", "KPIのID", "文字列", "", "online-procedures"),
    Column("kpi_name", "指標名", "文字列", "", "オンライン申請できる手続の数"),
    Column("initiative_id", "取組ID（空欄は計画全体の指標）", "文字列", "", "online-application"),
    Column("direction", "望ましい方向（increase = 大きいほど良い / decrease = 小さいほど良い）", "文字列", "", "increase"),
    Column("value_type", "値の種別（baseline = 基準値 / target = 目標値 / actual = 実績値）", "文字列", "", "target"),
    Column("fiscal_year", "年度（西暦）", "整数", "年度", "2025"),
    Column("fiscal_year_wareki", "年度（和暦）", "文字列", "", "令和7年度"),
    Column("value", "数値（単位は unit 列。相対目標は基準値から計算した値）", "数値", "unit 列のとおり", "26"),
    Column("unit", "単位", "文字列", "", "件"),
    Column("text", "資料の表記（数値でない目標はここだけ）", "文字列", "", "50%減（令和4年度比）"),
    Column("change_percent", "基準年度比の増減率（相対目標のとき）", "数値", "%", "-50"),
    Column("base_fiscal_year", "増減率の基準年度（西暦）", "整数", "年度", "2022"),
    Column("as_of", "時点（YYYY-MM-DD）", "日付", "", "2025-03-31"),
    Column("judgement", "判定（最新の実績値から計算: achieved / on_track / behind / not_measured。value_type = baseline の行に記載）",
           "文字列", "", "on_track"),
]
FILES = {"initiatives.csv": INITIATIVE_COLUMNS, "schedule.csv": SCHEDULE_COLUMNS, "kpis.csv": KPI_COLUMNS}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Text):
        value = LIST_SEPARATOR.join(value.items)
    if isinstance(value, (list, tuple)):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # One record per line: line breaks inside text become spaces.
    return " ".join(str(value).split("\n")).replace("\r", " ")


def _wareki(fy: int | None) -> str:
    return fiscal.fy_short(fy, "ja") if fy else ""


def initiative_rows(content: PlanContent) -> list[list[str]]:
    rows = []
    for i in content.initiatives:
        theme = content.theme(i.theme)
        status = i.latest_status()
        rows.append([_cell(v) for v in (
            i.id, i.number, i.title, i.theme, theme.name if theme else None, i.related_themes, i.visions,
            i.categories, i.departments, *[i.texts.get(name) for name in TEXT_FIELDS],
            status[1] if status else None, status[0] if status else None)])
    return rows


def schedule_rows(content: PlanContent) -> list[list[str]]:
    rows = []
    for i in content.initiatives:
        for fy, text in sorted(i.schedule.items()):
            rows.append([i.id, fy, _wareki(fy), "schedule", "", _cell(text), "", ""])
        for fy, text in sorted(i.annual_goals.items()):
            rows.append([i.id, fy, _wareki(fy), "annual_goal", "", _cell(text), "", ""])
        for fy, progress in sorted(i.progress.items()):
            rows.append([i.id, fy, _wareki(fy), "progress", _cell(progress.status), _cell(progress.text),
                         _cell(progress.as_of), ""])
        for activity in i.activities:
            rows.append([i.id, activity.start, _wareki(activity.start), "activity", "", _cell(activity.name), "",
                         activity.end])
    return [[_cell(v) for v in row] for row in rows]


def kpi_rows(content: PlanContent) -> list[list[str]]:
    rows = []
    for kpi in content.all_kpis():
        head = [kpi.id, kpi.name, kpi.initiative_id, kpi.direction]
        judgement = assess(kpi).judgement
        if kpi.baseline is not None:
            b = kpi.baseline
            rows.append(head + ["baseline", b.fy, _wareki(b.fy), b.value, kpi.unit, b.text, None, None, b.as_of,
                                judgement])
        else:
            rows.append(head + ["baseline", None, "", None, kpi.unit, None, None, None, None, judgement])
        for fy, t in sorted(kpi.targets.items()):
            rows.append(head + ["target", fy, _wareki(fy), resolve_target(kpi, fy), kpi.unit, t.text, t.change_percent,
                                t.base_fy, t.as_of, None])
        for fy, a in sorted(kpi.actuals.items()):
            rows.append(head + ["actual", fy, _wareki(fy), a.value, kpi.unit, a.text, a.change_percent, a.base_fy,
                                a.as_of, None])
    return [[_cell(v) for v in row] for row in rows]


def csv_bytes(columns: list[Column], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=NEWLINE)
    writer.writerow([c.name for c in columns])
    writer.writerows(rows)
    return buffer.getvalue().encode(ENCODING)


def plan_json(plan_id: str, content: PlanContent, version: Version, licence: str) -> dict:
    return {
        "plan_id": plan_id,
        "version": {"id": version.id, "label": version.label, "name": version.name, "date": version.date,
                    "notes": list(version.notes.items) if version.notes else []},
        "licence": licence,
        "municipality": content.municipality,
        "title": content.title,
        "parent_strategy": content.parent_strategy,
        "period": {"start_fiscal_year": content.period_start, "end_fiscal_year": content.period_end},
        "adoption": content.adoption,
        "themes": [theme_dict(t) for t in content.themes],
        "departments": [d.name for d in content.departments],
        "categories": list(content.categories),
        "chapters": [{"id": c.id, "title": c.title, "markdown": c.markdown} for c in content.chapters],
        "kpis": [kpi_dict(k) for k in content.kpis],
        "initiatives": [{"id": i.id, **initiative_dict(i)} for i in content.initiatives],
    }


def json_bytes(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, default=str) + "\n").encode("utf-8")


def data_files(plan_id: str, content: PlanContent, version: Version, licence: str) -> dict[str, bytes]:
    """File name → bytes for one plan 版: plan.json and the three CSVs."""
    files = {"plan.json": json_bytes(plan_json(plan_id, content, version, licence))}
    files["initiatives.csv"] = csv_bytes(INITIATIVE_COLUMNS, initiative_rows(content))
    files["schedule.csv"] = csv_bytes(SCHEDULE_COLUMNS, schedule_rows(content))
    files["kpis.csv"] = csv_bytes(KPI_COLUMNS, kpi_rows(content))
    return files


PLAN_JSON_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "計画（版）のデータ plan.json",
    "type": "object",
    "required": ["plan_id", "version", "licence", "municipality", "title", "period", "initiatives"],
    "properties": {
        "plan_id": {"type": "string", "description": "計画ID"},
        "version": {"type": "object", "description": "版（id, label, name, date, notes）"},
        "licence": {"type": "string", "description": "ライセンス"},
        "municipality": {"type": "string"}, "title": {"type": "string"},
        "parent_strategy": {"type": ["string", "null"]},
        "period": {"type": "object", "properties": {"start_fiscal_year": {"type": "integer"},
                                                     "end_fiscal_year": {"type": "integer"}}},
        "adoption": {"enum": ["adopted", "draft"]},
        "themes": {"type": "array", "description": "テーマの階層（children で入れ子）"},
        "departments": {"type": "array", "items": {"type": "string"}},
        "categories": {"type": "array", "items": {"type": "string"}},
        "chapters": {"type": "array", "description": "本文の章（Markdown）"},
        "kpis": {"type": "array", "description": "計画全体のKPI"},
        "initiatives": {"type": "array", "description": "取組。項目は content の取組ファイルと同じ（id を追加）"},
    },
}
