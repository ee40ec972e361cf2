"""Results of pure functions of a text, kept and handed on between processes (render/memo.py)."""

from __future__ import annotations

import pytest

from generator.render import memo


@pytest.fixture
def counted(monkeypatch):
    """A memo of its own (the registry restored afterwards) counting the real calls."""
    monkeypatch.setattr(memo, "_MEMOS", {})
    calls: list[str] = []

    @memo.memo(3)
    def shout(text: str, mark: str = "!") -> str:
        calls.append(text)
        return text.upper() + mark

    return shout, calls


def test_each_text_is_worked_out_once_and_the_oldest_goes_when_full(counted):
    shout, calls = counted
    assert [shout("a"), shout("b"), shout("a"), shout("a", "?")] == ["A!", "B!", "A!", "A?"]
    assert calls == ["a", "b", "a"] and shout.kept.misses == 3
    shout("c")   # a fourth: ("a",) the oldest, goes
    assert shout("b") == "B!" and calls == ["a", "b", "a", "c"]
    shout("a")
    assert calls == ["a", "b", "a", "c", "a"] and len(shout.kept.entries) == 3
    assert list(memo.taken().values()) == [{("a", "?"): "A?", ("c",): "C!", ("a",): "A!"}]   # what it keeps


def test_what_one_process_worked_out_serves_another_without_working_it_out_again(counted):
    shout, calls = counted
    shout("a"), shout("b")
    handed = memo.taken()
    assert handed == {next(iter(memo._MEMOS)): {("a",): "A!", ("b",): "B!"}}
    assert memo.taken() == {}   # only what is new since the last time
    shout.kept.clear()
    memo.add(handed)
    assert shout("a") == "A!" and calls == ["a", "b"]
    assert memo.taken() == {}   # handed over, not worked out here: not handed on again


def test_what_is_handed_over_never_replaces_what_is_kept(counted):
    shout, _ = counted
    shout("a")
    memo.add({next(iter(memo._MEMOS)): {("a",): "something else", ("z",): "Z!"}})
    assert shout("a") == "A!" and shout("z") == "Z!"
