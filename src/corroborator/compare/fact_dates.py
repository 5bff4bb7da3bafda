"""Date conflicts between one fact told twice: "on November 18, it had sunk a Thai trawler" against "On
November 19, INS Tabar sunk a fishing trawler". Each fact must date itself to one written date; the two are
compared where both say something (a year against a year, a day against a day), so "2008" and "November
2008" agree and a month without its year still differs from another month."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from corroborator.compare.discrepancy import date_discrepancy
from corroborator.compare.fact_align import FactAlignment, fact_span
from corroborator.compare.text import shorten
from corroborator.types import Analysis, Discrepancy, Fact, TimeExpr

CALENDAR_DATE = re.compile(r"^(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?$")
"""A year, a month or a day, its year maybe unknown ("November 18" in an undated article: XXXX-11-18)."""
INFERRED = "inferred"
FACT_CHARS = 60
RELATIVE_TO = frozenset({"since", "until", "till", "before", "after", "by", "from", "through"})


def date_conflicts(
    alignment: FactAlignment, analyses: Sequence[Analysis], name: Callable[[str], str]
) -> list[Discrepancy]:
    """One `date` discrepancy per pair of aligned facts (`FactAlignment.conflicting`) that each give one
    calendar date, and dates that cannot be one day."""
    times = {a.article_id: [t for t in a.times if _is_calendar_date(t)] for a in analyses}
    found: dict[tuple[str, ...], Discrepancy] = {}
    for _, i, j in alignment.conflicting:
        left, right = alignment.facts[i], alignment.facts[j]
        first, second = _date_of(left, times[left.article]), _date_of(right, times[right.article])
        if first is None or second is None or not _differ(first.value or "", second.value or ""):
            continue
        item = _discrepancy(left, right, first, second, name)
        found.setdefault(tuple(sorted(e.text for e in item.evidence)), item)
    return list(found.values())


def _is_calendar_date(time: TimeExpr) -> bool:
    return (
        time.type == "DATE"
        and time.value is not None
        and CALENDAR_DATE.match(time.value) is not None
        and INFERRED not in time.flags
    )


def _date_of(fact: Fact, times: list[TimeExpr]) -> TimeExpr | None:
    """The fact's calendar date: of the dates in its time arguments, else of all its dates; the most
    precise when they can all be one day, None when there are none or two days. A time argument with
    "since", "until", "before" or "after" tells of another moment: in "On November 19, INS Tabar sunk a
    trawler, its third strike since its deployment on November 2", the date is November 19."""
    spans = [
        (a.start, a.end)
        for a in fact.arguments
        if a.role == "time" and not RELATIVE_TO & set(a.text.casefold().split())
    ] or [(fact.start, fact.end)]
    inside = [t for t in times for start, end in spans if start <= t.start and t.end <= end]
    if any(_differ(a.value or "", b.value or "") for a in inside for b in inside):
        return None
    return max(inside, key=lambda t: len(t.value or ""), default=None)


def _differ(first: str, second: str) -> bool:
    """Whether two calendar dates cannot be one day: a part both give (year, month, day) differs."""
    return any(a != b for a, b in zip(first.split("-"), second.split("-"), strict=False) if "X" not in a + b)


def _discrepancy(
    left: Fact, right: Fact, first: TimeExpr, second: TimeExpr, name: Callable[[str], str]
) -> Discrepancy:
    what = f'when "{shorten(left.text, FACT_CHARS)}"'
    found = date_discrepancy(what, (left.article, first), (right.article, second), name)
    found.facts = [fact_span(left), fact_span(right)]
    return found
