"""The local engine: analysis and briefs on a pool of processes, one model load per process."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from corroborator.batch import work
from corroborator.batch.shards import Shard

T = TypeVar("T")
R = TypeVar("R")
LOST_HINT = "killed for memory? give the machine more memory or split the input"


WORKER_OOM_SCORE_ADJ = 500
"""Workers volunteer to the kernel's OOM killer before the driver, which holds the story index (a process
may raise its own score without privileges; lowering the driver's would need them)."""


def _initialise() -> None:
    work.limit_threads()
    volunteer_for_oom_killer()


def volunteer_for_oom_killer(adjustment: int = WORKER_OOM_SCORE_ADJ) -> None:
    """Raise this process's OOM score, where Linux allows it (never lowers it)."""
    try:
        path = "/proc/self/oom_score_adj"
        with open(path, encoding="ascii") as handle:
            current = int(handle.read())
        if current < adjustment:
            with open(path, "w", encoding="ascii") as handle:
                handle.write(str(adjustment))
    except (OSError, ValueError):
        pass


class LocalEngine:
    """`workers=1` runs in this process; more runs a spawn-started process pool (safe with torch)."""

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        if self.workers > 1:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_initialise)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def analyze_shards(self, shards: Iterable[Shard]) -> Iterator[tuple[Shard, list[dict[str, Any]]]]:
        """Analyse shards, yielding each with its records (in its input order) as soon as it is done."""
        yield from self._map(lambda shard: shard.articles, work.analyze_shard, shards)

    def map(
        self, function: Callable[..., R], argument_lists: Iterable[tuple[Any, ...]]
    ) -> list[R | work.LostTask]:
        """`function` over the argument lists, in order. When a worker dies (e.g. killed for memory), the
        pool is restarted and the calls a worker may have held then run one at a time, so only the one that
        kills its worker again is lost; the later calls run on the whole pool again."""
        calls = list(argument_lists)
        if self._pool is None:
            return [function(*arguments) for arguments in calls]
        futures = [self._pool.submit(function, *arguments) for arguments in calls]
        results: list[R | work.LostTask] = []
        for future in futures:
            try:
                results.append(future.result())
            except BrokenProcessPool:
                left = futures[len(results) :]
                finished = {i: f.result() for i, f in enumerate(left) if f.done() and f.exception() is None}
                self._restart()
                return results + self._after_loss(function, calls[len(results) :], finished)
        return results

    def _after_loss(
        self, function: Callable[..., R], calls: list[tuple[Any, ...]], finished: dict[int, R]
    ) -> list[R | work.LostTask]:
        """The calls left when a worker died: those finished keep their results; the first unfinished ones
        (a worker's or the pool's queue's when it died: workers + 1) run alone; the rest on the pool."""
        unfinished = [i for i in range(len(calls)) if i not in finished]
        suspects, later = unfinished[: self.workers + 1], unfinished[self.workers + 1 :]
        outcome: dict[int, R | work.LostTask] = dict(finished)
        for i in suspects:
            outcome[i] = self._call_alone(function, calls[i])
        outcome.update(zip(later, self.map(function, [calls[i] for i in later]), strict=True))
        return [outcome[i] for i in range(len(calls))]

    def _call_alone(self, function: Callable[..., R], arguments: tuple[Any, ...]) -> R | work.LostTask:
        assert self._pool is not None
        try:
            return self._pool.submit(function, *arguments).result()
        except BrokenProcessPool:
            self._restart()
            return work.LostTask(f"its worker process died ({LOST_HINT})")

    def _restart(self) -> None:
        self.__exit__()
        self.__enter__()

    def _map(
        self, payload: Callable[[T], Any], function: Callable[[Any], R], items: Iterable[T]
    ) -> Iterator[tuple[T, R]]:
        """`function` over the items' payloads, yielding each item with its result as soon as it is done.

        At most two calls a worker are in the pool at a time, and a finished call is handed on at once: a
        slow item (a shard with a 2 MB article) holds back only its own worker, not the next items."""
        if self._pool is None:
            for item in items:
                yield item, function(payload(item))
            return
        window = 2 * self.workers
        running: dict[Future[R], T] = {}
        for item in items:
            running[self._pool.submit(function, payload(item))] = item
            while len(running) >= window:
                yield from self._done(running)
        while running:
            yield from self._done(running)

    @staticmethod
    def _done(running: dict[Future[R], T]) -> Iterator[tuple[T, R]]:
        """The calls of `running` that are done, waiting for one if none is; each leaves `running`."""
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in [future for future in running if future in done]:
            yield running.pop(future), future.result()
