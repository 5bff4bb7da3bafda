"""Highlighting spans of an article's text: the text is escaped piece by piece, marks wrap the pieces."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

KIND_PRIORITY = {
    "discrepancy": 10,
    "update": 9,
    "single": 8,
    "agreement": 7,
    "time": 4,
    "quantity": 3,
    "entity": 2,
    "quote": 1,
}


@dataclass(frozen=True)
class Mark:
    """A span to highlight: `kind` picks the colour, `note` the explanation, `ref` the anchor it links to."""

    start: int
    end: int
    kind: str
    note: str
    ref: str = ""


def locate(text: str, start: int, end: int, quoted: str) -> tuple[int, int] | None:
    """The offsets of `quoted` in `text`: the given ones when they match, else its first occurrence."""
    if 0 <= start < end <= len(text) and (not quoted or text[start:end] == quoted):
        return start, end
    if quoted:
        found = text.find(quoted)
        if found >= 0:
            return found, found + len(quoted)
    return None


def _boundaries(marks: Sequence[Mark], length: int) -> list[int]:
    points = {0, length}
    for mark in marks:
        points.add(mark.start)
        points.add(mark.end)
    return sorted(point for point in points if 0 <= point <= length)


def _covering(marks: Sequence[Mark], start: int, end: int) -> tuple[Mark, ...]:
    return tuple(mark for mark in marks if mark.start <= start and end <= mark.end)


def _open_tag(covering: tuple[Mark, ...]) -> Markup:
    top = max(covering, key=lambda mark: KIND_PRIORITY.get(mark.kind, 0))
    notes = "; ".join(dict.fromkeys(mark.note for mark in covering if mark.note))
    return Markup('<mark class="{}" title="{}">').format(f"hl-{top.kind}", notes)


def _refs(covering: tuple[Mark, ...], position: int) -> Markup:
    """Footnote links for the marks that end at `position`, so each is linked once, after its span."""
    links = [
        Markup('<sup class="ref"><a href="#{}">{}</a></sup>').format(
            mark.ref, mark.ref.replace("-", "").upper()
        )
        for mark in covering
        if mark.ref and mark.end == position
    ]
    return Markup("").join(dict.fromkeys(links))


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """HTML for `text` with each marked span in a `<mark>`; overlapping marks split into pieces."""
    valid = [mark for mark in marks if 0 <= mark.start < mark.end <= len(text)]
    points = _boundaries(valid, len(text))
    pieces: list[Markup] = []
    previous: tuple[Mark, ...] = ()
    for start, end in itertools.pairwise(points):
        covering = _covering(valid, start, end)
        if previous and covering != previous:
            pieces.append(Markup("</mark>") + _refs(previous, start))
        if covering and covering != previous:
            pieces.append(_open_tag(covering))
        pieces.append(escape(text[start:end]))
        previous = covering
    if previous:
        pieces.append(Markup("</mark>") + _refs(previous, len(text)))
    return Markup("").join(pieces)


def evidence_marks(
    article_id: str, text: str, items: Sequence[Mapping[str, Any]], kind: str, prefix: str
) -> list[Mark]:
    """Marks for one article from brief items that carry `evidence` lists (discrepancies, agreements ...)."""
    marks: list[Mark] = []
    for number, item in enumerate(items, start=1):
        note = str(item.get("explanation") or item.get("fact") or "")
        for evidence in item.get("evidence", []):
            if evidence.get("article") != article_id:
                continue
            span = locate(text, int(evidence["start"]), int(evidence["end"]), str(evidence.get("text", "")))
            if span is not None:
                marks.append(Mark(span[0], span[1], kind, note, f"{prefix}-{number}"))
    return marks
