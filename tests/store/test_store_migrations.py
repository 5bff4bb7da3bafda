from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from corroborator.errors import StoreError
from corroborator.store import Store
from corroborator.store.db import migration_scripts, split_statements
from corroborator.types import Analysis, Article


def _version_one_database(path: Path) -> None:
    """A database as the first release left it: schema 0001 only, one article written with plain SQL."""
    _, _, base = migration_scripts()[0]
    connection = sqlite3.connect(path)
    connection.executescript(base)
    connection.execute(
        "INSERT INTO articles (id, title, text, url, removed) VALUES (?, ?, ?, ?, ?)",
        ("00000000000000aa", "Old title", "An article stored before the analyses existed.", "u", "[]"),
    )
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()


def test_migrations_are_numbered_from_one() -> None:
    numbers = [number for number, _, _ in migration_scripts()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert migration_scripts()[0][1] == "0001_base.sql"


def test_a_new_database_gets_the_latest_schema_in_wal_mode(db_path: Path) -> None:
    with Store(db_path) as store:
        assert store.schema_version == len(migration_scripts())
    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    connection.close()
    assert {"articles", "articles_fts", "analyses", "article_entities", "stories", "story_members", "copies",
            "vectors"} <= tables


def test_an_old_database_is_migrated_and_keeps_its_articles(db_path: Path) -> None:
    _version_one_database(db_path)
    with Store(db_path) as store:
        assert store.schema_version == len(migration_scripts())
        old = store.get_article("00000000000000aa")
        assert old.title == "Old title"
        assert [hit.id for hit in store.search("analyses")] == ["00000000000000aa"]
        store.save_analysis(Analysis(old.id, sentences=[(0, 10)]))
        assert store.get_analysis(old.id) == Analysis(old.id, sentences=[(0, 10)])
        assert store.add_article(Article(text="New one.")) == "added"


def test_a_database_newer_than_the_code_is_refused_with_a_hint(db_path: Path) -> None:
    Store(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    with pytest.raises(StoreError) as raised:
        Store(db_path)
    assert "999" in raised.value.message and "newer" in raised.value.message
    assert "upgrade" in raised.value.hint


def test_a_file_that_is_not_a_database_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not SQLite\n" * 100)
    with pytest.raises(StoreError) as raised:
        Store(path)
    assert "not a corroborator database" in raised.value.message
    assert raised.value.hint


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    _, _, base = migration_scripts()[0]
    statements = split_statements(base)
    triggers = [statement for statement in statements if statement.startswith("CREATE TRIGGER")]
    assert len(triggers) == 3
    assert all(trigger.endswith("END;") for trigger in triggers)
    with pytest.raises(StoreError, match="unterminated"):
        split_statements("CREATE TABLE t (a INTEGER")


def test_migration_three_gives_stored_entities_their_cross_article_ids(db_path: Path) -> None:
    """A store written before entity ids: its entity rows get ids, and a lookup finds every spelling."""
    connection = sqlite3.connect(db_path)
    for _, _, script in migration_scripts()[:2]:
        connection.executescript(script)
    rows = [("00000000000000aa", "Cheong Seong-chang"), ("00000000000000bb", "Cheong Seong Chang")]
    for article_id, name in rows:
        connection.execute(
            "INSERT INTO articles (id, title, text, url, removed) VALUES (?, '', ?, '', '[]')",
            (article_id, f"{name} said so."),
        )
        insert = "INSERT INTO article_entities (article_id, entity, label) VALUES (?, ?, 'PERSON')"
        connection.execute(insert, (article_id, name))
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()
    with Store(db_path) as store:
        assert store.articles_with_entity("Cheong Seong-chang") == ["00000000000000aa", "00000000000000bb"]
        assert store.articles_with_entity("cheongseongchang") == ["00000000000000aa", "00000000000000bb"]
    connection = sqlite3.connect(db_path)
    ids = {row[0] for row in connection.execute("SELECT entity_id FROM article_entities")}
    connection.close()
    assert ids == {"cheongseongchang"}
