"""`run_batch`: read inputs, analyse them shard by shard, group stories, build briefs, write the outputs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, TypeVar

from corroborator.batch import work
from corroborator.batch.articles_out import ArticlesWriter
from corroborator.batch.shards import Place, Shard, ShardDirectory, cut_into_shards
from corroborator.batch.story_stage import Located, StoryStage, StoryStageThread
from corroborator.batch.write import OutputWriter, write_jsonl
from corroborator.errors import InputError
from corroborator.ingest import ReadOptions, read_sources
from corroborator.stories import stories_to_jsonl_rows
from corroborator.types import Article, Failure, Story

Engine = Literal["local", "ray"]


@dataclass
class BatchOptions:
    engine: Engine = "local"
    address: str | None = None
    """Ray cluster address (`ray://host:10001` or `auto`); None starts a local Ray."""
    workers: int | None = None
    shard_size: int = 100
    read: ReadOptions = field(default_factory=lambda: ReadOptions(max_bytes=BATCH_MAX_BYTES))
    parquet: bool = True
    briefs: bool = True
    semantic_briefs: bool = False
    """Align claims with clause embeddings (as `corroborator compare` does): ~50x the cost of the default
    lexical alignment, which is what keeps briefs within the batch's budget (docs/ray.md)."""
    fresh: bool = False
    """Forget the shards of earlier runs and analyse everything again."""


BATCH_MAX_BYTES = 8 * 1024**3
"""Batch inputs are big: the cap per input file (and per WARC record) is 8 GiB, not the 10 MB default."""
BRIEF_GROUP_ARTICLES = 64
"""At most this many articles' stories go into one brief task (amortises task overhead over small stories)."""
BRIEF_GROUPS_IN_FLIGHT = 32
"""Brief groups read back from the shards and handed to the engine at a time: bounds the driver's memory."""
BRIEF_ARTICLES_IN_FLIGHT = 4096
"""Articles in the groups in flight, once two groups are (a group of one big story can hold thousands)."""


@dataclass(frozen=True)
class Reject:
    """An item the batch could not take (`kept=False`) or took with part of its analysis missing."""

    item: str
    reason: str
    stage: str = "read"
    kept: bool = False


@dataclass
class BatchReport:
    out_dir: Path
    articles: int = 0
    shards_run: int = 0
    shards_skipped: int = 0
    shards_removed: int = 0
    stories: int = 0
    briefs: int = 0
    rejects: list[Reject] = field(default_factory=list)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)


class BatchEngine(Protocol):
    name: str

    def __enter__(self) -> BatchEngine: ...
    def __exit__(self, *exc: object) -> None: ...
    def analyze_shards(self, shards: Iterable[Shard]) -> Iterator[tuple[Shard, list[dict[str, Any]]]]: ...
    def map(
        self, function: Callable[..., Any], argument_lists: Iterable[tuple[Any, ...]]
    ) -> list[Any | work.LostTask]: ...


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
    """Run the whole pipeline over `inputs` into `out_dir`; shards analysed by an earlier run are reused."""
    options = options or BatchOptions()
    if not inputs:
        raise InputError("no input given", "name one or more JSONL, CSV, Parquet, WARC, text or HTML files")
    if options.shard_size < 1:
        raise InputError(f"shard size must be at least 1, got {options.shard_size}", "give e.g. 100")
    started = time.monotonic()
    work.limit_threads()  # the driver computes as the workers do, so every engine gives the same numbers
    out_dir.mkdir(parents=True, exist_ok=True)
    report = BatchReport(out_dir)
    shard_dir = ShardDirectory(out_dir, fresh=options.fresh)
    timer = _StageTimer(report)
    stage_rejects: list[dict[str, Any]] = []
    with ArticlesWriter(out_dir, options.parquet) as articles:
        with (
            make_engine(options) as engine,
            StoryStageThread(lambda: StoryStage(shard_dir, stage_rejects.append)) as staged,
        ):
            with timer("analyze"):
                items = read_sources(list(inputs), options.read)
                shards = _analyze(engine, items, options, shard_dir, report, staged, progress)
            with timer("stories"):
                stories = staged.stories()
                report.rejects.extend(Reject(**fields) for fields in stage_rejects)
                report.stage_seconds["stories_overlapped"] = round(staged.stage.seconds, 3)
                report.shards_removed = shard_dir.remove_all_but(shards)
            located = staged.stage.located
            briefs: list[dict[str, Any]] = []
            if options.briefs:
                articles.start(shards)  # beside the briefs: it needs nothing they make
                with timer("briefs"):
                    briefs = _briefs(engine, stories, located, shard_dir, report, options.semantic_briefs)
        report.articles, report.stories, report.briefs = located.count, len(stories), len(briefs)
        with timer("write"):
            articles.finish(shards)
            _write_outputs(located.output_ids, stories, briefs, report, options.parquet)
    report.seconds = time.monotonic() - started
    _write_summary(report)
    return report


class _StageTimer:
    def __init__(self, report: BatchReport) -> None:
        self.report = report

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        started = time.monotonic()
        try:
            yield
        finally:
            self.report.stage_seconds[stage] = round(time.monotonic() - started, 3)


