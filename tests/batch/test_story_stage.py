"""The story stage assigns shards in input order whatever order the engine finishes them in."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_support import ecb_records

from corroborator.batch import work
from corroborator.batch.shards import ShardDirectory, cut_into_shards
from corroborator.batch.story_stage import StoryStage, StoryStageThread
from corroborator.stories import cluster
from corroborator.types import Analysis, Article


def test_shards_finished_in_reverse_give_the_stories_of_input_order(tmp_path: Path) -> None:
    articles = [Article(id=r["id"], text=r["text"], title=r["title"] or "") for r in ecb_records({"3"}, 12)]
    shards = list(cut_into_shards(articles, 3))
    shard_dir = ShardDirectory(tmp_path)
    stage = StoryStage(shard_dir, lambda fields: None)
    for shard in shards:
        stage.expect(shard)
    for shard in reversed(shards):
        shard_dir.write(shard, work.analyze_shard(shard.articles))
        stage.finished(shard)
        assigned = stage.located.count
        assert assigned == (len(articles) if shard is shards[0] else 0), "nothing before the first shard"
    stories = stage.stories()
    assert list(stage.located.places) == [a.id for a in articles]
    read_back = [work.from_record(r) for r in shard_dir.read_at(list(stage.located.places.values()))]
    assert [article.id for article, _, _ in read_back] == [a.id for a in articles]
    expected = cluster([article for article, _, _ in read_back], [analysis for _, analysis, _ in read_back])
    assert [s.articles for s in stories] == [s.articles for s in expected]
    assert len(stories) >= 2


def test_read_at_gives_the_records_at_their_places_in_any_order(tmp_path: Path) -> None:
    articles = [
        Article(id=f"a{n}", text=f"Report number {n} on the fire in Lyon, with ünïcode.") for n in range(7)
    ]
    shards = list(cut_into_shards(articles, 3))
    shard_dir = ShardDirectory(tmp_path)
    for shard in shards:
        shard_dir.write(shard, [work.record(a, Analysis(article_id=a.id)) for a in shard.articles])
    placed = list(shard_dir.placed_records(shards))
    assert [record for record, _ in placed] == list(shard_dir.records(shards))
    places = [place for _, place in reversed(placed)]
    assert shard_dir.read_at(places) == [record for record, _ in reversed(placed)]


def test_a_reject_record_goes_to_the_sink_and_not_into_the_stories(tmp_path: Path) -> None:
    good = Article(id="a", text="Rescuers searched the rubble in Padang on Thursday after the quake.")
    shard = next(iter(cut_into_shards([good], 5)))
    shard_dir = ShardDirectory(tmp_path)
    shard_dir.write(shard, [*work.analyze_shard([good]), work.reject("x#1", "broken", "analyze")])
    rejects: list[dict[str, object]] = []
    stage = StoryStage(shard_dir, rejects.append)
    stage.expect(shard)
    stage.finished(shard)
    assert [r["item"] for r in rejects] == ["x#1"]
    assert [s.articles for s in stage.stories()] == [["a"]]


def test_the_stage_on_its_thread_gives_the_stories_of_the_stage(tmp_path: Path) -> None:
    articles = [Article(id=r["id"], text=r["text"], title=r["title"] or "") for r in ecb_records({"3"}, 9)]
    shards = list(cut_into_shards(articles, 2))
    shard_dir = ShardDirectory(tmp_path)
    for shard in shards:
        shard_dir.write(shard, work.analyze_shard(shard.articles))
    direct = StoryStage(shard_dir, lambda fields: None)
    with StoryStageThread(lambda: StoryStage(shard_dir, lambda fields: None)) as threaded:
        for shard in shards:
            direct.expect(shard)
            threaded.expect(shard)
        for shard in reversed(shards):
            direct.finished(shard)
            threaded.finished(shard)
        stories = threaded.stories()
    assert [s.articles for s in stories] == [s.articles for s in direct.stories()]
    assert list(threaded.stage.located.places) == [a.id for a in articles]


def test_an_error_on_the_stage_thread_is_raised_by_stories(tmp_path: Path) -> None:
    missing = next(iter(cut_into_shards([Article(id="a", text="Rescuers searched the rubble.")], 5)))
    with StoryStageThread(lambda: StoryStage(ShardDirectory(tmp_path), lambda fields: None)) as threaded:
        threaded.expect(missing)
        threaded.finished(missing)
        with pytest.raises(FileNotFoundError):
            threaded.stories()


def test_the_stage_is_not_read_while_its_thread_runs(tmp_path: Path) -> None:
    with StoryStageThread(lambda: StoryStage(ShardDirectory(tmp_path), lambda fields: None)) as threaded:
        with pytest.raises(RuntimeError, match="once its thread"):
            _ = threaded.stage
        assert threaded.stories() == []
        assert threaded.stage.located.count == 0
