"""`run_batch`: read inputs, analyse them shard by shard, group stories, build briefs, write the outputs."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from corroborator.batch import work
from corroborator.batch.rows import article_row, output_id
from corroborator.batch.shards import Shard, ShardDirectory, cut_into_shards
from corroborator.batch.write import write_jsonl, write_parquet
from corroborator.errors import InputError
from corroborator.ingest import ReadOptions, read_sources
from corroborator.types import Analysis, Article, Failure, Story

Engine = Literal["local", "ray"]


@dataclass
class BatchOptions:
    engine: Engine = "local"
    address: str | None = None
    """Ray cluster address (`ray://host:10001` or `auto`); None starts a local Ray."""
    workers: int | None = None
    shard_size: int = 200
    read: ReadOptions = field(default_factory=ReadOptions)
    parquet: bool = True
    briefs: bool = True


@dataclass
class BatchReport:
    out_dir: Path
    articles: int = 0
    shards_run: int = 0
    shards_skipped: int = 0
    stories: int = 0
    briefs: int = 0
    rejects: list[Failure] = field(default_factory=list)
    seconds: float = 0.0


class BatchEngine(Protocol):
    name: str

    def __enter__(self) -> BatchEngine: ...
    def __exit__(self, *exc: object) -> None: ...
    def analyze_shards(self, shards: Any) -> Any: ...
    def map(self, function: Callable[..., Any], argument_lists: Any) -> list[Any]: ...


def make_engine(options: BatchOptions) -> BatchEngine:
    if options.engine == "ray":
        from corroborator.batch.ray_engine import RayEngine

        return RayEngine(options.address, options.workers)
    from corroborator.batch.local import LocalEngine

    return LocalEngine(options.workers)


Progress = Callable[[str, int], None]


def run_batch(
    inputs: Sequence[str],
    out_dir: Path,
    options: BatchOptions | None = None,
    progress: Progress | None = None,
) -> BatchReport:
    """Run the whole pipeline over `inputs` into `out_dir`; finished shards of an earlier run are skipped."""
    options = options or BatchOptions()
    if not inputs:
        raise InputError("no input given", "name one or more JSONL, CSV, Parquet, WARC, text or HTML files")
    started = time.monotonic()
    out_dir.mkdir(parents=True, exist_ok=True)
    report = BatchReport(out_dir)
    shard_dir = ShardDirectory(out_dir)
    with make_engine(options) as engine:
        count = _analyze(
            engine, read_sources(list(inputs), options.read), options, shard_dir, report, progress
        )
        articles, analyses = _load(shard_dir, count, report)
        stories = _stories(articles, analyses)
        briefs = _briefs(engine, stories, articles, analyses) if options.briefs else []
    report.articles, report.stories, report.briefs = len(articles), len(stories), len(briefs)
    _write_outputs(out_dir, articles, analyses, stories, briefs, report, options.parquet)
    report.seconds = time.monotonic() - started
    return report


def _analyze(
    engine: BatchEngine,
    items: Any,
    options: BatchOptions,
    shard_dir: ShardDirectory,
    report: BatchReport,
    progress: Progress | None,
) -> int:
    shards = list(cut_into_shards(items, options.shard_size))
    todo: list[Shard] = []
    for shard in shards:
        report.rejects.extend(shard.read_failures)
        if shard_dir.is_done(shard):
            report.shards_skipped += 1
        else:
            todo.append(shard)
    for shard, records in engine.analyze_shards(todo):
        shard_dir.write(shard, records)
        report.shards_run += 1
        if progress:
            progress("analyze", len(shard.articles))
    return len(shards)


def _load(shard_dir: ShardDirectory, count: int, report: BatchReport) -> tuple[list[Article], list[Analysis]]:
    articles: list[Article] = []
    analyses: list[Analysis] = []
    for record in shard_dir.records(count):
        if "reject" in record:
            reject = record["reject"]
            report.rejects.append(Failure(reject["item"], reject["reason"]))
            continue
        article, analysis = work.from_record(record)
        articles.append(article)
        analyses.append(analysis)
    return articles, analyses


def _stories(articles: list[Article], analyses: list[Analysis]) -> list[Story]:
    from corroborator.stories import cluster

    return cluster(articles, analyses)


def _briefs(
    engine: BatchEngine, stories: list[Story], articles: list[Article], analyses: list[Analysis]
) -> list[dict[str, Any]]:
    by_id = {article.id: index for index, article in enumerate(articles)}
    jobs = []
    for story in stories:
        members = [by_id[member] for member in story.articles if member in by_id]
        jobs.append((story, [articles[i] for i in members], [analyses[i] for i in members]))
    return engine.map(work.brief_row, jobs)


def _write_outputs(
    out_dir: Path,
    articles: list[Article],
    analyses: list[Analysis],
    stories: list[Story],
    briefs: list[dict[str, Any]],
    report: BatchReport,
    parquet: bool,
) -> None:
    ids = {article.id: output_id(article) for article in articles}
    article_rows = [article_row(a, b) for a, b in zip(articles, analyses, strict=True)]
    story_rows = [_story_row(story, ids) for story in stories]
    brief_rows = [_remap_ids(brief, ids) for brief in briefs]
    reject_rows = [{"item": f.item, "reason": f.reason} for f in report.rejects]
    outputs = {"articles": article_rows, "stories": story_rows, "briefs": brief_rows, "rejects": reject_rows}
    for name, rows in outputs.items():
        write_jsonl(out_dir / f"{name}.jsonl", rows)
        if parquet and name != "rejects":
            write_parquet(out_dir / f"{name}.parquet", rows)
    summary = {k: v for k, v in vars(report).items() if k not in ("out_dir", "rejects")}
    summary["rejects"] = len(report.rejects)
    write_jsonl(out_dir / "summary.jsonl", [summary])
    os.sync()


def _story_row(story: Story, ids: dict[str, str]) -> dict[str, Any]:
    return {
        "story": story.id,
        "articles": [ids.get(member, member) for member in story.articles],
        "copies": [
            {
                "article": ids.get(c.article, c.article),
                "copy_of": ids.get(c.copy_of, c.copy_of),
                "overlap": c.overlap,
            }
            for c in story.copies
        ],
        "headline": story.headline,
    }


def _remap_ids(value: Any, ids: dict[str, str]) -> Any:
    """Article ids in a brief, written as the ids the batch input gave."""
    if isinstance(value, dict):
        return {key: _remap_ids(item, ids) for key, item in value.items()}
    if isinstance(value, list):
        return [_remap_ids(item, ids) for item in value]
    if isinstance(value, str):
        return ids.get(value, value)
    return value
