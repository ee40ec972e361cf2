"""Rendering units in batches (build/pool.py)."""

from __future__ import annotations

import pytest

from generator.build.pool import make_batches
from generator.build.units import plan_units

from .plans import make_plan


def test_batches_keep_a_plans_units_together_largest_first():
    units = [u for n in range(3) for u in plan_units(make_plan(f"p{n}", "1.0", "1.1"))]
    batches = make_batches(units, jobs=2)
    assert sorted(u.id for b in batches for u in b) == sorted(u.id for u in units)
    sizes = [sum(u.size for u in b) for b in batches]
    assert sizes == sorted(sizes, reverse=True)


def test_an_index_starts_once_its_latest_editions_are_rendered_and_the_portal_before_frozen_batches(tmp_path):
    from generator.build.pool import PartIndex, _Schedule

    plans = [plan_units(make_plan(f"p{n}", "1.0", "1.1")) for n in range(2)]
    latest = [[u for u in units if u.edition.is_latest] for units in plans]
    frozen = [[u for u in units if not u.edition.is_latest] for units in plans]
    keys = {u.id: f"key-{u.id}" for units in plans for u in units}
    cache = tmp_path / "units"
    index = PartIndex(1, tmp_path / "index", [cache / keys[u.id] for u in latest[1]])
    schedule = _Schedule(latest, frozen, [index], keys, cache, [("portal", 0)])
    assert [schedule.next(), schedule.next()] == [("batch", 0), ("batch", 1)]
    schedule.done(("batch", 0))
    assert [schedule.next(), schedule.next()] == [("portal", 0), ("batch", 2)]   # the index waits for batch 1
    schedule.done(("batch", 1))
    task = schedule.next()
    assert task[0] == "index" and task[1].output.is_relative_to(tmp_path / "index")
    assert [schedule.next(), schedule.next()] == [("batch", 3), None]


# ── Renderings: windows rendered by forked workers while the next is loaded ────────────

def _window(tmp_path, *plan_ids: str, **fields):
    from generator.build.pool import WindowWork
    from generator.build.request import BuildRequest
    from .plans import make_site

    units = [u for plan_id in plan_ids for u in plan_units(make_plan(plan_id, "1.0")) if u.edition.is_latest]
    request = BuildRequest(site=make_site(), staging=tmp_path, cache_dir=tmp_path / "cache", fingerprint="f",
                           writer_factory=None, renderer_factory=None, jobs=2)
    return WindowWork(units, [], {u.id: u.id for u in units}, request, **fields)


def _fake_tasks(monkeypatch, tmp_path):
    """Each batch is one unit; a unit of plan "wait" waits (in its worker) until a unit of
    plan "flag" has run; every task notes its plan in ran.txt."""
    import time

    from generator.build import pool

    monkeypatch.setattr(pool, "make_batches", lambda units, jobs, per_job=3, tapered=False: [[u] for u in units])
    flag, ran = tmp_path / "flag", tmp_path / "ran.txt"

    def run(window: int, task: tuple) -> dict:
        plan_id = pool._WORK[window]["batches"][task[1]][0].plan.id
        if plan_id == "flag":
            flag.touch()
        deadline = time.monotonic() + 20
        while plan_id == "wait" and not flag.exists():
            assert time.monotonic() < deadline, "the next window's task never ran beside this one"
            time.sleep(0.01)
        with ran.open("a") as out:
            out.write(plan_id + "\n")
        return {"pages": 1.0}

    monkeypatch.setattr(pool, "_task_phases", run)
    return ran


@pytest.mark.slow
def test_a_free_worker_takes_the_next_windows_task_while_a_window_still_renders(tmp_path, monkeypatch):
    """(slow: forks workers.) Window 1's "wait" task ends only once window 2's "flag" task
    has run, so the build finishes only if a worker starts on window 2 while window 1 renders."""
    from generator.build.pool import Renderings
    from generator.build.request import Timings

    ran = _fake_tasks(monkeypatch, tmp_path)
    done: list[str] = []
    timings = Timings()
    renderings = Renderings(2, timings)
    try:
        renderings.add(_window(tmp_path, "wait", "a", done=lambda: done.append("first")))
        renderings.add(_window(tmp_path, "flag", done=lambda: done.append("second"), last=True))
        renderings.keep_at_most(0)
    finally:
        renderings.close()
    assert sorted(ran.read_text().split()) == ["a", "flag", "wait"]
    assert sorted(done) == ["first", "second"] and timings.phases["pages"] == 3.0


