from __future__ import annotations

import pytest
from store_support import make_article

from corroborator.store import Store
from corroborator.types import Article


@pytest.fixture
def filled(store: Store) -> Store:
    store.add_article(Article(
        title="Kim tours weapons factories",
        text="Kim Jong Un inspected the production of engines for strategic cruise missiles.\n"
             "He fired two scoped rifles.",
        url="https://a.example/1", published="2023-08-06",
    ))
    store.add_article(Article(
        title="Shoigu in Pyongyang",
        text="Russian Defence Minister Sergei Shoigu visited Pyongyang and talked about security.",
        url="https://b.example/2", published="2023-07-27",
    ))
    store.add_article(Article(title="Café reopens", text="The café in Zürich reopened on Monday.", url="c"))
    return store


def test_search_finds_the_article_with_a_snippet_around_the_match(filled: Store) -> None:
    hits = filled.search("cruise missiles")
    assert [hit.title for hit in hits] == ["Kim tours weapons factories"]
    hit = hits[0]
    assert [hit.snippet[start:end] for start, end in hit.matches] == ["cruise", "missiles"]
    assert "[cruise] [missiles]" in hit.marked()
    assert "\n" not in hit.snippet
    assert hit.url == "https://a.example/1" and hit.published == "2023-08-06"


def test_search_stems_and_ignores_diacritics(filled: Store) -> None:
    assert [hit.title for hit in filled.search("engine")] == ["Kim tours weapons factories"]
    assert [hit.title for hit in filled.search("cafe zurich")] == ["Café reopens"]


def test_a_title_match_ranks_above_a_text_only_match(store: Store) -> None:
    store.add_article(make_article(1, title="Weather", text="Pyongyang was mentioned once in passing today."))
    store.add_article(make_article(2, title="Pyongyang parade", text="Soldiers marched through the capital."))
    hits = store.search("pyongyang")
    assert [hit.title for hit in hits] == ["Pyongyang parade", "Weather"]
    assert hits[0].score > hits[1].score


def test_fts_syntax_works(filled: Store) -> None:
    assert {hit.title for hit in filled.search("shoigu OR rifles")} == {
        "Kim tours weapons factories", "Shoigu in Pyongyang",
    }
    assert [hit.title for hit in filled.search('"scoped rifles"')] == ["Kim tours weapons factories"]
    assert filled.search('"rifles scoped"') == []
    assert [hit.title for hit in filled.search("pyong*")] == ["Shoigu in Pyongyang"]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("kim AND (", True),
        ('"scoped rifles', True),
        ("engines:", True),
        ("kim)", True),
        ("NOT", False),
        ("(((", False),
        ("^*", False),
    ],
)
def test_a_malformed_query_is_searched_as_words_not_an_error(filled: Store, query: str, found: bool) -> None:
    titles = [hit.title for hit in filled.search(query)]
    assert titles == (["Kim tours weapons factories"] if found else [])


def test_blank_query_finds_nothing(filled: Store) -> None:
    assert filled.search("   ") == []


def test_search_leaves_out_replaced_versions(store: Store) -> None:
    store.add_article(make_article(1, text="Kim visited on Thursday."))
    store.add_article(make_article(1, text="Kim visited on Friday."))
    assert [hit.snippet for hit in store.search("visited")] == ["Kim visited on Friday."]
    assert store.search("thursday") == []


def test_search_limit(store: Store) -> None:
    store.add_articles(make_article(number) for number in range(5))
    assert len(store.search("factory")) == 5
    assert len(store.search("factory", limit=2)) == 2
