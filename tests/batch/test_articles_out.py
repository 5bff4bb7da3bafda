"""The articles output is written beside the briefs by a process of its own, and never lost if it dies."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

from corroborator.batch import work
from corroborator.batch.articles_out import ArticlesWriter, write_articles
from corroborator.batch.shards import Shard, ShardDirectory, cut_into_shards
from corroborator.types import Analysis, Article


def written_shards(out: Path, count: int) -> list[Shard]:
    articles = [
        Article(id=f"a{n}", text=f"Report {n}: fire in Lyon, café closed.", title=f"T{n}")
        for n in range(count)
    ]
    shards = list(cut_into_shards(articles, 4))
    shard_dir = ShardDirectory(out)
    for shard in shards:
        shard_dir.write(shard, [work.record(a, Analysis(article_id=a.id)) for a in shard.articles])
    return shards


def ids_in(path: Path) -> list[str]:
    return [json.loads(line)["article_id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_process_writes_every_article_in_input_order(tmp_path: Path) -> None:
    shards = written_shards(tmp_path, 10)
    with ArticlesWriter(tmp_path, parquet=True) as writer:
        writer.start(shards)
        writer.finish(shards)
    assert ids_in(tmp_path / "articles.jsonl") == [f"a{n}" for n in range(10)]
    assert (tmp_path / "articles.parquet").stat().st_size > 0


def test_a_killed_writer_process_is_replaced_by_the_driver(tmp_path: Path) -> None:
    shards = written_shards(tmp_path, 6)
    with ArticlesWriter(tmp_path, parquet=False) as writer:
        writer.start(shards)
        assert writer._process is not None and writer._process.pid is not None
        os.kill(writer._process.pid, signal.SIGKILL)
        writer.finish(shards)
    assert ids_in(tmp_path / "articles.jsonl") == [f"a{n}" for n in range(6)]


def test_without_a_process_the_driver_writes_the_same_rows(tmp_path: Path) -> None:
    shards = written_shards(tmp_path, 5)
    with ArticlesWriter(tmp_path, parquet=False) as writer:
        writer.finish(shards)
    first = (tmp_path / "articles.jsonl").read_text(encoding="utf-8")
    write_articles(tmp_path, shards, parquet=False)
    assert (tmp_path / "articles.jsonl").read_text(encoding="utf-8") == first
    assert len(first.splitlines()) == 5
