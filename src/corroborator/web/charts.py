"""Geometry for the inline SVG timeline and the tree of relay chains; the templates draw them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

WIDTH = 960
LEFT = 96
AXIS_END = 480
LABEL_X = 500
ROW = 26
TOP = 34
MAX_TICKS = 5
LABEL_CHARS = 64


@dataclass
class TimelineRow:
    x: float
    x_end: float
    y: float
    date: str
    label: str
    inferred: bool
    approximate: bool


@dataclass
class Timeline:
    width: int
    height: int
    rows: list[TimelineRow]
    ticks: list[tuple[float, str]]
    undated: list[Mapping[str, Any]]
    left: int = LEFT
    axis_end: int = AXIS_END
    label_x: int = LABEL_X


def parse_day(value: str | None) -> dt.date | None:
    """The calendar day a TimeML value starts on (`2023-08-04`, `2023-08-04T10:00`); None for others."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def period(value: str | None) -> tuple[dt.date, dt.date, bool] | None:
    """The days a TimeML value covers, and whether it is only a month: `2023-08` is Aug 1 to Aug 31."""
    day = parse_day(value)
    if day is not None:
        return day, day, False
    if value and len(value) == 7 and value[4] == "-":
        try:
            first = dt.date(int(value[:4]), int(value[5:7]), 1)
        except ValueError:
            return None
        following = (first + dt.timedelta(days=31)).replace(day=1)
        return first, following - dt.timedelta(days=1), True
    return None


def _ticks(first: dt.date, last: dt.date, per_day: float) -> list[tuple[float, str]]:
    days = max((last - first).days, 1)
    step = max(1, -(-days // (MAX_TICKS - 1)))
    return [
        (LEFT + offset * per_day, (first + dt.timedelta(days=offset)).strftime("%d %b"))
        for offset in range(0, days + 1, step)
    ]


def _row(
    event: Mapping[str, Any], span: tuple[dt.date, dt.date, bool], first: dt.date, per_day: float, y: float
) -> TimelineRow:
    start, end, approximate = span
    end_span = period(event.get("end"))
    if end_span is not None and end_span[1] > end:
        end = end_span[1]
    label = str(event.get("what", ""))
    if len(label) > LABEL_CHARS:
        label = label[: LABEL_CHARS - 1].rstrip() + "…"
    x = LEFT + (start - first).days * per_day
    x_end = LEFT + (end - first).days * per_day
    return TimelineRow(x, x_end, y, str(event.get("date")), label, bool(event.get("inferred")), approximate)


def timeline(events: Sequence[Mapping[str, Any]]) -> Timeline:
    """Days and months on one axis (a month is drawn as a span); other values are listed apart."""
    spans = [(period(event.get("date")), event) for event in events]
    placed = [(span, event) for span, event in spans if span is not None]
    undated = [event for span, event in spans if span is None]
    if not placed:
        return Timeline(WIDTH, 0, [], [], undated)
    ends = [end[1] for end in (period(event.get("end")) for _, event in placed) if end is not None]
    first = min(span[0] for span, _ in placed)
    last = max([*(span[1] for span, _ in placed), *ends])
    per_day = (AXIS_END - LEFT) / max((last - first).days, 1)
    rows = [
        _row(event, span, first, per_day, TOP + index * ROW) for index, (span, event) in enumerate(placed)
    ]
    return Timeline(WIDTH, TOP + len(rows) * ROW + 6, rows, _ticks(first, last, per_day), undated)


@dataclass
class RelayNode:
    name: str
    children: list[RelayNode] = field(default_factory=list)

    def child(self, name: str) -> RelayNode:
        for node in self.children:
            if node.name == name:
                return node
        node = RelayNode(name)
        self.children.append(node)
        return node


def relay_tree(origin: str, chains: Sequence[Sequence[str]]) -> RelayNode:
    """One tree per origin: each chain (origin first, publisher last) is a path from the root."""
    root = RelayNode(origin)
    for chain in chains:
        steps = list(chain[1:]) if chain and chain[0] == origin else list(chain)
        node = root
        for step in steps:
            node = node.child(step)
    return root
