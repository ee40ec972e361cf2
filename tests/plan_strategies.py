"""Hypothesis strategies for whole plans of many shapes, derived from the field registry.

Every plan drawn here is valid by construction, the way a staff member transcribing a real
plan would write it: a plan chooses which registry fields its documents use and what it calls
them, may declare fields of its own, has themes (sometimes nested) or none, KPIs in every
shape the format holds (targets with and without a year, relative and qualitative targets,
references, baselines with dates), schedules and activities anywhere in the plan period.
The values for each field come from its `Kind` (model/fields.py), so a field added to the
registry is drawn here without a change to this file — or the strategy fails loudly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as st

from generator.model.fields import INITIATIVE_FIELDS, Field, Kind, Vocabulary
from generator.model.kinds import plan_kinds

# Words as plans write them; letters a YAML or Markdown reader must keep as they are.
WORDS = ["窓口", "申請", "オンライン", "職員", "研修", "住民", "ＤＸ", "デジタル", "推進", "令和", "№1",
         "50%", "（仮称）", "１２３", "A-1", "・", "：", "100件", "延べ"]
STATUSES = ["検討中", "実施中", "完了"]
LABELS = {"departments": "関係部署", "overview": "事業概要", "effect": "効果・メリット", "theme": "柱",
          "purpose": "目的", "schedule": "工程", "kpis": "指標", "progress": "進捗状況", "notes": "備考"}
SKIPPED_KINDS = {Kind.LABEL}  # number and title are drawn on their own


@st.composite
def phrase(draw, max_words: int = 4) -> str:
    """A short line of plan prose (never empty, no leading or trailing space)."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=max_words))
    return "".join(words) + draw(st.sampled_from(["", "する", "を進める", "の導入"]))


def text_value():
    """A prose field: a paragraph or bullet items (model.Text)."""
    return st.one_of(phrase(6), st.lists(phrase(), min_size=1, max_size=3))


@dataclass
class PlanShape:
    """What one drawn plan declares, for the test to check against the site."""

    period: tuple[int, int]
    uses: list[str]
    labels: dict[str, str]
    extra: list[dict]
    theme_ids: list[str]
    departments: list[str]
    plan: dict = field(default_factory=dict)
    initiatives: dict[str, dict] = field(default_factory=dict)


def _years(period: tuple[int, int]):
    return st.integers(period[0], period[1])


@st.composite
def kpi(draw, kpi_id: str, period: tuple[int, int]) -> dict:
    """One measure in a shape real plans use; targets agree with the direction."""
    direction = draw(st.sampled_from(["increase", "decrease"]))
    sign = 1 if direction == "increase" else -1
    unit = draw(st.sampled_from(["件", "%", "人", "分"]))
    # A share stays a share: 1.5 times 60 % is still within 0–100 (validate refuses more).
    base = draw(st.integers(10, 60)) if unit == "%" else draw(st.integers(10, 1000))
    data: dict = {"id": kpi_id, "name": draw(phrase()), "unit": unit, "direction": direction}
    shape = draw(st.sampled_from(["numbers", "relative", "without_year", "qualitative", "reference"]))
    base_fy = period[0]
    if shape != "qualitative" and draw(st.booleans()):
        data["baseline"] = {"fy": base_fy, "value": base}
        if draw(st.booleans()):
            data["baseline"]["as_of"] = f"{base_fy + 1}-03"
    target_fy = draw(st.integers(period[0] + 1, period[1])) if period[1] > period[0] else period[1]
    if shape == "numbers":
        data["targets"] = {target_fy: {"value": base + sign * draw(st.integers(1, 9))}}
    elif shape == "relative":
        data["baseline"] = {"fy": base_fy, "value": base}
        data["targets"] = {target_fy: draw(st.sampled_from([
            {"ratio": 1.5 if sign > 0 else 0.5, "base_fy": base_fy},
            {"change_percent": 20 * sign, "base_fy": base_fy},
            {"change": 5 * sign, "base_fy": base_fy},
        ]))}
    elif shape == "without_year":
        data["target"] = {"value": base + sign * 3, "text": draw(phrase())}
        if draw(st.booleans()):
            data["target"]["by"] = "period_end"
    elif shape == "qualitative":
        data.pop("unit")
        data["targets"] = {target_fy: {"text": draw(phrase())}}
    else:
        data["targets"] = {target_fy: {"value": base + sign * 2}}
        data["references"] = [{"fy": base_fy, "value": base - 1, "text": "〈参考〉" + draw(phrase())}]
    if "baseline" in data and draw(st.booleans()):
        actual = base + sign * draw(st.integers(0, 2))
        data["actuals"] = {target_fy: {"value": actual}}
    if draw(st.integers(0, 3)) == 0:
        # A figure still to be surveyed (「令和6年3月調査予定」): a date as precise as stated, no number.
        planned = {"survey_planned": draw(st.sampled_from([f"{target_fy + 1}-03", str(target_fy + 1)]))}
        if "baseline" not in data:
            data["baseline"] = {"fy": base_fy, **planned}
        else:
            data.setdefault("actuals", {})[target_fy] = planned
    return data


