"""The index on disk: saved and loaded whole, rebuilt from the store when missing or stale."""

from __future__ import annotations

from pathlib import Path

from stories_helpers import seed_articles

from corroborator.store import Store
from corroborator.stories import StoryIndex, load_index, open_index, save_index
from corroborator.stories.embed import Embedder
from corroborator.stories.persist import COPIES_FILE, index_dir_for
from corroborator.types import Article


def test_a_saved_index_loads_with_the_same_stories(tmp_path: Path, embedder: Embedder) -> None:
    index = StoryIndex(tmp_path / "index", embedder=embedder)
    for article in seed_articles():
        index.assign(article)
    save_index(index)
    loaded = load_index(tmp_path / "index", embedder=embedder)
    assert loaded is not None
    assert [(s.id, s.articles) for s in loaded.stories()] == [(s.id, s.articles) for s in index.stories()]
    extra = Article(text=seed_articles()[0].text, url="https://example.org/again")
    assert loaded.assign(extra).story == index.stories()[0].id


def test_a_missing_or_broken_index_loads_as_none(tmp_path: Path) -> None:
    assert load_index(tmp_path / "nothing") is None
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "state.pickle").write_bytes(b"not a pickle")
    (tmp_path / "broken" / "vectors.usearch").write_bytes(b"")
    assert load_index(tmp_path / "broken") is None


def test_the_index_is_rebuilt_when_the_store_changes(tmp_path: Path, embedder: Embedder) -> None:
    db_path = tmp_path / "corroborator.db"
    with Store(db_path) as store:
        for article in seed_articles():
            store.add_article(article)
        index, rebuilt = open_index(db_path, store, embedder=embedder)
        assert rebuilt and len(index) == 2
        assert index_dir_for(db_path).is_dir()
        again, rebuilt = open_index(db_path, store, embedder=embedder)
        assert not rebuilt and len(again) == 2
        store.add_article(Article(text="A second, unrelated report about a flood in a river valley town."))
        grown, rebuilt = open_index(db_path, store, embedder=embedder)
        assert rebuilt and len(grown) == 3 and len(grown.stories()) == 2


def test_an_index_of_an_older_version_is_cleared_and_rebuilt(tmp_path: Path, embedder: Embedder) -> None:
    db_path = tmp_path / "corroborator.db"
    with Store(db_path) as store:
        for article in seed_articles():
            store.add_article(article)
        first, _ = open_index(db_path, store, embedder=embedder)
        assert len(first) == 2
        directory = index_dir_for(db_path)
        (directory / COPIES_FILE).unlink()
        assert load_index(directory, embedder=embedder) is None
        assert not (directory / "profiles.sqlite").exists()
        fresh = StoryIndex(directory, embedder=embedder)
        assert fresh.table.key_of(seed_articles()[0].id) is None
        again, rebuilt = open_index(db_path, store, embedder=embedder)
        assert rebuilt and len(again) == 2 and (directory / COPIES_FILE).is_file()
