from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
from batch_support import read_jsonl

from corroborator.batch.run import BatchOptions, run_batch


def test_batch_writes_every_output_and_reports_the_broken_line(small_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run_batch([str(small_corpus)], out, BatchOptions(workers=1, shard_size=8))
    articles = read_jsonl(out / "articles.jsonl")
    assert report.articles == len(articles) == 26
    assert {"id", "title", "outlet", "published", "text", "entities", "times", "quotes", "claims"} <= set(
        articles[0]
    )
    rejects = read_jsonl(out / "rejects.jsonl")
    assert [(r["stage"], r["kept"]) for r in rejects] == [("read", False)]
    assert str(rejects[0]["item"]).endswith("input.jsonl:6") and "broken JSON" in rejects[0]["reason"]
    stories = read_jsonl(out / "stories.jsonl")
    members = [a for story in stories for a in story["articles"]]
    assert sorted(members) == sorted(str(a["id"]) for a in articles)
    seed_story = {str(s["story"]) for s in stories for a in s["articles"] if str(a).startswith("00")}
    assert len(seed_story) == 1, "the two seed articles report one event"
    briefs = read_jsonl(out / "briefs.jsonl")
    assert len(briefs) == len(stories) == report.stories
    assert {b["story"] for b in briefs} == {s["story"] for s in stories}
    seed_brief = next(b for b in briefs if b["story"] in seed_story)
    seed_ids = {"000_28c71134cd403fe3", "001_70f586e021054a72"}
    assert seed_ids <= {a["id"] for a in seed_brief["articles"]}, "briefs name articles by the input's ids"
    for name, rows in (("articles", 26), ("stories", len(stories)), ("briefs", len(briefs))):
        assert pq.read_table(out / f"{name}.parquet").num_rows == rows
    summary = read_jsonl(out / "summary.jsonl")[0]
    assert summary["articles"] == 26 and summary["rejects"] == 1


def test_process_pool_gives_the_same_stories_as_one_process(small_corpus: Path, tmp_path: Path) -> None:
    one = run_batch([str(small_corpus)], tmp_path / "one", BatchOptions(workers=1, briefs=False))
    two = run_batch(
        [str(small_corpus)], tmp_path / "two", BatchOptions(workers=2, shard_size=5, briefs=False)
    )
    assert one.articles == two.articles == 26
    assert two.shards_run > 2, "the pool got several shards"
    for name in ("articles", "stories"):
        assert read_jsonl(tmp_path / "one" / f"{name}.jsonl") == read_jsonl(
            tmp_path / "two" / f"{name}.jsonl"
        )


def test_an_input_without_any_article_gives_empty_outputs_and_its_reason(tmp_path: Path) -> None:
    empty = tmp_path / "nothing.jsonl"
    empty.write_text('{"id": "x", "text": ""}\n', encoding="utf-8")
    report = run_batch([str(empty), str(tmp_path / "missing.csv")], tmp_path / "out", BatchOptions(workers=1))
    assert report.articles == report.stories == 0
    reasons = [r["reason"] for r in read_jsonl(tmp_path / "out" / "rejects.jsonl")]
    assert len(reasons) == 2 and "no text" in reasons[0] and "no such file" in reasons[1]
