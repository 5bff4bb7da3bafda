"""Resuming: shards analysed before are reused wherever they now fall; only new or changed ones are redone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from batch_support import ecb_records, read_jsonl, write_jsonl

from corroborator.batch.run import BatchOptions, run_batch
from corroborator.batch.shards import cut_into_shards
from corroborator.types import Article

OPTIONS = BatchOptions(workers=1, shard_size=4, briefs=False, parquet=False)


def test_a_rerun_reuses_every_shard_and_writes_the_same_outputs(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", ecb_records({"3"}, 16))
    first = run_batch([str(source)], tmp_path / "out", OPTIONS)
    before = {name: (tmp_path / "out" / f"{name}.jsonl").read_text() for name in ("articles", "stories")}
    second = run_batch([str(source)], tmp_path / "out", OPTIONS)
    assert first.shards_run >= 3 and first.shards_skipped == 0
    assert second.shards_run == 0 and second.shards_skipped == first.shards_run
    for name, text in before.items():
        assert (tmp_path / "out" / f"{name}.jsonl").read_text() == text


def test_an_edited_input_redoes_only_the_shards_it_touches(tmp_path: Path) -> None:
    records = ecb_records({"1", "3"}, 40)
    source = write_jsonl(tmp_path / "in.jsonl", records)
    first = run_batch([str(source)], tmp_path / "out", OPTIONS)
    records[20]["text"] += "\nThis line was added in an update."
    records.insert(3, ecb_records({"5"}, 1)[0])
    write_jsonl(source, records)
    second = run_batch([str(source)], tmp_path / "out", OPTIONS)
    assert first.shards_run >= 6
    assert 2 <= second.shards_run <= 4, "the insertion and the edit each touch one shard, or two at a cut"
    assert second.shards_skipped == first.shards_run - second.shards_removed >= first.shards_run - 3
    fresh = run_batch([str(source)], tmp_path / "fresh", OPTIONS)
    for name in ("articles", "stories"):
        assert read_jsonl(tmp_path / "out" / f"{name}.jsonl") == read_jsonl(
            tmp_path / "fresh" / f"{name}.jsonl"
        )
    assert len(list((tmp_path / "out" / "shards").iterdir())) == fresh.shards_run, "stale shards removed"


def test_shards_are_cut_where_the_articles_say_so_not_by_position() -> None:
    articles = [Article(text=f"report number {n}") for n in range(300)]
    shards = list(cut_into_shards(articles, 10))
    shifted = list(cut_into_shards([Article(text="a new first report"), *articles], 10))
    assert 10 < len(shards) < 60 and max(len(s.articles) for s in shards) <= 30
    assert {s.fingerprint for s in shards[1:]} <= {s.fingerprint for s in shifted}
    assert sum(len(s.articles) for s in shards) == 300


def test_fresh_forgets_earlier_shards(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", ecb_records({"3"}, 6))
    first = run_batch([str(source)], tmp_path / "out", OPTIONS)
    again = run_batch([str(source)], tmp_path / "out", replace(OPTIONS, fresh=True))
    assert again.shards_run == first.shards_run and again.shards_skipped == 0
