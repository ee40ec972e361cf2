"""The record of plans that have published 版: content/published.yml.

A plan's ledger notices a 版 folder that vanished, but not the whole plan folder deleted
with its ledger. This record, one level up, lists every plan that has a published 版
(`planpub release` adds it, `planpub ledger` writes it for older content, and
`planpub withdraw` takes a plan off once its last 版 is withdrawn): a listed plan without
its folder or ledger is an error; content from before the record gets a note.
"""

from __future__ import annotations

from pathlib import Path

from generator.i18n import msg
from generator.load.ledger import ledger_path, read_ledger_file
from generator.load.problems import Problems
from generator.load.safe_paths import is_real_dir
from generator.load.yamlfile import load_yaml

RECORD_NAME = "published.yml"


def record_path(content_dir: Path) -> Path:
    return content_dir / RECORD_NAME


def read_record(content_dir: Path, problems: Problems) -> list[tuple[str, int | None]] | None:
    """(plan id, line) of every plan listed; None when there is no record or it cannot be read."""
    path = record_path(content_dir)
    if not path.exists() and not path.is_symlink():
        return None
    doc = load_yaml(path, problems)
    if doc is None:
        return None
    plans = doc.data.get("plans") if isinstance(doc.data, dict) else None
    if not isinstance(plans, list) or not all(isinstance(p, str) for p in plans):
        problems.add(path, None, "", msg("errors.published_record_invalid", record=RECORD_NAME),
                     msg("hints.published_record_invalid", path=problems.shown(path)), code="published_record_invalid")
        return None
    return [(plan, doc.line_of(("plans", index))) for index, plan in enumerate(plans)]


def published_plans(content_dir: Path) -> list[str]:
    """Plans of the content folder with at least one published (not withdrawn) 版."""
    plans_dir = content_dir / "plans"
    if not is_real_dir(plans_dir):
        return []
    found = []
    for plan_dir in sorted(p for p in plans_dir.iterdir() if is_real_dir(p) and not p.name.startswith(".")):
        ledger = read_ledger_file(plan_dir, Problems())
        if ledger is not None and ledger.live():
            found.append(plan_dir.name)
    return found


def check_record(content_dir: Path, problems: Problems) -> None:
    path = record_path(content_dir)
    before = len(problems)
    listed = read_record(content_dir, problems)
    published = published_plans(content_dir)
    if listed is None:
        if published and len(problems) == before:
            problems.note(path, None, "", msg("errors.published_record_none", record=RECORD_NAME),
                          msg("hints.published_record_none", record=problems.shown(path),
                              content=problems.content_option()), code="published_record_none")
        return
    for plan, line in listed:
        plan_dir = content_dir / "plans" / plan
        if not is_real_dir(plan_dir) or not ledger_path(plan_dir).is_file():
            problems.add(path, line, "", msg("errors.published_plan_missing", plan=plan),
                         msg("hints.published_plan_missing", path=problems.shown(plan_dir)),
                         code="published_plan_missing")
    for plan in sorted(set(published) - {plan for plan, _ in listed}):
        problems.add(path, None, "", msg("errors.published_plan_unlisted", plan=plan, record=RECORD_NAME),
                     msg("hints.published_plan_unlisted", content=problems.content_option()),
                     code="published_plan_unlisted")
