"""Human names of the field keys used by `diff` (「予定・取組事項（令和6年度（2024年度））」),
derived from the field registry."""

from __future__ import annotations

from generator.i18n import current_language, msg
from generator.model import fiscal
from generator.model.diff import FieldKey
from generator.model.fields import INITIATIVE_FIELDS, FieldSet
from generator.model.kinds import kind_of

# Keys of `omits` and of plan-level diffs that are not initiative fields.
PLAN_PARTS = {"chapters": "ui.chapters", "theme": "ui.theme", "vision": "ui.visions", "chapter": "ui.chapters"}


def field_name(name: str, fields: FieldSet = INITIATIVE_FIELDS) -> str:
    """The label of a whole field (schedule → スケジュール), as used in `omits`."""
    field = fields.by_change_key(name)
    if field is not None:
        return field.label
    return msg(PLAN_PARTS.get(name, f"ui.fields.{name}"))


def _year(label: str, fy: int) -> str:
    return msg("ui.label_for_year", label=label, year=fiscal.fy_label(fy, current_language()))


def field_label(key: FieldKey, kpi_names: dict[str, str] | None = None, fields: FieldSet = INITIATIVE_FIELDS,
                part_names: dict[tuple[str, str], str] | None = None) -> str:
    """`part_names`: ("theme" | "vision" | "chapter", id) → name, so a page never shows an id."""
    head = key[0]
    names = part_names or {}
    if head == "plan":
        return msg(f"ui.plan_fields.{key[1]}")
    if head == "version":   # a 版's stage facts: 「意見募集（パブリックコメント）の期間」
        return msg(f"ui.version_fields.{key[1]}")
    if len(key) == 2 and head in ("theme", "vision", "chapter"):  # plan-level; ("theme",) is an initiative's
        return msg("ui.named_part", part=msg(PLAN_PARTS[head]), name=names.get((head, key[1]), key[1]))
    if head == "items":   # a sub-item's field: 「サブ項目 i: 予定（令和6年度）」
        return msg("ui.item_field", item=key[1], field=field_label(key[2:], kpi_names, fields, part_names))
    if head == "labels":   # 「項目の呼び方（スケジュール）」
        return msg("ui.label_of_field", field=field_label(key[1:], kpi_names, fields, part_names))
    if head == "theme_labels":
        theme = names.get(("theme", key[1]), key[1])
        return msg("ui.named_part", part=msg("ui.theme"), name=theme) + " " + \
            msg("ui.label_of_field", field=field_name(key[2], fields))
    if head == "theme_schedule":
        theme = names.get(("theme", key[1]), key[1])
        return _year(msg("ui.named_part", part=msg("ui.theme"), name=theme) + " " + msg("ui.fields.schedule"), key[2])
    field = fields.by_change_key(head)
    if field is None:
        return msg(f"ui.fields.{head}")
    return kind_of(field.kind).change_label(field, key[1:], kpi_names)   # a part of its value: its kind names it
