"""Bulk loading: build the on-disk story index of many articles whose stories are already known.

The result is the same set of files (`profiles.sqlite`, `vectors.usearch`, `copies.sqlite`,
`state.pickle`) that incremental assignment reads and writes, filled in big transactions: profiles and
entity postings with `executemany`, vectors added to usearch many at once (on every core, while the
next batch is prepared), copy signatures and LSH band codes computed per batch. No pair is scored and no
copy is looked for among the loaded articles: each article goes into the story its `story` label names
(the first article with a label founds that story). TF-IDF lengths are left to be computed when an
article is first scored."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import numpy as np

from corroborator.stories.copies import CopyEntry
from corroborator.stories.embed import Embedder, Vector
from corroborator.stories.index import StoryIndex
from corroborator.stories.persist import fresh_index, save_index
from corroborator.stories.profile import ArticleProfile
from corroborator.stories.scorer import ScorerModel
from corroborator.stories.state import StoryState
from corroborator.stories.text import shingles

BATCH = 20_000
CACHE_KIB = 256 * 1024


@dataclass
class BulkArticle:
    """One article to load: its profile, lead vector, word tokens and the label of its story."""

    profile: ArticleProfile
    vector: Vector
    tokens: list[str]
    story: int
    joined: float | None = None
    """The score it joined its story with (None for the founder, or when unknown)."""


def bulk_build(
    directory: Path,
    articles: Iterable[BulkArticle],
    model: ScorerModel | None = None,
    embedder: Embedder | None = None,
    batch: int = BATCH,
    threads: int = 0,
) -> StoryIndex:
    """A fresh index in `directory` holding `articles` in their given order, saved to disk."""
    index = fresh_index(directory, model, embedder)
    founders: dict[int, int] = {}
    stream = iter(articles)
    pending: Future[None] | None = None
    with (
        ThreadPoolExecutor(max_workers=1) as graph_builder,
        _fast_writes(index.table.connection),
        _fast_writes(index.copy_detector.connection),
    ):
        while chunk := list(islice(stream, batch)):
            keys = list(range(index.next_key, index.next_key + len(chunk)))
            vectors = np.stack([item.vector for item in chunk])
            if pending is not None:
                pending.result()
            # usearch builds its graph without the GIL: the next batch is prepared meanwhile.
            pending = graph_builder.submit(index.vectors.add_many, keys, vectors, threads)
            add_batch(index, chunk, founders)
            index.table.commit()
            index.copy_detector.commit()
        if pending is not None:
            pending.result()
    save_index(index)
    return index


def add_batch(index: StoryIndex, chunk: list[BulkArticle], founders: dict[int, int]) -> None:
    """Append `chunk` to the index (all but its vectors): profiles, postings, vocabularies, copy data,
    stories."""
    keys = list(range(index.next_key, index.next_key + len(chunk)))
    profiles = [item.profile for item in chunk]
    index.table.add_many(list(zip(keys, profiles, strict=True)))
    index.context.terms.add_many(profile.terms for profile in profiles)
    index.context.entities.add_many(profile.entity_keys() for profile in profiles)
    shingle_sets = [shingles(item.tokens) for item in chunk]
    entries = [
        CopyEntry(p.article_id, p.published, p.length, len(s))
        for p, s in zip(profiles, shingle_sets, strict=True)
    ]
    index.copy_detector.add_many(entries, [item.tokens for item in chunk], shingle_sets)
    for key, item in zip(keys, chunk, strict=True):
        _place(index, key, item, founders)
    index.next_key = keys[-1] + 1
    index.last_article_id = profiles[-1].article_id


def _place(index: StoryIndex, key: int, item: BulkArticle, founders: dict[int, int]) -> None:
    story = founders.setdefault(item.story, key)
    state = index.states.get(story)
    if state is None:
        state = index.states[story] = StoryState(founder=item.profile.article_id)
    state.members.append(key)
    state.note_date(item.profile.published)
    if story != key and item.joined is not None:
        state.joined_sum += item.joined
        state.joined_count += 1
    index.story_of[key] = story


@contextmanager
def _fast_writes(connection: sqlite3.Connection) -> Iterator[None]:
    """No journal and no fsync while a fresh index is filled (a crash leaves no state.pickle, so the
    half-built index is rebuilt), and a bigger page cache; normal settings again afterwards."""
    connection.commit()
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    try:
        yield
    finally:
        connection.commit()
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA cache_size = -2000")
