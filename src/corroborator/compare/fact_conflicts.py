"""Conflicts between one fact told twice: the same counted thing with figures that cannot both be true
("99 arrested" / "89 arrested"; "nearly 100" / "more than a hundred"), told as a change over time
(`update`) when the articles were published on different days; `developing` does the same for the number
discrepancies found in the words."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from corroborator.analyze.quantities import WORD_VALUES
from corroborator.compare.fact_align import FactAlignment, fact_span
from corroborator.compare.measures import measure
from corroborator.types import Analysis, Argument, Article, Discrepancy, Evidence, Fact, Quantity

SEVERITY = {"number": 4, "update": 1}
ORDINAL = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|\w+teenth|\w+ieth)$",
    re.IGNORECASE,
)
ROUNDING = 0.05
"""A round figure ("200") stands for anything within this share of it ("about 190-210")."""
ABOUT = 0.1
BOUNDS = frozenset({"at_least", "more_than", "at_most", "less_than"})
INFINITY = math.inf
_WORDS = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"(?<![\d.,])\d+(?:\.\d+)?(?![\d,])")


def number_conflicts(
    alignment: FactAlignment,
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    name: Callable[[str], str],
) -> list[Discrepancy]:
    """One discrepancy per pair of aligned facts whose same argument counts the same thing with figures
    whose ranges do not meet."""
    quantities = {a.article_id: _Quantities(a.quantities) for a in analyses}
    published = {a.id: a.published_date for a in articles}
    found: dict[tuple[str, ...], Discrepancy] = {}
    for _, i, j in alignment.conflicting:
        left, right = alignment.facts[i], alignment.facts[j]
        for first, second in _clashing(left, right, quantities):
            item = _discrepancy(left, right, first, second, published, name)
            found.setdefault((item.kind, *sorted(e.text for e in item.evidence)), item)
    return list(found.values())


class _Quantities:
    def __init__(self, items: Sequence[Quantity]) -> None:
        self.items = sorted(items, key=lambda q: q.start)
        self.starts = [q.start for q in self.items]

    def overlapping(self, start: int, end: int) -> list[Quantity]:
        last = bisect.bisect_left(self.starts, end)
        return [q for q in self.items[:last] if q.end > start and q.value is not None]

    def within(self, start: int, end: int) -> list[Quantity]:
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end, lo=first)
        return [q for q in self.items[first:last] if q.end <= end and q.value is not None]


def _clashing(left: Fact, right: Fact, quantities: dict[str, _Quantities]) -> list[tuple[Quantity, Quantity]]:
    pairs = []
    for argument in left.arguments:
        others = [a for a in right.arguments if _slot(right, a) == _slot(left, argument)]
        mine = [q for q in quantities[left.article].within(argument.start, argument.end) if _is_count(q)]
        theirs = [q for a in others for q in quantities[right.article].within(a.start, a.end) if _is_count(q)]
        for first in mine:
            same_thing = [q for q in theirs if _thing(q) == _thing(first)]
            if not same_thing or any(_meet(first, q) for q in same_thing):
                continue
            if not _written_in(left.text, same_thing[0]) and not _written_in(right.text, first):
                pairs.append((first, same_thing[0]))
    return pairs


def _slot(fact: Fact, argument: Argument) -> str:
    """The argument's slot, with what a fact is about one slot: the object or complement of a verb, the
    subject or complement of "be" (a list of things seized may be either)."""
    if argument.role == "complement" or (argument.role == "object" and fact.predicate != "be"):
        return "theme"
    if argument.role == "subject" and fact.predicate == "be":
        return "theme"
    return argument.role


def _thing(quantity: Quantity) -> tuple[str, bool]:
    """What a figure counts or measures, and whether it counts "other" ones ("two other rifles" are not
    the "seven AK-47 assault rifles" before them)."""
    return measure(quantity)[0], "other" in quantity.text.casefold().split()


def _written_in(fact: str, quantity: Quantity) -> bool:
    """Whether a fact's words write the quantity's figure anywhere, in digits or a number word: "improves to
    58-3 with 51 wins" against "58 wins and three defeats", or "seven consecutive life sentences and four
    sentences of life without parole" against "four consecutive life sentences". The fact gives both
    figures, so they count different things."""
    figures = {float(m) for m in _DIGITS.findall(fact)}
    figures |= {WORD_VALUES[w] for w in _WORDS.findall(fact.casefold()) if w in WORD_VALUES}
    return quantity.value in figures


def _is_count(quantity: Quantity) -> bool:
    """A figure that counts or measures a named thing: not an ordinal ("fifth round"), not a bare number,
    not a fragment of a number the text broke ("200, 000" read as "000 people")."""
    first = quantity.text.split()[0] if quantity.text.split() else ""
    return bool(quantity.unit) and not ORDINAL.match(first) and not first.startswith("0")


def _range(quantity: Quantity) -> tuple[float, float]:
    """The values the figure may stand for, in its dimension's base unit (metres for feet)."""
    written = float(quantity.value or 0.0)
    size = measure(quantity)[1]
    value = written * size
    if quantity.mod in ("at_least", "more_than"):
        return value, INFINITY
    if quantity.mod in ("at_most", "less_than"):
        return -INFINITY, value
    spread = ABOUT if quantity.mod == "about" else (ROUNDING if _is_round(written) else 0.0)
    if size != 1.0:
        spread = max(spread, ROUNDING)
    return value * (1 - spread), value * (1 + spread)


