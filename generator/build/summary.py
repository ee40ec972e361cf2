"""What the portal needs of a plan, and no more: its 版 (the revision log, for the feeds
and the list of archived search bundles) and its latest 版's name, period and fields (for
the plan list and the menus). The build keeps one summary per plan instead of the plan,
and a shard writes its plans' summaries into its output (SUMMARY_FOLDER, removed by the
merge), so `--merge` makes the portal without loading any content.

Summaries are JSON (generator/load/datacodec.py for the values YAML gave), data only.
Unsharded builds make the portal from the same decoded summaries, so a merged portal is
the same bytes.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import fields
from pathlib import Path

from generator.load import datacodec
from generator.model.fields import for_plan as fields_for_plan
from generator.model.plan import NextStage, Plan, PlanContent, PublicComment, Text, Version

SUMMARY_FOLDER = "_planpub-summaries"   # in a shard's output (not hidden: CI artefacts keep it); the merge removes it
FORMAT = 1
CONTENT_KEYS = ("municipality", "title", "period_start", "period_end", "subtitle", "adoption", "fields_declaration")
TEXT_KEYS = {"summary", "notes", "source"}


class SummaryError(Exception):
    """A shard output without (readable) summaries: not made by `--shard` of this version."""


def encode(plan: Plan, search_part: int) -> dict:
    content = plan.snapshots[plan.latest.id]
    versions = []
    for version in plan.versions:
        entry = {}
        for f in fields(Version):
            value = getattr(version, f.name)
            if f.name in TEXT_KEYS:
                value = None if value is None else {"items": list(value.items), "is_list": value.is_list}
            elif f.name == "omits":
                value = list(value)
            elif f.name == "public_comment" and value is not None:   # stage facts (issue 18)
                value = {"start": value.start, "end": value.end,
                         "excludes": None if value.excludes is None else
                         {"items": list(value.excludes.items), "is_list": value.excludes.is_list}}
            elif f.name == "next_stage" and value is not None:
                value = {"status": value.status, "date": value.date}
            entry[f.name] = value
        versions.append(entry)
    return {"format": FORMAT, "id": plan.id, "search_part": search_part, "versions": versions,
            "latest": datacodec.encode({key: getattr(content, key) for key in CONTENT_KEYS})}


def decode(data: dict) -> tuple[Plan, int]:
    """(the plan with its latest 版's summary as its only snapshot, its search part)."""
    try:
        if data.get("format") != FORMAT:
            raise SummaryError("format")
        versions = []
        for entry in data["versions"]:
            values = dict(entry)
            for key in TEXT_KEYS:
                if values.get(key) is not None:
                    values[key] = Text(tuple(values[key]["items"]), values[key]["is_list"])
            values["omits"] = tuple(values.get("omits") or ())
            if values.get("public_comment"):
                comment = values["public_comment"]
                excludes = comment["excludes"]
                values["public_comment"] = PublicComment(comment["start"], comment["end"], Text(
                    tuple(excludes["items"]), excludes["is_list"]) if excludes else None)
            if values.get("next_stage"):
                values["next_stage"] = NextStage(**values["next_stage"])
            versions.append(Version(**values))
        latest = datacodec.decode(data["latest"])
        content = PlanContent(**latest, fields=fields_for_plan({"fields": latest["fields_declaration"]}))
        plan = Plan(id=data["id"], versions=versions, snapshots={})
        plan.snapshots[plan.latest.id] = content
        return plan, int(data["search_part"])
    except (KeyError, TypeError, ValueError, AttributeError, datacodec.DecodeError) as exc:
        raise SummaryError(str(exc)) from None


def round_trip(summary: dict) -> tuple[Plan, int]:
    """The plan as the portal sees it (also in an unsharded build: the same bytes as a merge)."""
    return decode(json.loads(json.dumps(summary, ensure_ascii=False)))


def write_summaries(site_dir: Path, summaries: list[dict]) -> None:
    folder = site_dir / SUMMARY_FOLDER
    folder.mkdir(exist_ok=True)
    for summary in summaries:
        (folder / f"{summary['id']}.json").write_text(json.dumps(summary, ensure_ascii=False, sort_keys=True),
                                                      encoding="utf-8")


def take_summaries(site_dir: Path) -> list[tuple[Plan, int]]:
    """The summaries the shards left in a merged folder, in plan-id order (the folder is
    removed: it is not part of the site)."""
    folder = site_dir / SUMMARY_FOLDER
    if not folder.is_dir():
        raise SummaryError(f"{folder} is missing")
    try:
        found = [decode(json.loads(path.read_text(encoding="utf-8"))) for path in sorted(folder.glob("*.json"))]
    except (OSError, ValueError) as exc:
        raise SummaryError(str(exc)) from None
    shutil.rmtree(folder)
    return sorted(found, key=lambda pair: pair[0].id)
