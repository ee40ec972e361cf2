"""A plan's initiatives as tables laid out like a 個別業務一覧, and back (pure, no file I/O).

Sheets (all headers Japanese):
  取組            one row per initiative (ID, 番号, 取組名, テーマ, 担当課, 目的, 現状 …)
  スケジュール・進捗 one row per initiative, columns per fiscal year (予定, 年次目標, 進捗 …)
  複数年度の活動    one row per multi-year activity
  KPI             one row per KPI (initiative or plan level)
  KPIの値          one row per KPI × fiscal year × 目標/実績
  選択肢           the vocabularies behind the dropdown lists

Cells holding several items put one item per line; bullet items start with 「・」 so a
one-item list and a plain paragraph stay distinguishable (that keeps the round trip exact).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.model import fiscal
from generator.model.plan import Activity, Initiative, Kpi, KpiValue, PlanContent, Progress, Text, TEXT_FIELDS
from generator.model.schema import ID_PATTERN

SHEET_INITIATIVES = "取組"
SHEET_SCHEDULE = "スケジュール・進捗"
SHEET_ACTIVITIES = "複数年度の活動"
SHEET_KPIS = "KPI"
SHEET_KPI_VALUES = "KPIの値"
SHEET_CHOICES = "選択肢"
SHEETS = (SHEET_INITIATIVES, SHEET_SCHEDULE, SHEET_ACTIVITIES, SHEET_KPIS, SHEET_KPI_VALUES)

TEXT_HEADERS = {"purpose": "目的", "current": "現状", "issues": "課題", "ideal": "理想・将来の姿",
                "overview": "事業概要", "background": "取組の背景", "effect": "効果", "goal": "達成目標",
                "notes": "備考・注記"}
MULTI_COLUMNS = {"departments": "担当課", "categories": "区分"}  # one dropdown column per item
YEAR_PARTS = (("schedule", "予定・取組事項"), ("annual_goals", "年次目標（KGI）"), ("status", "進捗状況"),
              ("progress", "進捗"), ("as_of", "進捗の時点"))
DIRECTIONS = {"increase": "大きいほど良い", "decrease": "小さいほど良い"}
VALUE_KINDS = {"targets": "目標", "actuals": "実績"}
PLAN_LEVEL = "（計画全体）"
BULLET = "・"

ID_RE = re.compile(ID_PATTERN)
YEAR_HEADER_RE = re.compile(r"^.*?（?(\d{4})年度）?\s*(.+)$")


@dataclass
class Table:
    name: str
    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    dropdowns: dict[str, str] = field(default_factory=dict)   # header → column name in 選択肢


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    row: int          # 1-based, as Excel shows it (header is row 1)
    column: str       # header text
    message: str


# ── model → tables ──────────────────────────────────────────────────────────

def cell_text(value: Text | None) -> str | None:
    if not value:
        return None
    if value.is_list:
        return "\n".join(BULLET + item for item in value.items)
    return value.items[0]


def _number(value):
    return value


def plan_years(content: PlanContent) -> list[int]:
    years = set(content.period)
    for initiative in content.initiatives:
        years.update(initiative.schedule)
        years.update(initiative.annual_goals)
        years.update(initiative.progress)
    return sorted(years)


def multi_width(content: PlanContent, attribute: str) -> int:
    return max([len(getattr(i, attribute)) for i in content.initiatives] + [1 if attribute == "categories" else 3])


def to_tables(content: PlanContent, statuses: list[str]) -> list[Table]:
    widths = {attr: multi_width(content, attr) for attr in MULTI_COLUMNS}
    header = ["取組ID", "番号", "取組名", "主なテーマ", "関連するテーマ", "ビジョン"]
    for attribute, label in MULTI_COLUMNS.items():
        header += [f"{label}{n}" for n in range(1, widths[attribute] + 1)]
    header += list(TEXT_HEADERS.values())
    initiatives = Table(SHEET_INITIATIVES, header,
                        dropdowns={"主なテーマ": "テーマID",
                                   **{f"担当課{n}": "担当課" for n in range(1, widths["departments"] + 1)},
                                   **{f"区分{n}": "区分" for n in range(1, widths["categories"] + 1)}})
    years = plan_years(content)
    schedule_header = ["取組ID", "取組名（参考）"]
    for fy in years:
        schedule_header += [f"{fiscal.fy_label(fy)} {label}" for _, label in YEAR_PARTS]
    schedule = Table(SHEET_SCHEDULE, schedule_header,
                     dropdowns={f"{fiscal.fy_label(fy)} 進捗状況": "進捗状況" for fy in years})
    activities = Table(SHEET_ACTIVITIES, ["取組ID", "活動", "開始年度", "終了年度"])
    kpis = Table(SHEET_KPIS, ["取組ID", "KPI ID", "指標名", "単位", "望ましい方向", "指標の定義", "KPIの設定について",
                              "基準年度", "基準値", "基準値の表記", "基準値の時点"],
                 dropdowns={"望ましい方向": "望ましい方向"})
    values = Table(SHEET_KPI_VALUES, ["KPI ID", "年度", "種別", "数値", "資料の表記", "増減率（%）", "基準年度", "時点"],
                   dropdowns={"種別": "種別"})

    for initiative in content.initiatives:
        row = [initiative.id, initiative.number, initiative.title, initiative.theme,
               "\n".join(initiative.related_themes) or None, "\n".join(initiative.visions) or None]
        for attribute in MULTI_COLUMNS:
            items = getattr(initiative, attribute)
            row += [items[n] if n < len(items) else None for n in range(widths[attribute])]
        row += [cell_text(initiative.texts.get(name)) for name in TEXT_HEADERS]
        initiatives.rows.append(row)

        srow = [initiative.id, initiative.title]
        for fy in years:
            progress = initiative.progress.get(fy) or Progress()
            srow += [cell_text(initiative.schedule.get(fy)), cell_text(initiative.annual_goals.get(fy)),
                     progress.status, cell_text(progress.text), progress.as_of]
        schedule.rows.append(srow)
        for activity in initiative.activities:
            activities.rows.append([initiative.id, activity.name, activity.start, activity.end])
    for kpi in content.all_kpis():
        baseline = kpi.baseline or KpiValue()
        kpis.rows.append([kpi.initiative_id or PLAN_LEVEL, kpi.id, kpi.name, kpi.unit,
                          DIRECTIONS.get(kpi.direction) if kpi.direction else None,
                          cell_text(kpi.definition), cell_text(kpi.rationale),
                          baseline.fy, baseline.value, baseline.text, baseline.as_of])
        for kind, label in VALUE_KINDS.items():
            for fy, value in sorted(getattr(kpi, kind).items()):
                values.rows.append([kpi.id, fy, label, value.value, value.text, value.change_percent,
                                    value.base_fy, value.as_of])
    return [initiatives, schedule, activities, kpis, values, choices_table(content, statuses)]


def choices_table(content: PlanContent, statuses: list[str]) -> Table:
    columns = {
        "テーマID": [t.id for t in content.all_themes()],
        "テーマ名": [t.display_name for t in content.all_themes()],
        "ビジョンID": [v.id for v in content.all_visions()],
        "担当課": [d.name for d in content.departments],
        "区分": list(content.categories),
        "進捗状況": list(statuses),
        "望ましい方向": list(DIRECTIONS.values()),
        "種別": list(VALUE_KINDS.values()),
    }
    height = max(len(v) for v in columns.values())
    rows = [[values[i] if i < len(values) else None for values in columns.values()] for i in range(height)]
    return Table(SHEET_CHOICES, list(columns), rows)


# ── tables → model ──────────────────────────────────────────────────────────

def text_from_cell(value: Any) -> Text | None:
    if value is None:
        return None
    text = str(value).replace("\r\n", "\n").strip("\n")
    if not text.strip():
        return None
    lines = text.split("\n")
    if all(line.startswith(BULLET) for line in lines):
        return Text(tuple(line[len(BULLET):] for line in lines), True)
    return Text((text,), False)


class _Reader:
    """Reads rows by header name and records problems with sheet/row/column."""

    def __init__(self, table: Table, problems: list[CellProblem]):
        self.table = table
        self.problems = problems
        self.index = {name: i for i, name in enumerate(table.header) if name}

    def rows(self):
        for number, row in enumerate(self.table.rows, start=2):
            if any(v not in (None, "") for v in row):
                yield number, row

    def get(self, row, name):
        i = self.index.get(name)
        if i is None or i >= len(row):
            return None
        value = row[i]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def problem(self, row_number: int, column: str, message: str) -> None:
        self.problems.append(CellProblem(self.table.name, row_number, column, message))

    def text(self, row, name) -> str | None:
        value = self.get(row, name)
        return None if value is None else str(value).strip()

    def integer(self, number, row, name, required=False) -> int | None:
        value = self.get(row, name)
        if value is None:
            if required:
                self.problem(number, name, "必須です。値を入力してください")
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(number, name, f"「{value}」は整数ではありません（例: 2024）")
            return None
        return value

    def number(self, number, row, name) -> int | float | None:
        value = self.get(row, name)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                value = float(value.replace(",", "").strip())
            except ValueError:
                self.problem(number, name, f"「{value}」は数値ではありません（単位や「%」は入れず、数字だけを入力）")
                return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(number, name, f"「{value}」は数値ではありません")
            return None
        return value

    def date(self, number, row, name) -> str | None:
        value = self.get(row, name)
        if value is None:
            return None
        if hasattr(value, "isoformat"):
            return value.date().isoformat() if hasattr(value, "date") else value.isoformat()
        text = str(value).strip()
        if not re.match(r"^\d{4}-\d{2}(-\d{2})?$", text):
            self.problem(number, name, f"「{text}」は日付として読めません（例: 2024-03-31）")
            return None
        return text


def check_header(table: Table, required: list[str], problems: list[CellProblem]) -> bool:
    missing = [name for name in required if name not in table.header]
    for name in missing:
        problems.append(CellProblem(table.name, 1, name, f"列「{name}」がありません。書き出したときの見出しを変えないでください"))
    return not missing


def from_tables(tables: dict[str, Table], base: PlanContent,
                statuses: list[str]) -> tuple[list[Initiative], list[Kpi], list[CellProblem]]:
    """Initiatives and plan-level KPIs from the sheets, checked against the plan's vocabularies."""
    problems: list[CellProblem] = []
    for name in SHEETS:
        if name not in tables:
            problems.append(CellProblem(name, 1, "", f"シート「{name}」がありません"))
    if problems:
        return [], [], problems
    themes = {t.id for t in base.all_themes()}
    visions = {v.id for v in base.all_visions()}
    departments = {d.name for d in base.departments}
    categories = set(base.categories)
    status_choices = "、".join(statuses)
    statuses = set(statuses)

    sheet = _Reader(tables[SHEET_INITIATIVES], problems)
    check_header(sheet.table, ["取組ID", "取組名"], problems)
    initiatives: dict[str, Initiative] = {}
    rows_of: dict[str, int] = {}
    for number, row in sheet.rows():
        iid = sheet.text(row, "取組ID")
        if not iid:
            sheet.problem(number, "取組ID", "取組IDがありません")
            continue
        if not ID_RE.match(iid):
            sheet.problem(number, "取組ID", f"「{iid}」は取組IDに使えません（半角英小文字・数字・-）")
            continue
        if iid in initiatives:
            sheet.problem(number, "取組ID", f"取組ID「{iid}」が{rows_of[iid]}行目と重複しています")
            continue
        title = sheet.text(row, "取組名")
        if not title:
            sheet.problem(number, "取組名", "取組名がありません")
        theme = sheet.text(row, "主なテーマ")
        if theme and theme not in themes:
            sheet.problem(number, "主なテーマ", f"テーマ「{theme}」は計画のテーマにありません（選択肢シートを参照）")
        related = _lines(sheet.get(row, "関連するテーマ"))
        for item in related:
            if item not in themes:
                sheet.problem(number, "関連するテーマ", f"テーマ「{item}」は計画のテーマにありません")
        vision_ids = _lines(sheet.get(row, "ビジョン"))
        for item in vision_ids:
            if item not in visions:
                sheet.problem(number, "ビジョン", f"ビジョン「{item}」は計画のビジョンにありません")
        multi: dict[str, list[str]] = {}
        for attribute, label in MULTI_COLUMNS.items():
            vocabulary = departments if attribute == "departments" else categories
            multi[attribute] = []
            for header in [h for h in sheet.table.header if h and re.fullmatch(label + r"\d+", h)]:
                value = sheet.text(row, header)
                if value is None:
                    continue
                if value not in vocabulary:
                    sheet.problem(number, header, f"{label}「{value}」は計画の{label}の一覧にありません（選択肢から選んでください）")
                multi[attribute].append(value)
        texts = {}
        for name, header in TEXT_HEADERS.items():
            value = text_from_cell(sheet.get(row, header))
            if value:
                texts[name] = value
        number_value = sheet.get(row, "番号")
        initiatives[iid] = Initiative(
            id=iid, title=title or "", number=None if number_value is None else str(number_value).strip(),
            theme=theme, related_themes=related, visions=vision_ids, categories=multi["categories"],
            departments=multi["departments"], texts=texts)
        rows_of[iid] = number

    schedule = _Reader(tables[SHEET_SCHEDULE], problems)
    check_header(schedule.table, ["取組ID"], problems)
    year_columns: dict[tuple[int, str], str] = {}
    for header in schedule.table.header:
        match = re.match(r"^.*?（(\d{4})年度）\s+(.+)$", header or "")
        if match:
            part = next((key for key, label in YEAR_PARTS if label == match.group(2)), None)
            if part:
                year_columns[(int(match.group(1)), part)] = header
    for number, row in schedule.rows():
        iid = schedule.text(row, "取組ID")
        initiative = initiatives.get(iid or "")
        if initiative is None:
            schedule.problem(number, "取組ID", f"取組ID「{iid}」は「{SHEET_INITIATIVES}」シートにありません")
            continue
        for (fy, part), header in sorted(year_columns.items()):
            if part in ("schedule", "annual_goals"):
                value = text_from_cell(schedule.get(row, header))
                if value:
                    getattr(initiative, part)[fy] = value
        for fy in sorted({fy for fy, _ in year_columns}):
            status = schedule.text(row, year_columns.get((fy, "status"), ""))
            if status and status not in statuses:
                schedule.problem(number, year_columns[(fy, "status")],
                                 f"進捗状況「{status}」は選択肢にありません（{status_choices}）")
            text = text_from_cell(schedule.get(row, year_columns.get((fy, "progress"), "")))
            as_of = schedule.date(number, row, year_columns.get((fy, "as_of"), ""))
            if status or text or as_of:
                initiative.progress[fy] = Progress(status, text, as_of)

    activities = _Reader(tables[SHEET_ACTIVITIES], problems)
    for number, row in activities.rows():
        iid = activities.text(row, "取組ID")
        initiative = initiatives.get(iid or "")
        if initiative is None:
            activities.problem(number, "取組ID", f"取組ID「{iid}」は「{SHEET_INITIATIVES}」シートにありません")
            continue
        name = activities.text(row, "活動")
        start = activities.integer(number, row, "開始年度", required=True)
        end = activities.integer(number, row, "終了年度", required=True)
        if not name:
            activities.problem(number, "活動", "活動の名前がありません")
        if name and start is not None and end is not None:
            initiative.activities.append(Activity(name, start, end))

    kpi_sheet = _Reader(tables[SHEET_KPIS], problems)
    kpis: dict[str, Kpi] = {}
    plan_kpis: list[Kpi] = []
    reverse_directions = {v: k for k, v in DIRECTIONS.items()}
    for number, row in kpi_sheet.rows():
        owner = kpi_sheet.text(row, "取組ID")
        kid = kpi_sheet.text(row, "KPI ID")
        if not kid or not ID_RE.match(kid):
            kpi_sheet.problem(number, "KPI ID", f"「{kid or ''}」はKPI IDに使えません（半角英小文字・数字・-）")
            continue
        if kid in kpis:
            kpi_sheet.problem(number, "KPI ID", f"KPI ID「{kid}」が重複しています")
            continue
        if owner not in (None, PLAN_LEVEL) and owner not in initiatives:
            kpi_sheet.problem(number, "取組ID", f"取組ID「{owner}」は「{SHEET_INITIATIVES}」シートにありません")
            continue
        direction_label = kpi_sheet.text(row, "望ましい方向")
        direction = reverse_directions.get(direction_label) if direction_label else None
        if direction_label and direction is None:
            kpi_sheet.problem(number, "望ましい方向", f"「{direction_label}」は選べません（大きいほど良い／小さいほど良い）")
        name = kpi_sheet.text(row, "指標名")
        if not name:
            kpi_sheet.problem(number, "指標名", "指標名がありません")
        baseline_fy = kpi_sheet.integer(number, row, "基準年度")
        baseline_value = kpi_sheet.number(number, row, "基準値")
        baseline_text = kpi_sheet.text(row, "基準値の表記")
        baseline_as_of = kpi_sheet.date(number, row, "基準値の時点")
        baseline = None
        if any(v is not None for v in (baseline_fy, baseline_value, baseline_text, baseline_as_of)):
            baseline = KpiValue(value=baseline_value, text=baseline_text, as_of=baseline_as_of, fy=baseline_fy)
        kpi = Kpi(id=kid, name=name or "", unit=kpi_sheet.text(row, "単位"), direction=direction,
                  definition=text_from_cell(kpi_sheet.get(row, "指標の定義")),
                  rationale=text_from_cell(kpi_sheet.get(row, "KPIの設定について")), baseline=baseline,
                  initiative_id=None if owner in (None, PLAN_LEVEL) else owner)
        kpis[kid] = kpi
        if kpi.initiative_id:
            initiatives[kpi.initiative_id].kpis.append(kpi)
        else:
            plan_kpis.append(kpi)

    value_sheet = _Reader(tables[SHEET_KPI_VALUES], problems)
    reverse_kinds = {v: k for k, v in VALUE_KINDS.items()}
    for number, row in value_sheet.rows():
        kid = value_sheet.text(row, "KPI ID")
        kpi = kpis.get(kid or "")
        if kpi is None:
            value_sheet.problem(number, "KPI ID", f"KPI ID「{kid}」は「{SHEET_KPIS}」シートにありません")
            continue
        fy = value_sheet.integer(number, row, "年度", required=True)
        kind_label = value_sheet.text(row, "種別")
        kind = reverse_kinds.get(kind_label or "")
        if kind is None:
            value_sheet.problem(number, "種別", f"「{kind_label or ''}」は選べません（目標／実績）")
            continue
        value = KpiValue(value=value_sheet.number(number, row, "数値"), text=value_sheet.text(row, "資料の表記"),
                         change_percent=value_sheet.number(number, row, "増減率（%）"),
                         base_fy=value_sheet.integer(number, row, "基準年度"),
                         as_of=value_sheet.date(number, row, "時点"))
        if fy is not None:
            target = getattr(kpi, kind)
            if fy in target:
                value_sheet.problem(number, "年度", f"KPI「{kid}」の{fy}年度の{kind_label}が重複しています")
            target[fy] = value
    for initiative in initiatives.values():
        for name in ("schedule", "annual_goals"):
            setattr(initiative, name, dict(sorted(getattr(initiative, name).items())))
        initiative.progress = dict(sorted(initiative.progress.items()))
    for kpi in kpis.values():
        kpi.targets = dict(sorted(kpi.targets.items()))
        kpi.actuals = dict(sorted(kpi.actuals.items()))
    return list(initiatives.values()), plan_kpis, problems


def _lines(value: Any) -> list[str]:
    if value is None:
        return []
    return [line.strip() for line in str(value).replace("\r\n", "\n").split("\n") if line.strip()]
