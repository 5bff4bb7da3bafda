"""store stage: the SQLite database every later stage reads and writes (see docs/ARCHITECTURE.md)."""

from corroborator.store.articles import AddResult, SearchHit
from corroborator.store.codec import (
    analysis_from_dict,
    analysis_to_dict,
    article_from_dict,
    article_to_dict,
    story_from_dict,
    story_to_dict,
)
from corroborator.store.db import DB_ENV, DEFAULT_DB, resolve_db_path
from corroborator.store.store import Store
from corroborator.store.transfer import ImportReport

__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "AddResult",
    "ImportReport",
    "SearchHit",
    "Store",
    "analysis_from_dict",
    "analysis_to_dict",
    "article_from_dict",
    "article_to_dict",
    "resolve_db_path",
    "story_from_dict",
    "story_to_dict",
]
