"""The field registry: every content field of an initiative declared once.

A declaration says what the field holds (its `Kind`), which vocabulary its values come
from, where an initiative page shows it and in what order, whether a 版 may declare it
absent (`omits`), what the open data and the workbook call it. Its label comes from
the locale catalogue (`ui.fields.<key>`), so it reads 「目的」 in Japanese and "Purpose" in
English.

Everything else that lists fields is derived from this table, each stage asking the field's
kind (model/kinds.py) what to do with its value:
- the JSON Schema of initiative files (model/schema.py) and the canonical YAML writer
  (staff/serialize.py) — in registry order;
- the model's reading of a file (load/loader.py) and the validation of references and
  fiscal years (validate/rules.py) — by kind and vocabulary;
- the initiative page (theme/planpub/partials/initiative_body.html loops over
  `fields.shown(place)`);
- the diff engine's keys and labels (model/diff.py, model/fieldnames.py);
- the open-data columns and the data dictionary (pages/opendata.py);
- the Excel/CSV sheets (staff/sheets/).

Adding an ordinary prose field is one `Field(...)` line here and one label line in each
locale file (English falls back to Japanese); see docs/adding-a-field.md.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Iterator

from generator.i18n import has, msg


class Kind(StrEnum):
    """What a field holds: the built-in kinds. Each is a class in model/kinds.py holding every
    stage's behaviour (a kind registered there by name works the same)."""

    LABEL = "label"             # one line as written (番号, 取組名)
    TEXT = "text"               # prose: a string, or bullet items (model.Text)
    REF = "ref"                 # one id from a vocabulary (主なテーマ)
    REFS = "refs"               # entries of a vocabulary (担当課, 区分, 関連するテーマ)
    YEAR_TEXTS = "year_texts"   # prose per fiscal year (予定, 年次目標)
    ACTIVITIES = "activities"   # items spanning fiscal years
    PROGRESS = "progress"       # status, text and as-of date per fiscal year
    KPIS = "kpis"               # measures with baseline, targets and actuals
    FISCAL_YEAR = "fiscal_year" # one fiscal year (目標時期)


class Vocabulary(StrEnum):
    """Lists a plan declares in plan.yml; a value outside them is an error with its line."""

    THEMES = "themes"
    VISIONS = "visions"
    CATEGORIES = "categories"
    DEPARTMENTS = "departments"
    INITIATIVES = "initiatives"   # the other initiatives of the same 版 (explicit relations)

    @property
    def is_id(self) -> bool:
        """Themes, visions and initiatives are referred to by id; categories and departments by name."""
        return self in (Vocabulary.THEMES, Vocabulary.VISIONS, Vocabulary.INITIATIVES)


class Place(StrEnum):
    """Where an initiative page shows a field (in this order)."""

    HEADING = "heading"     # part of the page title
    META = "meta"           # the summary list under the title
    BODY = "body"           # sections in reading order
    SCHEDULE = "schedule"   # rows of the fiscal-year table
    KPIS = "kpis"           # the KPI sections
    CLOSING = "closing"     # sections after the schedule and the KPIs
    RELATED = "related"     # links to other initiatives, after the fields (initiative.html)


class SheetLayout(StrEnum):
    """How the workbook holds a field."""

    COLUMN = "column"       # one cell per initiative on the 取組 sheet
    LINES = "lines"         # one cell, one entry per line
    NUMBERED = "numbered"   # one dropdown column per entry (担当課1, 担当課2 …)
    YEARS = "years"         # columns per fiscal year on the スケジュール・進捗 sheet
    OWN_SHEET = "own_sheet" # a sheet of its own (活動, KPI)


