from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborator.errors import InputError
from corroborator.store import (
    analysis_from_dict,
    analysis_to_dict,
    article_from_dict,
    article_to_dict,
    story_from_dict,
    story_to_dict,
)
from corroborator.types import (
    Analysis,
    Article,
    Claim,
    CopyLink,
    EntityMention,
    Quantity,
    Quote,
    Span,
    Story,
    TimeExpr,
)


def _full_analysis() -> Analysis:
    return Analysis(
        article_id="2b8415f158819dae",
        sentences=[(0, 120), (121, 200)],
        entities=[EntityMention(0, 11, "Kim Jong Un", "PERSON", "Kim Jong Un", 0.9),
                  EntityMention(300, 306, "Chang", "PERSON", "Cheong Seong-chang")],
        times=[TimeExpr(80, 98, "Thursday (August 4)", "DATE", "2023-08-04", None,
                        ["weekday_mismatch: 2023-08-04 is a Friday"], "published", "2023-08-05")],
        quantities=[Quantity(400, 428, "at least two scoped rifles", 2.0, "scoped rifles", "at_least")],
        quotes=[Quote(Span(500, 540, "cutting-edge strategic weapon engines"), Span(480, 483, "Kim"),
                      "Kim Jong Un", Span(484, 490, "called"), "direct", ["KCNA", "Reuters"]),
                Quote(Span(600, 610, "unspecific"))],
        claims=[Claim(0, 0, 120, "Kim toured factories.", [0], [0], [], None, ["KCNA", "Reuters", "WION"],
                      True)],
        version=3,
    )


def test_analysis_round_trips_through_json() -> None:
    analysis = _full_analysis()
    assert analysis_from_dict(json.loads(json.dumps(analysis_to_dict(analysis)))) == analysis


def test_article_and_story_round_trip_through_json() -> None:
    article = Article(text="Body", title="T", url="https://x", outlet="WION", published="2023-08-06",
                      published_source="header", author="A", language="en", fetched_at="2023-08-07T00:00:00Z",
                      origin="/tmp/a.txt", removed=["promo"], source_id="s1")
    story = Story("story-1", ["a", "b"], [CopyLink("b", "a", 0.93)], "Kim tours factories", ["WION", "AP"],
                  "2023-08-05", "2023-08-06")
    assert article_from_dict(json.loads(json.dumps(article_to_dict(article)))) == article
    assert story_from_dict(json.loads(json.dumps(story_to_dict(story)))) == story


def test_unknown_keys_are_ignored_and_missing_required_ones_are_input_errors() -> None:
    assert article_from_dict({"text": "Body", "extra": 1}).text == "Body"
    with pytest.raises(InputError, match="no text"):
        article_from_dict({"title": "no body"})
    with pytest.raises(InputError, match="article_id"):
        analysis_from_dict({})
    with pytest.raises(InputError, match="EntityMention"):
        analysis_from_dict({"article_id": "a", "entities": [{"start": 1}]})
    with pytest.raises(InputError, match="content"):
        analysis_from_dict({"article_id": "a", "quotes": [{"kind": "direct"}]})


@given(st.builds(
    Article,
    text=st.text(),
    title=st.text(),
    url=st.none() | st.text(),
    outlet=st.none() | st.text(),
    removed=st.lists(st.text(), max_size=3),
))
def test_any_article_round_trips_through_json(article: Article) -> None:
    assert article_from_dict(json.loads(json.dumps(article_to_dict(article)))) == article
