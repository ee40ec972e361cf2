"""tests/slowest_files.txt (the files started first, tests/conftest.py) names test files that
exist: a renamed file would silently lose its place at the front of the run."""

from __future__ import annotations

from pathlib import Path

from .conftest import SLOWEST_FILES

TESTS = Path(__file__).resolve().parent


def test_every_file_named_first_exists():
    assert SLOWEST_FILES, "tests/slowest_files.txt is empty"
    assert [name for name in SLOWEST_FILES if not (TESTS / name).is_file()] == []
    assert len(set(SLOWEST_FILES)) == len(SLOWEST_FILES)


def test_the_files_run_slowest_first(request):
    """In the order of the list, then the others as collected; each file's tests together."""
    files = list(dict.fromkeys(item.path.relative_to(TESTS).as_posix() for item in request.session.items))
    listed = [name for name in files if name in SLOWEST_FILES]
    assert files[:len(listed)] == sorted(listed, key=SLOWEST_FILES.index)
    runs = [path for i, path in enumerate(item.path for item in request.session.items)
            if i == 0 or path != request.session.items[i - 1].path]
    assert len(runs) == len(files)   # each file's tests one after another
