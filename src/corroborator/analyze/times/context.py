"""What a time rule sees (the reference date, tense, discourse) and what it returns."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from corroborator.analyze.times.calendar import Tense, tense_near
from corroborator.types.analysis import TimeType

CUE_WINDOW = 100
"""How far (in characters) from an expression tense and topic cues are looked for."""


class Unresolved(Exception):
    """A relative expression met without a reference date; `underspecified` is its TimeML form if any."""

    def __init__(self, underspecified: str | None = None) -> None:
        super().__init__(underspecified or "unresolved")
        self.underspecified = underspecified


@dataclass
class Found:
    type: TimeType
    value: str
    mod: str | None = None
    flags: list[str] = field(default_factory=list)
    span_end: int | None = None
    """Where the expression ends when the rule matched more ("three days" of "three days later")."""
    parts: list[tuple[int, int]] = field(default_factory=list)
    """Sub-spans annotated separately ("Thursday" and "August 4" of "Thursday (August 4)")."""


@dataclass
class Context:
    """One document's state while its time expressions are resolved left to right."""

    ref: dt.date | None
    text: str
    sentence_starts: list[int]
    sentence_ends: list[int]
    last_quarter: tuple[int, int] | None = None
    """The latest quarter mentioned (year, quarter): anchors "the quarter", "a year earlier"."""
    last_year: int | None = None
    """The latest year named with digits: anchors "that year", "the following year"."""

    used_ref: bool = False
    """Set when a rule resolved its expression against the reference date."""

    def need_ref(self, underspecified: str | None = None) -> dt.date:
        self.used_ref = True
        if self.ref is None:
            raise Unresolved(underspecified)
        return self.ref

    def sentence_of(self, start: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.sentence_starts, start) - 1
        if index < 0:
            return 0, len(self.text)
        return self.sentence_starts[index], self.sentence_ends[index]

    def tense(self, start: int, end: int) -> Tense:
        window_start, window_end = self._window(start, end)
        return tense_near(self.text[window_start:window_end], start - window_start, end - window_start)

    def sentence_text(self, start: int) -> str:
        """The sentence around `start`, cut to a bounded window so that long texts stay linear."""
        window_start, window_end = self._window(start, start)
        return self.text[window_start:window_end]

    def _window(self, start: int, end: int) -> tuple[int, int]:
        sent_start, sent_end = self.sentence_of(start)
        return max(sent_start, start - CUE_WINDOW), min(sent_end, end + CUE_WINDOW)


Normaliser = Callable[[re.Match[str], Context], Found | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    normalise: Normaliser
    takes_mod: bool = True
