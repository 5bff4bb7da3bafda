"""Big stories: copies fold onto the clauses they repeat, and alignment work grows linearly with the story."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.compare import align as align_module
from corroborator.compare import bigstory, build_brief
from corroborator.compare.bigstory import fold_copies
from corroborator.compare.units import build_units
from corroborator.types import Analysis, Article, Brief, CopyLink

ECBPLUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ecbplus_traindev.jsonl"
ORIGINAL = "1_3ecbplus"
FIGURE, EDITED_FIGURE = "30 days", "60 days"
EDITED_EVERY = 10
"""Every tenth copy changes the figure, every third adds a line of its own; the others are exact copies."""
REVISED_EVERY = 3


@pytest.fixture(scope="module")
def topic() -> list[Article]:
    rows = [json.loads(line) for line in ECBPLUS.read_text(encoding="utf-8").splitlines()]
    chosen = [r for r in rows if r["topic"] == "1"]
    chosen.sort(key=lambda r: r["id"] != ORIGINAL)
    return [
        Article(text=r["text"], outlet=f"outlet {n}", published="2013-05-03", source_id=r["id"])
        for n, r in enumerate(chosen[:5])
    ]


def copy_of(original: Article, number: int) -> Article:
    text = original.text
    if number % EDITED_EVERY == 0:
        text = text.replace(FIGURE, EDITED_FIGURE, 1)
    elif number % REVISED_EVERY == 0:
        text = f"{text}\nUpdated: this report was revised ({number})."
    return Article(
        text=text, outlet=f"copy {number}", published="2013-05-04", url=f"https://copy{number}.example"
    )


@pytest.fixture(scope="module")
def copies(topic: list[Article]) -> list[Article]:
    return [copy_of(topic[0], n) for n in range(200)]


@pytest.fixture(scope="module")
def analyses(topic: list[Article], copies: list[Article]) -> dict[str, Analysis]:
    articles = [*topic, *copies]
    return {a.id: analysis for a, analysis in zip(articles, shared_analyzer().analyze(articles), strict=True)}


def story(topic: list[Article], copies: list[Article], count: int) -> tuple[list[Article], list[CopyLink]]:
    chosen = copies[:count]
    return [*topic, *chosen], [CopyLink(c.id, topic[0].id, 0.95) for c in chosen]


@pytest.fixture
def scored(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts the pairs the alignment scores."""
    count = [0]
    score = align_module._Scorer.score

    def counting(self: align_module._Scorer, i: int, j: int) -> tuple[float, float]:
        count[0] += 1
        return score(self, i, j)

    monkeypatch.setattr(align_module._Scorer, "score", counting)
    yield count


def brief_of(articles: list[Article], links: list[CopyLink], analyses: dict[str, Analysis]) -> Brief:
    return build_brief("big", articles, [analyses[a.id] for a in articles], links, semantic=False)


def edited_figure_reported(brief: Brief, copies: list[Article]) -> bool:
    edited = {c.id for c in copies}
    return any(
        d.kind in ("number", "update") and any(e.article in edited and "60" in e.text for e in d.evidence)
        for d in brief.discrepancies
    )


def test_copies_fold_and_the_edited_figure_stays_a_discrepancy(
    topic: list[Article], copies: list[Article], analyses: dict[str, Analysis], scored: list[int]
) -> None:
    articles, links = story(topic, copies, 200)
    brief = brief_of(articles, links, analyses)
    assert len(brief.articles) == len(articles)
    assert edited_figure_reported(brief, copies[::EDITED_EVERY])
    supported = {e.article for a in brief.agreements for e in a.evidence}
    assert {c.id for c in copies} <= supported, "a folded copy supports what its original supports"
    units = build_units(articles, [analyses[a.id] for a in articles])
    folded = fold_copies(units, links)
    for number, own in ((0, 1), (1, 0), (3, 1), (10, 0)):
        clauses = [u for u in units if u.article == copies[number].id]
        assert sum(u.key not in folded for u in clauses) == own, f"copy {number}"
    original_clauses = sum(u.article == topic[0].id for u in units)
    assert len(folded) == 200 * original_clauses - 1, "only the first copy's edited clause stays unfolded"


def test_scored_pairs_grow_linearly_in_a_bounded_story(
    topic: list[Article],
    copies: list[Article],
    analyses: dict[str, Analysis],
    scored: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bigstory, "EXACT_UNITS", 40)
    monkeypatch.setattr(bigstory, "MAX_CANDIDATES", 8)
    counts = {}
    for count in (50, 200):
        scored[0] = 0
        articles, links = story(topic, copies, count)
        brief = brief_of(articles, links, analyses)
        units = build_units(articles, [analyses[a.id] for a in articles])
        counts[count] = scored[0] - len(fold_copies(units, links))
        assert edited_figure_reported(brief, copies[:count:EDITED_EVERY])
    assert counts[200] < 6 * counts[50], f"pairs grew from {counts[50]} to {counts[200]}"
    revised = sum(n % REVISED_EVERY == 0 and n % EDITED_EVERY != 0 for n in range(200))
    assert counts[200] < revised * (revised - 1) / 2, "the revision lines are not all paired"


def test_a_story_without_copies_is_unchanged_by_folding(
    topic: list[Article], analyses: dict[str, Analysis]
) -> None:
    given = [analyses[a.id] for a in topic]
    plain = build_brief("topic", topic, given, semantic=False)
    unrelated = [CopyLink("not-in-story", topic[0].id, 0.9), CopyLink("not-in-story-either", "absent", 0.9)]
    assert build_brief("topic", topic, given, unrelated, semantic=False) == plain
    units = build_units(topic, given)
    assert fold_copies(units, unrelated) == {}


def test_copies_are_checked_against_what_they_copy_not_against_each_other(
    topic: list[Article], copies: list[Article], analyses: dict[str, Analysis]
) -> None:
    copied = {c.id for c in copies}

    def between_copies(brief: Brief) -> list[str]:
        return [d.explanation for d in brief.discrepancies if {e.article for e in d.evidence} <= copied]

    articles, links = story(topic, copies, 200)
    brief = brief_of(articles, links, analyses)
    assert between_copies(brief) == []
    assert edited_figure_reported(brief, copies[::EDITED_EVERY])
    unlinked = brief_of(articles, [], analyses)
    assert between_copies(unlinked), "without copy links the revision lines differ pairwise"
    assert len(brief.discrepancies) < len(unlinked.discrepancies) / 10