@pytest.mark.slow
def test_a_second_worker_starts_warm_while_the_build_loads_and_at_once_when_it_does_not(tmp_path, monkeypatch):
    """(slow: forks workers.) While the build's process loads the next window (a core's
    work), a window's second worker is forked once the first has handed back what it
    compiled and worked out, not cold beside it. Once the last window is added, or the
    build waits for the workers, every worker starts at once: "wait" ends only once "flag",
    the next task, has run beside it."""
    from generator.build.pool import Renderings
    from generator.build.request import Timings

    ran = _fake_tasks(monkeypatch, tmp_path)
    for later in ("last window", "waiting"):
        renderings = Renderings(2, Timings())
        try:
            renderings.add(_window(tmp_path, "wait", "x", "flag"))   # "x" waits behind "wait"
            assert len(renderings.workers.busy) == 1
            if later == "last window":
                renderings.add(_window(tmp_path, "a", last=True))
                assert len(renderings.workers.busy) == 2
            renderings.keep_at_most(0)
        finally:
            renderings.close()
    assert sorted(ran.read_text().split()) == ["a", "flag", "flag", "wait", "wait", "x", "x"]


@pytest.mark.slow
def test_while_the_build_loads_a_worker_has_a_batch_queued_behind_the_one_it_runs(tmp_path, monkeypatch):
    """(slow: forks workers.) The build's process answers its workers only between plans
    while it loads, so a worker has its next batch already; once it waits, one at a time
    (so the last batches go to whichever worker is free)."""
    from generator.build.pool import Renderings
    from generator.build.request import Timings

    ran = _fake_tasks(monkeypatch, tmp_path)
    renderings = Renderings(2, Timings())
    try:
        renderings.add(_window(tmp_path, "a", "b", "c", "d"))
        [worker] = renderings.workers.busy
        assert worker.tasks == [("batch", 0), ("batch", 1)]
        renderings.keep_at_most(0)
    finally:
        renderings.close()
    assert sorted(ran.read_text().split()) == ["a", "b", "c", "d"]


@pytest.mark.slow
def test_closing_mid_window_ends_its_workers_and_removes_its_index_folders(tmp_path, monkeypatch):
    from generator.build.pool import PartIndex, Renderings
    from generator.build.request import Timings

    _fake_tasks(monkeypatch, tmp_path)
    folder = tmp_path / "index"
    folder.mkdir()
    renderings = Renderings(2, Timings())
    renderings.add(_window(tmp_path, "wait", done=lambda: pytest.fail("a window left unfinished is never done")))
    renderings.windows[1][0].indexes.append(PartIndex(1, folder, []))
    [worker] = renderings.workers.busy
    renderings.close()
    assert not worker.process.is_alive() and not folder.exists() and not renderings.windows


def test_with_one_job_a_window_is_rendered_and_done_when_added(tmp_path, monkeypatch):
    from generator.build.pool import Renderings
    from generator.build.request import Timings

    ran = _fake_tasks(monkeypatch, tmp_path)
    done: list[str] = []
    renderings = Renderings(1, Timings())
    renderings.add(_window(tmp_path, "a", "flag", done=lambda: done.append(ran.read_text())))
    assert done == ["a\nflag\n"] and not renderings.windows


def test_the_last_batches_taper_down_to_one_unit_with_not_many_more_batches(tmp_path):
    """The build's last batches: a share of what is left each, so the workers' last ones
    are single units and they finish together, in about as many writer runs as batches
    of even size."""
    units = [u for n in range(48) for u in plan_units(make_plan(f"p{n}", "1.0", "1.1", "1.2"))]
    frozen = [u for u in units if not u.edition.is_latest]
    tapered = make_batches(frozen, jobs=2, tapered=True)
    in_order = sorted(tapered, key=lambda b: frozen.index(b[0]))
    assert [u.id for b in in_order for u in b] == [u.id for u in frozen]   # consecutive, all of them
    sizes = [sum(u.size for u in b) for b in tapered]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] >= 10 * sizes[-1]
    assert [len(b) for b in tapered[-4:]] == [1, 1, 1, 1]
    assert len(tapered) <= 2 * len(make_batches(frozen, jobs=2, per_job=6))


def _page_template():
    from jinja2 import DictLoader, Environment

    from generator.render import compiled

    env = Environment(loader=DictLoader({"page.html": "{{ task }} of window {{ window }}"}),
                      bytecode_cache=compiled.PAGE_TEMPLATES)
    return env.get_template("page.html")


