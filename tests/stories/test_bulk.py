"""Bulk loading: the files it writes are the ones incremental assignment reads, filled the same way."""

from __future__ import annotations

import pickle
import shutil
import sqlite3
from pathlib import Path

from stories_helpers import seed_articles

from corroborator.stories.bulk import bulk_build
from corroborator.stories.copies import CopyDetector, CopyEntry
from corroborator.stories.persist import COPIES_FILE, load_index
from corroborator.stories.table import ProfileTable
from corroborator.stories.text import shingles, words
from datagen.synthetic import article, generated, new_articles

SIZE = 600


def _dump(connection: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    return connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()


def test_bulk_tables_equal_those_filled_one_by_one(tmp_path: Path) -> None:
    index = bulk_build(tmp_path / "bulk", generated(SIZE), batch=250)
    one_by_one = ProfileTable()
    detector = CopyDetector()
    for key, item in enumerate(generated(SIZE)):
        one_by_one.add(key, item.profile)
        profile = item.profile
        entry = CopyEntry(profile.article_id, profile.published, profile.length, len(shingles(item.tokens)))
        detector.add(entry, item.tokens)
    for table in ("profile", "posting"):
        assert _dump(index.table.connection, table) == _dump(one_by_one.connection, table)
    for table in ("copy_entry", "copy_exact", "copy_bucket"):
        assert _dump(index.copy_detector.connection, table) == _dump(detector.connection, table)
    assert len(_dump(detector.connection, "copy_bucket")) > SIZE


def test_a_bulk_index_loads_and_assigns_like_the_one_built(tmp_path: Path) -> None:
    built = bulk_build(tmp_path / "bulk", generated(SIZE), batch=250)
    labels = {item.story for item in generated(SIZE)}
    assert len(built) == SIZE and len(built.stories()) == len(labels)
    shutil.copytree(tmp_path / "bulk", tmp_path / "copy")
    loaded = load_index(tmp_path / "copy")
    assert loaded is not None and (tmp_path / "copy" / COPIES_FILE).is_file()
    assert [(s.id, s.articles) for s in loaded.stories()] == [(s.id, s.articles) for s in built.stories()]
    for profile, vector, tokens in new_articles(SIZE, 30):
        first = built.assign_profile(profile, vector, tokens)
        second = loaded.assign_profile(profile, vector, tokens)
        assert (first.story, first.created, first.score) == (second.story, second.created, second.score)
    later = [loaded.assign_profile(*item) for item in new_articles(SIZE + 30, 30)]
    assert any(not assignment.created for assignment in later), "new articles join running stories"


def test_the_corpus_is_a_function_of_the_article_number() -> None:
    items = list(generated(1200))
    again = article(1100)
    assert again.profile == items[1100].profile and again.tokens == items[1100].tokens
    assert (again.vector == items[1100].vector).all()
    assert len({item.story for item in items}) < len(items) / 2


def test_exact_copies_loaded_in_bulk_get_no_signature() -> None:
    tokens = words(seed_articles()[0].text)
    entries = [CopyEntry(f"c{n}", None, len(tokens), len(shingles(tokens))) for n in range(3)]
    detector = CopyDetector()
    detector.add_many(entries, [tokens] * 3)
    signed = detector.connection.execute("SELECT count(signature) FROM copy_entry").fetchone()[0]
    assert signed == 1
    link, mates = detector.add(CopyEntry("late", None, len(tokens), len(shingles(tokens))), tokens)
    assert link is not None and link.copy_of == "c0" and mates == ["c0"]


def test_a_copy_detector_survives_pickling_and_moving_to_disk(tmp_path: Path) -> None:
    first, second = seed_articles()
    tokens = words(first.text)
    detector = CopyDetector()
    detector.add(CopyEntry("a", "2023-01-01", len(tokens), len(shingles(tokens))), tokens)
    restored: CopyDetector = pickle.loads(pickle.dumps(detector))
    detector.save_to(tmp_path / "copies.sqlite")
    reopened = CopyDetector(tmp_path / "copies.sqlite")
    edited = [*tokens[:-3], "another", "ending", "here"]
    for copies in (restored, reopened):
        link, _ = copies.add(CopyEntry("b", "2023-01-02", len(edited), len(shingles(edited))), edited)
        assert link is not None and (link.article, link.copy_of) == ("b", "a") and link.overlap > 0.9
    other = words(second.text)
    link, _ = reopened.add(CopyEntry("c", None, len(other), len(shingles(other))), other)
    assert link is None
