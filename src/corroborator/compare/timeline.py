"""The story's timeline: dated events in date order, merged across articles, with their sources.

Events come from clauses carrying dates; clauses dated relative to another event ("less than two weeks after
... a major military parade") join the event they point to. Dates anchored on a borrowed publication date are
marked inferred."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from corroborator.compare.align import RELATED_THRESHOLD, Alignment
from corroborator.compare.text import content_set, shorten
from corroborator.compare.units import Unit
from corroborator.types import Evidence, TimeExpr, TimelineEvent

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_REPORTING_BEFORE = re.compile(r"\b(?:report\w*|said|says|told|announc\w*|stated|added)\b[^.;]{0,50}$", re.I)
RARE_SHARE = 0.25
WHAT_LENGTH = 140


@dataclass
class _Event:
    start: str
    end: str
    day: bool
    units: list[Unit]
    times: list[TimeExpr]
    related: list[Unit] = field(default_factory=list)

    @property
    def inferred(self) -> bool:
        return all("inferred" in t.flags for t in self.times)


def build_timeline(alignment: Alignment) -> list[TimelineEvent]:
    rare = _rare_words(alignment.units)
    events = [e for u in alignment.units if (e := _event_of(u)) is not None]
    events = _merge(events, alignment, rare)
    _attach_relative(events, alignment, rare)
    return [_to_timeline_event(e) for e in sorted(events, key=_sort_key)]


def _rare_words(units: list[Unit]) -> set[str]:
    spread: Counter[str] = Counter(w for u in units for w in content_set(u.text))
    limit = max(1, int(RARE_SHARE * len(units)))
    return {w for w, n in spread.items() if n <= limit}


def _is_reporting_date(unit: Unit, time: TimeExpr) -> bool:
    """ "reported on Sunday": the date of the report, not of an event."""
    before = unit.text[max(0, time.start - unit.start - 60) : time.start - unit.start]
    return time.anchor == "published" and _REPORTING_BEFORE.search(before) is not None


def _event_of(unit: Unit) -> _Event | None:
    dated = [t for t in unit.times if t.type == "DATE" and t.value and not _is_reporting_date(unit, t)]
    days = [t for t in dated if _DAY.match(t.value or "")]
    if days:
        values = sorted({t.value or "" for t in days} | {t.end_value for t in days if t.end_value})
        return _Event(values[0], values[-1], True, [unit], days)
    months = [t for t in dated if _MONTH.match(t.value or "")]
    if months:
        value = months[0].value or ""
        return _Event(value, value, False, [unit], months[:1])
    return None


def _overlap(a: _Event, b: _Event) -> bool:
    if a.day and b.day:
        return a.start <= b.end and b.start <= a.end
    if not a.day and not b.day:
        return a.start == b.start
    return False


def _related(a: _Event, b: _Event, alignment: Alignment, rare: set[str]) -> bool:
    for left in a.units:
        for right in b.units:
            if alignment.pair_score(left, right) >= RELATED_THRESHOLD:
                return True
            if left.article != right.article and content_set(left.text) & content_set(right.text) & rare:
                return True
    return False


def _merge(events: list[_Event], alignment: Alignment, rare: set[str]) -> list[_Event]:
    merged: list[_Event] = []
    for event in events:
        target = next((m for m in merged if _overlap(m, event) and _related(m, event, alignment, rare)), None)
        if target is None:
            merged.append(event)
            continue
        target.start, target.end = min(target.start, event.start), max(target.end, event.end)
        target.units.extend(event.units)
        target.times.extend(event.times)
    return merged


def _attach_relative(events: list[_Event], alignment: Alignment, rare: set[str]) -> None:
    """A clause dated only relative to an event joins that event when the event is in the timeline."""
    for unit in alignment.units:
        relative = [t for t in unit.times if "relative_to_event" in t.flags]
        if not relative or any(unit in e.units for e in events):
            continue
        words = content_set(unit.text[relative[0].end - unit.start :]) & rare
        best, best_shared = None, 0.0
        for event in events:
            shared = float(max(len(words & content_set(u.text)) for u in event.units))
            shared += 0.5 * event.day + max(alignment.pair_score(unit, u) for u in event.units)
            if shared > best_shared and shared >= 1:
                best, best_shared = event, shared
        if best is not None:
            best.related.append(unit)


def _sort_key(event: _Event) -> str:
    return event.start if event.day else f"{event.start}-15"


def _to_timeline_event(event: _Event) -> TimelineEvent:
    exact = [u for u in event.units if any("inferred" not in t.flags for t in u.times)]
    described = (exact or event.units)[0]
    units = sorted(
        {u.key: u for u in [*event.units, *event.related]}.values(), key=lambda u: (u.article, u.start)
    )
    return TimelineEvent(
        date=event.start,
        end=event.end if event.end != event.start else None,
        what=shorten(described.text, WHAT_LENGTH),
        evidence=[Evidence(u.article, u.start, u.end, u.text) for u in units],
        inferred=event.inferred,
    )
