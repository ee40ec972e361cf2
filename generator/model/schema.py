"""JSON Schema of the content format: the single source for checks and editor help.

`planpub schema` writes these to `schema/`; content files point at them with a
`# yaml-language-server: $schema=...` comment so VS Code autocompletes and flags
mistakes while staff type. Titles and descriptions are Japanese because they show
up in the editor.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA_BASE = "https://planpub.invalid/schema/"  # an identifier, never fetched
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
FY_PATTERN = r"^(19|20|21)[0-9]{2}$"
DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$"

# Upper bound for a single text value; a real field is a few hundred characters.
MAX_TEXT = 20000


def _text(title: str, description: str = "") -> dict[str, Any]:
    """A prose field: one string, or a list of strings shown as bullet items."""
    return {
        "title": title,
        "description": description or f"{title}（文字列、または箇条書きの場合は文字列のリスト）",
        "anyOf": [
            {"type": "string", "minLength": 1, "maxLength": MAX_TEXT},
            {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT},
             "minItems": 1},
        ],
    }


def _id(title: str) -> dict[str, Any]:
    return {"title": title, "type": "string", "pattern": ID_PATTERN,
            "description": f"{title}（半角英小文字・数字・. _ - のみ。URLに使われます）"}


def _per_year(title: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"title": title, "type": "object", "propertyNames": {"pattern": FY_PATTERN},
            "additionalProperties": value,
            "description": f"{title}（キーは年度の西暦。例: 2024 = 令和6年度）"}


_FY = {"type": "integer", "minimum": 1900, "maximum": 2199, "title": "年度（西暦）"}
_DATE = {"type": "string", "pattern": DATE_PATTERN, "title": "日付",
         "description": "YYYY-MM-DD（日が不明な場合は YYYY-MM）"}
_NUMBER = {"type": "number"}

KPI_VALUE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "value": {**_NUMBER, "title": "数値"},
        "text": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT,
                 "title": "資料の表記", "description": "「新規導入」など数値でない目標、または資料の書き方どおりの表記"},
        "change_percent": {**_NUMBER, "title": "基準年度比の増減率（%）",
                           "description": "例: 50%減 なら -50"},
        "base_fy": {**_FY, "title": "基準年度", "description": "change_percent の基準となる年度（西暦）"},
        "as_of": {**_DATE, "title": "時点"},
    },
}

KPI = {
    "title": "KPI（指標）",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "name"],
    "properties": {
        "id": _id("KPIのID"),
        "name": {"type": "string", "minLength": 1, "title": "指標名"},
        "unit": {"type": "string", "minLength": 1, "title": "単位", "description": "例: %、人、件。数値で測る場合に指定"},
        "direction": {"enum": ["increase", "decrease"], "title": "望ましい方向",
                      "description": "increase = 大きいほど良い / decrease = 小さいほど良い"},
        "definition": _text("指標の定義"),
        "rationale": _text("KPIの設定について"),
        "baseline": {**KPI_VALUE, "title": "基準値",
                     "properties": {**KPI_VALUE["properties"], "fy": {**_FY, "title": "基準年度"}}},
        "targets": _per_year("目標値", KPI_VALUE),
        "actuals": _per_year("実績値", KPI_VALUE),
    },
}

THEME: dict[str, Any] = {
    "title": "テーマ（階層）",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "name"],
    "properties": {
        "id": _id("テーマのID"),
        "number": {"type": "string", "minLength": 1, "title": "番号（資料の表記どおり）"},
        "name": {"type": "string", "minLength": 1, "title": "名称"},
        "description": _text("説明"),
        "notes": _text("備考"),
        "visions": {"type": "array", "title": "ビジョン・理想の姿", "items": {
            "type": "object", "additionalProperties": False, "required": ["id", "text"],
            "properties": {"id": _id("ビジョンのID"),
                           "number": {"type": "string", "minLength": 1, "title": "番号"},
                           "text": _text("ビジョン")}}},
        "children": {"type": "array", "title": "下位のテーマ", "items": {"$ref": "#/$defs/theme"}},
    },
}

PLAN = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_BASE + "plan.schema.json",
    "title": "計画（plan.yml）",
    "type": "object",
    "additionalProperties": False,
    "required": ["municipality", "title", "period"],
    "$defs": {"theme": THEME, "kpi": KPI},
    "properties": {
        "municipality": {"type": "string", "minLength": 1, "title": "自治体名"},
        "title": {"type": "string", "minLength": 1, "title": "計画名"},
        "parent_strategy": {"type": "string", "minLength": 1, "title": "上位の構想・戦略"},
        "subtitle": {"type": "string", "minLength": 1, "title": "副題"},
        "period": {"type": "object", "title": "計画期間（年度）", "additionalProperties": False,
                   "required": ["start", "end"],
                   "properties": {"start": {**_FY, "title": "開始年度"}, "end": {**_FY, "title": "終了年度"}}},
        "adoption": {"enum": ["adopted", "draft"], "title": "策定状況",
                     "description": "adopted = 策定済み / draft = 案"},
        "lead": _text("リード文"),
        "source": _text("出典"),
        "licence": {"type": "string", "minLength": 1, "title": "オープンデータのライセンス",
                    "description": "省略時は site.yml の licence（既定: CC BY 4.0）"},
        "theme_levels": {"type": "array", "items": {"type": "string", "minLength": 1},
                         "title": "階層の名前", "description": "例: [改革, テーマ]"},
        "themes": {"type": "array", "items": {"$ref": "#/$defs/theme"}, "title": "テーマ"},
        "categories": {"type": "array", "items": {"type": "string", "minLength": 1}, "title": "区分",
                       "uniqueItems": True},
        "departments": {"type": "array", "title": "担当課", "items": {
            "type": "object", "additionalProperties": False, "required": ["name"],
            "properties": {"name": {"type": "string", "minLength": 1, "title": "課名"},
                           "all": {"type": "boolean", "title": "全課・全庁を表す"}}}},
        "statuses": {"type": "array", "title": "進捗状況の選択肢", "items": {
            "type": "object", "additionalProperties": False, "required": ["name"],
            "properties": {"name": {"type": "string", "minLength": 1, "title": "状況名"},
                           "description": {"type": "string", "title": "説明"}}}},
        "kpis": {"type": "array", "items": {"$ref": "#/$defs/kpi"}, "title": "計画全体のKPI"},
        "initiatives": {"type": "array", "items": _id("取組ID"), "uniqueItems": True, "title": "取組の並び順",
                        "description": "取組IDを資料の順に並べます（省略時は番号順）"},
        "chapters": {"type": "array", "title": "本文の章", "items": {
            "type": "object", "additionalProperties": False, "required": ["id", "title", "file"],
            "properties": {"id": _id("章のID"),
                           "title": {"type": "string", "minLength": 1, "title": "章の見出し"},
                           "file": {"type": "string", "pattern": r"^chapters/[a-z0-9][a-z0-9._-]*\.md$",
                                    "title": "Markdownファイル"}}}},
    },
}

INITIATIVE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_BASE + "initiative.schema.json",
    "title": "取組（initiatives/<id>.yml）",
    "type": "object",
    "additionalProperties": False,
    "required": ["title"],
    "$defs": {"kpi": KPI},
    "properties": {
        "number": {"type": "string", "minLength": 1, "title": "番号（資料の表記どおり）"},
        "title": {"type": "string", "minLength": 1, "maxLength": 500, "title": "取組名・事業名"},
        "theme": {**_id("主なテーマのID")},
        "related_themes": {"type": "array", "items": _id("テーマのID"), "title": "関連するテーマ（再掲など）"},
        "visions": {"type": "array", "items": _id("ビジョンのID"), "title": "将来の姿（ビジョン）"},
        "categories": {"type": "array", "items": {"type": "string", "minLength": 1}, "title": "区分"},
        "departments": {"type": "array", "items": {"type": "string", "minLength": 1}, "title": "担当課",
                        "minItems": 1},
        "purpose": _text("目的"),
        "current": _text("現状"),
        "issues": _text("課題"),
        "ideal": _text("理想・将来の姿"),
        "overview": _text("事業概要"),
        "background": _text("取組の背景"),
        "effect": _text("効果"),
        "goal": _text("達成目標"),
        "notes": _text("備考・注記"),
        "schedule": _per_year("年度ごとの予定（取組事項）", _text("予定")),
        "annual_goals": _per_year("年次目標（KGI）", _text("年次目標")),
        "activities": {"type": "array", "title": "複数年度にわたる活動", "items": {
            "type": "object", "additionalProperties": False, "required": ["name", "start", "end"],
            "properties": {"name": {"type": "string", "minLength": 1, "title": "活動"},
                           "start": {**_FY, "title": "開始年度"}, "end": {**_FY, "title": "終了年度"}}}},
        "progress": _per_year("進捗", {
            "type": "object", "additionalProperties": False, "title": "その年度の進捗",
            "properties": {"status": {"type": "string", "minLength": 1, "title": "進捗状況"},
                           "text": _text("進捗の内容"),
                           "as_of": {**_DATE, "title": "時点"}}}),
        "kpis": {"type": "array", "items": {"$ref": "#/$defs/kpi"}, "title": "KPI"},
    },
}

RELEASE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_BASE + "release.schema.json",
    "title": "公開済みの版（release.yml）",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "label": {"type": "string", "minLength": 1, "maxLength": 40, "title": "版数",
                  "description": "資料の表記どおり（第1.41版 なら \"1.41\"）"},
        "name": {"type": "string", "minLength": 1, "title": "表示名", "description": "省略時は「第<版数>版」"},
        "date": {**_DATE, "title": "発行日"},
        "precedes": {"type": "string", "minLength": 1, "title": "直後の版",
                     "description": "発行日が不明な版だけ: この版のすぐ後に来る版の版数"},
        "summary": _text("改訂の概要"),
        "notes": _text("改訂内容"),
        "source": _text("出典"),
        "omits": {"type": "array", "uniqueItems": True, "title": "資料に含まれない項目",
                  "description": "この版の資料（例: 本文だけで個別業務シートがない）に含まれない項目。比較の対象から外します",
                  "items": {"enum": ["number", "theme", "related_themes", "visions", "categories", "departments",
                                     "purpose", "current", "issues", "ideal", "overview", "background", "effect",
                                     "goal", "notes", "schedule", "annual_goals", "activities", "progress", "kpi",
                                     "chapters"]}},
    },
}

HISTORY = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_BASE + "history.schema.json",
    "title": "改訂履歴（資料のみの版）（history.yml）",
    "type": "object",
    "additionalProperties": False,
    "required": ["versions"],
    "properties": {
        "versions": {"type": "array", "title": "版", "items": {
            "type": "object", "additionalProperties": False, "required": ["label", "date"],
            "properties": {
                "label": RELEASE["properties"]["label"],
                "name": RELEASE["properties"]["name"],
                "date": RELEASE["properties"]["date"],
                "notes": _text("改訂内容"),
                "document": {"type": "string", "pattern": r"^(https?://|/|\./|\.\./)?[^\s<>\"]+$",
                             "title": "資料（PDF等）へのリンク"},
            }}},
    },
}

SITE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_BASE + "site.schema.json",
    "title": "サイト設定（site.yml）",
    "type": "object",
    "additionalProperties": False,
    "required": ["title"],
    "properties": {
        "title": {"type": "string", "minLength": 1, "title": "サイト名"},
        "description": {"type": "string", "title": "サイトの説明"},
        "language": {"enum": ["ja", "en"], "title": "表示言語"},
        "publisher": {"type": "string", "title": "発行者"},
        "current_fy": {**_FY, "title": "現在の年度",
                       "description": "省略時はビルド日から計算（4月始まり）"},
        "statuses": PLAN["properties"]["statuses"],
        "licence": {"type": "string", "title": "ライセンス"},
    },
}

SCHEMAS: dict[str, dict[str, Any]] = {
    "plan": PLAN,
    "initiative": INITIATIVE,
    "release": RELEASE,
    "history": HISTORY,
    "site": SITE,
}


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema as `<name>.schema.json` into directory."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in SCHEMAS.items():
        path = directory / f"{name}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