def _compile_a_template(window: int, task: tuple) -> dict:
    """A task that compiles a page template in its worker, as a batch's first page does."""
    _page_template().render(task=task, window=window)
    return {"pages": 1.0}


@pytest.mark.slow
def test_templates_a_worker_compiled_reach_the_workers_forked_after_it(tmp_path, monkeypatch):
    """(slow: forks workers.) The build's process keeps what its workers compiled, so a
    later window's workers, forked from it, load those templates rather than compile them."""
    from generator.build import pool
    from generator.build.pool import Renderings
    from generator.build.request import Timings
    from generator.render import compiled

    monkeypatch.setattr(pool, "make_batches", lambda units, jobs, per_job=3, tapered=False: [[u] for u in units])
    monkeypatch.setattr(pool, "_task_phases", _compile_a_template)
    monkeypatch.setattr(compiled, "PAGE_TEMPLATES", compiled.MemoryBytecodeCache())
    renderings = Renderings(2, Timings())
    try:
        renderings.add(_window(tmp_path, "a"))
        renderings.keep_at_most(0)
    finally:
        renderings.close()
    from jinja2 import Environment

    def never(*args):
        raise AssertionError("compiled again in the build's process")

    monkeypatch.setattr(Environment, "_compile", never)
    assert _page_template().render(task="t", window=2) == "t of window 2"


@pytest.mark.slow
def test_texts_a_worker_worked_out_reach_the_workers_forked_after_it(tmp_path, monkeypatch):
    """(slow: forks workers.) The build's process keeps the texts its workers worked out
    (render/memo.py: ふりがな, inline HTML), so a later window's workers start with them."""
    from generator.build import pool
    from generator.build.pool import Renderings
    from generator.build.request import Timings
    from generator.render import memo

    monkeypatch.setattr(memo, "_MEMOS", {})
    worked_out: list[str] = []

    @memo.memo(16)
    def reading(text: str) -> str:
        worked_out.append(text)
        return f"reading of {text}"

    def task(window: int, task: tuple) -> dict:
        reading(pool._WORK[window]["batches"][task[1]][0].plan.id)
        return {"pages": 1.0}

    monkeypatch.setattr(pool, "make_batches", lambda units, jobs, per_job=3, tapered=False: [[u] for u in units])
    monkeypatch.setattr(pool, "_task_phases", task)
    renderings = Renderings(2, Timings())
    try:
        renderings.add(_window(tmp_path, "a", "b"))
        renderings.keep_at_most(0)
    finally:
        renderings.close()
    assert [reading("a"), reading("b")] == ["reading of a", "reading of b"] and worked_out == []


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_each_batch_is_handed_on_once_rendered_before_its_window_is_done(tmp_path, monkeypatch, jobs):
    """(jobs 2 is slow: forks workers.) What a batch rendered is linked into staging as it
    comes (driver.py), so the end of a window leaves only its last batch to link."""
    from generator.build.pool import Renderings
    from generator.build.request import Timings

    _fake_tasks(monkeypatch, tmp_path)
    seen: list[str] = []
    renderings = Renderings(jobs, Timings())
    try:
        renderings.add(_window(tmp_path, "a", "b", "flag", rendered=lambda batch: seen.extend(u.plan.id for u in batch),
                               done=lambda: seen.append("done")))
        renderings.keep_at_most(0)
    finally:
        renderings.close()
    assert sorted(seen[:-1]) == ["a", "b", "flag"] and seen[-1] == "done"


@pytest.mark.slow
def test_a_worker_has_its_next_task_before_the_build_links_what_it_rendered(tmp_path, monkeypatch):
    """(slow: forks workers.) Linking a batch into staging takes the build's process a while;
    the worker that rendered it is given its next task first, so it does not wait."""
    from generator.build import pool
    from generator.build.pool import Renderings
    from generator.build.request import Timings

    _fake_tasks(monkeypatch, tmp_path)
    renderings = Renderings(2, Timings())
    waiting: list[bool] = []

    def rendered(batch) -> None:   # is a worker still on the batch just rendered?
        waiting.append(any(pool._WORK[w.window]["batches"][task[1]] == batch
                           for w in renderings.workers.busy for task in w.tasks))

    try:
        renderings.add(_window(tmp_path, "a", "b", "c", "d", rendered=rendered))
        renderings.keep_at_most(0)
    finally:
        renderings.close()
    assert waiting == [False] * 4
