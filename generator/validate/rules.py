"""Cross-reference rules that a schema cannot express.

Each rule reads the model plus the source documents (for line numbers) and adds
problems; none stops at the first one.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

from generator.i18n import msg
from generator.model import fiscal, region_code
from generator.load.documents import LoadedContent, LoadedPlan
from generator.model.schema import FIGURE_SRC_PATTERN
from generator.validate.markup import anchor_ids, find_images, find_links, find_raw_html
from generator.model.fields import ALWAYS_USED, INITIATIVE_FIELDS, Field, Kind, Vocabulary
from generator.model.kinds import kind_of
from generator.pages import urls
from generator.pages.kinds import PageKind, Scope
from generator.pages.opendata import INITIATIVES, KPIS, SCHEDULE
from generator.model.plan import Kpi, Site
from generator.model.text_safety import nfc
from generator.model.versions import history_id
from generator.load.problems import Problems
from generator.load.yamlfile import YamlDocument, format_path

SAFE_LINK_SCHEMES = {"http", "https", "mailto", "tel"}
FIGURE_SRC = re.compile(FIGURE_SRC_PATTERN)


def check_loaded_plan(loaded: LoadedPlan, site: Site, problems: Problems) -> None:
    if urls.is_reserved_plan_id(loaded.plan.id):
        problems.add(loaded.directory, None, "", msg("errors.reserved_plan_id", value=loaded.plan.id),
                     msg("hints.reserved_plan_id", names=", ".join(sorted(urls.RESERVED_PLAN_IDS))),
                     code="reserved_plan_id")
    for content in list(loaded.contents.values()) + ([loaded.working] if loaded.working else []):
        check_content(content, site, problems)
    check_versions(loaded, site, problems)
    for doc in [*loaded.release_docs.values(), *([loaded.history_doc] if loaded.history_doc else [])]:
        _check_text_markup(doc, problems)   # 改訂内容 and summaries are shown as Markdown too


def _add(problems: Problems, doc: YamlDocument, path: tuple, key: str, hint_key: str,
         code: str, hint_params: dict | None = None, **params) -> None:
    problems.add(doc.path, doc.line_of(path), format_path(path), msg(f"errors.{key}", **params),
                 msg(f"hints.{hint_key}", **(hint_params or {})), code=code)


def check_content(loaded: LoadedContent, site: Site, problems: Problems) -> None:
    content = loaded.content
    plan_doc = loaded.plan_doc
    if content.period_stated and content.period_start > content.period_end:
        _add(problems, plan_doc, ("period",), "period_reversed", "period_reversed", "period_reversed",
             start=content.period_start, end=content.period_end)

    _check_field_declaration(plan_doc, problems)
    _check_region_code(plan_doc, problems)
    theme_entries, vision_entries = _theme_and_vision_paths(plan_doc.data.get("themes", []), ("themes",))
    theme_ids = _check_unique_ids(plan_doc, problems, msg("ui.id_kinds.theme"), theme_entries)
    vision_ids = _check_unique_ids(plan_doc, problems, msg("ui.id_kinds.vision"), vision_entries)
    chapter_ids = set()
    for index, chapter in enumerate(plan_doc.data.get("chapters", [])):
        if chapter["id"] in urls.RESERVED_CHAPTER_IDS:
            _add(problems, plan_doc, ("chapters", index, "id"), "reserved_chapter_id", "reserved_chapter_id",
                 "reserved_chapter_id", value=chapter["id"],
                 hint_params={"names": ", ".join(sorted(urls.RESERVED_CHAPTER_IDS))})
        if chapter["id"] in chapter_ids:
            _add(problems, plan_doc, ("chapters", index, "id"), "duplicate_id", "duplicate_id", "duplicate_id",
                 value=chapter["id"], kind=msg("ui.id_kinds.chapter"))
        chapter_ids.add(chapter["id"])

    _check_names(plan_doc, problems, msg("ui.fields.departments"),
                 [(d["name"], ("departments", i, "name")) for i, d in enumerate(plan_doc.data.get("departments", []))])
    _check_names(plan_doc, problems, msg("ui.fields.categories"),
                 [(c, ("categories", i)) for i, c in enumerate(plan_doc.data.get("categories", []))])
    _check_names(plan_doc, problems, msg("workbook.choices.statuses"),
                 [(st["name"], ("statuses", i, "name")) for i, st in enumerate(plan_doc.data.get("statuses", []))])
    categories = set(content.categories)
    departments = {d.name for d in content.departments}
    statuses = [s.name for s in (content.statuses or site.statuses)]
    kpi_seen: dict[str, str] = {}
    for index, kpi in enumerate(content.kpis):
        _check_kpi(kpi, plan_doc, ("kpis", index), content, problems, kpi_seen)

    order = plan_doc.data.get("initiatives")
    if order:
        for index, iid in enumerate(order):
            # A file that exists but could not be read has its own problem: not "missing" too.
            if iid not in loaded.initiative_docs and not _initiative_file_exists(loaded, iid):
                _add(problems, plan_doc, ("initiatives", index), "order_unknown", "order_unknown", "order_unknown",
                     value=iid)
        for iid in loaded.initiative_docs:
            if iid not in order:
                _add(problems, plan_doc, ("initiatives",), "order_missing", "order_missing", "order_missing",
                     value=iid)

    _check_unique_numbers(loaded, problems)
    vocabularies = {Vocabulary.THEMES: theme_ids, Vocabulary.VISIONS: vision_ids,
                    Vocabulary.CATEGORIES: categories, Vocabulary.DEPARTMENTS: departments,
                    Vocabulary.INITIATIVES: set(loaded.initiative_docs)}
    for initiative in content.initiatives:
        _check_initiative(initiative, (), loaded.initiative_docs[initiative.id], content, vocabularies, statuses,
                          problems, kpi_seen)
    for theme, path in _theme_paths(plan_doc.data.get("themes", []), ("themes",)):
        if not theme.get("name") and not theme.get("number"):
            _add(problems, plan_doc, path, "theme_unnamed", "theme_unnamed", "theme_unnamed", value=theme["id"])
        _check_scoped_labels(theme.get("labels") or {}, content, plan_doc, path, problems)
        for fy in theme.get("schedule", {}):
            _check_year(int(fy), content, plan_doc, path + ("schedule", fy), problems)
    for theme in content.all_themes():
        for index, kpi in enumerate(theme.kpis):
            path = next(p for t, p in _theme_paths(plan_doc.data.get("themes", []), ("themes",)) if t["id"] == theme.id)
            _check_kpi(kpi, plan_doc, path + ("kpis", index), content, problems, kpi_seen)

    _check_chapters(loaded, problems)
    for doc in [plan_doc, *loaded.initiative_docs.values()]:
        _check_text_markup(doc, problems)
        if content.format < 2:
            _check_format(doc, problems, loaded.directory.parent.name)


def _initiative_file_exists(loaded: LoadedContent, initiative_id: str) -> bool:
    folder = loaded.directory / "initiatives"
    return any((folder / f"{initiative_id}{suffix}").exists() or (folder / f"{initiative_id}{suffix}").is_symlink()
               for suffix in (".yml", ".yaml"))


def _check_initiative(initiative, prefix: tuple, doc: YamlDocument, content, vocabularies: dict, statuses: list,
                      problems: Problems, kpi_seen: dict) -> None:
    """Every field of an initiative (and of its sub-items, at `prefix` + items[i]) by its kind."""
    def at(*parts):
        return prefix + parts

    for field in content.fields:   # what to check of a value is its kind's to say (model/kinds.py)
        kind = kind_of(field.kind)
        value = field.value(initiative) or kind.empty
        if value is None:
            continue
        if field.vocabulary is not None:
            _check_references(field, kind.entries(value), vocabularies[field.vocabulary], doc, problems, prefix)
        for where, fy in kind.years(value):
            _check_year(fy, content, doc, at(field.key, *where), problems)
        for where, code, hint_params, params in kind.findings(value, statuses):
            _add(problems, doc, at(field.key, *where), code, code, code, hint_params=hint_params, **params)
        for index, kpi in enumerate(kind.measures(value)):
            _check_kpi(kpi, doc, at(field.key, index), content, problems, kpi_seen)
    _check_scoped_labels(initiative.labels, content, doc, prefix, problems)
    seen: set[str] = set()
    for index, item in enumerate(initiative.items):
        if item.local_id in seen:
            _add(problems, doc, at("items", index, "id"), "duplicate_id", "duplicate_id", "duplicate_id",
                 value=item.local_id, kind=msg("ui.id_kinds.item"))
        seen.add(item.local_id)
        _check_initiative(item, at("items", index), doc, content, vocabularies, statuses, problems, kpi_seen)


def _check_scoped_labels(labels: dict, content, doc: YamlDocument, path: tuple, problems: Problems) -> None:
    """A theme or an initiative names only fields the plan has (its `labels`)."""
    for key in labels:
        if key not in content.fields:
            _add(problems, doc, path + ("labels", key), "scoped_label_unknown", "scoped_label_unknown",
                 "scoped_label_unknown", hint_params={"keys": ", ".join(f.key for f in content.fields)}, value=key)


def _check_unique_numbers(loaded: LoadedContent, problems: Problems) -> None:
    """Two initiatives of one 版 with the same number (No.5) are a copying mistake: citizens
    and the workbook find an initiative by its number."""
    seen: dict[str, str] = {}
    for initiative in loaded.content.initiatives:
        if not initiative.number:
            continue
        number = str(initiative.number).strip()
        if number in seen:
            _add(problems, loaded.initiative_docs[initiative.id], ("number",), "duplicate_number", "duplicate_number",
                 "duplicate_number", value=number, other=seen[number])
        else:
            seen[number] = loaded.initiative_docs[initiative.id].path.name


def _theme_paths(items: list, prefix: tuple):
    """(theme data, key path) of every theme of plan.yml, in document order."""
    for i, item in enumerate(items):
        yield item, prefix + (i,)
        yield from _theme_paths(item.get("children", []), prefix + (i, "children"))


# The problem code (and message key) for an entry outside each vocabulary.
UNKNOWN = {Vocabulary.THEMES: "unknown_theme", Vocabulary.VISIONS: "unknown_vision",
           Vocabulary.CATEGORIES: "unknown_category", Vocabulary.DEPARTMENTS: "unknown_department",
           Vocabulary.INITIATIVES: "unknown_initiative"}


def _check_references(field: Field, named: list, known: set[str], doc: YamlDocument, problems: Problems,
                      prefix: tuple = ()) -> None:
    """A field of a vocabulary may only name entries its vocabulary (in plan.yml) declares
    (`named`: the kind's (path within the value, entry) pairs)."""
    code = UNKNOWN[field.vocabulary]
    entries = [(prefix + (field.key, *where), item) for where, item in named]
    seen: dict[str, int] = {}
    for position, (path, item) in enumerate(entries, start=1):
        if item is None:
            continue
        if nfc(item) in seen:   # 担当課 twice: a copied column, or the same name typed again
            _add(problems, doc, path, "duplicate_in_list", "duplicate_in_list", "duplicate_in_list", value=item,
                 first=seen[nfc(item)], second=position)
            continue
        seen[nfc(item)] = position
        if item not in known:
            declared = next((k for k in known if nfc(k) == nfc(item)), None)
            if declared is not None:
                _add(problems, doc, path, "reference_not_normalised", "reference_not_normalised",
                     "reference_not_normalised", value=item, declared=declared, kind=field.label)
            else:
                _add(problems, doc, path, code, code, code, value=item)


def _check_names(doc: YamlDocument, problems: Problems, kind: str, entries: list[tuple[str, tuple]]) -> None:
    """Names of a vocabulary (担当課, 区分, 進捗状況) differ after NFC: two that look the same
    would show as two groups of one department."""
    seen: dict[str, tuple[str, tuple]] = {}
    for name, path in entries:
        key = nfc(name)
        if key in seen:
            other, other_path = seen[key]
            _add(problems, doc, path, "vocabulary_collision", "vocabulary_collision", "vocabulary_collision",
                 kind=kind, value=name, other=other, line=doc.line_of(other_path))
        else:
            seen[key] = (name, path)


def _check_field_declaration(doc: YamlDocument, problems: Problems) -> None:
    """plan.yml `fields`: a plan's own fields need keys of their own, and names go to
    fields the plan has."""
    spec = doc.data.get("fields") or {}
    standard = {f.key for f in INITIATIVE_FIELDS}
    extra_keys = set()
    for index, extra in enumerate(spec.get("extra") or []):
        key = extra["key"]
        if key in standard or key in extra_keys or key in NOT_FIELD_KEYS:
            _add(problems, doc, ("fields", "extra", index, "key"), "field_key_taken", "field_key_taken",
                 "field_key_taken", value=key)
        extra_keys.add(key)
    uses = set(spec.get("uses") or standard) | ALWAYS_USED
    for key in spec.get("labels") or {}:
        if key not in uses and key not in extra_keys:
            _add(problems, doc, ("fields", "labels", key), "field_label_unknown", "field_label_unknown",
                 "field_label_unknown", value=key)
    for index, key in enumerate(spec.get("expect") or []):
        if key not in uses:
            _add(problems, doc, ("fields", "expect", index), "field_expect_unknown", "field_expect_unknown",
                 "field_expect_unknown", value=key)


# Keys an initiative file has besides its fields (none today; reserved for the format).
NOT_FIELD_KEYS = {"id", "items", "extra", "labels"}


def _check_region_code(doc: YamlDocument, problems: Problems) -> None:
    """A 全国地方公共団体コード whose check digit does not match is a typo (the schema has
    already refused anything but six digits)."""
    code = doc.data.get("region_code")
    if isinstance(code, str) and re.fullmatch(region_code.PATTERN, code) and not region_code.is_valid(code):
        _add(problems, doc, ("region_code",), "region_code_check_digit", "region_code_check_digit",
             "region_code_check_digit", {"expected": region_code.expected(code)}, value=code)


def _theme_and_vision_paths(items: list, prefix: tuple) -> tuple[list, list]:
    """(id, key path) of every theme and every vision, in document order."""
    themes, visions = [], []
    for i, item in enumerate(items):
        themes.append((item["id"], prefix + (i, "id")))
        for j, vision in enumerate(item.get("visions", [])):
            visions.append((vision["id"], prefix + (i, "visions", j, "id")))
        child_themes, child_visions = _theme_and_vision_paths(item.get("children", []), prefix + (i, "children"))
        themes += child_themes
        visions += child_visions
    return themes, visions


def _check_unique_ids(doc: YamlDocument, problems: Problems, kind: str, entries: list[tuple[str, tuple]]) -> set[str]:
    seen: set[str] = set()
    for value, path in entries:
        if value in seen:  # report the later occurrence; the first one is the original
            _add(problems, doc, path, "duplicate_id", "duplicate_id", "duplicate_id", value=value, kind=kind)
        seen.add(value)
    return seen


def _check_year(fy: int, content, doc: YamlDocument, path: tuple, problems: Problems) -> None:
    if content.period_stated and fy not in content.period:
        _add(problems, doc, path, "year_outside_period", "year_outside_period", "year_outside_period",
             value=fy, start=content.period_start, end=content.period_end)


def _check_kpi(kpi: Kpi, doc: YamlDocument, path: tuple, content, problems: Problems,
               seen: dict[str, str]) -> None:
    where = doc.path.name
    if kpi.id in seen:
        _add(problems, doc, path + ("id",), "duplicate_id", "duplicate_id", "duplicate_id", value=kpi.id,
             kind=msg("ui.id_kinds.kpi", file=seen[kpi.id]))
    seen.setdefault(kpi.id, where)
    stated = [(("targets", fy), "targets", v) for fy, v in kpi.targets.items()] + \
        [(("actuals", fy), "actuals", v) for fy, v in kpi.actuals.items()] + \
        ([(("target",), "targets", kpi.target)] if kpi.target else [])
    for where_in_kpi, kind, value in stated:
        if isinstance(where_in_kpi[-1], int):
            _check_year(where_in_kpi[-1], content, doc, path + where_in_kpi, problems)
        if kpi.unit and value.value is None and not value.relative and not value.text and not value.survey_planned:
            _add(problems, doc, path + where_in_kpi, "kpi_value_needs_number", "kpi_value_needs_number",
                 "kpi_value_needs_number", unit=kpi.unit, kind=msg(f"ui.{kind[:-1]}"))
        if kind == "targets" and value.relative:
            _check_relative(kpi, value, doc, path + where_in_kpi, problems)
    if kpi.target is not None and isinstance(kpi.target.by, int):
        _check_year(kpi.target.by, content, doc, path + ("target", "by"), problems)
    _check_percent(kpi, doc, path, problems)
    _check_direction(kpi, doc, path, problems)
    _check_survey_planned(kpi, doc, path, problems)


_FIGURE_NAMES = {"baseline": "ui.baseline", "actuals": "ui.actual", "references": "ui.kpi_references",
                 "targets": "ui.target", "target": "ui.target"}


def _check_survey_planned(kpi: Kpi, doc: YamlDocument, path: tuple, problems: Problems) -> None:
    """A figure still to be surveyed has no figure yet: a number, words or an as-of date beside
    it would say both that it exists and that it does not."""
    for where, value in _stated_values(kpi):
        if not value.survey_planned:
            continue
        parts = [name for name in ("value", "text", "as_of") if getattr(value, name) not in (None, "")]
        if parts:
            _add(problems, doc, path + where + ("survey_planned",), "kpi_survey_with_figure",
                 "kpi_survey_with_figure", "kpi_survey_with_figure", kind=msg(_FIGURE_NAMES[where[0]]),
                 date=value.survey_planned, parts=", ".join(parts))


PERCENT_UNIT = "%"   # (full-width too) a share of a whole; a measure that may pass 100 names its unit otherwise


def _stated_values(kpi: Kpi) -> list[tuple[tuple, object]]:
    """(key path within the KPI, KpiValue) of every figure the KPI states."""
    return ([(("baseline",), kpi.baseline)] if kpi.baseline else []) + \
        [(("targets", fy), v) for fy, v in kpi.targets.items()] + \
        ([(("target",), kpi.target)] if kpi.target else []) + \
        [(("actuals", fy), v) for fy, v in kpi.actuals.items()] + \
        [(("references", i), v) for i, v in enumerate(kpi.references)]


def _check_percent(kpi: Kpi, doc: YamlDocument, path: tuple, problems: Problems) -> None:
    """Figures that cannot be true (docs/format-spec.md, 「単位が % の指標」): with the unit %,
    a value is a share from 0 to 100, and a value of at most 1 among others above 1 is a
    ratio written for a percentage (0.8 for 80); a change can never be below -100% (a ratio
    above 0 is the schema's)."""
    stated = _stated_values(kpi)
    for where, value in stated:
        if value.change_percent is not None and value.change_percent < -100:
            _add(problems, doc, path + where + ("change_percent",), "change_below_minus_100", "change_below_minus_100",
                 "change_below_minus_100", value=value.change_percent)
    if kpi.unit is None or unicodedata.normalize("NFKC", kpi.unit).strip() != PERCENT_UNIT:
        return
    numbers = [(where, value.value) for where, value in stated if isinstance(value.value, (int, float))]
    above_one = any(number > 1 for _, number in numbers)
    for where, number in numbers:
        if not 0 <= number <= 100:
            _add(problems, doc, path + where + ("value",), "percent_out_of_range", "percent_out_of_range",
                 "percent_out_of_range", value=number, unit=kpi.unit)
        elif above_one and 0 < number < 1:
            _add(problems, doc, path + where + ("value",), "percent_as_ratio", "percent_as_ratio", "percent_as_ratio",
                 value=number, percent=f"{number * 100:g}", unit=kpi.unit)


def _check_relative(kpi: Kpi, target, doc: YamlDocument, path: tuple, problems: Problems) -> None:
    """A relative target names its base year (its value may not be measured yet) and moves
    the way the indicator should."""
    if target.base_fy is None:
        _add(problems, doc, path, "kpi_relative_needs_base", "kpi_relative_needs_base", "kpi_relative_needs_base")
    if kpi.direction not in ("increase", "decrease"):
        return
    increase = kpi.direction == "increase"
    for name, value, neutral in (("change_percent", target.change_percent, 0), ("change", target.change, 0),
                                 ("ratio", target.ratio, 1)):
        if value is not None and value != neutral and (value > neutral) != increase:
            _add(problems, doc, path + (name,), "kpi_change_sign", "kpi_change_sign", "kpi_change_sign",
                 value=value, direction=msg(f"ui.{kpi.direction}"))


def _check_direction(kpi: Kpi, doc: YamlDocument, path: tuple, problems: Problems) -> None:
    """Numeric targets must move the right way: from the baseline and from year to year."""
    if kpi.direction not in ("increase", "decrease"):
        return
    better_or_equal = (lambda a, b: a >= b) if kpi.direction == "increase" else (lambda a, b: a <= b)
    previous_value, previous_label = None, None
    if kpi.baseline is not None and kpi.baseline.value is not None:
        previous_value = kpi.baseline.value
        previous_label = f"{msg('ui.baseline')} {kpi.baseline.value}"
    for fy in sorted(kpi.targets):
        value = kpi.targets[fy].value
        if value is None:
            continue
        if previous_value is not None and not better_or_equal(value, previous_value):
            _add(problems, doc, path + ("targets", fy, "value"), "kpi_wrong_direction", "kpi_wrong_direction",
                 "kpi_wrong_direction", fy=fy, value=value, direction=msg(f"ui.{kpi.direction}"),
                 other=previous_label)
        previous_value, previous_label = value, msg("ui.target_of_year", fy=fy, value=value)


def _check_chapters(loaded: LoadedContent, problems: Problems) -> None:
    """Chapters may use Markdown only (no raw HTML) and link only to pages that exist, and
    to a heading or footnote of a chapter (#…) that it has."""
    content = loaded.content
    valid_targets = _internal_targets(loaded)
    anchors = {urls.page("", PageKind.CHAPTER, c.id): anchor_ids(c.markdown) for c in content.chapters}
    for chapter in content.chapters:
        path = loaded.chapter_paths[chapter.id]
        for line, tag in find_raw_html(chapter.markdown):
            problems.add(path, line, "", msg("errors.raw_html", value=tag), msg("hints.raw_html"), code="raw_html")
        for line, target in find_links(chapter.markdown):
            scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", target)
            if scheme:
                if scheme.group(1).lower() not in SAFE_LINK_SCHEMES:
                    problems.add(path, line, "", msg("errors.unsafe_link", value=target), msg("hints.unsafe_link"),
                                 code="unsafe_link")
                continue  # external links are not checked
            page = urls.page("", PageKind.CHAPTER, chapter.id) if target.startswith("#") else _normalise_link(target)
            if not target.startswith("#") and page not in valid_targets:
                problems.add(path, line, "", msg("errors.chapter_link_broken", value=target),
                             msg("hints.chapter_link_broken"), code="chapter_link_broken")
                continue
            fragment = unquote(target.partition("#")[2])
            # Headings of chapters are known here; other pages' anchors are checked by planpub check.
            if fragment and page in anchors and fragment not in anchors[page]:
                known = msg("ui.list_separator").join(f"#{a}" for a in sorted(anchors[page])[:10]) or msg("withdraw.none")
                problems.add(path, line, "", msg("errors.anchor_missing", value=target, fragment=fragment),
                             msg("hints.anchor_missing", anchors=known), code="anchor_missing")
        for line, alt, source in find_images(chapter.markdown):
            if not alt:
                problems.add(path, line, "", msg("errors.figure_needs_alt", value=source), msg("hints.figure_needs_alt"),
                             code="figure_needs_alt")
            if not FIGURE_SRC.fullmatch(source) or source.rsplit("/", 1)[-1] not in content.figures:
                problems.add(path, line, "", msg("errors.figure_missing", value=source), msg("hints.figure_missing"),
                             code="figure_missing")


# What format 2 added (a plan written in format 1 — no `format:` in plan.yml — cannot use
# it until `planpub upgrade` declares format 2; frozen 版 are never rewritten).
FORMAT_2_KEYS = {"fields", "goals", "version_policy", "items", "target", "references", "ratio", "change", "done",
                 "labels"}
FORMAT_2_THEME_KEYS = {"schedule", "kpis"}


def _check_format(doc: YamlDocument, problems: Problems, plan_id: str) -> None:
    def walk(value, path, in_theme=False):
        if isinstance(value, dict):
            for key, item in value.items():
                newer = key in FORMAT_2_KEYS or (in_theme and key in FORMAT_2_THEME_KEYS) or \
                    (key == "end" and item == "open")
                if newer:
                    _add(problems, doc, path + (key,), "needs_format_2", "needs_format_2", "needs_format_2", value=key,
                         hint_params={"plan": plan_id, "content": problems.content_option()})
                else:
                    walk(item, path + (key,), in_theme=key in ("themes", "children"))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, path + (index,), in_theme)
    walk(doc.data, ())


