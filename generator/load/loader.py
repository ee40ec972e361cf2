"""Load a content tree into the model, collecting every problem on the way.

Stages per file: read (encoding) → parse (YAML, duplicate keys) → schema → model.
A file that fails a stage is left out of the model, but all other files are still
loaded and checked, so one run reports everything.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from generator.model import fiscal
from generator.i18n import DEFAULT_LANGUAGE, msg, set_language
from generator.model.plan import (Chapter, Contact, Department, Initiative, NextStage, Plan, PlanContent,
                                  PublicComment, Site, Status, Text, Theme, Version, VersionStatus, Vision)
from generator.model.fields import FieldSet
from generator.model.kinds import kind_of
from generator.model.value_records import kpi_from_dict, stated_date
from generator.model.fields import for_plan as fields_for_plan
from generator.load.documents import LoadedContent, LoadedPlan, LoadResult
from generator.load.problems import Problems
from generator.load.release_cache import CachedDocuments, ReleaseCache
from generator.model.schema import FIGURE_NAME_PATTERN, ID_PATTERN
from generator.load.schema_check import check_schema
from generator.load.ledger import check_ledger
from generator.load.published import check_record
from generator.load.manifest import MANIFEST_NAME, compare_manifest
from generator.model.readings import check_word
from generator.model.text_safety import visible
from generator.model.versions import display_name, history_id, history_label, order_versions
from generator.load.safe_paths import find_symlinks, is_real_dir, link_target
from generator.load.yamlfile import YamlDocument, load_yaml, read_content_bytes, read_text

ID_RE = re.compile(ID_PATTERN)



def load_site(content_dir: Path, cache: ReleaseCache | None = None, shown_root: Path | None = None) -> LoadResult:
    """Load the whole content tree, checking each file on its own (encoding, YAML, schema,
    manifests); the rules across files and 版 are generator.validate's. With `cache`, a
    frozen 版 whose files match its manifest is read from what an earlier run loaded.
    `shown_root`: the folder problems name files from, when not `content_dir` itself (a
    scratch copy checked in place of the real one)."""
    result, plan_dirs = open_site(content_dir, shown_root)
    for plan_dir in plan_dirs:
        add_plan(result, load_plan(plan_dir, result.problems, cache))
    check_record(Path(content_dir), result.problems)   # a whole plan folder deleted with its ledger
    return result


def open_site(content_dir: Path, shown_root: Path | None = None) -> tuple[LoadResult, list[Path]]:
    """site.yml and the plan folders, without loading any plan: the site with no plans yet
    (add them with `add_plan`, one at a time if need be) and the folders of the plans, in
    id order. A large portal's build loads and renders plan by plan (load/parts.py)."""
    content_dir = Path(content_dir)
    problems = Problems(root=content_dir, shown_root=shown_root)
    for link in find_symlinks(content_dir):  # never read nor frozen; each reader refuses it too
        problems.add(link, None, "", msg("errors.symlink", target=link_target(link)), msg("hints.symlink"),
                     code="symlink")
    site_doc = _load_checked(content_dir / "site.yml", "site", problems, required=True)
    site_data = site_doc.data if site_doc else {}
    set_language(site_data.get("language", DEFAULT_LANGUAGE))  # version names, messages

    plans_dir = content_dir / "plans"
    plan_dirs: list[Path] = []
    if not is_real_dir(plans_dir) or not any(is_real_dir(p) for p in plans_dir.iterdir()):
        problems.add(plans_dir, None, "", msg("errors.no_plans"), msg("hints.no_plans"), code="no_plans")
    else:
        for plan_dir in sorted(p for p in plans_dir.iterdir() if is_real_dir(p) and not p.name.startswith(".")):
            if not ID_RE.fullmatch(plan_dir.name):
                problems.add(plan_dir, None, "", msg("errors.bad_plan_id", value=visible(plan_dir.name)),
                             msg("hints.bad_plan_id"), code="bad_plan_id")
                continue
            plan_dirs.append(plan_dir)

    statuses = [Status(s["name"], s.get("description", "")) for s in site_data.get("statuses", [])] \
        or [Status(name) for name in msg("defaults.statuses").split(msg("defaults.separator"))]
    site = Site(
        title=site_data.get("title", ""),
        language=site_data.get("language", "ja"),
        plans=[],
        statuses=statuses,
        current_fy=site_data.get("current_fy") or fiscal.fiscal_year_of(fiscal.build_date()),
        description=site_data.get("description"),
        publisher=site_data.get("publisher"),
        licence=site_data.get("licence"),
        version_statuses=[VersionStatus(s["id"], s["name"]) for s in site_data.get("version_statuses", [])]
        or default_version_statuses(),
    )
    result = LoadResult(site=site if site_doc else None, plans=[], problems=problems, draft_site=site)
    return result, plan_dirs


