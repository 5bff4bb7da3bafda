"""Copies: near-duplicates found with MinHash LSH, the original being the earlier (then longer) one."""

from __future__ import annotations

from stories_helpers import seed_articles

from corroborator.stories import StoryIndex
from corroborator.stories.copies import CopyDetector, CopyEntry
from corroborator.stories.embed import Embedder
from corroborator.stories.text import shingles, words
from corroborator.types import Article


def _edited(text: str) -> str:
    sentences = text.split(". ")
    sentences[1] = "An editor rewrote this sentence completely for the syndicated version"
    return ". ".join(sentences[:-1]) + ". Copyright the syndicating outlet."


def test_an_edited_copy_points_to_the_original(embedder: Embedder) -> None:
    original = seed_articles()[0]
    original.published = "2023-08-06"
    copy = Article(text=_edited(original.text), published="2023-08-07", url="https://example.org/copy")
    index = StoryIndex(embedder=embedder)
    first = index.assign(original)
    second = index.assign(copy)
    assert second.story == first.story
    story = index.stories()[0]
    assert len(story.copies) == 1
    link = story.copies[0]
    assert (link.article, link.copy_of) == (copy.id, original.id)
    assert 0.5 < link.overlap < 1.0


def test_the_earlier_article_is_the_original_even_when_it_arrives_later(embedder: Embedder) -> None:
    original = seed_articles()[1]
    original.published = "2023-08-06"
    copy = Article(text=_edited(original.text), published="2023-08-09", url="https://example.org/late")
    index = StoryIndex(embedder=embedder)
    index.assign(copy)
    index.assign(original)
    link = index.stories()[0].copies[0]
    assert (link.article, link.copy_of) == (copy.id, original.id)


def test_thousands_of_identical_copies() -> None:
    text = seed_articles()[0].text
    tokens = words(text)
    detector = CopyDetector()
    links = []
    for n in range(3000):
        entry = CopyEntry(f"copy-{n}", "2023-08-06", len(tokens), len(shingles(tokens)))
        link, _ = detector.add(entry, tokens)
        links.append(link)
    assert links[0] is None
    assert all(link is not None and link.copy_of == "copy-0" and link.overlap == 1.0 for link in links[1:])


def test_identical_copies_form_one_story(embedder: Embedder) -> None:
    text = seed_articles()[0].text
    index = StoryIndex(embedder=embedder)
    for n in range(150):
        index.assign(Article(text=text, url=f"https://example.org/{n}"))
    stories = index.stories()
    assert len(stories) == 1 and len(stories[0].articles) == 150
    assert len(stories[0].copies) == 149


def test_unrelated_texts_are_not_copies() -> None:
    first, second = (words(a.text) for a in seed_articles())
    detector = CopyDetector()
    detector.add(CopyEntry("a", None, len(first), len(shingles(first))), first)
    link, _ = detector.add(CopyEntry("b", None, len(second), len(shingles(second))), second)
    assert link is None
