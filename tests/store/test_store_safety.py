"""Nothing is ever half-written: a write that fails midway, a full disk or a killed process leaves whole
articles only, and running the same job again finishes it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from store_support import make_article

from corroborator.errors import StoreError
from corroborator.store import Store
from corroborator.store.db import store_error
from corroborator.types import Analysis


def _integrity(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        orphans = connection.execute(
            "SELECT count(*) FROM analyses WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        connection.close()


def test_a_write_that_fails_midway_leaves_no_article_and_can_be_redone(store: Store, db_path: Path) -> None:
    saboteur = sqlite3.connect(db_path)
    saboteur.execute(
        "CREATE TRIGGER fail_analysis BEFORE INSERT ON analyses BEGIN SELECT RAISE(ABORT, 'disk gone'); END"
    )
    saboteur.commit()
    article = make_article(1, text="Engines for strategic cruise missiles were inspected.")
    with pytest.raises(StoreError, match="disk gone"):
        store.add_article(article, analysis=Analysis(article.id, sentences=[(0, 10)]))
    assert not store.has_article(article.id)
    assert store.search("cruise") == []
    _integrity(db_path)
    saboteur.execute("DROP TRIGGER fail_analysis")
    saboteur.commit()
    saboteur.close()
    assert store.add_article(article, analysis=Analysis(article.id, sentences=[(0, 10)])) == "added"
    assert [hit.id for hit in store.search("cruise")] == [article.id]


def test_a_full_disk_is_a_clear_error_and_leaves_no_half_article(store: Store, db_path: Path) -> None:
    store.add_article(make_article(1))
    connection = store._db.connection  # the limit is per connection, so set it on the store's own one
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages + 2}")
    big = make_article(2, text="missile " * 200_000)
    with pytest.raises(StoreError) as raised:
        store.add_article(big)
    assert "disk is full" in raised.value.message
    assert "free some space" in raised.value.hint
    assert not store.has_article(big.id)
    assert store.count_articles() == 1
    connection.execute("PRAGMA max_page_count = 1073741823")
    assert store.add_article(big) == "added"
    _integrity(db_path)


def test_a_read_only_database_error_says_so(db_path: Path) -> None:
    Store(db_path).close()
    read_only = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as raised:
        read_only.execute("INSERT INTO articles (id, text) VALUES ('x', 'y')")
    read_only.close()
    error = store_error(raised.value, db_path)
    assert "read-only" in error.message and "writable" in error.hint


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write a file whatever its mode")
def test_a_read_only_file_is_a_clear_error(db_path: Path) -> None:
    Store(db_path).close()
    db_path.chmod(0o444)
    db_path.parent.chmod(0o555)
    try:
        with pytest.raises(StoreError, match=r"read-only|cannot be opened"), Store(db_path) as store:
            store.add_article(make_article(1))
    finally:
        db_path.parent.chmod(0o755)
        db_path.chmod(0o644)


_WRITER = """
import sys
from corroborator.store import Store
from corroborator.types import Article
with Store(sys.argv[1]) as store:
    for number in range(int(sys.argv[2])):
        text = f"Report {number}. " + f"word{number} " * 30000
        store.add_article(Article(text=text, title=f"Report {number}", url=f"https://x/{number}"))
        print(number, flush=True)
"""


def _expected_text(number: int) -> str:
    return f"Report {number}. " + f"word{number} " * 30000


def test_a_killed_writer_leaves_whole_articles_and_a_rerun_finishes(db_path: Path) -> None:
    total = 40
    with subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(db_path), str(total)], stdout=subprocess.PIPE, text=True
    ) as writer:
        assert writer.stdout is not None
        for _ in range(5):
            writer.stdout.readline()
        writer.kill()
    with Store(db_path) as store:
        stored = store.list_articles(limit=total)
        assert 5 <= len(stored) < total
        for article in stored:
            assert article.text == _expected_text(int(article.title.split()[1]))
    _integrity(db_path)
    subprocess.run([sys.executable, "-c", _WRITER, str(db_path), str(total)], check=True, capture_output=True)
    with Store(db_path) as store:
        assert store.count_articles() == total
    _integrity(db_path)