@st.composite
def activity(draw, period: tuple[int, int]) -> dict:
    start, end = sorted(draw(st.lists(_years(period), min_size=2, max_size=2)))
    shape = draw(st.sampled_from(["span", "open", "done", "unstated"]))
    if shape == "done":
        return {"name": draw(phrase()), "done": period[0] - 1}
    data = {"name": draw(phrase()), "start": start, "end": {"open": "open", "unstated": "unstated"}.get(shape, end)}
    if shape == "span" and end > start and draw(st.booleans()):
        # text in a later cell of the same row continues the item (「検討 | 導入・運用」)
        data["cells"] = {draw(st.integers(start + 1, end)): draw(phrase(2))}
    return data


def year_texts(period: tuple[int, int]):
    return st.dictionaries(_years(period), st.one_of(phrase(), st.lists(phrase(), min_size=1, max_size=2)),
                           max_size=3)


@st.composite
def progress(draw, period: tuple[int, int]) -> dict:
    years = draw(st.lists(_years(period), min_size=1, max_size=2, unique=True))
    # A document may write progress without a status (「進捗」 text only), as 江津市's sheets do.
    return {fy: {**({"status": draw(st.sampled_from(STATUSES))} if draw(st.booleans()) else {}),
                 "text": draw(phrase())} for fy in sorted(years)}


@st.composite
def field_value(draw, registry_field: Field, shape: PlanShape, initiative_id: str):
    """A value for one registry field, by its kind; None leaves it out of the file."""
    kind, period = registry_field.kind, shape.period
    if kind is Kind.TEXT:
        return draw(text_value())
    if kind is Kind.REF:
        return draw(st.sampled_from(shape.theme_ids)) if shape.theme_ids else None
    if kind is Kind.REFS:
        if registry_field.vocabulary is Vocabulary.DEPARTMENTS:
            return draw(st.lists(st.sampled_from(shape.departments), min_size=1, max_size=2, unique=True))
        if registry_field.vocabulary is Vocabulary.THEMES and shape.theme_ids:
            return draw(st.lists(st.sampled_from(shape.theme_ids), max_size=2, unique=True)) or None
        return None  # visions and categories: the drawn plans declare none
    if kind is Kind.YEAR_TEXTS:
        return draw(year_texts(period))
    if kind is Kind.ACTIVITIES:
        return draw(st.lists(activity(period), max_size=2)) or None
    if kind is Kind.PROGRESS:
        return draw(progress(period))
    if kind is Kind.KPIS:
        count = draw(st.integers(0, 2))
        return [draw(kpi(f"{initiative_id}-k{n}", period)) for n in range(count)] or None
    if kind is Kind.FISCAL_YEAR:
        return draw(_years(period))
    if kind is Kind.LABEL:
        return draw(phrase())
    raise AssertionError(f"plan_strategies draws no value for kind {kind}: add it here")


@st.composite
def sub_item(draw, shape: PlanShape, initiative_id: str, number: int, position: int) -> dict:
    """A sub-item with fields of its own (a few of those the plan uses), as plans number them."""
    data: dict = {}
    if draw(st.booleans()):
        data["id"] = f"s{position}"
    if "number" in shape.uses:
        data["number"] = "アイウ"[position - 1]
    data["title"] = draw(phrase()) + f"（{number}-{position}）"
    for key in ("departments", "purpose", "schedule", "progress", "kpis"):
        if key in shape.uses and draw(st.booleans()):
            value = draw(field_value(INITIATIVE_FIELDS[key], shape, f"{initiative_id}-s{position}"))
            if value is not None and value != {}:
                data[key] = value
    return data


