"""「関連する取組」 means explicit relations only (the `related:` field), never "shares a theme"."""

from generator.i18n import set_language
from generator.model.resolved import EditionKind, resolve_edition, resolve_working
from generator.pages.sections import related_initiatives
from generator.validate import load_valid_site

from tests.conftest import SAMPLE_CONTENT


def test_related_lists_the_named_initiatives_and_those_naming_this_one(basic_content):
    online = basic_content / "plans/sample/working/initiatives/online.yml"
    online.write_text(online.read_text(encoding="utf-8") + "related: [reservation]\n", encoding="utf-8")
    set_language("ja")
    result = load_valid_site(basic_content)
    assert not result.problems
    working = resolve_working(result.site.plans[0])
    by_id = {i.id: i for i in working.initiatives}
    assert by_id["online"].related == ["reservation"]
    assert [i.id for i in related_initiatives(working, by_id["online"])] == ["reservation"]
    assert [i.id for i in related_initiatives(working, by_id["reservation"])] == ["online"]   # named by online
    # paperless shares the theme service with online (cross-listed there) but is not related.
    assert related_initiatives(working, by_id["paperless"]) == []


def test_the_sample_has_no_implicit_relations():
    # kashima used to list 25 "related" initiatives (its whole theme) on one page.
    set_language("ja")
    result = load_valid_site(SAMPLE_CONTENT)
    for plan in result.site.plans:
        for version in plan.snapshot_versions:
            content = resolve_edition(plan, version, EditionKind.FROZEN, result.site)
            for initiative in content.initiatives:
                assert related_initiatives(content, initiative) == [], initiative.id


def test_related_round_trips_through_the_workbook_and_is_checked_there(basic_content):
    from generator.staff.sheets import from_tables, to_tables
    online = basic_content / "plans/sample/working/initiatives/online.yml"
    online.write_text(online.read_text(encoding="utf-8") + "related: [reservation, paperless]\n", encoding="utf-8")
    set_language("ja")
    content = load_valid_site(basic_content).site.plans[0].working
    statuses = [s.name for s in content.statuses]
    tables = {t.name: t for t in to_tables(content, statuses)}
    initiatives, _, problems = from_tables(tables, content, statuses)
    assert problems == []
    assert next(i for i in initiatives if i.id == "online").related == ["reservation", "paperless"]
    sheet = next(t for t in tables.values() if content.fields["related"].table_label in (t.header or []))
    column = sheet.header.index(content.fields["related"].table_label)
    row = next(r for r in sheet.rows if "online" in r)
    row[column] = "reservation\nnowhere"
    _, _, problems = from_tables(tables, content, statuses)
    assert any("nowhere" in str(p) for p in problems)
