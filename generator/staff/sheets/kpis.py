"""The KPI sheet (one row per KPI, of an initiative or of the whole plan) and the KPIの値
sheet (one row per KPI × fiscal year × 目標/実績)."""

from __future__ import annotations

import re
import unicodedata

from generator.i18n import msg
from generator.model.plan import PERIOD_END, Initiative, Kpi, KpiValue, PlanContent
from generator.model.schema import ID_PATTERN
from generator.staff.sheets.table import (CellProblem, SheetReader, Table, cell_text, column, error, sheet_name,
                                          text_from_cell)

ID_RE = re.compile(ID_PATTERN)
KPI_COLUMNS = ("id", "kpi_id", "kpi_name", "unit", "direction", "definition", "rationale", "baseline_fy",
               "baseline", "baseline_text", "baseline_as_of")
VALUE_COLUMNS = ("kpi_id", "fiscal_year", "value_kind", "value", "text", "ratio", "change_percent", "change",
                 "base_fy", "by", "as_of")
DIRECTIONS = ("increase", "decrease")
VALUE_KINDS = ("targets", "actuals", "references")


def is_percent(unit: str | None) -> bool:
    """A KPI counted in percent (「%」, full-width too): a percent-formatted cell of its
    values is converted."""
    return unicodedata.normalize("NFKC", unit or "").strip() == "%"


def direction_label(direction: str) -> str:
    return msg(f"workbook.directions.{direction}")


def kind_label(kind: str) -> str:
    return msg(f"workbook.value_kinds.{kind}")


def plan_level() -> str:
    """What the 取組ID column says for a KPI of the whole plan."""
    return msg("workbook.plan_level")


def write(content: PlanContent) -> tuple[Table, Table]:
    kpis = Table(sheet_name("kpis"), [column(key) for key in KPI_COLUMNS],
                 dropdowns={column("direction"): column("direction")},
                 wide={column("definition"), column("rationale")})
    values = Table(sheet_name("kpi_values"), [column(key) for key in VALUE_COLUMNS],
                   dropdowns={column("value_kind"): column("value_kind")})
    # A theme's KPIs stay in plan.yml with their theme: the sheet has no column for a theme,
    # and as （計画全体） rows they would come back as plan KPIs with the same ids.
    for kpi in (k for k in content.all_kpis() if k.theme_id is None):
        baseline = kpi.baseline or KpiValue()
        kpis.rows.append([kpi.initiative_id or plan_level(), kpi.id, kpi.name, kpi.unit,
                          direction_label(kpi.direction) if kpi.direction else None,
                          cell_text(kpi.definition), cell_text(kpi.rationale),
                          baseline.fy, baseline.value, baseline.text, baseline.as_of])
        stated = [("targets", fy, v) for fy, v in sorted(kpi.targets.items())]
        stated += [("targets", None, kpi.target)] if kpi.target else []
        stated += [("actuals", fy, v) for fy, v in sorted(kpi.actuals.items())]
        stated += [("references", r.fy, r) for r in kpi.references]
        for kind, fy, value in stated:
            values.rows.append([kpi.id, fy, kind_label(kind), value.value, value.text, value.ratio,
                                value.change_percent, value.change, value.base_fy, by_label(value.by),
                                value.as_of])
    return kpis, values


def by_label(by) -> str | int | None:
    """期限 of a target without a year: a fiscal year, or the words for the plan period's end."""
    return msg("workbook.period_end") if by == PERIOD_END else by


def read(kpi_table: Table, value_table: Table, initiatives: dict[str, Initiative],
         problems: list[CellProblem]) -> list[Kpi]:
    """Adds KPIs to their initiatives; returns the plan-level KPIs."""
    kpis = _read_kpis(kpi_table, initiatives, problems)
    _read_values(value_table, kpis, problems)
    for kpi in kpis.values():
        kpi.targets = dict(sorted(kpi.targets.items()))
        kpi.actuals = dict(sorted(kpi.actuals.items()))
    return [k for k in kpis.values() if not k.initiative_id]


