"""Story assignment at ingest time: the persisted story index beside the database, updated under a lock.

Each ingest analyses and stores its new articles first (one transaction each), then takes the index lock,
opens the index (rebuilt from the store if another writer changed it), assigns every read article that has
no story yet, and writes the touched stories back. An ingest interrupted anywhere is finished by running it
again: stored articles without a story are assigned then.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from corroborator.store import Store

if TYPE_CHECKING:
    from corroborator.stories import StoryIndex
from corroborator.types import Assignment


@contextmanager
def index_lock(db_path: Path) -> Iterator[None]:
    """An exclusive lock on the story index of `db_path`, shared by every process that writes it."""
    lock_path = db_path.with_name(db_path.name + ".stories.lock")
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def assign_stories(store: Store, article_ids: Sequence[str]) -> list[Assignment]:
    """Put each of `article_ids` not yet in the index into a story, after any other stored article the index
    lacks (from an interrupted run or a writer that stored without assigning); then write every story back
    to the store, since a join may also merge or split stories."""
    from corroborator.stories import StoryIndex, index_dir_for, load_index, save_index
    from corroborator.stories.persist import store_fingerprint

    wanted = list(dict.fromkeys(article_ids))
    if not wanted:
        return []
    with index_lock(store.path):
        directory = index_dir_for(store.path)
        index = load_index(directory) or StoryIndex(directory)
        assignments = [_assign(store, index, i) for i in _unindexed(store, index, wanted)]
        store.replace_stories(index.stories())
        save_index(index, store_fingerprint(store))
    asked = set(wanted)
    return [a for a in assignments if a.article in asked]


def _unindexed(store: Store, index: StoryIndex, wanted: list[str]) -> list[str]:
    new = [article_id for article_id in wanted if index.table.key_of(article_id) is None]
    if store.count_articles() == len(index) + len(new):
        return new
    queued = set(new)
    lacking = [i for i in store.article_ids() if i not in queued and index.table.key_of(i) is None]
    return lacking + new


def _assign(store: Store, index: StoryIndex, article_id: str) -> Assignment:
    return index.assign(store.get_article(article_id), store.get_analysis(article_id))