def _check_text_markup(doc: YamlDocument, problems: Problems) -> None:
    """Text fields are Markdown: an HTML tag or comment in them would show as code to citizens
    (or hide text), so each is refused with its line. Their links are checked as chapters'
    are: only http(s), mailto and tel; and no link within the site, since the same text is
    shown on pages at different depths (the initiative, the list, the print page, each
    past 版), where a relative link or a #… would lead to different places."""
    def walk(value, path):
        if isinstance(value, str):
            for _, tag in find_raw_html(value):
                _add(problems, doc, path, "raw_html_in_text", "raw_html", "raw_html_in_text", value=tag,
                     field=format_path(path))
            for _, target in find_links(value):
                scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", target)
                if scheme and scheme.group(1).lower() not in SAFE_LINK_SCHEMES:
                    _add(problems, doc, path, "unsafe_link", "unsafe_link", "unsafe_link", value=target)
                elif not scheme:
                    _add(problems, doc, path, "link_in_text", "link_in_text", "link_in_text", value=target)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, path + (index,))
    walk(doc.data, ())


def _internal_targets(loaded: LoadedContent) -> set[str]:
    """Links a chapter (served at <plan>/<chapter>/) may use, resolved relative to the plan
    root: every edition page, every initiative and chapter, and the edition's open data."""
    content = loaded.content
    targets = {urls.page("", kind) for kind in PageKind if kind.scope is Scope.EDITION}
    # Every initiative file counts, even one with its own problems, to avoid follow-on errors.
    initiatives_dir = loaded.directory / "initiatives"
    if initiatives_dir.is_dir():
        targets.update(urls.page("", PageKind.INITIATIVE, p.stem) for p in initiatives_dir.glob("*.yml"))
    targets.update(urls.page("", PageKind.CHAPTER, c.id) for c in content.chapters)
    targets.update(urls.data_file("", name) + "/" for name in ("plan.json", INITIATIVES, SCHEDULE, KPIS))
    return targets


