"""The local engine: analysis and briefs on a pool of processes, one model load per process."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from corroborator.batch import work
from corroborator.batch.shards import Shard

T = TypeVar("T")
R = TypeVar("R")


def _initialise() -> None:
    work.limit_threads()


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
        """Analyse shards, yielding each with its records in input order."""
        yield from self._map(lambda shard: shard.articles, work.analyze_shard, shards)

    def map(self, function: Callable[..., R], argument_lists: Iterable[tuple[Any, ...]]) -> list[R]:
        if self._pool is None:
            return [function(*arguments) for arguments in argument_lists]
        futures = [self._pool.submit(function, *arguments) for arguments in argument_lists]
        return [future.result() for future in futures]

    def _map(
        self, payload: Callable[[T], Any], function: Callable[[Any], R], items: Iterable[T]
    ) -> Iterator[tuple[T, R]]:
        if self._pool is None:
            for item in items:
                yield item, function(payload(item))
            return
        window = 2 * self.workers
        pending: list[tuple[T, Future[R]]] = []
        for item in items:
            pending.append((item, self._pool.submit(function, payload(item))))
            if len(pending) >= window:
                first, future = pending.pop(0)
                yield first, future.result()
        for item, future in pending:
            yield item, future.result()
