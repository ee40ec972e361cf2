"""What a field is called, looked up from the most specific scope that names it.

    initiative  →  its theme (and the theme's ancestors)  →  the plan (plan.yml fields.labels)
                →  the catalogue (locales/*.yml ui.fields.<key>, ui.fields_in_tables.<key>)

Today only the plan names fields; a theme or an initiative that names a field differently
(a later format) adds its names as a scope in the chain (`LabelScope.child`), and every view
shows them without a change, because views take labels only from resolved values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.i18n import has, msg
from generator.model.fields import Field


@dataclass(frozen=True)
class LabelScope:
    names: dict[str, str] = field(default_factory=dict)   # field key → its name in this scope
    parent: "LabelScope | None" = None

    def child(self, names: dict[str, str] | None) -> "LabelScope":
        """A more specific scope (a theme, an initiative); without names of its own, this one."""
        return LabelScope(dict(names), self) if names else self

    def own(self, key: str) -> str | None:
        """The name a scope in the chain gives the field, most specific first; None: the catalogue's."""
        scope: LabelScope | None = self
        while scope is not None:
            if key in scope.names:
                return scope.names[key]
            scope = scope.parent
        return None

    def label(self, registry_field: Field) -> str:
        """The field's name (「関係部署」, else the catalogue's 「担当課」)."""
        return self.own(registry_field.key) or msg(registry_field.label_key)

    def table_label(self, registry_field: Field) -> str:
        """Its name as a row of a table, where the catalogue words it differently (スケジュール
        → 予定・取組事項); a name the plan gives is used everywhere."""
        own = self.own(registry_field.key)
        if own:
            return own
        key = f"ui.fields_in_tables.{registry_field.key}"
        return msg(key) if has(key) else msg(registry_field.label_key)

    def term(self, key: str, default: str) -> str:
        """The name a scope gives a field where the site would use its own wording otherwise
        (「KPI（指標）」 as a page title; the plan's 「数値目標」 replaces it)."""
        return self.own(key) or default


def plan_scope(fields) -> LabelScope:
    """The plan's names (plan.yml fields.labels, and the labels of the fields it declares)."""
    return LabelScope({f.key: f.plan_label for f in fields if f.plan_label})