@dataclass(frozen=True)
class Field:
    key: str                          # the YAML key, the diff key and the default CSV column
    kind: Kind | str                  # model/kinds.py KINDS has its class
    place: Place
    order: int                        # position within `place`
    vocabulary: Vocabulary | None = None
    required: bool = False            # the schema requires it (取組名)
    min_items: int = 0                # a list must have at least this many entries
    max_length: int | None = None     # for LABEL fields
    always_shown: bool = False        # the page says 「記載なし」 when it is absent
    expected: bool = False            # named in 「この版の資料には記載がありません」 when absent
    omittable: bool = True            # a 版 may list it in `omits`
    detail: bool = True               # counts when deciding whether an earlier 版 said more
    csv: tuple[str, ...] | None = None  # open-data columns (None: the key; () none): initiatives.csv's,
                                        # or a REFS field's value column in initiative_<key>.csv
    csv_kind: str | None = None       # schedule.csv `kind` value of its rows
    sheet: SheetLayout = SheetLayout.COLUMN
    sheet_min: int = 1                # NUMBERED: columns even when no initiative needs them
    diff_key: str | None = None       # the key in field-level diffs and `omits` (default: key)
    custom: bool = False              # declared by a plan (plan.yml fields.extra), not by the registry
    plan_label: str | None = None     # what the plan's documents call it (plan.yml fields.labels)
    line_breaks: bool = False         # LABEL: a line break the document has is kept (a two-line title)

    @property
    def label_key(self) -> str:
        return f"ui.fields.{self.key}"

    @property
    def label(self) -> str:
        """The field's name: the plan's own (「関係部署」), or the catalogue's (「担当課」)."""
        return self.plan_label or msg(self.label_key)

    @property
    def table_label(self) -> str:
        """Its name in tables (a row of the schedule table, a workbook column) where that
        differs (スケジュール → 予定・取組事項)."""
        if self.plan_label:
            return self.plan_label
        key = f"ui.fields_in_tables.{self.key}"
        return msg(key) if has(key) else self.label

    def part_label(self, part: str) -> str:
        """The name of one part of a structured value (progress: status, text, as_of)."""
        return msg(f"ui.field_parts.{self.key}.{part}")

    @property
    def change_key(self) -> str:
        return self.diff_key or self.key

    @property
    def csv_columns(self) -> tuple[str, ...]:
        return (self.key,) if self.csv is None else self.csv

    @property
    def in_texts(self) -> bool:
        """Prose fields live in Initiative.texts; the others are attributes of their own."""
        return self.kind is Kind.TEXT

    def slot(self, initiative_type) -> str:
        """Where an initiative holds the value: "texts" (prose), "attribute" (a field the
        model has an attribute for), or "extra" (a plan's own field, or one of a kind the
        model's dataclass does not name: a new kind needs no change to it)."""
        if self.in_texts:
            return "texts"
        if self.custom or self.key not in getattr(initiative_type, "__dataclass_fields__", (self.key,)):
            return "extra"
        return "attribute"

    def value(self, initiative):
        """This field's value on an initiative (None, or an empty collection, when absent)."""
        slot = self.slot(type(initiative))
        if slot == "texts":
            return initiative.texts.get(self.key)
        if slot == "extra":
            return initiative.extra.get(self.key)
        return getattr(initiative, self.key)


_ = Field  # shorter lines below
INITIATIVE_FIELDS_LIST = (
    _("number", Kind.LABEL, Place.HEADING, 10, omittable=True, detail=False),
    _("title", Kind.LABEL, Place.HEADING, 20, required=True, max_length=500, omittable=False, detail=False,
      line_breaks=True),
    _("theme", Kind.REF, Place.META, 10, vocabulary=Vocabulary.THEMES, always_shown=True,
      csv=("theme_id", "theme_name"), detail=False),
    _("related_themes", Kind.REFS, Place.META, 20, vocabulary=Vocabulary.THEMES, csv=("theme_id",),
      sheet=SheetLayout.LINES, detail=False),
    _("visions", Kind.REFS, Place.BODY, 10, vocabulary=Vocabulary.VISIONS, csv=("vision_id",),
      sheet=SheetLayout.LINES, detail=False),
    _("categories", Kind.REFS, Place.META, 30, vocabulary=Vocabulary.CATEGORIES, sheet=SheetLayout.NUMBERED,
      csv=("category",), detail=False),
    _("departments", Kind.REFS, Place.META, 40, vocabulary=Vocabulary.DEPARTMENTS, min_items=1,
      always_shown=True, expected=True, sheet=SheetLayout.NUMBERED, sheet_min=3, csv=("department",)),
    _("purpose", Kind.TEXT, Place.BODY, 20, expected=True),
    _("current", Kind.TEXT, Place.BODY, 30, expected=True),
    _("issues", Kind.TEXT, Place.BODY, 40),
    _("ideal", Kind.TEXT, Place.BODY, 50, expected=True),
    _("overview", Kind.TEXT, Place.BODY, 60, expected=True),
    _("background", Kind.TEXT, Place.BODY, 70),
    _("effect", Kind.TEXT, Place.BODY, 80),
    _("goal", Kind.TEXT, Place.CLOSING, 10),
    _("notes", Kind.TEXT, Place.CLOSING, 20),
    _("schedule", Kind.YEAR_TEXTS, Place.SCHEDULE, 10, expected=True, csv=(), csv_kind="schedule",
      sheet=SheetLayout.YEARS),
    _("annual_goals", Kind.YEAR_TEXTS, Place.SCHEDULE, 30, csv=(), csv_kind="annual_goal", sheet=SheetLayout.YEARS),
    _("activities", Kind.ACTIVITIES, Place.SCHEDULE, 20, csv=(), csv_kind="activity", sheet=SheetLayout.OWN_SHEET),
    _("progress", Kind.PROGRESS, Place.SCHEDULE, 40, expected=True,
      csv=("latest_status", "latest_status_fiscal_year"), csv_kind="progress", sheet=SheetLayout.YEARS),
    _("kpis", Kind.KPIS, Place.KPIS, 10, csv=(), sheet=SheetLayout.OWN_SHEET, diff_key="kpi", detail=False),
    # Explicit relations only: "related" never means "shares a theme" (that is the theme's list).
    _("related", Kind.REFS, Place.RELATED, 10, vocabulary=Vocabulary.INITIATIVES, csv=("related_id",),
      sheet=SheetLayout.LINES, detail=False),
)
del _