def _analyze(
    engine: BatchEngine,
    items: Iterable[Article | Failure],
    options: BatchOptions,
    shard_dir: ShardDirectory,
    report: BatchReport,
    stage: StoryStageThread,
    progress: Progress | None,
) -> list[Shard]:
    """Analyse the shards not done before, handing each finished one to the story stage; every shard of the
    input, in order, its articles let go."""
    shards: list[Shard] = []

    def todo() -> Iterator[Shard]:
        for shard in cut_into_shards(items, options.shard_size):
            report.rejects.extend(Reject(f.item, f.reason) for f in shard.read_failures)
            if not shard.articles:
                continue
            shards.append(shard)
            stage.expect(shard)
            if shard_dir.is_done(shard):
                report.shards_skipped += 1
                _advance(progress, shard)
                stage.finished(shard)
            else:
                yield shard

    for shard, records in engine.analyze_shards(todo()):
        shard_dir.write(shard, records)
        report.shards_run += 1
        _advance(progress, shard)
        stage.finished(shard)
    return shards


def _advance(progress: Progress | None, shard: Shard) -> None:
    if progress:
        progress("analyze", len(shard.articles))
    shard.articles = []


StoryPlaces = tuple[Story, list[Place]]
T = TypeVar("T")


def _briefs(
    engine: BatchEngine,
    stories: list[Story],
    located: Located,
    shard_dir: ShardDirectory,
    report: BatchReport,
    semantic: bool,
) -> list[dict[str, Any]]:
    placed = [
        (story, [located.places[member] for member in story.articles if member in located.places])
        for story in stories
    ]
    groups = consecutive_runs(placed, [len(places) for _, places in placed], BRIEF_GROUP_ARTICLES)
    briefs: list[dict[str, Any]] = []
    for chunk in in_flight_chunks(list(groups)):
        jobs = [[_brief_job(shard_dir, *item) for item in group] for group in chunk]
        for row in _brief_rows(engine, jobs, semantic):
            if "reject" in row:
                report.rejects.append(Reject(**row["reject"]))
            else:
                briefs.append(row)
    return briefs


def in_flight_chunks(groups: list[list[StoryPlaces]]) -> Iterator[list[list[StoryPlaces]]]:
    """The groups in order, cut into chunks of at most BRIEF_GROUPS_IN_FLIGHT groups and, past the first two
    groups of a chunk (so two workers have work), at most BRIEF_ARTICLES_IN_FLIGHT articles."""
    sizes = [sum(len(places) for _, places in group) for group in groups]
    return consecutive_runs(groups, sizes, BRIEF_ARTICLES_IN_FLIGHT, BRIEF_GROUPS_IN_FLIGHT, min_items=2)


def consecutive_runs(
    items: Sequence[T], sizes: Sequence[int], max_size: int, max_items: int | None = None, min_items: int = 1
) -> Iterator[list[T]]:
    """The items in order, cut into runs of at most `max_items` items whose sizes sum to at most `max_size`;
    a run is cut only once it holds `min_items` items, so one item (or `min_items`) may exceed `max_size`."""
    run: list[T] = []
    run_size = 0
    for item, size in zip(items, sizes, strict=True):
        full = (max_items is not None and len(run) >= max_items) or run_size + size > max_size
        if len(run) >= min_items and full:
            yield run
            run, run_size = [], 0
        run.append(item)
        run_size += size
    if run:
        yield run


def _brief_job(shard_dir: ShardDirectory, story: Story, places: list[Place]) -> work.BriefJob:
    """A story with its articles and analyses, read back from the shards."""
    members = [work.from_record(record) for record in shard_dir.read_at(places)]
    return story, [article for article, _, _ in members], [analysis for _, analysis, _ in members]


def _brief_rows(
    engine: BatchEngine, groups: list[list[work.BriefJob]], semantic: bool
) -> Iterator[dict[str, Any]]:
    """The brief rows of every group; a group whose worker died is tried again one story a task, so only
    the story that kills its worker again becomes a reject."""
    results = engine.map(work.brief_rows, [(group, semantic) for group in groups])
    for group, rows in zip(groups, results, strict=True):
        if isinstance(rows, work.LostTask) and len(group) > 1:
            yield from _brief_rows(engine, [[job] for job in group], semantic)
        elif isinstance(rows, work.LostTask):
            yield work.reject(f"story {group[0][0].id}", f"brief failed: {rows.reason}", "brief")
        else:
            yield from rows


def _write_outputs(
    ids: dict[str, str],
    stories: list[Story],
    briefs: list[dict[str, Any]],
    report: BatchReport,
    parquet: bool,
) -> None:
    out_dir = report.out_dir
    outputs: dict[str, Iterable[dict[str, Any]]] = {
        "stories": stories_to_jsonl_rows(stories, ids),
        "briefs": (_remap_ids(brief, ids) for brief in briefs),
        "rejects": (asdict(reject) for reject in report.rejects),
    }
    for name, rows in outputs.items():
        with OutputWriter(out_dir, name, parquet and name != "rejects") as writer:
            writer.add_all(rows)


def _write_summary(report: BatchReport) -> None:
    summary = {k: v for k, v in vars(report).items() if k not in ("out_dir", "rejects")}
    summary["seconds"] = round(report.seconds, 3)
    summary["rejects"] = sum(not reject.kept for reject in report.rejects)
    summary["problems"] = sum(reject.kept for reject in report.rejects)
    write_jsonl(report.out_dir / "summary.jsonl", [summary])


def _remap_ids(value: Any, ids: dict[str, str]) -> Any:
    """Article ids in a brief, written as the ids the batch input gave."""
    if isinstance(value, dict):
        return {key: _remap_ids(item, ids) for key, item in value.items()}
    if isinstance(value, list):
        return [_remap_ids(item, ids) for item in value]
    if isinstance(value, str):
        return ids.get(value, value)
    return value
