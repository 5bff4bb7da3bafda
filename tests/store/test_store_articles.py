from __future__ import annotations

from pathlib import Path

import pytest
from store_support import make_article

from corroborator.errors import InputError, NotFound, StoreError
from corroborator.store import Store
from corroborator.types import Analysis, Article, EntityMention


def test_add_then_same_id_is_present_and_reads_back_equal(store: Store) -> None:
    article = make_article(1, removed=["Subscribe to our newsletter"], author="A. Writer", source_id="x-1")
    assert store.add_article(article) == "added"
    assert store.add_article(article) == "present"
    assert store.get_article(article.id) == article
    assert store.count_articles() == 1


def test_changed_text_at_a_stored_url_becomes_a_linked_new_version(store: Store) -> None:
    first = make_article(1, text="Kim visited on Thursday (August 4).")
    correction = make_article(1, text="Kim visited on Friday (August 4).")
    second_correction = make_article(1, text="Kim visited from Friday to Saturday.")
    assert store.add_article(first) == "added"
    assert store.add_article(correction) == "updated"
    assert store.add_article(second_correction) == "updated"
    chain = [article.id for article in store.versions(correction.id)]
    assert chain == [first.id, correction.id, second_correction.id]
    assert store.versions(first.id) == store.versions(second_correction.id)
    assert store.previous_version(correction.id) == first.id
    assert store.previous_version(first.id) is None
    assert store.get_article(first.id).text == "Kim visited on Thursday (August 4)."
    assert [article.id for article in store.list_articles()] == [second_correction.id]
    assert store.count_articles(latest_only=False) == 3


def test_same_text_without_url_is_one_article(store: Store) -> None:
    article = Article(text="A wire report with no address.")
    assert store.add_articles([article, Article(text="A  wire report\nwith no address.")]) == {
        "added": 1, "present": 1, "updated": 0,
    }


def test_get_missing_article_is_not_found_with_a_hint(store: Store) -> None:
    with pytest.raises(NotFound) as raised:
        store.get_article("0000000000000000")
    assert "0000000000000000" in raised.value.message
    assert raised.value.hint


def test_list_articles_filters_and_orders_newest_first(store: Store) -> None:
    store.add_articles([
        make_article(1, outlet="WION", published="2023-08-06"),
        make_article(2, outlet="Reuters", published="2023-08-05T09:30:00Z"),
        make_article(3, outlet="wion", published="2023-07-30"),
        make_article(4, outlet="AP", published=None),
    ])
    numbers = [int(article.title.split()[-1]) for article in store.list_articles()]
    assert numbers == [1, 2, 3, 4]
    assert {a.title for a in store.list_articles(outlet="WION")} == {"Factory visit 1", "Factory visit 3"}
    august = store.list_articles(since="2023-08-01", until="2023-08-05")
    assert [a.title for a in august] == ["Factory visit 2"]
    assert [a.title for a in store.list_articles(until="2023-07-30")] == ["Factory visit 3"]
    assert [a.title for a in store.list_articles(limit=2, offset=1)] == ["Factory visit 2", "Factory visit 3"]
    assert store.count_articles(outlet="wion") == 2


def test_article_with_its_analysis_is_stored_together_and_indexed_by_entity(store: Store) -> None:
    article = make_article(1)
    analysis = Analysis(
        article_id=article.id,
        sentences=[(0, 10)],
        entities=[EntityMention(10, 21, "Kim Jong Un", "PERSON", "Kim Jong Un")],
    )
    assert store.add_article(article, analysis=analysis) == "added"
    assert store.get_analysis(article.id) == analysis
    assert store.articles_with_entity("Kim Jong Un") == [article.id]
    assert store.articles_with_entity("Shoigu") == []


def test_save_analysis_replaces_and_reindexes(store: Store) -> None:
    article = make_article(1)
    store.add_article(article)
    assert store.get_analysis(article.id) is None
    store.save_analysis(Analysis(article.id, entities=[EntityMention(0, 3, "Kim", "PERSON", "Kim Jong Un")]))
    kcna = EntityMention(0, 3, "KCNA", "ORG", "KCNA")
    store.save_analysis(Analysis(article.id, entities=[kcna], version=2))
    assert store.articles_with_entity("Kim Jong Un") == []
    assert store.articles_with_entity("KCNA") == [article.id]
    saved = store.get_analysis(article.id)
    assert saved is not None and saved.version == 2


def test_analysis_of_a_missing_article_or_of_another_article_is_refused(store: Store) -> None:
    with pytest.raises(NotFound):
        store.save_analysis(Analysis("ffffffffffffffff"))
    article = make_article(1)
    with pytest.raises(StoreError, match="not of"):
        store.add_article(article, analysis=Analysis("ffffffffffffffff"))
    assert not store.has_article(article.id)


def test_reopening_keeps_everything(db_path: Path) -> None:
    article = make_article(7)
    with Store(db_path) as first:
        first.add_article(article)
    with Store(db_path) as second:
        assert second.get_article(article.id) == article
        assert second.add_article(article) == "present"


def test_text_that_is_not_valid_unicode_is_a_clear_error(store: Store) -> None:
    broken = Article(text="A lone surrogate \ud800 from a badly decoded file.", id="00000000000000bd")
    with pytest.raises(InputError, match="not valid Unicode"):
        store.add_article(broken)
    assert store.count_articles() == 0
