"""stories stage: which articles report one real-world event, and which are copies of each other.

- `StoryIndex(directory=None)`: incremental `assign(article, analysis) -> Assignment`, `stories()`,
  `recheck(story_id)` (split); copies found with MinHash LSH (`CopyLink`).
- `cluster(articles, analyses) -> list[Story]`: the batch form (assigns one by one, in order).
- `open_index(db_path, store)`: the persisted index beside the database, rebuilt when stale.
- `stories_to_jsonl_rows(stories)`: rows for the batch command's stories.jsonl.
"""

from corroborator.stories.batch import cluster, stories_to_jsonl_rows
from corroborator.stories.embed import Embedder
from corroborator.stories.index import StoryIndex
from corroborator.stories.persist import index_dir_for, load_index, open_index, save_index
from corroborator.stories.profile import lead_of
from corroborator.stories.scorer import ScorerModel, load_model

__all__ = [
    "Embedder",
    "ScorerModel",
    "StoryIndex",
    "cluster",
    "index_dir_for",
    "lead_of",
    "load_index",
    "load_model",
    "open_index",
    "save_index",
    "stories_to_jsonl_rows",
]
