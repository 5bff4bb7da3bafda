from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from corroborator.batch.run import BatchOptions, run_batch


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_batch_writes_every_output_and_reports_the_broken_line(small_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run_batch([str(small_corpus)], out, BatchOptions(workers=1, shard_size=8))
    articles = read_jsonl(out / "articles.jsonl")
    assert report.articles == len(articles) == 26
    assert {"id", "title", "outlet", "published", "text", "entities", "times", "quotes", "claims"} <= set(articles[0])
    rejects = read_jsonl(out / "rejects.jsonl")
    assert len(rejects) == 1 and ":6" in str(rejects[0]["item"])
    stories = read_jsonl(out / "stories.jsonl")
    members = [a for story in stories for a in story["articles"]]  # type: ignore[attr-defined]
    assert sorted(members) == sorted(str(a["id"]) for a in articles)
    seed_story = {str(s["story"]) for s in stories for a in s["articles"] if str(a).startswith("00")}  # type: ignore[attr-defined]
    assert len(seed_story) == 1, "the two seed articles report one event"
    briefs = read_jsonl(out / "briefs.jsonl")
    assert len(briefs) == len(stories)
    assert pq.read_table(out / "articles.parquet").num_rows == 26


def test_a_second_run_skips_finished_shards_and_gives_the_same_output(small_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch([str(small_corpus)], out, BatchOptions(workers=1, shard_size=8, briefs=False))
    before = (out / "stories.jsonl").read_text(encoding="utf-8")
    (out / "shards" / "000001.jsonl").unlink()
    second = run_batch([str(small_corpus)], out, BatchOptions(workers=1, shard_size=8, briefs=False))
    assert first.shards_run == 4 and first.shards_skipped == 0
    assert second.shards_run == 1 and second.shards_skipped == 3
    assert (out / "stories.jsonl").read_text(encoding="utf-8") == before


def test_process_pool_gives_the_same_stories_as_one_process(small_corpus: Path, tmp_path: Path) -> None:
    one = run_batch([str(small_corpus)], tmp_path / "one", BatchOptions(workers=1, briefs=False))
    two = run_batch([str(small_corpus)], tmp_path / "two", BatchOptions(workers=2, shard_size=10, briefs=False))
    assert one.articles == two.articles
    assert read_jsonl(tmp_path / "one" / "stories.jsonl") == read_jsonl(tmp_path / "two" / "stories.jsonl")