def add_plan(result: LoadResult, loaded: LoadedPlan | None) -> None:
    if loaded is not None:
        result.plans.append(loaded)
        result.draft_site.plans.append(loaded.plan)


def default_version_statuses() -> list[VersionStatus]:
    """案, パブリックコメント版, 策定 … when site.yml names none (ids are the same in every language)."""
    pairs = [entry.split(":", 1) for entry in msg("defaults.version_statuses").split("|")]
    return [VersionStatus(vid, name) for vid, name in pairs]


def _load_checked(path: Path, schema: str, problems: Problems, required: bool = False,
                  fields: FieldSet | None = None) -> YamlDocument | None:
    if not path.exists():
        if required:
            problems.add(path, None, "", msg("errors.missing_file", name=path.name), "", code="missing_file")
        return None
    doc = load_yaml(path, problems)
    if doc is None:
        return None
    if not check_schema(doc, schema, problems, fields):
        return None
    return doc


def load_plan(plan_dir: Path, problems: Problems, cache: ReleaseCache | None = None) -> LoadedPlan | None:
    versions: list[Version] = []
    history_doc = _load_checked(plan_dir / "history.yml", "history", problems)
    if history_doc:
        for entry in history_doc.data["versions"]:
            label, date = history_label(entry), _date(entry.get("date"))
            version_id = history_id(entry)
            if version_id is None:
                continue  # neither number nor date: validation says so
            versions.append(Version(
                id=version_id, label=label, name=display_name(label, entry.get("name"), version_id, date),
                date=date, notes=Text.of(entry.get("notes")), status=entry.get("status"),
                precedes=entry.get("precedes"),
                document=entry.get("document"), snapshot=False, **stage_facts(entry)))

    loaded = LoadedPlan(plan=Plan(id=plan_dir.name, versions=[], snapshots={}), directory=plan_dir,
                        history_doc=history_doc)
    releases_dir = plan_dir / "releases"
    if is_real_dir(releases_dir):
        for release_dir in sorted(p for p in releases_dir.iterdir() if is_real_dir(p) and not p.name.startswith(".")):
            version = _load_release(release_dir, loaded, problems, cache)
            if version is not None:
                versions.append(version)

    released = {entry.version_id: entry.released for entry in check_ledger(plan_dir, problems) if entry.released}
    versions = [replace(v, released=released[v.id]) if v.id in released and v.snapshot else v for v in versions]
    loaded.plan.readings = _readings(plan_dir / "readings.yml", problems)
    working_dir = plan_dir / "working"
    if is_real_dir(working_dir):
        loaded.working = load_content(working_dir, problems)
        if loaded.working:
            loaded.plan.working = loaded.working.content

    loaded.plan.versions = order_versions(versions)
    return loaded


def _readings(path: Path, problems: Problems) -> tuple[tuple[str, str], ...]:
    """The plan's readings.yml: each word with kanji and its reading in hiragana, the word's
    own kana kept in the reading (so the ruby lines up); every problem with its line."""
    doc = _load_checked(path, "readings", problems)
    if doc is None:
        return ()
    words = []
    for word, reading in doc.data["readings"].items():
        word = str(word)
        problem = check_word(word, reading)
        if problem is None:
            words.append((word, reading))
        else:
            problems.add(path, doc.line_of(("readings", word)), f"readings.{word}",
                         msg(f"errors.reading_{problem}", word=word, reading=reading),
                         msg(f"hints.reading_{problem}"), code=f"reading_{problem}")
    return tuple(sorted(words))


