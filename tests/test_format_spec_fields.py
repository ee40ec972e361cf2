"""docs/format-spec.md lists the registry's fields as generated from the registry itself, never
written by hand (issue 18): a field added, removed or changed in generator/model/fields.py fails
here until the spec is regenerated (UPDATE_GOLDEN=1)."""

from __future__ import annotations

import os
import re

from generator.model.fields import INITIATIVE_FIELDS, registry_markdown

from .conftest import ROOT

SPEC = ROOT / "docs/format-spec.md"
BLOCK = re.compile(r"(<!-- registry:fields -->\n)(.*?)(<!-- /registry:fields -->)", re.S)


def test_the_format_spec_lists_the_registry_as_generated():
    text = SPEC.read_text(encoding="utf-8")
    found = BLOCK.search(text)
    assert found, "docs/format-spec.md has no registry:fields block"
    if os.environ.get("UPDATE_GOLDEN"):
        SPEC.write_text(BLOCK.sub(lambda m: m.group(1) + registry_markdown() + m.group(3), text), encoding="utf-8")
        return
    assert found.group(2) == registry_markdown()
    assert all(f"| `{f.key}` |" in found.group(2) for f in INITIATIVE_FIELDS)
