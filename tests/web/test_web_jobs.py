"""The job runner and the caches: failures recorded, the worker survives them, values computed once."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from corroborator.errors import InputError, NotFound
from corroborator.web.cache import LruCache
from corroborator.web.jobs import JobRunner, Progress


def test_jobs_run_in_order_report_progress_and_survive_failures() -> None:
    finished: list[str] = []
    runner = JobRunner(on_finish=lambda: finished.append("x"))

    def counting(progress: Progress) -> dict[str, Any]:
        for done in range(1, 4):
            progress(done, 3, f"item {done}")
        return {"counted": 3}

    def refusing(progress: Progress) -> dict[str, Any]:
        raise InputError("the feed is empty", "give a feed with items")

    def crashing(progress: Progress) -> dict[str, Any]:
        raise ZeroDivisionError("division by zero")

    try:
        jobs = [
            runner.submit("test", name, work)
            for name, work in (("refuse", refusing), ("crash", crashing), ("count", counting))
        ]
        results = [runner.wait(job.id, timeout=30) for job in jobs]
    finally:
        runner.close()
    refused, crashed, counted = results
    assert refused["status"] == "failed" and refused["error"] == "the feed is empty (give a feed with items)"
    assert crashed["status"] == "failed" and "ZeroDivisionError" in crashed["error"]
    assert counted["status"] == "done" and counted["result"] == {"counted": 3}
    assert (counted["done"], counted["total"], counted["message"]) == (3, 3, "item 3")
    assert [job["description"] for job in runner.list()][::-1] == ["refuse", "crash", "count"]
    assert len(finished) == 3


def test_an_unknown_job_is_not_found() -> None:
    with pytest.raises(NotFound) as raised:
        JobRunner().get("nope")
    assert raised.value.status == 404


def test_the_cache_computes_each_key_once_under_concurrent_requests() -> None:
    cache = LruCache(size=2)
    calls: list[int] = []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 42

    threads = [threading.Thread(target=cache.get_or_compute, args=("k", slow)) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1] and cache.get_or_compute("k", slow) == 42
    cache.get_or_compute("a", lambda: 1)
    cache.get_or_compute("b", lambda: 2)
    assert cache.peek("k") == (False, None)


def test_cached_values_expire_after_their_time() -> None:
    cache = LruCache(ttl=0.05)
    values = iter(range(10))
    first = cache.get_or_compute("k", lambda: next(values))
    assert cache.get_or_compute("k", lambda: next(values)) == first
    time.sleep(0.1)
    assert cache.get_or_compute("k", lambda: next(values)) != first


def test_a_failed_computation_is_not_cached() -> None:
    cache = LruCache()

    def failing() -> int:
        raise InputError("bad")

    with pytest.raises(InputError):
        cache.get_or_compute("k", failing)
    assert cache.get_or_compute("k", lambda: 7) == 7