def _load_release(release_dir: Path, loaded: LoadedPlan, problems: Problems,
                  cache: ReleaseCache | None = None) -> Version | None:
    version_id = release_dir.name
    if not ID_RE.fullmatch(version_id):
        problems.add(release_dir, None, "", msg("errors.bad_id", value=visible(version_id)), msg("hints.bad_id"),
                     code="bad_version_id")
        return None
    before = len(problems)
    _check_manifest(release_dir, problems)
    key = cache.key(release_dir) if cache is not None and len(problems) == before else None
    doc = _load_checked(release_dir / "release.yml", "release", problems, required=True)
    cached = cache.get(key, release_dir) if key else None
    content = _from_cache(release_dir, problems, cached) if cached else None
    if content is None:
        before_content = len(problems)
        content = load_content(release_dir, problems)
        if key and content is not None and len(problems) == before_content:
            cache.put(key, content)
    if doc is None:
        return None
    data = doc.data
    loaded.release_docs[version_id] = doc
    label = data.get("label")
    # The folder is the 版's id: its label, unless the label is not URL-safe or a 版 at another
    # stage has it too (the adopted plan reusing its draft's number: 1.0-draft, 1.0).
    if label and ID_RE.fullmatch(label) and label != version_id and data.get("status") is None:
        problems.add(doc.path, doc.line_of(("label",)), "label",
                     msg("errors.version_dir_mismatch", dir=version_id, label=label),
                     msg("hints.version_dir_mismatch"), code="version_dir_mismatch")
    if content is not None:
        loaded.contents[version_id] = content
        loaded.plan.snapshots[version_id] = content.content
    return Version(
        id=version_id, label=label, name=display_name(label, data.get("name"), version_id, _date(data.get("date"))),
        date=_date(data.get("date")), precedes=data.get("precedes"), status=data.get("status"),
        summary=Text.of(data.get("summary")), notes=Text.of(data.get("notes")),
        source=Text.of(data.get("source")), document=data.get("source_url"), snapshot=content is not None,
        omits=tuple(data.get("omits", [])), **stage_facts(data))


def stage_facts(data: dict) -> dict:
    """A 版's stage facts as release.yml or history.yml states them: its public-comment period
    and what it excluded, and the stage planned next with its date."""
    comment, following = data.get("public_comment"), data.get("next_stage")
    return {
        "public_comment": PublicComment(_date(comment.get("start")), _date(comment.get("end")),
                                        Text.of(comment.get("excludes"))) if comment else None,
        "next_stage": NextStage(following["status"], _date(following.get("date"))) if following else None,
    }


MAX_MANIFEST_BYTES = 16 * 1024 * 1024


def _check_manifest(release_dir: Path, problems: Problems) -> None:
    manifest_path = release_dir / MANIFEST_NAME
    if not manifest_path.exists():
        problems.add(manifest_path, None, "", msg("errors.manifest_missing"), msg("hints.manifest_missing"),
                     code="manifest_missing")
        return
    raw = read_content_bytes(manifest_path, problems, MAX_MANIFEST_BYTES)
    if raw is None:
        return
    try:
        manifest = json.loads(raw.decode("utf-8"))
        if not isinstance(manifest.get("files"), dict):
            raise ValueError("no files")
    except (ValueError, UnicodeDecodeError, AttributeError):
        problems.add(manifest_path, None, "", msg("errors.manifest_invalid"), msg("hints.manifest_invalid"),
                     code="manifest_invalid")
        return
    changed, missing, added = compare_manifest(release_dir, manifest)
    for name, key, code in ([(n, "errors.frozen_changed", "frozen_changed") for n in changed]
                            + [(n, "errors.frozen_missing", "frozen_missing") for n in missing]
                            + [(n, "errors.frozen_added", "frozen_added") for n in added]):
        problems.add(release_dir / name, None, "", msg(key, value=f"{release_dir.name}/{name}"),
                     msg("hints.frozen"), code=code)


