"""The batch's story stage, run on the driver while the workers analyse the later shards.

Shards finish in any order (Ray) or a window ahead (local processes); their articles are assigned to stories
strictly in input order, as soon as every earlier shard is done, so the stories are exactly those of assigning
the whole input one article after another (`stories.cluster`, `corroborator ingest`). docs/ray.md says why
assignment is not spread over the workers. `StoryStageThread` runs the stage beside the engine's loop."""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from corroborator.batch import work
from corroborator.batch.rows import output_id
from corroborator.batch.shards import Place, Shard, ShardDirectory
from corroborator.stories.embed import Embedder
from corroborator.stories.index import StoryIndex
from corroborator.types import Article, Story


@dataclass
class Located:
    """Where each analysed article of the run lies in the shards. The driver keeps these places, not the
    articles: its memory grows with the story index only, not with texts and analyses, which briefs and
    outputs read back from the shards."""

    places: dict[str, Place] = field(default_factory=dict)
    output_ids: dict[str, str] = field(default_factory=dict)
    """Article id -> the id the batch's rows give it (`rows.output_id`)."""
    count: int = 0
    """Articles analysed, in input order (an article given twice counts twice)."""

    def add(self, article: Article, place: Place) -> None:
        self.places[article.id] = place
        self.output_ids[article.id] = output_id(article)
        self.count += 1


RejectSink = Callable[[dict[str, Any]], None]


class StoryStage:
    """Reads finished shards back in input order and assigns their articles to stories."""

    def __init__(self, shard_dir: ShardDirectory, on_reject: RejectSink) -> None:
        self.shard_dir = shard_dir
        self.on_reject = on_reject
        self.located = Located()
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
        cache = self.index.embedder.cache
        for record, place in self.shard_dir.placed_records([shard]):
            if "reject" in record:
                self.on_reject(record["reject"])
                continue
            article, analysis, vector = work.from_record(record)
            self.located.add(article, place)
            if vector is not None:
                cache[article.id] = vector
            self.index.assign(article, analysis, events=work.events_from_record(record))
            cache.pop(article.id, None)  # the index keeps its own copy


class StoryStageThread:
    """A StoryStage made and run on a thread of the driver, fed in order through a queue.

    The engine's loop then hands out the next shards while articles are assigned, so the workers never
    wait for the driver's assignment of a slow shard (a shard of big stories takes seconds). The stage
    is made on its thread because its story index holds an SQLite connection, which stays on one thread;
    once `stories` has returned, `stage` may be read from any thread."""

    def __init__(self, make_stage: Callable[[], StoryStage]) -> None:
        self._make_stage = make_stage
        self._stage: StoryStage | None = None
        self._stories: list[Story] = []
        self._events: queue.SimpleQueue[tuple[str, Shard] | None] = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._cancelled = False
        self._thread = threading.Thread(target=self._run, name="story-stage", daemon=True)

    def __enter__(self) -> StoryStageThread:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._cancelled = exc[0] is not None  # the run failed: the shards still queued are not assigned
        self._stop()

    @property
    def stage(self) -> StoryStage:
        if self._thread.is_alive() or self._stage is None:
            raise RuntimeError("the story stage is read once its thread has given the stories")
        return self._stage

    def expect(self, shard: Shard) -> None:
        self._events.put(("expect", shard))

    def finished(self, shard: Shard) -> None:
        self._events.put(("finished", shard))

    def stories(self) -> list[Story]:
        """The stories, once every shard handed over so far is assigned; re-raises the stage's error."""
        self._stop()
        if self._error is not None:
            raise self._error
        return self._stories

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._events.put(None)
            self._thread.join()

    def _run(self) -> None:
        try:
            stage = self._stage = self._make_stage()
            while (event := self._events.get()) is not None:
                if not self._cancelled:
                    kind, shard = event
                    (stage.expect if kind == "expect" else stage.finished)(shard)
            if not self._cancelled:
                self._stories = stage.stories()
        except BaseException as error:  # handed to the driver's thread by `stories`
            self._error = error
