"""Parts of a portal (load/parts.py): fixed by the plan folders alone, so every shard
agrees on them without loading anything."""

from __future__ import annotations

from generator.load import parts
from generator.load.parts import ContentProblems, has_releases, shard_parts, split_parts
from generator.load.problems import Problems
from generator.load.documents import LoadResult

from tests.unit.build.plans import small_portal


def test_published_plans_make_parts_of_the_configured_size_in_id_order(tmp_path, monkeypatch):
    content = small_portal(tmp_path / "content", ["e", "a", "c", "b", "d"])
    (content / "plans/new/working").mkdir(parents=True)   # nothing published: in no part
    (content / "plans/emptied/releases").mkdir(parents=True)
    dirs = sorted((content / "plans").iterdir())
    monkeypatch.setenv("PLANPUB_SEARCH_PART_PLANS", "2")
    found, unpublished = split_parts(dirs)
    assert [[d.name for d in part] for part in found] == [["a", "b"], ["c", "d"], ["e"]]
    assert [d.name for d in unpublished] == ["emptied", "new"]
    assert has_releases(content / "plans/a") and not has_releases(content / "plans/emptied")
    monkeypatch.delenv("PLANPUB_SEARCH_PART_PLANS")
    assert parts.part_plans() == parts.PART_PLANS and len(split_parts(dirs)[0]) == 2


def test_shards_take_every_nth_part_and_together_all_of_them():
    shards = [shard_parts(7, (k, 3)) for k in (1, 2, 3)]
    assert shards == [[1, 4, 7], [2, 5], [3, 6]]
    assert sorted(sum(shards, [])) == shard_parts(7, None) == list(range(1, 8))
    assert shard_parts(2, (3, 3)) == []


def test_content_problems_carry_the_result():
    result = LoadResult(site=None, plans=[], problems=Problems())
    assert ContentProblems(result).result is result