def _is_round(value: float) -> bool:
    return value >= 10 and value == int(value) and int(value) % 10 == 0


def _meet(first: Quantity, second: Quantity) -> bool:
    """Whether both figures can be true: their ranges meet. Two bounds of one kind ("up to 60", "up to 80")
    are two different figures, not two ranges."""
    if first.mod == second.mod and first.mod in BOUNDS:
        return _meet(replace(first, mod=None), replace(second, mod=None))
    low_a, high_a = _range(first)
    low_b, high_b = _range(second)
    return low_a <= high_b and low_b <= high_a


def _discrepancy(
    left: Fact,
    right: Fact,
    first: Quantity,
    second: Quantity,
    published: dict[str, str | None],
    name: Callable[[str], str],
) -> Discrepancy:
    what = f"how many {first.unit}" if first.unit else f'the figure in "{left.predicate}"'
    evidence = [
        Evidence(left.article, first.start, first.end, first.text),
        Evidence(right.article, second.start, second.end, second.text),
    ]
    facts = [fact_span(left), fact_span(right)]
    date_a, date_b = published.get(left.article), published.get(right.article)
    if date_a and date_b and date_a != date_b:
        (old, old_q), (new, new_q) = sorted(
            ((left, first), (right, second)), key=lambda x: published[x[0].article] or ""
        )
        explanation = (
            f'{what} changed: {name(old.article)} ({published[old.article]}) said "{old_q.text}", '
            f'the newer {name(new.article)} ({published[new.article]}) says "{new_q.text}"'
        )
        in_order = _by_date(evidence, published), _by_date(facts, published)
        return Discrepancy("update", explanation, SEVERITY["update"], *in_order)
    explanation = (
        f'{what}: {name(left.article)} says "{first.text}", {name(right.article)} says "{second.text}"'
    )
    return Discrepancy("number", explanation, SEVERITY["number"], evidence, facts)


def _by_date(spans: list[Evidence], published: Mapping[str, str | None]) -> list[Evidence]:
    return sorted(spans, key=lambda e: published.get(e.article) or "")


def developing(
    discrepancies: list[Discrepancy], articles: Sequence[Article], name: Callable[[str], str]
) -> list[Discrepancy]:
    """Number discrepancies between articles published on different days become `update`s: a figure that
    changed as the story developed (a toll that rose), told with the newer article named; the evidence in
    date order, oldest first."""
    published = {a.id: a.published_date for a in articles}
    found = []
    for item in discrepancies:
        dates = {published.get(e.article) for e in item.evidence}
        if item.kind != "number" or None in dates or len(dates) < 2:
            found.append(item)
            continue
        newest = max(item.evidence, key=lambda e: published[e.article] or "")
        explanation = f"changed over time, newest {name(newest.article)} ({published[newest.article]}): "
        update = Discrepancy(
            "update",
            explanation + item.explanation,
            SEVERITY["update"],
            _by_date(item.evidence, published),
            _by_date(item.facts, published),
        )
        found.append(update)
    return found


def within_rounding(discrepancies: list[Discrepancy], analyses: Sequence[Analysis]) -> list[Discrepancy]:
    """Without the number discrepancies whose two figures can both be true: rounding and hedges ("nearly
    40" and "39", "about 200" and "190"), or one of the two facts counting the same thing with both
    figures ("seven consecutive life sentences and four sentences of life without parole" against "four
    consecutive life sentences": two sets of sentences)."""
    quantities = {a.article_id: _Quantities(a.quantities) for a in analyses}
    kept = []
    for item in discrepancies:
        figures = [
            q
            for e in item.evidence
            for q in quantities[e.article].overlapping(e.start, e.end)
            if e.article in quantities
        ]
        if item.kind == "number" and len(figures) == 2 and _both_true(figures, item.facts, quantities):
            continue
        kept.append(item)
    return kept


def _both_true(figures: list[Quantity], facts: list[Evidence], quantities: dict[str, _Quantities]) -> bool:
    if _meet(figures[0], figures[1]):
        return True
    return len(facts) == 2 and any(
        _counts(quantities[fact.article].within(fact.start, fact.end), figure)
        for fact, figure in ((facts[0], figures[1]), (facts[1], figures[0]))
        if fact.article in quantities
    )


def _counts(inside: list[Quantity], figure: Quantity) -> bool:
    """Whether a fact's quantities count the same thing as `figure`, with its value."""
    return any(q.value == figure.value and _thing(q) == _thing(figure) for q in inside)
