"""`types.plain` gives what `dataclasses.asdict` gives, for every shared type the batch writes."""

from __future__ import annotations

import dataclasses
from collections import OrderedDict, namedtuple

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborator.types import Analysis, Article, Brief, Story
from corroborator.types.plain import plain

Pair = namedtuple("Pair", "left right")


@dataclasses.dataclass
class Odd:
    pair: Pair
    counts: OrderedDict[str, list[int]]
    nested: tuple[list[Story], ...]


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.from_type(Analysis), st.from_type(Article), st.from_type(Story)))
def test_plain_is_asdict_for_analyses_articles_and_stories(value: Analysis | Article | Story) -> None:
    assert plain(value) == dataclasses.asdict(value)


@settings(max_examples=25, deadline=None)
@given(st.from_type(Brief))
def test_plain_is_asdict_for_briefs(brief: Brief) -> None:
    assert plain(brief) == dataclasses.asdict(brief)


def test_plain_keeps_the_container_kinds_asdict_keeps() -> None:
    odd = Odd(Pair(1, [2]), OrderedDict({"a": [1]}), ([Story("s", ["a"])],))
    made, expected = plain(odd), dataclasses.asdict(odd)
    assert made == expected
    assert type(made["pair"]) is Pair and type(made["counts"]) is OrderedDict
    assert type(made["nested"]) is tuple and type(made["nested"][0][0]) is dict


def test_plain_copies_rather_than_shares_lists() -> None:
    story = Story("s", ["a", "b"])
    made = plain(story)
    made["articles"].append("c")
    assert story.articles == ["a", "b"]
