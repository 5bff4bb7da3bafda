"""Lexical alignment (batch briefs): scoring only the pairs that share a word or fact loses no pair, and the
int8 model gives vectors close to the float32 ones."""

from __future__ import annotations

import numpy as np

from corroborator import embeddings
from corroborator.compare.align import RELATED_THRESHOLD, _Scorer, align
from corroborator.compare.units import build_units
from corroborator.types import Analysis, Article


def test_unscored_pairs_would_score_below_every_threshold(
    seed_articles: list[Article], seed_analyses: list[Analysis]
) -> None:
    units = build_units(seed_articles, seed_analyses)
    scorer = _Scorer(units, semantic=False)
    scored = set(scorer.pairs())
    every = {
        (i, j)
        for i in range(len(units))
        for j in range(i + 1, len(units))
        if units[i].article != units[j].article
    }
    assert scored < every, "the seeds have pairs sharing nothing"
    assert max(scorer.score(i, j)[0] for i, j in every - scored) < 0.3
    alignment = align(units, semantic=False)
    related = {(i, j) for i, j in every if scorer.score(i, j)[0] >= RELATED_THRESHOLD}
    keys = {(units[i].key, units[j].key) for i, j in related}
    assert keys == {(p.left.key, p.right.key) for p in alignment.pairs}
    assert len(keys) >= 5, "the comparison is not vacuous"


def test_a_dateline_without_content_words_aligns_with_its_edited_twin() -> None:
    from corroborator.analyze.pipeline import shared_analyzer

    texts = ["May 2, 2013 1: 35 pm.\nLindsay Lohan has checked into rehab.", ""]
    texts[1] = texts[0].replace("May 2", "May 4")
    articles = [Article(text=t, outlet=f"o{n}", published="2013-05-05") for n, t in enumerate(texts)]
    units = build_units(articles, shared_analyzer().analyze(articles))
    alignment = align(units, semantic=False)
    datelines = {(p.left.text, p.right.text) for p in alignment.pairs}
    assert ("May 2, 2013 1: 35 pm.", "May 4, 2013 1: 35 pm.") in datelines


def test_int8_vectors_are_close_to_float32(seed_articles: list[Article]) -> None:
    sentences = [line for a in seed_articles for line in a.text.splitlines() if len(line.split()) > 8][:12]
    full = embeddings.encode(sentences)
    small = embeddings.encode(sentences, int8=True)
    assert np.allclose(np.linalg.norm(small, axis=1), 1.0, atol=1e-4)
    similarity = (full * small).sum(axis=1)
    assert similarity.min() > 0.85 and not np.allclose(full, small)