@dataclass(frozen=True)
class FieldSet:
    """The fields of initiatives, in registry (document) order."""

    fields: tuple[Field, ...]

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    def __getitem__(self, key: str) -> Field:
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        raise KeyError(key)

    def __contains__(self, key: str) -> bool:
        return any(f.key == key for f in self.fields)

    def of_kind(self, *kinds: Kind) -> list[Field]:
        return [f for f in self.fields if f.kind in kinds]

    def shown(self, place: Place | str) -> list[Field]:
        """The fields an initiative page shows at `place`, in their order there."""
        return sorted((f for f in self.fields if f.place == place), key=lambda f: f.order)

    def label_of(self, key: str, default: str) -> str:
        """What the plan calls a field, where it names it (plan.yml fields.labels), else `default`
        (the site's wording for that place, e.g. 「KPI（指標）」 as a page title)."""
        field = next((f for f in self.fields if f.key == key), None)
        return field.plan_label if field is not None and field.plan_label else default

    @property
    def text_keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.of_kind(Kind.TEXT))

    def by_change_key(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.change_key == key), None)

    @property
    def omittable(self) -> list[str]:
        return [f.change_key for f in self.fields if f.omittable]


INITIATIVE_FIELDS = FieldSet(INITIATIVE_FIELDS_LIST)


def unregistered(key: str) -> Field:
    """A stand-in for a field no registry declares (a plan's own field it does not use)."""
    return Field(key, Kind.TEXT, Place.BODY, 0)


def kind_named(name: str) -> Kind | str:
    """A kind by its name in plan.yml: a Kind, or the name of a kind registered in
    model/kinds.py KINDS (which kinds a plan may declare says each kind's `plan_may_declare`)."""
    return Kind(name) if name in Kind._value2member_map_ else name


# Where the fields a plan declares itself may go.
CUSTOM_PLACES = {"meta": Place.META, "body": Place.BODY, "closing": Place.CLOSING}
# Fields a plan may leave out of `uses` (every initiative has a title).
ALWAYS_USED = {"title"}


def for_plan(declaration: dict | None = None) -> FieldSet:
    """The fields of one plan's initiatives: the registry (looked up when called, so a test
    can stand in a registry with one more field), narrowed to the fields the plan's
    documents use, under the names they use, with the fields the plan declares itself.

        fields:                               # plan.yml, format 2
          uses: [departments, overview, schedule, goal]
          labels: {departments: 関係部署, theme: 柱}
          expect: [departments, overview]     # named in 「記載がありません」 when absent
          extra:
            - {key: formal_name, kind: label, label: 正式名称, place: meta}
            - {key: target_fy, kind: fiscal_year, label: 目標時期, place: meta}
    """
    registry = INITIATIVE_FIELDS
    spec = (declaration or {}).get("fields") if isinstance(declaration, dict) else None
    if not spec:
        return registry
    uses = set(spec.get("uses") or [f.key for f in registry]) | ALWAYS_USED
    labels = spec.get("labels") or {}
    expect = set(spec["expect"]) if spec.get("expect") is not None else None
    chosen = []
    for field in registry:
        if field.key not in uses:
            continue
        # 「記載なし」 is worth saying only for fields a reader would miss: the plan's own list
        # (`expect`) or else the registry's, never every field a document happens to use.
        expected = field.key in expect if expect is not None else field.expected
        chosen.append(replace(field, plan_label=labels.get(field.key), expected=expected))
    for index, extra in enumerate(spec.get("extra") or []):
        kind = kind_named(extra.get("kind", "text"))
        place = CUSTOM_PLACES[extra.get("place", "body")]
        chosen.append(Field(extra["key"], kind, place, extra.get("order", 900 + index), custom=True,
                            plan_label=extra["label"], expected=bool(extra.get("expected", False)),
                            sheet=SheetLayout.COLUMN))
    return FieldSet(tuple(chosen))



def registry_markdown(fields: FieldSet = INITIATIVE_FIELDS) -> str:
    """The registry as the format spec lists it (docs/format-spec.md, between its
    `registry:fields` marks; tests/test_format_spec_fields.py keeps the two equal): key, kind,
    vocabulary, where a page shows it, whether a 版 may omit it, its open-data columns and its
    workbook layout, in page order."""
    rows = ["| key | kind | vocabulary | shown at | `omits` | open data | workbook |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    for field in (f for place in Place for f in fields.shown(place)):
        columns = ", ".join(f"`{c}`" for c in field.csv_columns) or (f"schedule.csv `kind={field.csv_kind}`"
                                                                        if field.csv_kind else "kpis.csv")
        rows.append(f"| `{field.key}` | {field.kind} | {field.vocabulary.value if field.vocabulary else ''} "
                    f"| {field.place.value} {field.order} | {'yes' if field.omittable else 'no'} | {columns} "
                    f"| {field.sheet.value} |")
    return "\n".join(rows) + "\n"
