"""Model → canonical content files (staff/serialize.py): the loader reads back what was
written; block style, literal blocks for several lines, the editor's $schema line."""

from __future__ import annotations

from generator.staff.serialize import dump_yaml, schema_hint, write_content
from generator.validate import load_valid_site


def test_multi_line_text_is_a_literal_block_and_nothing_is_wrapped():
    text = dump_yaml({"title": "申請", "purpose": "一行目\n二行目", "notes": "あ" * 300}, "../schema/x.json")
    assert text.startswith("# yaml-language-server: $schema=../schema/x.json\n")
    assert "purpose: |-\n  一行目\n  二行目\n" in text and ("あ" * 300) in text


def test_the_schema_hint_is_relative_to_the_file(tmp_path):
    root = tmp_path / "content"
    assert schema_hint(root / "plans/p/working/initiatives/a.yml", root, "initiative") == \
        "../../../../schema/initiative.schema.json"


def test_written_content_loads_back_the_same(loaded, basic_content):
    plan = loaded.site.plans[0]
    target = basic_content / "plans/sample/working"
    for path in target.rglob("*.yml"):
        path.unlink()
    written = write_content(plan.working, target, basic_content)
    assert {p.name for p in written} >= {"plan.yml", "online.yml"}
    again = load_valid_site(basic_content)
    assert not again.problems and again.site.plans[0].working == plan.working
