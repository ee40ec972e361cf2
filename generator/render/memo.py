"""Results of pure functions of a text (its ふりがな, its inline HTML) kept for the life of
the process, as functools.lru_cache keeps them, and handed on between processes.

The pages of a site repeat most of their texts: labels, dates, departments, list items,
the same initiative in every 版. A build worker starts with what the build's process knew
when it was forked, and hands what it worked out to the build's process with its tasks'
results (`taken`, `add`), so the workers forked after it start with that too (as
compiled.py does for templates) instead of working the same texts out again.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

_MEMOS: dict[str, "Kept"] = {}
_MISSING = object()


class Kept:
    """What one memo keeps: at most `size` results (the oldest go first), which of them were
    worked out here since the last `taken` (so never more than `size` either), and how many
    it worked out."""

    def __init__(self, size: int):
        self.size = size
        self.entries: dict[tuple, Any] = {}
        self.new: dict[tuple, None] = {}   # an ordered set
        self.misses = 0

    def keep(self, args: tuple, value: Any) -> None:
        if len(self.entries) >= self.size:
            oldest = next(iter(self.entries))
            del self.entries[oldest]
            self.new.pop(oldest, None)
        self.entries[args] = value

    def clear(self) -> None:
        self.entries.clear()
        self.new.clear()
        self.misses = 0


def memo(size: int) -> Callable[[Callable], Callable]:
    """Decorator: `function(*args)` worked out once per distinct args (positional only), as
    `functools.lru_cache(size)` does; the wrapper's `kept` is what it keeps. A closure
    rather than a class: a text's lookup costs about what lru_cache's does."""
    def wrap(function: Callable) -> Callable:
        kept = Kept(size)
        get, new = kept.entries.get, kept.new

        @functools.wraps(function)
        def cached(*args):
            value = get(args, _MISSING)
            if value is _MISSING:
                value = function(*args)
                kept.misses += 1
                kept.keep(args, value)
                new[args] = None
            return value

        cached.kept = kept
        _MEMOS[f"{function.__module__}.{function.__qualname__}"] = kept
        return cached
    return wrap


def taken() -> dict[str, dict[tuple, Any]]:
    """What this process worked out since the last call, for `add` in another."""
    out = {}
    for name, kept in _MEMOS.items():
        if kept.new:
            out[name] = {args: kept.entries[args] for args in kept.new}
            kept.new.clear()
    return out


def add(handed: dict[str, dict[tuple, Any]]) -> None:
    """Results another process worked out (`taken` there)."""
    for name, entries in handed.items():
        kept = _MEMOS[name]
        for args, value in entries.items():
            if args not in kept.entries:
                kept.keep(args, value)
