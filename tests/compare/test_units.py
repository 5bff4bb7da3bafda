"""Clause units carry the analysis mentions that lie inside them, found by span without a scan of them all."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from corroborator.compare.units import build_units
from corroborator.facts.spans import SpansWithin
from corroborator.types import Analysis, Article


@dataclass
class Span:
    start: int
    end: int


spans = st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: Span(p[0], p[0] + p[1]))


@given(st.lists(spans, max_size=30), st.integers(0, 70), st.integers(0, 30))
def test_the_mentions_within_a_span_are_those_a_scan_finds_in_their_order(
    items: list[Span], start: int, length: int
) -> None:
    end = start + length
    found = SpansWithin(items).within(start, end)
    expected = [item for item in items if start <= item.start and item.end <= end]
    assert [id(item) for item in found] == [id(item) for item in expected]


def test_each_unit_of_the_seeds_has_the_mentions_inside_it(
    seed_articles: list[Article], seed_analyses: list[Analysis]
) -> None:
    units = build_units(seed_articles, seed_analyses)
    by_id = {a.article_id: a for a in seed_analyses}
    assert units and any(u.entities for u in units) and any(u.times for u in units)
    for unit in units:
        analysis = by_id[unit.article]
        for found, every in (
            (unit.entities, analysis.entities),
            (unit.times, analysis.times),
            (unit.quantities, analysis.quantities),
        ):
            assert found == [m for m in every if unit.start <= m.start and m.end <= unit.end]
