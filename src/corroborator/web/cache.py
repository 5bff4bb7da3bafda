"""A small thread-safe LRU cache whose values are computed once per key, optionally expiring after a time."""

from __future__ import annotations

import gc
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from starlette.concurrency import run_in_threadpool


class LruCache:
    """At most `size` entries; `get_or_compute` runs `compute` once per key even under concurrent requests.

    With `ttl` (seconds) an entry is recomputed once it is older than that; without, it lives until evicted.
    """

    def __init__(self, size: int = 256, ttl: float | None = None) -> None:
        self._size = size
        self._ttl = ttl
        self._items: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def _fresh(self, key: Hashable) -> tuple[bool, Any]:
        entry = self._items.get(key)
        if entry is None or (self._ttl is not None and time.monotonic() - entry[0] > self._ttl):
            return False, None
        self._items.move_to_end(key)
        return True, entry[1]

    def peek(self, key: Hashable) -> tuple[bool, Any]:
        """`(True, value)` when a fresh value is cached, else `(False, None)`; never computes."""
        with self._lock:
            return self._fresh(key)

    async def get_async(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """For async handlers: a cached value at once, else `compute` run in a worker thread."""
        found, value = self.peek(key)
        if found:
            return value
        return await run_in_threadpool(self.get_or_compute, key, compute)

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            found, value = self._fresh(key)
            if found:
                return value
            key_lock = self._computing.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:
                found, value = self._fresh(key)
                if found:
                    return value
            try:
                value = compute()
            finally:
                with self._lock:
                    self._computing.pop(key, None)
            with self._lock:
                self._items[key] = (time.monotonic(), value)
                self._items.move_to_end(key)
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
            return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_FROZEN: set[str] = set()


def freeze_heap_once(reason: str) -> None:
    """After loading models, move every live object out of the collector's reach: a full collection
    over a heap holding spaCy and torch takes a second or more, a pause every request would feel."""
    if reason in _FROZEN:
        return
    _FROZEN.add(reason)
    gc.collect()
    gc.freeze()
