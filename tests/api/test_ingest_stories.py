"""Ingest analyses each new article and puts it into a story at once, through the index beside the
database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.api import Corroborator
from corroborator.batch.run import BatchOptions, run_batch
from corroborator.types import Story

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "examples" / "seeds"
DATA = REPO.parent / "shared" / "data"


def ecb_input(tmp_path: Path, topics: set[str], limit: int) -> Path:
    rows = [json.loads(line) for line in (DATA / "ecbplus_traindev.jsonl").read_text("utf-8").splitlines()]
    chosen = [r for r in rows if r["topic"] in topics][:limit]
    path = tmp_path / "ecb.jsonl"
    path.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in chosen), "utf-8")
    return path


def test_the_two_seed_reports_form_one_story_with_stored_analyses(tmp_path: Path) -> None:
    with Corroborator(tmp_path / "c.db") as corroborator:
        report = corroborator.ingest([str(SEEDS)])
        stories = corroborator.stories()
        assert report.added == 2 and len(report.assignments) == 2
        assert [sorted(s.articles) for s in stories] == [sorted(report.article_ids)]
        assert all(corroborator.store.get_analysis(a) is not None for a in report.article_ids)
        again = corroborator.ingest([str(SEEDS)])
        assert again.present == 2 and again.assignments == []
        assert [s.articles for s in corroborator.stories()] == [s.articles for s in stories]
        (storyline,) = corroborator.storylines()
        assert storyline.events == stories and corroborator.storyline(storyline.id) == storyline


def test_an_unrelated_report_starts_its_own_story(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(
        "date: 2009-01-02\n\nActress Tara Reid has checked herself into Promises Treatment Center in Malibu, "
        "her representative told People magazine on Friday. The 33-year-old asked for privacy.",
        "utf-8",
    )
    with Corroborator(tmp_path / "c.db") as corroborator:
        corroborator.ingest([str(SEEDS)])
        report = corroborator.ingest([str(other)])
        assert report.assignments[0].created
        assert len(corroborator.stories()) == 2


@pytest.mark.slow
def test_ingest_and_batch_give_the_same_stories(tmp_path: Path) -> None:
    source = ecb_input(tmp_path, {"1", "3"}, 16)
    with Corroborator(tmp_path / "c.db") as corroborator:
        report = corroborator.ingest([str(source)])
        by_ingest = sorted(sorted(s.articles) for s in corroborator.store.all_stories())
        lines_by_ingest = _storylines(corroborator.store.all_stories(), {})
    assert report.added == 16
    run_batch([str(source)], tmp_path / "out", BatchOptions(workers=1, briefs=False, parquet=False))
    rows = [json.loads(x) for x in (tmp_path / "out" / "articles.jsonl").read_text("utf-8").splitlines()]
    hash_of = {r["id"]: r["article_id"] for r in rows}
    stories = [json.loads(x) for x in (tmp_path / "out" / "stories.jsonl").read_text("utf-8").splitlines()]
    by_batch = sorted(sorted(hash_of[a] for a in s["articles"]) for s in stories)
    assert by_ingest == by_batch
    batch_stories = [Story(s["story"], s["articles"], storyline=s["storyline"]) for s in stories]
    assert lines_by_ingest == _storylines(batch_stories, hash_of), "the same storylines"


def _storylines(stories: list[Story], ids: dict[str, str]) -> list[list[str]]:
    """The articles of each storyline, as sorted lists of stored article ids."""
    lines: dict[str, list[str]] = {}
    for story in stories:
        lines.setdefault(story.storyline, []).extend(ids.get(a, a) for a in story.articles)
    return sorted(sorted(articles) for articles in lines.values())


SAGA = REPO / "tests" / "stories" / "data" / "shutdown_saga.jsonl"


@pytest.mark.slow
def test_ingest_and_batch_give_the_same_events_and_storylines_of_a_saga(tmp_path: Path) -> None:
    """Dated articles of a shutdown's start and its end: the event signal keeps them two stories, and
    ingest (one article at a time) and batch (events read in the workers) agree on both levels."""
    with Corroborator(tmp_path / "c.db") as corroborator:
        corroborator.ingest([str(SAGA)])
        ingested = corroborator.store.all_stories()
    run_batch([str(SAGA)], tmp_path / "out", BatchOptions(workers=1, briefs=False, parquet=False))
    rows = [json.loads(x) for x in (tmp_path / "out" / "articles.jsonl").read_text("utf-8").splitlines()]
    hash_of = {r["id"]: r["article_id"] for r in rows}
    stories = [json.loads(x) for x in (tmp_path / "out" / "stories.jsonl").read_text("utf-8").splitlines()]
    batch_stories = [Story(s["story"], s["articles"], storyline=s["storyline"]) for s in stories]
    by_ingest = sorted(sorted(s.articles) for s in ingested)
    assert by_ingest == sorted(sorted(hash_of[a] for a in s.articles) for s in batch_stories)
    assert len(by_ingest) == 2, by_ingest
    assert _storylines(ingested, {}) == _storylines(batch_stories, hash_of)
    assert len({s.storyline for s in ingested}) == 1
