"""facts stage: the facts each sentence states, read off spaCy's dependency parse.

`extract_facts(articles, analyses)` parses each article (the parser is loaded on first use) and returns its
facts: a predicate with its arguments (who, what, to whom, where, when, how many), negation and modality,
and the attribution taken off, each with character offsets into the article."""

from __future__ import annotations

from collections.abc import Sequence

from corroborator.errors import InputError
from corroborator.types import Analysis, Article, Fact


def extract_facts(articles: Sequence[Article], analyses: Sequence[Analysis]) -> list[list[Fact]]:
    """The facts of each article, in the order given; `analyses` are the articles' analyses (any order)."""
    from corroborator.facts.extract import facts_of_article
    from corroborator.facts.parser import parse

    by_id = {analysis.article_id: analysis for analysis in analyses}
    missing = [article.id for article in articles if article.id not in by_id]
    if missing:
        raise InputError(f"no analysis for article {missing[0]}", "analyze the articles before reading facts")
    parsed = parse([article.text for article in articles])
    return [
        facts_of_article(article, by_id[article.id], pieces)
        for article, pieces in zip(articles, parsed, strict=True)
    ]


__all__ = ["extract_facts"]