def _read_kpis(table: Table, initiatives: dict[str, Initiative], problems: list[CellProblem]) -> dict[str, Kpi]:
    sheet = SheetReader(table, problems)
    c = {key: column(key) for key in KPI_COLUMNS}
    directions = {direction_label(d): d for d in DIRECTIONS}
    kpis: dict[str, Kpi] = {}
    for number, row in sheet.rows():
        owner = sheet.text(row, c["id"])
        kid = sheet.text(row, c["kpi_id"])
        if not kid or not ID_RE.fullmatch(kid):
            sheet.problem(number, c["kpi_id"], error("bad_kpi_id", value=kid or ""))
            continue
        if kid in kpis:
            sheet.problem(number, c["kpi_id"], error("duplicate_kpi", value=kid))
            continue
        if owner not in (None, plan_level()) and owner not in initiatives:
            sheet.problem(number, c["id"], error("unknown_initiative", value=owner, sheet=sheet_name("initiatives")))
            continue
        label = sheet.text(row, c["direction"])
        direction = directions.get(label) if label else None
        if label and direction is None:
            sheet.problem(number, c["direction"], error("bad_direction", value=label,
                                                        choices=msg("workbook.choice_separator").join(directions)))
        name = sheet.label(number, row, c["kpi_name"])
        if not name:
            sheet.problem(number, c["kpi_name"], error("no_kpi_name"))
        baseline_fy = sheet.integer(number, row, c["baseline_fy"])
        baseline_value = sheet.number(number, row, c["baseline"], percent=is_percent(sheet.text(row, c["unit"])))
        baseline_text = sheet.text(row, c["baseline_text"])
        baseline_as_of = sheet.date(number, row, c["baseline_as_of"])
        baseline = None
        if any(v is not None for v in (baseline_fy, baseline_value, baseline_text, baseline_as_of)):
            baseline = KpiValue(value=baseline_value, text=baseline_text, as_of=baseline_as_of, fy=baseline_fy)
        kpi = Kpi(id=kid, name=name or "", unit=sheet.text(row, c["unit"]), direction=direction,
                  definition=text_from_cell(sheet.get(row, c["definition"])),
                  rationale=text_from_cell(sheet.get(row, c["rationale"])), baseline=baseline,
                  initiative_id=None if owner in (None, plan_level()) else owner)
        kpis[kid] = kpi
        if kpi.initiative_id:
            initiatives[kpi.initiative_id].kpis.append(kpi)
    return kpis


def _read_values(table: Table, kpis: dict[str, Kpi], problems: list[CellProblem]) -> None:
    sheet = SheetReader(table, problems)
    c = {key: column(key) for key in VALUE_COLUMNS}
    kinds = {kind_label(k): k for k in VALUE_KINDS}
    for number, row in sheet.rows():
        kid = sheet.text(row, c["kpi_id"])
        kpi = kpis.get(kid or "")
        if kpi is None:
            sheet.problem(number, c["kpi_id"], error("unknown_kpi", value=kid, sheet=sheet_name("kpis")))
            continue
        label = sheet.text(row, c["value_kind"])
        kind = kinds.get(label or "")
        if kind is None:
            sheet.problem(number, c["value_kind"], error("bad_value_kind", value=label or "",
                                                         choices=msg("workbook.choice_separator").join(kinds)))
            continue
        # A target may have no year of its own (then 期限 says by when, if the document does);
        # actuals always have one; reference figures may.
        fy = sheet.integer(number, row, c["fiscal_year"], required=kind == "actuals")
        by_text = sheet.text(row, c["by"])
        by = PERIOD_END if by_text == msg("workbook.period_end") else \
            sheet.integer(number, row, c["by"]) if by_text else None
        value = KpiValue(value=sheet.number(number, row, c["value"], percent=is_percent(kpi.unit)),
                         text=sheet.text(row, c["text"]),
                         ratio=sheet.number(number, row, c["ratio"]),
                         change_percent=sheet.number(number, row, c["change_percent"], percent=True),
                         change=sheet.number(number, row, c["change"]),
                         base_fy=sheet.integer(number, row, c["base_fy"]),
                         as_of=sheet.date(number, row, c["as_of"]),
                         fy=fy if kind == "references" else None, by=by if kind == "targets" and fy is None else None)
        if kind == "references":
            kpi.references.append(value)
        elif fy is None:
            if kpi.target is not None:
                sheet.problem(number, c["fiscal_year"], error("duplicate_target", kpi=kid))
            kpi.target = value
        else:
            target = getattr(kpi, kind)
            if fy in target:
                sheet.problem(number, c["fiscal_year"], error("duplicate_value", kpi=kid, fy=fy, kind=label))
            target[fy] = value