_date = stated_date   # a date as written ("2026-03-26", "2026-03", "2026")


def _from_cache(release_dir: Path, problems: Problems, cached: CachedDocuments) -> LoadedContent | None:
    """The 版 built from a cache entry's documents, or None when they do not build (an entry
    this program did not write, though it decoded): then the files are read instead."""
    scratch = Problems(root=problems.root, shown_root=problems.shown_root)
    try:
        content = load_content(release_dir, scratch, cached)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        return None
    if scratch or content is None:
        return None
    return content


def load_content(directory: Path, problems: Problems, cached: CachedDocuments | None = None) -> LoadedContent | None:
    """Load plan.yml, its chapters and all initiatives of one content directory (with
    `cached`, the documents an earlier run parsed from these files)."""
    if cached is None:
        plan_doc = _load_checked(directory / "plan.yml", "plan", problems, required=True)
        fields = fields_for_plan(plan_doc.data if plan_doc else None)
        initiative_docs = _load_initiatives(directory / "initiatives", problems, fields)
    else:
        plan_doc, initiative_docs = cached.plan_doc, cached.initiative_docs
        fields = fields_for_plan(plan_doc.data)
    if plan_doc is None:
        return None
    data = plan_doc.data
    content = PlanContent(
        municipality=data["municipality"], title=data["title"], region_code=data.get("region_code"),
        period_start=(data.get("period") or {}).get("start"), period_end=(data.get("period") or {}).get("end"),
        parent_strategy=data.get("parent_strategy"), subtitle=data.get("subtitle"),
        adoption=data.get("adoption", "adopted"), lead=Text.of(data.get("lead")),
        source=Text.of(data.get("source")), source_url=data.get("source_url"), licence=data.get("licence"), theme_levels=list(data.get("theme_levels", [])),
        themes=[_theme(t, None, 0) for t in data.get("themes", [])],
        categories=list(data.get("categories", [])),
        departments=[Department(d["name"], bool(d.get("all", False))) for d in data.get("departments", [])],
        statuses=[Status(s["name"], s.get("description", "")) for s in data.get("statuses", [])],
        kpis=[_kpi(k, None) for k in data.get("kpis", [])], fields=fields,
        format=data.get("format", 1), version_policy=Text.of(data.get("version_policy")),
        goals=Text.of(data.get("goals")), fields_declaration=data.get("fields"),
        contact=Contact(**data["contact"]) if data.get("contact") else None,
    )
    loaded = LoadedContent(directory=directory, content=content, plan_doc=plan_doc,
                           initiative_docs=initiative_docs)
    content.figures = _load_figures(directory / "figures", problems)
    for index, chapter in enumerate(data.get("chapters", [])):
        path = directory / chapter["file"]
        if path.is_symlink():
            continue   # reported by the scan of load_site
        if not path.is_file():
            problems.add(plan_doc.path, plan_doc.line_of(("chapters", index, "file")), f"chapters[{index}].file",
                         msg("errors.chapter_missing", value=chapter["file"]), msg("hints.chapter_missing"),
                         code="chapter_missing")
            continue
        text = cached.chapters.get(chapter["file"]) if cached else None
        if text is None:
            text = read_text(path, problems)
        if text is None:
            continue
        content.chapters.append(Chapter(chapter["id"], chapter["title"], chapter["file"], text))
        loaded.chapter_paths[chapter["id"]] = path

    initiatives = {iid: _initiative(iid, doc.data, content.fields) for iid, doc in initiative_docs.items()}
    order = data.get("initiatives")
    if order:
        content.initiatives = [initiatives[i] for i in order if i in initiatives] + \
            [initiatives[i] for i in sorted(initiatives) if i not in order]
    else:
        content.initiatives = sorted(initiatives.values(), key=_natural_key)
    return loaded


MAX_FIGURE_BYTES = 5 * 1024 * 1024
FIGURE_NAME = re.compile(FIGURE_NAME_PATTERN)


