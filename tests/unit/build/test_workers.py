"""Forked build workers (build/workers.py). Slow: each test forks processes."""

from __future__ import annotations

import gc
import os
import time

import pytest

from generator.build.workers import WorkerDied, Workers

pytestmark = pytest.mark.slow


def _run(window: int, task):
    kind, value = task
    if kind == "fail":
        raise ValueError(f"task {value} of window {window} failed")
    if kind == "die":
        os._exit(3)
    if kind == "frozen":
        return window, gc.get_freeze_count(), os.getpid()
    if kind == "wait":
        while not os.path.exists(value):
            time.sleep(0.01)
    return window, value, os.getpid()


def _drain(workers: Workers) -> list:
    results = []
    while workers.busy:
        for worker, _, value in workers.finished(block=True):
            results.append(value)
            workers.stop(worker)
    return results


def test_each_task_runs_in_a_worker_of_its_window_and_its_value_comes_back():
    workers = Workers(2, _run)
    try:
        workers.start(1, ("ok", "a"))
        workers.start(2, ("ok", "b"))
        assert workers.free == 0
        results = _drain(workers)
        assert sorted(r[:2] for r in results) == [(1, "a"), (2, "b")]
        assert all(pid != os.getpid() for _, _, pid in results) and len({r[2] for r in results}) == 2
    finally:
        workers.close()


def test_a_worker_collects_only_what_it_made_and_the_build_all_it_has():
    """What a worker inherits is frozen for its collector (the build's process has it and
    frees it), so the worker's collections do not walk every loaded plan, nor copy the
    memory pages they sit on; the build's process freezes nothing."""
    inherited = [[n] for n in range(1000)]   # objects the collector tracks
    workers = Workers(1, _run)
    try:
        workers.start(1, ("frozen", None))
        assert gc.get_freeze_count() == 0
        [value] = _drain(workers)
        assert value[1] >= len(inherited)
    finally:
        workers.close()


def test_a_worker_given_another_task_keeps_its_process():
    workers = Workers(1, _run)
    try:
        workers.start(1, ("ok", "a"))
        [(worker, _, first)] = workers.finished(block=True)
        workers.give(worker, ("ok", "b"))
        [(worker, _, second)] = workers.finished(block=True)
        workers.stop(worker)
        assert first[2] == second[2] and second[1] == "b" and workers.free == 1
    finally:
        workers.close()


def test_tasks_given_while_a_worker_runs_one_are_run_after_it_in_order(tmp_path):
    """Each reply comes back with its task, in the order given."""
    workers = Workers(1, _run)
    flag = tmp_path / "flag"
    try:
        workers.start(1, ("wait", str(flag)))
        [worker] = workers.busy
        workers.give(worker, ("ok", "b"))
        workers.give(worker, ("ok", "c"))
        assert workers.finished(block=False) == [] and len(worker.tasks) == 3
        flag.touch()
        replies = []
        while worker.tasks:
            replies += [(task, value[1]) for _, task, value in workers.finished(block=True)]
        workers.stop(worker)
        assert replies == [(("wait", str(flag)), str(flag)), (("ok", "b"), "b"), (("ok", "c"), "c")]
    finally:
        workers.close()


def test_a_task_that_raises_raises_in_the_build_and_a_dead_worker_is_an_error():
    workers = Workers(1, _run)
    try:
        workers.start(1, ("fail", 7))
        with pytest.raises(ValueError, match="task 7 of window 1 failed"):
            workers.finished(block=True)
    finally:
        workers.close()
    workers.start(1, ("die", 0))
    with pytest.raises(WorkerDied) as died:
        workers.finished(block=True)
    assert died.value.exitcode == 3
    workers.close()


def test_closing_ends_a_worker_in_the_middle_of_its_task(tmp_path):
    workers = Workers(1, _run)
    workers.start(1, ("wait", str(tmp_path / "never")))
    process = workers.busy[0].process
    assert workers.finished(block=False) == []
    workers.close()
    assert not process.is_alive() and workers.busy == [] and workers.free == 1


def _note_end(path: str) -> None:
    with open(path, "a") as out:
        out.write(f"ended {os.getpid()}\n")


def test_a_worker_told_to_end_runs_finish_first(tmp_path):
    import functools

    notes = tmp_path / "notes"
    workers = Workers(1, _run, functools.partial(_note_end, str(notes)))
    try:
        workers.start(1, ("ok", "a"))
        [(worker, _, (_, _, pid))] = workers.finished(block=True)
        workers.stop(worker)
    finally:
        workers.close()
    assert notes.read_text() == f"ended {pid}\n"


def test_a_forked_worker_never_uses_its_parents_search_indexer(monkeypatch):
    from generator.build import search_index

    monkeypatch.setattr(search_index, "_shared", "the parent's")
    workers = Workers(1, lambda window, task: search_index._shared)
    try:
        workers.start(1, "any")
        [(_, _, seen)] = workers.finished(block=True)
    finally:
        workers.close()
    assert seen is None