def _normalise_link(target: str) -> str:
    """'../initiatives/bpr/#x' (relative to a chapter page) -> 'initiatives/bpr/'."""
    target = target.split("#", 1)[0].split("?", 1)[0]
    if target.startswith("../"):
        target = target[3:]
    elif target and not target.startswith("/"):
        target = "__chapter__/" + target  # relative to the chapter itself: never a page
    if target.endswith(".md"):
        target = target[:-3] + "/"
    if target and not target.endswith("/"):
        target += "/"
    return target


def check_versions(loaded: LoadedPlan, site: Site, problems: Problems) -> None:
    """版 labels are unique per stage (the adopted plan may reuse its draft's number), stages
    are from the site's vocabulary, dates go forward, and an undated 版 says where it goes."""
    history_doc = loaded.history_doc
    entries: list[tuple[dict, YamlDocument, tuple]] = []
    if history_doc:
        entries += [(entry, history_doc, ("versions", index)) for index, entry in enumerate(history_doc.data["versions"])]
    entries += [(doc.data, doc, ()) for doc in loaded.release_docs.values()]
    statuses = {s.id for s in site.version_statuses}
    seen: dict[tuple[str, str | None], str] = {}
    for data, doc, path in entries:
        label = str(data["label"]) if data.get("label") is not None else None
        status = data.get("status")
        following = (data.get("next_stage") or {}).get("status")
        for where, stage in ((("status",), status), (("next_stage", "status"), following)):
            if stage is not None and stage not in statuses:
                _add(problems, doc, path + where, "unknown_version_status", "unknown_version_status",
                     "unknown_version_status",
                     hint_params={"choices": msg("ui.list_separator").join(sorted(statuses))}, value=stage)
        _check_public_comment(data.get("public_comment"), doc, path, problems)
        if label is None:
            continue
        if (label, status) in seen:
            _add(problems, doc, path + ("label",), "duplicate_label", "duplicate_label", "duplicate_label", value=label)
        seen[(label, status)] = doc.path.name

    # history.yml lists 版 in order; a date earlier than the entry above it is a mistake.
    if history_doc:
        _check_history_ids(history_doc, set(loaded.release_docs), problems)
        previous = None
        for index, entry in enumerate(history_doc.data["versions"]):
            if entry.get("date") is None:
                continue
            date = str(entry["date"])
            label = history_id(entry)
            if previous and fiscal.period_end(date) < fiscal.period_start(previous[1]):
                _add(problems, history_doc, ("versions", index, "date"), "version_date_order", "version_date_order",
                     "version_date_order", label=label, date=date, prev_label=previous[0],
                     prev_date=previous[1])
            previous = (label, date)
    known = ({label for label, _ in seen} | set(loaded.release_docs)
             | {history_id(entry) for entry in (history_doc.data["versions"] if history_doc else [])})
    for data, doc, path in entries:
        if data.get("date") is not None:
            continue
        if not data.get("precedes"):
            _add(problems, doc, path, "version_undated", "version_undated", "version_undated")
        elif data["precedes"] not in known:
            _add(problems, doc, path + ("precedes",), "version_precedes_unknown", "version_precedes_unknown",
                 "version_precedes_unknown", value=data["precedes"])
    _check_precedes_cycles(entries, problems)


