"""`articles.jsonl` (and `.parquet`), read back from the shards and written by a process of its own while the
workers build the briefs: the output needs nothing the briefs make, and the driver's machine has the files."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from corroborator.batch import work
from corroborator.batch.rows import article_row
from corroborator.batch.shards import Shard, ShardDirectory
from corroborator.batch.write import OutputWriter


def write_articles(out_dir: Path, shards: list[Shard], parquet: bool) -> None:
    """Write the articles output of `shards`, in input order."""
    with OutputWriter(out_dir, "articles", parquet) as writer:
        writer.add_all(article_rows(ShardDirectory(out_dir), shards))


def article_rows(shard_dir: ShardDirectory, shards: list[Shard]) -> Iterator[dict[str, Any]]:
    """The rows of `articles.jsonl`, read back from the shards in input order."""
    for record in shard_dir.records(shards):
        if "reject" not in record:
            article, analysis, _ = work.from_record(record)
            yield article_row(article, analysis)


class ArticlesWriter:
    """Writes the articles output, in a spawned process from `start` (beside the briefs) or in this one.

    `finish` waits for that process; if it failed (killed for memory, say), or none was started, the output
    is written in this process, so it is never lost. Leaving the context on an error stops the process."""

    def __init__(self, out_dir: Path, parquet: bool) -> None:
        self.out_dir = out_dir
        self.parquet = parquet
        self._process: BaseProcess | None = None

    def __enter__(self) -> ArticlesWriter:
        return self

    def start(self, shards: list[Shard]) -> None:
        context = multiprocessing.get_context("spawn")
        self._process = context.Process(
            target=_write_in_child, args=(self.out_dir, shards, self.parquet), name="articles-writer"
        )
        self._process.start()

    def finish(self, shards: list[Shard]) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.join()
            if process.exitcode == 0:
                return
        write_articles(self.out_dir, shards, self.parquet)

    def __exit__(self, *exc: object) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._process = None


def _write_in_child(out_dir: Path, shards: list[Shard], parquet: bool) -> None:
    work.limit_threads()
    try:
        write_articles(out_dir, shards, parquet)
    except Exception:
        raise SystemExit(1) from None  # the driver writes the output itself, and reports what fails there
