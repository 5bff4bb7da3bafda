"""The batch's story stage, run on the driver while the workers analyse the later shards.

Shards finish in any order (Ray) or a window ahead (local processes); their articles are assigned to stories
strictly in input order, as soon as every earlier shard is done, so the stories are exactly those of assigning
the whole input one article after another (`stories.cluster`, `corroborator ingest`). docs/ray.md says why
assignment is not spread over the workers."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from corroborator.batch import work
from corroborator.batch.shards import Shard, ShardDirectory
from corroborator.stories.embed import Embedder
from corroborator.stories.index import StoryIndex
from corroborator.types import Analysis, Article, Story


@dataclass
class Loaded:
    """Every analysed article of the run, in input order, with its analysis."""

    articles: list[Article] = field(default_factory=list)
    analyses: list[Analysis] = field(default_factory=list)


RejectSink = Callable[[dict[str, Any]], None]


class StoryStage:
    """Reads finished shards back in input order and assigns their articles to stories."""

    def __init__(self, shard_dir: ShardDirectory, on_reject: RejectSink) -> None:
        self.shard_dir = shard_dir
        self.on_reject = on_reject
        self.loaded = Loaded()
        self.index = StoryIndex(embedder=Embedder())
        self.seconds = 0.0
        """Time spent reading shards back and assigning their articles (overlapping the analysis)."""
        self._waiting: deque[Shard] = deque()
        self._finished: set[str] = set()

    def expect(self, shard: Shard) -> None:
        """The next shard of the input, in order."""
        self._waiting.append(shard)

    def finished(self, shard: Shard) -> None:
        """`shard`'s records are on disk: assign every waiting shard whose predecessors are all done."""
        self._finished.add(shard.fingerprint)
        started = time.monotonic()
        while self._waiting and self._waiting[0].fingerprint in self._finished:
            self._assign(self._waiting.popleft())
        self.seconds += time.monotonic() - started

    def stories(self) -> list[Story]:
        """The stories once every shard is done (a shard the engine never reported is read if on disk)."""
        started = time.monotonic()
        while self._waiting:
            self._assign(self._waiting.popleft())
        stories = self.index.stories()
        self.seconds += time.monotonic() - started
        return stories

    def _assign(self, shard: Shard) -> None:
        loaded = self.loaded
        for record in self.shard_dir.records([shard]):
            if "reject" in record:
                self.on_reject(record["reject"])
                continue
            article, analysis, vector = work.from_record(record)
            loaded.articles.append(article)
            loaded.analyses.append(analysis)
            if vector is not None:
                self.index.embedder.cache[article.id] = vector
            self.index.assign(article, analysis)