def _check_history_ids(history_doc: YamlDocument, release_ids: set[str], problems: Problems) -> None:
    """A history.yml entry without a number is known by its date: it needs one, and no other
    版 may already be known by that date (give one of them a `name`… and its number, if stated)."""
    taken = set(release_ids) | {str(e["label"]) for e in history_doc.data["versions"] if e.get("label") is not None}
    for index, entry in enumerate(history_doc.data["versions"]):
        if entry.get("label") is not None:
            continue
        version_id = history_id(entry)
        if version_id is None:
            _add(problems, history_doc, ("versions", index), "version_unnamed", "version_unnamed", "version_unnamed")
        elif version_id in taken:
            _add(problems, history_doc, ("versions", index, "date"), "version_date_taken", "version_date_taken",
                 "version_date_taken", value=version_id)
        taken.add(version_id or "")


def _check_public_comment(comment: dict | None, doc: YamlDocument, path: tuple, problems: Problems) -> None:
    """A comment period that ends before it starts (each date as precise as stated)."""
    if not comment or comment.get("start") is None or comment.get("end") is None:
        return
    start, end = str(comment["start"]), str(comment["end"])
    if fiscal.period_end(end) < fiscal.period_start(start):
        _add(problems, doc, path + ("public_comment", "end"), "public_comment_reversed", "public_comment_reversed",
             "public_comment_reversed", start=start, end=end)


def _check_precedes_cycles(entries: list, problems: Problems) -> None:
    """Undated 版 placed before each other in a circle (A precedes B, B precedes A) have no
    order at all: each one in a circle is reported with the circle."""
    follows = {str(data["label"]): str(data["precedes"]) for data, _, _ in entries
               if data.get("date") is None and data.get("precedes") and data.get("label") is not None}
    for data, doc, path in entries:
        label = str(data["label"]) if data.get("label") is not None else None
        if label not in follows:
            continue
        chain, current = [label], follows[label]
        while current in follows and current not in chain:
            chain.append(current)
            current = follows[current]
        if current == label:
            _add(problems, doc, path + ("precedes",), "version_precedes_cycle", "version_precedes_cycle",
                 "version_precedes_cycle", cycle=" → ".join(chain + [label]))
