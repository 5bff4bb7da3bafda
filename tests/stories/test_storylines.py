"""Storylines: stories (one event each) of one saga grouped, on real articles with the real models."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from stories_helpers import row_article, seed_articles

from corroborator.stories import StoryIndex, cluster, load_index, save_index
from corroborator.stories.embed import Embedder
from corroborator.stories.lite import analyses_for
from corroborator.stories.storylines import Storylines
from corroborator.types import Article, Assignment


def _dated(article: Article, published: str) -> Article:
    return dataclasses.replace(article, published=published)


def _assign_all(index: StoryIndex, articles: list[Article]) -> list[Assignment]:
    return [index.assign(a, analysis) for a, analysis in zip(articles, analyses_for(articles), strict=True)]


def test_a_storyline_root_is_its_smallest_story_whatever_the_order_of_links() -> None:
    forward, backward = Storylines(), Storylines()
    for left, right in ((5, 9), (9, 2), (7, 8)):
        forward.link(left, right)
    for left, right in ((8, 7), (2, 9), (9, 5)):
        backward.link(left, right)
    for lines in (forward, backward):
        assert [lines.root(n) for n in (2, 5, 9, 7, 8, 4)] == [2, 2, 2, 7, 7, 4]


def test_the_same_saga_months_later_is_another_event_of_one_storyline(embedder: Embedder) -> None:
    first, second = _dated(seed_articles()[0], "2023-08-05"), _dated(seed_articles()[1], "2023-11-20")
    index = StoryIndex(embedder=embedder)
    founded, joined = _assign_all(index, [first, second])
    stories = index.stories()
    assert len(stories) == 2, "more than 30 days apart: two events"
    assert {s.storyline for s in stories} == {f"l{first.id}"}, "named after its first article"
    assert joined.created and joined.storyline_links == [founded.story], "--explain says why"
    assert joined.storyline == founded.storyline == f"l{first.id}"
    number = index.story_number(stories[0].id)
    assert number is not None
    assert [s.first_published for s in index.storyline(number)] == ["2023-08-05", "2023-11-20"]


def test_a_report_years_later_starts_its_own_storyline(embedder: Embedder) -> None:
    first, second = seed_articles()
    index = StoryIndex(embedder=embedder)
    _assign_all(index, [_dated(first, "2023-08-05"), _dated(second, "2025-01-20")])
    assert len({s.storyline for s in index.stories()}) == 2


def test_unrelated_events_are_separate_storylines(embedder: Embedder, ecb_rows: list[dict[str, Any]]) -> None:
    rows = [r for r in ecb_rows if r["story"] == "3_ecb"][:3]
    rows = [*rows, *[r for r in ecb_rows if r["story"] == "8_ecb"][:3]]
    articles = [row_article(r) for r in rows]
    stories = cluster(articles, analyses_for(articles), embedder=embedder)
    gold = {a.id: r["story"] for a, r in zip(articles, rows, strict=True)}
    lines: dict[str, set[str]] = {}
    for story in stories:
        lines.setdefault(story.storyline, set()).update(gold[a] for a in story.articles)
    assert all(len(events) == 1 for events in lines.values()), lines


def test_storylines_survive_saving_and_loading_the_index(embedder: Embedder, tmp_path: Path) -> None:
    first, second = seed_articles()
    index = StoryIndex(tmp_path / "index", embedder=embedder)
    _assign_all(index, [_dated(first, "2023-08-05"), _dated(second, "2023-11-20")])
    save_index(index)
    loaded = load_index(tmp_path / "index", embedder=embedder)
    assert loaded is not None
    assert len({s.storyline for s in index.stories()}) == 1
    assert [(s.id, s.storyline) for s in loaded.stories()] == [(s.id, s.storyline) for s in index.stories()]


SAGA = Path(__file__).parent / "data" / "shutdown_saga.jsonl"


def _saga_articles() -> list[Article]:
    import json

    rows = [json.loads(line) for line in SAGA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        Article(
            text=r["text"], title=r["title"], outlet=r["outlet"], published=r["published"], source_id=r["id"]
        )
        for r in rows
    ]


def test_a_saga_beginning_and_ending_weeks_apart_is_two_events_of_one_storyline(embedder: Embedder) -> None:
    articles = _saga_articles()
    index = StoryIndex(embedder=embedder)
    assignments = _assign_all(index, articles)
    groups = sorted(
        sorted(a.source_id or "" for a in articles if a.id in set(s.articles)) for s in index.stories()
    )
    assert groups == [["begin-daily", "begin-wire"], ["end-daily", "end-wire"]]
    assert len({s.storyline for s in index.stories()}) == 1
    ended = assignments[2]
    assert ended.created and ended.other_events == [assignments[0].story], "--explain says why"
    assert ended.signals["event_differs"] == 1.0
    explained = index.explain(articles[3].id)
    assert explained.other_events == [assignments[0].story]


def test_the_same_event_told_with_other_verbs_joins(embedder: Embedder) -> None:
    first, second = _saga_articles()[:2]
    later = dataclasses.replace(second, published="2013-10-06")
    index = StoryIndex(embedder=embedder)
    _assign_all(index, [first, later])
    assert len(index.stories()) == 1, "both openings tell the shutdown: shut down / shut down"
