"""The story index on disk, beside the database: `corroborator.db.stories/` holds `profiles.sqlite`
(profiles and the entity inverted index), `vectors.usearch` (lead vectors), `copies.sqlite` (copy
signatures and LSH buckets) and `state.pickle` (vocabularies, story membership), written last. The
index records a fingerprint of the store it was built from (article count + id of the newest article);
when that no longer matches, it is rebuilt."""

from __future__ import annotations

import gc
import os
import pickle
import shutil
from pathlib import Path
from typing import Any, Protocol

from corroborator.errors import StoreError
from corroborator.stories.copies import CopyDetector
from corroborator.stories.embed import DIMENSIONS, Embedder
from corroborator.stories.index import StoryIndex
from corroborator.stories.lite import analyses_for
from corroborator.stories.scorer import ScorerModel
from corroborator.stories.vectors import VectorIndex
from corroborator.types import Analysis, Article

STATE_FILE = "state.pickle"
VECTORS_FILE = "vectors.usearch"
COPIES_FILE = "copies.sqlite"
INDEX_FILES = (STATE_FILE, VECTORS_FILE, COPIES_FILE, "profiles.sqlite", STATE_FILE + ".tmp")
STATE_VERSION = 4
STATE_FIELDS = (
    "context",
    "copy_links",
    "story_of",
    "states",
    "storylines",
    "next_key",
    "last_article_id",
    "norms",
)
PAGE = 1000


class ArticleSource(Protocol):
    """What the index needs from the store to build itself."""

    def count_articles(self) -> int: ...

    def list_articles(self, *, limit: int, offset: int, latest_only: bool) -> list[Article]: ...

    def get_analysis(self, article_id: str) -> Analysis | None: ...


def index_dir_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".stories")


def save_index(index: StoryIndex, fingerprint: str = "") -> None:
    """Write the index to its directory (state written to a temporary file, then renamed)."""
    if index.directory is None:
        raise StoreError("this story index lives in memory", "create it with a directory to save it")
    index.table.commit()
    index.copy_detector.save_to(index.directory / COPIES_FILE)
    index.vectors.save(index.directory / VECTORS_FILE)
    state: dict[str, Any] = {name: getattr(index, name) for name in STATE_FIELDS}
    state["version"] = STATE_VERSION
    state["fingerprint"] = fingerprint or index.fingerprint
    temporary = index.directory / (STATE_FILE + ".tmp")
    with temporary.open("wb") as out:
        pickle.dump(state, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, index.directory / STATE_FILE)


def saved_fingerprint(directory: Path) -> str | None:
    state = _read_state(directory)
    return None if state is None else str(state.get("fingerprint", ""))


def _read_state(directory: Path) -> dict[str, Any] | None:
    path = directory / STATE_FILE
    if not all((directory / name).is_file() for name in (STATE_FILE, VECTORS_FILE, COPIES_FILE)):
        return None
    try:
        with path.open("rb") as source:
            state: dict[str, Any] = pickle.load(source)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return state if state.get("version") == STATE_VERSION else None


def load_index(
    directory: Path, model: ScorerModel | None = None, embedder: Embedder | None = None
) -> StoryIndex | None:
    """The saved index in `directory`, or None when it is missing, unreadable or of another version;
    the files of an unusable index are removed, so that a new index made there starts empty."""
    state = _read_state(directory)
    if state is None:
        for name in INDEX_FILES:
            (directory / name).unlink(missing_ok=True)
        return None
    index = StoryIndex(directory, model=model, embedder=embedder)
    for name in STATE_FIELDS:
        setattr(index, name, state[name])
    index.vectors = VectorIndex.restore(directory / VECTORS_FILE, DIMENSIONS)
    index.copy_detector = CopyDetector(directory / COPIES_FILE)
    # The loaded state lives as long as the process: keep the cyclic collector from walking it again
    # and again (at a million articles each full collection would stall an assignment).
    gc.freeze()
    return index


def fresh_index(
    directory: Path, model: ScorerModel | None = None, embedder: Embedder | None = None
) -> StoryIndex:
    """An empty index in an emptied `directory`, its copy index written straight to disk."""
    shutil.rmtree(directory, ignore_errors=True)
    index = StoryIndex(directory, model=model, embedder=embedder)
    index.copy_detector = CopyDetector(directory / COPIES_FILE)
    return index


def store_fingerprint(store: ArticleSource) -> str:
    """Article count and the id of the newest stored article."""
    count = store.count_articles()
    newest = store.list_articles(limit=1, offset=0, latest_only=True)
    return f"{count}:{newest[0].id if newest else ''}"


def open_index(
    db_path: Path, store: ArticleSource, model: ScorerModel | None = None, embedder: Embedder | None = None
) -> tuple[StoryIndex, bool]:
    """The index beside `db_path`, rebuilt from the store when missing or stale. Returns (index, rebuilt)."""
    directory = index_dir_for(db_path)
    fingerprint = store_fingerprint(store)
    if saved_fingerprint(directory) == fingerprint:
        loaded = load_index(directory, model, embedder)
        if loaded is not None:
            return loaded, False
    return rebuild_index(directory, store, fingerprint, model, embedder), True


def rebuild_index(
    directory: Path,
    store: ArticleSource,
    fingerprint: str,
    model: ScorerModel | None = None,
    embedder: Embedder | None = None,
) -> StoryIndex:
    """A fresh index over every stored article, assigned oldest published first; articles stored without
    an analysis are analysed on the way (the analysis is not written back)."""
    index = fresh_index(directory, model, embedder)
    articles: list[Article] = []
    while True:
        page = store.list_articles(limit=PAGE, offset=len(articles), latest_only=True)
        articles.extend(page)
        if len(page) < PAGE:
            break
    articles.sort(key=lambda a: a.published or "")
    for start in range(0, len(articles), PAGE):
        batch = articles[start : start + PAGE]
        analyses = [store.get_analysis(article.id) for article in batch]
        missing = [i for i, analysis in enumerate(analyses) if analysis is None]
        for i, analysis in zip(missing, analyses_for([batch[i] for i in missing]), strict=True):
            analyses[i] = analysis
        for article, found in zip(batch, analyses, strict=True):
            index.assign(article, found)
    save_index(index, fingerprint)
    return index
