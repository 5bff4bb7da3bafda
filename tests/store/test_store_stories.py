from __future__ import annotations

import numpy as np
import pytest
from store_support import make_article

from corroborator.errors import NotFound, StoreError
from corroborator.store import Store
from corroborator.types import CopyLink, Story


@pytest.fixture
def ids(store: Store) -> list[str]:
    articles = [make_article(number) for number in range(5)]
    store.add_articles(articles)
    return [article.id for article in articles]


def test_replace_stories_then_read_them_back(store: Store, ids: list[str]) -> None:
    first = Story(
        "s1",
        [ids[0], ids[1]],
        [CopyLink(ids[1], ids[0], 0.95)],
        "Kim tours",
        ["AP", "WION"],
        "2023-08-05",
        "2023-08-06",
    )
    second = Story("s2", [ids[2]], headline="Parade", last_published="2023-07-28")
    store.replace_stories([second, first])
    assert store.get_story("s1") == first
    assert store.list_stories() == [first, second]
    assert store.list_stories(limit=1, offset=1) == [second]
    assert store.all_stories() == [second, first]
    assert store.story_of(ids[1]) == first
    assert store.story_of(ids[4]) is None
    store.replace_stories([Story("s3", [ids[3]])])
    assert [story.id for story in store.all_stories()] == ["s3"]
    assert store.story_of(ids[0]) is None


def test_save_story_moves_articles_and_drops_stories_left_empty(store: Store, ids: list[str]) -> None:
    store.save_story(Story("a", [ids[0]]))
    store.save_story(Story("b", [ids[1], ids[2]], [CopyLink(ids[2], ids[1], 0.8)]))
    store.save_story(Story("b", [ids[0], ids[1], ids[2]], headline="merged"))
    assert store.count_stories() == 1
    merged = store.get_story("b")
    assert (merged.articles, merged.copies, merged.headline) == ([ids[0], ids[1], ids[2]], [], "merged")
    store.save_story(Story("c", [ids[2]]))
    assert store.get_story("b").articles == [ids[0], ids[1]]
    store.delete_story("c")
    with pytest.raises(NotFound):
        store.get_story("c")


def test_a_story_of_unstored_articles_is_refused_and_nothing_changes(store: Store, ids: list[str]) -> None:
    store.save_story(Story("a", [ids[0]]))
    with pytest.raises(NotFound, match="not stored"):
        store.save_story(Story("a", [ids[0], "feedfeedfeedfeed"]))
    with pytest.raises(StoreError, match="twice"):
        store.replace_stories([Story("x", [ids[1], ids[1]])])
    assert store.all_stories() == [Story("a", [ids[0]])]


def test_vectors_round_trip_as_a_float32_matrix(store: Store, ids: list[str]) -> None:
    rows = np.arange(12, dtype=np.float64).reshape(3, 4) / 7
    store.save_vectors("minilm", zip(ids[:3], rows, strict=True))
    store.save_vector(ids[1], "minilm", np.full(4, 0.5, dtype=np.float32).tobytes())
    found, matrix = store.get_vectors("minilm")
    assert found == [ids[0], ids[2], ids[1]]
    assert matrix.dtype == np.float32 and matrix.shape == (3, 4)
    np.testing.assert_array_equal(matrix[0], rows[0].astype(np.float32))
    np.testing.assert_array_equal(matrix[2], np.full(4, 0.5, dtype=np.float32))
    assert store.get_vectors("other")[0] == []


def test_vectors_of_another_dimension_or_unknown_article_are_refused(store: Store, ids: list[str]) -> None:
    store.save_vector(ids[0], "minilm", [1.0, 2.0])
    with pytest.raises(StoreError, match="2 dimensions"):
        store.save_vector(ids[1], "minilm", [1.0, 2.0, 3.0])
    with pytest.raises(NotFound):
        store.save_vector("feedfeedfeedfeed", "minilm", [1.0, 2.0])
    with pytest.raises(StoreError, match="float32"):
        store.save_vector(ids[1], "minilm", b"\x00\x01\x02")


def test_storylines_group_stored_stories_in_date_order(store: Store, ids: list[str]) -> None:
    later = Story(
        "s2",
        [ids[1]],
        headline="Talks end",
        first_published="2023-09-01",
        last_published="2023-09-02",
        storyline="l1",
    )
    earlier = Story(
        "s1",
        [ids[0]],
        headline="Talks begin",
        first_published="2023-08-01",
        last_published="2023-08-01",
        storyline="l1",
    )
    alone = Story("s3", [ids[2]], headline="Other", last_published="2023-10-01", storyline="l3")
    store.replace_stories([later, alone, earlier])
    assert store.get_storyline("l1").events == [earlier, later]
    assert [line.id for line in store.list_storylines()] == ["l3", "l1"]
    assert [line.id for line in store.list_storylines(limit=1, offset=1)] == ["l1"]
    assert store.count_storylines() == 2
    with pytest.raises(NotFound, match="no storyline"):
        store.get_storyline("l9")
    with pytest.raises(NotFound):
        store.get_storyline("")
