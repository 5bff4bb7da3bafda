"""Inputs a brief must survive: a story of 200 articles, a 2 MB article, text in another language, an
article without verbs. Each gives a brief whose evidence indexes its articles, never a crash."""

from __future__ import annotations

import pytest

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.compare import build_brief
from corroborator.types import Article, Brief

SENTENCES = [
    "Police arrested {n} protesters outside the parliament in Athens on Monday.",
    "The finance minister said the budget would pass by {n} votes.",
    "Firefighters needed {n} hours to put out the blaze at the bank.",
    "Unions called a general strike for Wednesday, the {n}th this year.",
]


def _check(brief: Brief, articles: list[Article]) -> None:
    texts = {a.id: a.text for a in articles}
    assert {a.id for a in brief.articles} == set(texts)
    evidence = [e for a in brief.agreements for e in a.evidence]
    evidence += [e for d in brief.discrepancies for e in d.evidence]
    evidence += [e for f in brief.single_source for e in f.evidence]
    for item in evidence:
        assert texts[item.article][item.start : item.end] == item.text, item
    for agreement in brief.agreements:
        articles_of = [e.article for e in agreement.evidence]
        assert len(articles_of) == len(set(articles_of))


@pytest.mark.slow
def test_a_story_of_200_articles_gets_a_brief() -> None:
    articles = [
        Article(
            text=" ".join(s.format(n=(i + k) % 40 + 2) for k, s in enumerate(SENTENCES)), outlet=f"Outlet {i}"
        )
        for i in range(200)
    ]
    brief = build_brief("big", articles, shared_analyzer().analyze(articles), semantic=False)
    _check(brief, articles)
    assert brief.agreements


@pytest.mark.slow
def test_a_huge_a_foreign_and_a_verbless_article_get_a_brief() -> None:
    line = "The council approved the new budget for the harbour on Monday after a long debate. "
    articles = [
        Article(text=(line * 30_000)[:2_000_000], outlet="Huge"),
        Article(
            text="Der Stadtrat hat am Montag den neuen Haushalt für den Hafen beschlossen.", outlet="Fremd"
        ),
        Article(text="Harbour. Budget. Council. Monday.", outlet="Terse"),
        Article(text="The council approved the harbour budget on Monday.", outlet="Short"),
    ]
    brief = build_brief("odd", articles, shared_analyzer().analyze(articles), semantic=False)
    _check(brief, articles)