def _load_figures(folder: Path, problems: Problems) -> dict[str, bytes]:
    """The images chapters show (figures/<name>.png …), read as bytes and published as they are."""
    figures: dict[str, bytes] = {}
    if not is_real_dir(folder):
        return figures
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_symlink():
            continue  # reported by the scan of load_site
        if not FIGURE_NAME.fullmatch(path.name) or not path.is_file():
            problems.add(path, None, "", msg("errors.figure_bad_name", value=visible(path.name)), msg("hints.figure_missing"),
                         code="figure_bad_name")
            continue
        data = read_content_bytes(path, problems, MAX_FIGURE_BYTES)
        if data is not None:
            figures[path.name] = data
    return figures


def _natural_key(initiative: Initiative):
    number = initiative.number or ""
    parts = re.split(r"(\d+)", number)
    return ([int(p) if p.isdigit() else p for p in parts], initiative.id)


def _load_initiatives(directory: Path, problems: Problems, fields: FieldSet) -> dict[str, YamlDocument]:
    docs: dict[str, YamlDocument] = {}
    if not is_real_dir(directory):
        return docs
    seen: dict[str, Path] = {}
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix != ".yml":
            problems.add(path, None, "", msg("errors.wrong_extension", value=path.name),
                         msg("hints.wrong_extension"), code="wrong_extension")
            if path.suffix == ".yaml":
                seen.setdefault(path.stem, path)
            continue
        if not ID_RE.fullmatch(path.stem):
            problems.add(path, None, "", msg("errors.bad_file_name", value=visible(path.name)),
                         msg("hints.bad_file_name"), code="bad_file_name")
            continue
        if path.stem in seen:
            problems.add(path, None, "", msg("errors.duplicate_initiative", value=path.stem),
                         msg("hints.duplicate_initiative"), code="duplicate_initiative")
            continue
        seen[path.stem] = path
        doc = _load_checked(path, "initiative", problems, fields=fields)
        if doc is not None:
            docs[path.stem] = doc
    return docs


def _theme(data: dict, parent: str | None, depth: int) -> Theme:
    theme = Theme(
        id=data["id"], name=data.get("name"), number=data.get("number"),
        description=Text.of(data.get("description")), notes=Text.of(data.get("notes")),
        parent_id=parent, depth=depth, labels=dict(data.get("labels") or {}))
    theme.visions = [Vision(v["id"], Text.of(v["text"]), v.get("number"), theme.id) for v in data.get("visions", [])]
    theme.schedule = {int(fy): Text.of(v) for fy, v in data.get("schedule", {}).items()}
    theme.kpis = [replace(_kpi(k, None), theme_id=theme.id) for k in data.get("kpis", [])]
    theme.children = [_theme(c, theme.id, depth + 1) for c in data.get("children", [])]
    return theme


_kpi = kpi_from_dict   # a KPI of the plan or a theme; an initiative's is read by its kind (model/kinds.py)


def _initiative(initiative_id: str, data: dict, fields: FieldSet, parent: str | None = None) -> Initiative:
    """An initiative (or a sub-item) from its schema-valid data: each registered field read by
    its kind; sub-items (`items`) get the id <parent>.<their id or position>."""
    values: dict = {}
    texts: dict[str, Text] = {}
    extra: dict = {}
    for field in fields:
        if field.key in data:
            value = kind_of(field.kind).read(data[field.key], initiative_id)
            {"texts": texts, "extra": extra, "attribute": values}[field.slot(Initiative)][field.key] = value
    empty = frozenset(key for key, value in data.items() if value in ({}, []) and key in fields)
    items = [_initiative(f"{initiative_id}.{item.get('id', index + 1)}", item, fields, initiative_id)
             for index, item in enumerate(data.get("items", []))]
    return Initiative(id=initiative_id, texts=texts, extra=extra, stated_empty=empty, items=items,
                      parent_id=parent, stated_id=data.get("id") if parent else None,
                      labels=dict(data.get("labels") or {}), **values)


