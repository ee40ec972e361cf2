"""The cache of frozen 版 (load/release_cache.py): reused only when loading again would
give the same result; an entry that is damaged, foreign or for another key is a miss.
(A poisoned entry left by a real build: tests/test_cache_safety.py.)"""

from __future__ import annotations

import shutil

from generator.load.release_cache import ReleaseCache
from generator.validate import load_valid_site


def test_the_cache_gives_the_same_model_as_the_files(basic_content, tmp_path):
    cache = ReleaseCache(tmp_path / "releases", "test")
    from_files = load_valid_site(basic_content, cache)
    from_cache = load_valid_site(basic_content, cache)
    assert not from_files.problems and not from_cache.problems
    for cold, hot in zip(from_files.plans, from_cache.plans):
        assert cold.plan.snapshots == hot.plan.snapshots
        for version in cold.contents:
            assert cold.contents[version].plan_doc.lines == hot.contents[version].plan_doc.lines
            assert {k: d.lines for k, d in cold.contents[version].initiative_docs.items()} == \
                {k: d.lines for k, d in hot.contents[version].initiative_docs.items()}


def test_problems_found_in_a_cached_edition_keep_their_lines(basic_content, tmp_path):
    """The rules across files run on cached 版 too: a line from the cache must be the file's."""
    cache = ReleaseCache(tmp_path / "releases", "test")
    load_valid_site(basic_content, cache)
    hot = load_valid_site(basic_content, cache)
    doc = hot.plans[0].contents["1.1"].initiative_docs["online"]
    text = doc.path.read_text(encoding="utf-8").splitlines()
    assert text[doc.line_of(("title",)) - 1].startswith("title:")
    assert text[doc.line_of(("kpis", 0, "id")) - 1].strip().startswith("- id:")


def test_an_entry_is_used_only_for_its_key_and_a_damaged_one_is_a_miss(basic_content, tmp_path):
    cache = ReleaseCache(tmp_path / "releases", "test")
    load_valid_site(basic_content, cache)
    release = basic_content / "plans/sample/releases/1.0"
    key = cache.key(release)
    assert cache.get(key, release) is not None
    other_program = ReleaseCache(tmp_path / "releases", "another program")
    assert other_program.key(release) != key and other_program.get(other_program.key(release), release) is None
    assert ReleaseCache(tmp_path / "releases", "test", refresh=True).get(key, release) is None
    entry = tmp_path / "releases" / f"{key}.json"
    entry.write_bytes(entry.read_bytes()[:-10])          # truncated: its checksum no longer matches
    assert cache.get(key, release) is None


def test_the_key_changes_with_the_manifest_and_the_place(basic_content, tmp_path):
    cache = ReleaseCache(tmp_path / "releases", "test")
    release = basic_content / "plans/sample/releases/1.0"
    key = cache.key(release)
    moved = tmp_path / "elsewhere"
    shutil.copytree(release, moved)
    assert cache.key(moved) != key                       # messages name paths
    (release / "manifest.json").write_text("{}", encoding="utf-8")
    assert cache.key(release) != key
