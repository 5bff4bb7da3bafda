"""Story assignment on real articles with the real analyzer and embedding model."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

from stories_helpers import row_article, seed_articles

from corroborator.stories import StoryIndex, cluster, load_model
from corroborator.stories.embed import Embedder
from corroborator.stories.lite import analyses_for
from corroborator.types import Article


def _two_events(rows: list[dict[str, Any]], topic: str, per_story: int) -> list[dict[str, Any]]:
    chosen = []
    for story in (f"{topic}_ecb", f"{topic}_ecbplus"):
        chosen += [r for r in rows if r["story"] == story][:per_story]
    return chosen


def test_the_seeds_form_one_story(embedder: Embedder) -> None:
    articles = seed_articles()
    index = StoryIndex(embedder=embedder)
    first, second = (index.assign(a, an) for a, an in zip(articles, analyses_for(articles), strict=True))
    assert first.created and not second.created
    assert second.story == first.story
    assert second.score >= load_model().join
    assert "kim jong un" in second.shared["people"]
    assert len(index.stories()) == 1 and len(index.stories()[0].articles) == 2


def test_two_similar_events_are_two_stories(embedder: Embedder, ecb_rows: list[dict[str, Any]]) -> None:
    rows = _two_events(ecb_rows, "1", 4)  # Tara Reid's rehab (2008) and Lindsay Lohan's (2013)
    random.Random(3).shuffle(rows)
    articles = [row_article(r) for r in rows]
    stories = cluster(articles, analyses_for(articles), embedder=embedder)
    gold = {a.id: r["story"] for a, r in zip(articles, rows, strict=True)}
    for story in stories:
        assert len({gold[a] for a in story.articles}) == 1, "a story mixes the two events"
    assert len(stories) >= 2


def test_batch_and_incremental_give_the_same_stories(
    embedder: Embedder, ecb_rows: list[dict[str, Any]]
) -> None:
    rows = _two_events(ecb_rows, "2", 3) + _two_events(ecb_rows, "3", 3)
    articles = [row_article(r) for r in rows]
    analyses = analyses_for(articles)
    index = StoryIndex(embedder=embedder)
    for article, analysis in zip(articles, analyses, strict=True):
        index.assign(article, analysis)
    incremental = {(s.id, tuple(s.articles)) for s in index.stories()}
    batch = {(s.id, tuple(s.articles)) for s in cluster(articles, analyses, embedder=embedder)}
    assert incremental == batch


def test_degenerate_articles_get_a_sensible_story(embedder: Embedder) -> None:
    articles = [
        Article(text=""),
        Article(text="Hello"),
        Article(text="the and of to in a is that for on with as was"),
        Article(text="Hello", url="https://example.org/other"),
    ]
    index = StoryIndex(embedder=embedder)
    assignments = [index.assign(a, an) for a, an in zip(articles, analyses_for(articles), strict=True)]
    assert assignments[0].created and assignments[0].best_match is None
    assert assignments[3].story == assignments[1].story, "an identical one-word text is a copy"
    stories = index.stories()
    assert sorted(len(s.articles) for s in stories) == [1, 1, 2]
    assert all(s.headline is not None for s in stories)


def test_assigning_an_indexed_article_again_keeps_its_story(embedder: Embedder) -> None:
    article = seed_articles()[0]
    index = StoryIndex(embedder=embedder)
    first = index.assign(article)
    again = index.assign(article)
    assert again.story == first.story and not again.created and len(index) == 1


def test_a_bridging_article_merges_two_stories(embedder: Embedder) -> None:
    seeds = seed_articles()
    strict = dataclasses.replace(load_model(), join=0.999, merge=0.0)
    index = StoryIndex(model=strict, embedder=embedder)
    stories = {index.assign(a).story for a in seeds}
    assert len(stories) == 2, "with an unreachable join threshold each seed starts a story"
    index.model = dataclasses.replace(load_model(), merge=0.3)
    bridge = Article(text=seeds[0].text + "\n" + seeds[1].text, url="https://example.org/both")
    assignment = index.assign(bridge)
    assert len(assignment.merged) == 1 and assignment.merged[0] in stories
    assert len(index.stories()) == 1 and len(index.stories()[0].articles) == 3


def test_recheck_splits_a_story_whose_members_separate(
    embedder: Embedder, ecb_rows: list[dict[str, Any]]
) -> None:
    rows = _two_events(ecb_rows, "1", 3)
    articles = [row_article(r) for r in rows]
    lumping = dataclasses.replace(load_model(), join=0.0, cohesion_share=0.0)
    index = StoryIndex(model=lumping, embedder=embedder, auto_recheck=False)
    for article, analysis in zip(articles, analyses_for(articles), strict=True):
        index.assign(article, analysis)
    assert len(index.stories()) == 1
    index.model = load_model()
    parts = index.recheck(index.stories()[0].id)
    gold = {a.id: r["story"] for a, r in zip(articles, rows, strict=True)}
    assert len(parts) >= 2
    for story in index.stories():
        assert len({gold[a] for a in story.articles}) == 1


def _dated(article: Article, published: str, url: str = "") -> Article:
    return dataclasses.replace(article, published=published, url=url or article.url)


def test_the_same_kind_of_report_a_year_later_is_another_story(embedder: Embedder) -> None:
    first, second = seed_articles()
    spans = []
    for later in ("2023-08-06", "2024-08-06"):
        index = StoryIndex(embedder=embedder)
        index.assign(_dated(first, "2023-08-05"))
        index.assign(_dated(second, later))
        spans.append(sorted((s.first_published, s.last_published) for s in index.stories()))
    assert spans[0] == [("2023-08-05", "2023-08-06")], "the seeds a day apart are one story"
    assert spans[1] == [("2023-08-05", "2023-08-05"), ("2024-08-06", "2024-08-06")]


def test_a_bridging_article_does_not_merge_stories_months_apart(embedder: Embedder) -> None:
    seeds = seed_articles()
    strict = dataclasses.replace(load_model(), join=0.999, merge=0.0)
    index = StoryIndex(model=strict, embedder=embedder)
    days = ("2023-08-05", "2023-11-20")
    stories = [index.assign(_dated(a, day)).story for a, day in zip(seeds, days, strict=True)]
    assert len(set(stories)) == 2
    index.model = dataclasses.replace(load_model(), merge=0.3)
    text = seeds[0].text + "\n" + seeds[1].text
    bridge = index.assign(Article(text=text, url="https://example.org/both", published="2023-11-21"))
    assert bridge.story in stories and bridge.merged == []
    assert sorted(len(s.articles) for s in index.stories()) == [1, 2]


def test_a_copy_joins_what_it_copies_whatever_its_date(embedder: Embedder) -> None:
    original = _dated(seed_articles()[0], "2023-08-05")
    index = StoryIndex(embedder=embedder)
    first = index.assign(original)
    copy = dataclasses.replace(
        original, text=original.text + "\nRepublished.", published="2024-03-01", id=""
    )
    republished = index.assign(copy)
    assert republished.story == first.story and "copy_overlap" in republished.signals
