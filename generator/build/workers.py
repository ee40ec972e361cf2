"""Forked worker processes, each serving the tasks of one window of plans (pool.py).

A worker is forked when a task of its window needs one, so it sees every plan the build
has loaded by then, including a window loaded while other workers were rendering the one
before: the next window's workers start the moment a worker is free, instead of after
every worker of the previous window has finished (what a pool per window would do).
A worker keeps serving its window's tasks while there are any, so the caches it warms
(templates, Markdown, ふりがな) serve all of them; then it ends. The templates it compiled and
the texts it worked out (render/memo.py) go back with its tasks' results (pool.py), so the
workers forked after it start with them.

The build's process has no threads, so forking it is safe (a ProcessPoolExecutor runs a
thread, and forking while one runs can deadlock).
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Callable


class WorkerDied(Exception):
    """A worker process ended in the middle of a task (killed, out of memory)."""

    def __init__(self, exitcode: int | None):
        super().__init__(f"a build worker process ended unexpectedly (exit code {exitcode})")
        self.exitcode = exitcode


@dataclass
class _Worker:
    window: int
    process: multiprocessing.process.BaseProcess
    connection: Connection
    tasks: list = field(default_factory=list)   # given and not finished, the one it runs first


class Workers:
    """At most `jobs` workers, all busy: each runs `run(window, task)` in its process and
    sends back what it returns (or raises), task after task in the order given (a task
    given while it runs one waits in its pipe); `finish()` runs in a worker told to end
    (what it started ends with it, and is waited for)."""

    def __init__(self, jobs: int, run: Callable[[int, Any], Any], finish: Callable[[], None] = lambda: None):
        self.jobs = jobs
        self.run, self.finish = run, finish
        self.busy: list[_Worker] = []
        self.ended: list[_Worker] = []   # told to end, joined on close
        self._context = multiprocessing.get_context("fork")

    @property
    def free(self) -> int:
        return self.jobs - len(self.busy)

    def start(self, window: int, task: Any) -> _Worker:
        """Run `task` of `window` in a new worker (there must be a free one)."""
        assert self.free > 0
        mine, theirs = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(self.run, self.finish, window, theirs), daemon=True)
        # What the worker inherits is frozen for its collector: its collections then walk
        # only what it makes, and leave the inherited objects' memory pages shared rather
        # than copied (the build's process, which unfreezes at once, collects them).
        gc.freeze()
        try:
            process.start()
        finally:
            gc.unfreeze()
        theirs.close()   # so that the worker's end closing (it ended) is seen here
        mine.send(task)
        worker = _Worker(window, process, mine, [task])
        self.busy.append(worker)
        return worker

    def finished(self, block: bool) -> list[tuple[_Worker, Any, Any]]:
        """(worker, task, what it returned) of tasks finished by now, one per worker; with
        `block`, wait for one. A task's exception is raised here; a worker that died is
        WorkerDied."""
        ready = wait([w.connection for w in self.busy], timeout=None if block else 0)
        done = []
        for worker in [w for w in self.busy if w.connection in ready]:
            try:
                failed, value = worker.connection.recv()
            except (EOFError, OSError):
                worker.process.join()
                raise WorkerDied(worker.process.exitcode) from None
            if failed:
                raise value
            done.append((worker, worker.tasks.pop(0), value))
        return done

    def give(self, worker: _Worker, task: Any) -> None:
        """Another task of the worker's window, run after those it has."""
        worker.tasks.append(task)
        worker.connection.send(task)

    def stop(self, worker: _Worker) -> None:
        """End a worker that has nothing more to do (no task left)."""
        assert not worker.tasks
        worker.connection.send(None)
        worker.connection.close()
        self.busy.remove(worker)
        self.ended.append(worker)

    def close(self) -> None:
        """End every worker (after a failure, even in the middle of a task)."""
        for worker in self.busy:
            worker.process.terminate()
            worker.connection.close()
        for worker in self.busy + self.ended:
            worker.process.join()
        self.busy.clear()
        self.ended.clear()


def _serve(run: Callable[[int, Any], Any], finish: Callable[[], None], window: int, connection: Connection) -> None:
    while (task := connection.recv()) is not None:
        try:
            reply = (False, run(window, task))
        except BaseException as exc:   # sent back to be raised in the build's process
            reply = (True, exc)
        try:
            connection.send(reply)
        except (pickle.PicklingError, TypeError, AttributeError):
            connection.send((True, RuntimeError(repr(reply[1]))))
    finish()
