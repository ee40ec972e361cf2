"""Write an imported working copy as the few file changes it is: a file whose data did not
change is not touched (byte-identical, comments and all); a changed file gets only its
changed values (staff/yaml_update.py); a removed initiative's file is deleted. Nothing
else in the folder (chapters, figures/) is touched."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from generator.model.plan import PlanContent
from generator.model.records import initiative_dict, plan_dict
from generator.staff.ledger import follow_umask
from generator.staff.serialize import dump_yaml, schema_hint
from generator.staff.yaml_update import updated_text

INITIATIVES = "initiatives"


def planned_writes(old: PlanContent, new: PlanContent, working: Path, content_root: Path) -> dict[str, str | None]:
    """Path (relative to `working`) → its new text, or None to delete it; only what changes."""
    writes: dict[str, str | None] = {}
    _one(writes, "plan.yml", working, plan_dict(old, [i.id for i in old.initiatives]),
         plan_dict(new, [i.id for i in new.initiatives]), schema_hint(working / "plan.yml", content_root, "plan"))
    hint = schema_hint(working / INITIATIVES / "x.yml", content_root, "initiative")
    before = {i.id: i for i in old.initiatives}
    for initiative in new.initiatives:
        was = before.get(initiative.id)
        _one(writes, f"{INITIATIVES}/{initiative.id}.yml", working,
             initiative_dict(was, old.fields) if was else None, initiative_dict(initiative, new.fields), hint)
    for removed in sorted(set(before) - {i.id for i in new.initiatives}):
        writes[f"{INITIATIVES}/{removed}.yml"] = None
    return writes


def _one(writes: dict, relative: str, working: Path, old: dict | None, new: dict, hint: str) -> None:
    if old == new:
        return
    path = working / relative
    if old is not None and path.is_file():
        writes[relative] = updated_text(path.read_text(encoding="utf-8"), old, new)
    else:
        writes[relative] = dump_yaml(new, hint)


def apply_writes(working: Path, writes: dict[str, str | None]) -> None:
    """Each file replaced whole (a temporary file renamed over it), never half-written."""
    for relative, text in sorted(writes.items()):
        path = working / relative
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
            # mkstemp makes a private file: keep the file's own mode, or the umask's for a new one
            if path.exists():
                os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
            else:
                follow_umask(Path(temporary))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
