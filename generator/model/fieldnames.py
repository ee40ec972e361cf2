"""Human names of the field keys used by `diff` ("スケジュール（令和6年度（2024年度））")."""

from __future__ import annotations

from generator.model import fiscal
from generator.model.diff import FieldKey
from generator.i18n import current_language, msg


def field_name(name: str) -> str:
    """The label of a whole field ("schedule" → スケジュール), as used in `omits`."""
    whole = {"schedule": "ui.schedule", "annual_goals": "ui.annual_goals", "progress": "ui.progress",
             "activities": "ui.activities", "kpi": "ui.kpis", "chapters": "ui.chapters"}
    if name in whole:
        return msg(whole[name])
    return field_label((name,))


def field_label(key: FieldKey, kpi_names: dict[str, str] | None = None) -> str:
    language = current_language()
    head = key[0]
    if head in ("schedule", "annual_goals") and len(key) == 2:
        return f"{msg('ui.' + ('schedule' if head == 'schedule' else 'annual_goals'))}（{fiscal.fy_label(key[1], language)}）"
    if head == "progress":
        part = {"status": msg("ui.status"), "text": msg("ui.progress"), "as_of": msg("ui.progress_as_of")}[key[2]]
        return f"{part}（{fiscal.fy_label(key[1], language)}）"
    if head == "activities":
        return f"{msg('ui.activities')}: {key[1]}"
    if head == "kpi":
        kpi_id, attribute = key[1], key[2]
        names = {"name": msg("ui.kpi_name"), "unit": msg("ui.kpi_unit"), "direction": msg("ui.kpi_direction"),
                 "definition": msg("ui.definition"), "rationale": msg("ui.rationale"),
                 "baseline": msg("ui.baseline"), "targets": msg("ui.target"), "actuals": msg("ui.actual")}
        label = f"KPI「{(kpi_names or {}).get(kpi_id, kpi_id)}」{names[attribute]}"
        return f"{label}（{fiscal.fy_label(key[3], language)}）" if len(key) > 3 else label
    if head == "plan":
        return msg(f"ui.plan_fields.{key[1]}")
    if head == "theme" and len(key) == 2:  # a plan's theme; ("theme",) is an initiative's
        return f"{msg('ui.theme')}「{key[1]}」"
    if head == "vision":
        return f"{msg('ui.visions')}「{key[1]}」"
    if head == "chapter":
        return f"{msg('ui.chapters')}「{key[1]}」"
    if head in ("number", "title", "theme", "related_themes", "visions", "categories", "departments"):
        return msg(f"ui.initiative_fields.{head}")
    return msg(f"ui.fields.{head}")
