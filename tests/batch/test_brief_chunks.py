"""Brief groups go to the engine in chunks that bound the articles the driver holds at once."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from corroborator.batch.run import (
    BRIEF_ARTICLES_IN_FLIGHT,
    BRIEF_GROUPS_IN_FLIGHT,
    StoryPlaces,
    in_flight_chunks,
)
from corroborator.types import Story

group_sizes = st.lists(st.lists(st.integers(1, 3000), min_size=1, max_size=4), max_size=120)


def _groups(sizes: list[list[int]]) -> list[list[StoryPlaces]]:
    return [
        [(Story(id=f"s{g}-{s}"), [("shard", n, 1) for n in range(size)]) for s, size in enumerate(group)]
        for g, group in enumerate(sizes)
    ]


def _articles(chunk: list[list[StoryPlaces]]) -> int:
    return sum(len(places) for group in chunk for _, places in group)


@given(group_sizes)
def test_chunks_keep_every_group_in_order_within_both_bounds(sizes: list[list[int]]) -> None:
    groups = _groups(sizes)
    chunks = list(in_flight_chunks(groups))
    assert [group for chunk in chunks for group in chunk] == groups
    for chunk in chunks:
        assert 1 <= len(chunk) <= BRIEF_GROUPS_IN_FLIGHT
        assert len(chunk) <= 2 or _articles(chunk) <= BRIEF_ARTICLES_IN_FLIGHT
    for chunk, following in pairwise(chunks):
        grown = [*chunk, following[0]]
        assert len(grown) > BRIEF_GROUPS_IN_FLIGHT or _articles(grown) > BRIEF_ARTICLES_IN_FLIGHT
        assert len(chunk) >= 2, "a chunk is cut only once two workers have a group each"


def test_big_stories_go_two_at_a_time_and_small_ones_together() -> None:
    chunks = list(in_flight_chunks(_groups([[5000], [5000], [5000], [10], [10], [1000], [1000]])))
    assert [[len(places) for group in chunk for _, places in group] for chunk in chunks] == [
        [5000, 5000],
        [5000, 10],
        [10, 1000, 1000],
    ]
