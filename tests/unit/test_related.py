"""「関連する取組」 means explicit relations only (the `related:` field), never "shares a theme"."""

from pathlib import Path

from generator.i18n import set_language
from generator.pages.sections import related_initiatives
from generator.validate import load_valid_site

ROOT = Path(__file__).resolve().parent.parent.parent


def test_related_lists_the_named_initiatives_and_those_naming_this_one(basic_content):
    online = basic_content / "plans/sample/working/initiatives/online.yml"
    online.write_text(online.read_text(encoding="utf-8") + "related: [reservation]\n", encoding="utf-8")
    set_language("ja")
    result = load_valid_site(basic_content)
    assert not result.problems
    working = result.site.plans[0].working
    by_id = {i.id: i for i in working.initiatives}
    assert by_id["online"].related == ["reservation"]
    assert [i.id for i in related_initiatives(working, by_id["online"])] == ["reservation"]
    assert [i.id for i in related_initiatives(working, by_id["reservation"])] == ["online"]   # named by online
    # paperless shares the theme service with online (cross-listed there) but is not related.
    assert related_initiatives(working, by_id["paperless"]) == []


def test_the_sample_has_no_implicit_relations():
    # kashima used to list 25 "related" initiatives (its whole theme) on one page.
    set_language("ja")
    result = load_valid_site(ROOT / "content")
    for plan in result.site.plans:
        for content in plan.snapshots.values():
            for initiative in content.initiatives:
                assert related_initiatives(content, initiative) == [], initiative.id
