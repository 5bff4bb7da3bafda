"""A story's running state in the index: its members, how well they joined, and its publication dates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

MAX_SPAN_DAYS = 30
"""A story is one event: an article joins (or bridges) stories only while the publication dates of all
their members stay within this many days. Copies join what they copy whatever their date."""


@dataclass
class StoryState:
    """One story's members (index keys, arrival order) and the scores its members joined with."""

    founder: str
    members: list[int] = field(default_factory=list)
    joined_sum: float = 0.0
    joined_count: int = 0
    first: date | None = None
    last: date | None = None
    """The earliest and latest publication dates of its members (None while no member has one)."""

    @property
    def cohesion(self) -> float:
        return self.joined_sum / self.joined_count if self.joined_count else 0.0

    def note_date(self, published: str | None) -> None:
        day = day_of(published)
        self.note_dates(day, day)

    def note_dates(self, first: date | None, last: date | None) -> None:
        if first is not None and last is not None:
            self.first = first if self.first is None else min(self.first, first)
            self.last = last if self.last is None else max(self.last, last)

    def fits(self, first: date | None, last: date | None, span: int = MAX_SPAN_DAYS) -> bool:
        """Whether members published from `first` to `last` could join it within `span` days (true when
        either has no date)."""
        if first is None or last is None or self.first is None or self.last is None:
            return True
        return within_span((first, last, self.first, self.last), span)


def within_span(days: Iterable[date], span: int = MAX_SPAN_DAYS) -> bool:
    """Whether all `days` lie within `span` days of each other (true of none)."""
    found = list(days)
    return not found or (max(found) - min(found)).days <= span


def day_of(published: str | None) -> date | None:
    """The date of a `YYYY-MM-DD...` publication stamp, None when missing or malformed."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None