@st.composite
def theme(draw, theme_id: str, n: int, uses: list[str]) -> dict:
    """A theme as documents write them: a name, or a level with a number and a statement only
    (「<基本方針①>」), and now and then a chapter that names a field its own way."""
    data: dict = {"id": theme_id}
    if draw(st.integers(0, 3)) == 0:
        data.update(number=f"基本方針{'①②③④'[n - 1]}", description=draw(phrase()))
    else:
        data["name"] = draw(phrase()) + f"（{n}）"   # two themes of one plan are told apart by name
    named = [key for key in uses if key in LABELS]
    if named and draw(st.integers(0, 3)) == 0:
        data["labels"] = {draw(st.sampled_from(named)): draw(phrase(2))}
    return data


@st.composite
def plan_shapes(draw, sub_items: bool = False, min_fields: int = 0) -> PlanShape:
    """A whole plan: plan.yml and its initiative files as data (with `sub_items`, some
    initiatives have sub-items with fields of their own; `min_fields`: at least that many
    fields besides the title)."""
    start = draw(st.integers(2019, 2026))
    period = (start, start + draw(st.integers(0, 4)))
    optional = [f.key for f in INITIATIVE_FIELDS if f.key not in ("title", "visions", "categories")]
    uses = ["title"] + draw(st.lists(st.sampled_from(optional), unique=True, min_size=min(min_fields, len(optional)),
                                     max_size=len(optional)))
    uses = [f.key for f in INITIATIVE_FIELDS if f.key in uses]  # registry order, as a plan lists them
    labels = {key: LABELS[key] for key in uses if key in LABELS and draw(st.booleans())}
    extra = []
    for n, kind in enumerate(draw(st.lists(st.sampled_from(plan_kinds()), max_size=2))):
        extra.append({"key": f"own_{n}", "kind": kind, "label": f"独自項目{n + 1}",
                      "place": draw(st.sampled_from(["meta", "body", "closing"]))})
    theme_count = draw(st.integers(0, 3)) if "theme" in uses or "related_themes" in uses else 0
    theme_ids = [f"t{n}" for n in range(theme_count)]
    departments = ["企画課", "市民課", "総務課"][: draw(st.integers(1, 3))]
    shape = PlanShape(period, uses, labels, extra, theme_ids, departments)

    plan: dict = {"format": 2, "municipality": "架空町", "title": draw(phrase()) + "アクションプラン",
                  "period": {"start": period[0], "end": period[1]},
                  "fields": {"uses": uses}}
    if draw(st.integers(0, 4)) == 0:
        del plan["period"]   # a document that states no 計画期間 (its schedule's years are no period)
    if labels:
        plan["fields"]["labels"] = labels
    if extra:
        plan["fields"]["extra"] = extra
    if theme_ids:
        plan["themes"] = [draw(theme(t, n, uses)) for n, t in enumerate(theme_ids, start=1)]
    plan["departments"] = [{"name": d} for d in departments]
    plan["statuses"] = [{"name": s} for s in STATUSES]
    if draw(st.booleans()):
        plan["goals"] = [draw(phrase())]
    ids = [f"i{n}" for n in range(draw(st.integers(1, 4)))]
    plan["initiatives"] = ids
    shape.plan = plan

    for number, initiative_id in enumerate(ids, start=1):
        data: dict = {}
        if "number" in uses:
            data["number"] = draw(st.sampled_from([str(number), f"No.{number}", f"①－{number}"]))
        data["title"] = draw(phrase()) + f"（{number}）"
        for registry_field in INITIATIVE_FIELDS:
            if registry_field.key not in uses or registry_field.kind in SKIPPED_KINDS:
                continue
            if not registry_field.min_items and not draw(st.booleans()):
                continue  # a plan's document often leaves a field empty for one initiative
            value = draw(field_value(registry_field, shape, initiative_id))
            # a per-year table the document draws with empty cells is stated empty (`schedule: {}`)
            if value is not None and (value != {} or registry_field.kind is Kind.YEAR_TEXTS):
                data[registry_field.key] = value
        for own in extra:
            if draw(st.booleans()):
                data[own["key"]] = draw(field_value(Field(own["key"], Kind(own["kind"]), None, 0),
                                                   shape, initiative_id))
        named = [key for key in uses if key in LABELS]
        if named and draw(st.integers(0, 3)) == 0:
            # this initiative's document calls a field its own way (「環境整備」 for the schedule)
            data["labels"] = {draw(st.sampled_from(named)): draw(phrase(2))}
        if sub_items and draw(st.booleans()):
            data["items"] = [draw(sub_item(shape, initiative_id, number, position))
                             for position in range(1, draw(st.integers(1, 2)) + 1)]
        shape.initiatives[initiative_id] = data
    return shape
