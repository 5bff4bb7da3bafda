"""Mentions with offsets (entities, times, quantities), found by the span they lie in without a scan of
them all: a 2 MB article has tens of thousands of clauses and of mentions."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


class SpansWithin(Generic[S]):
    """`within(start, end)`: the items inside [start, end), in the order they were given."""

    def __init__(self, items: Sequence[S]) -> None:
        self.items = items
        self.order = sorted(range(len(items)), key=lambda k: items[k].start)
        self.starts = [items[k].start for k in self.order]

    def within(self, start: int, end: int) -> list[S]:
        low, high = bisect.bisect_left(self.starts, start), bisect.bisect_right(self.starts, end)
        return [self.items[k] for k in sorted(self.order[low:high]) if self.items[k].end <= end]
