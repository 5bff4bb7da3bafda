"""The fact pair model scored a block at a time: the same figures whichever way the pairs are taken, and
the nearest-pairs path of big stories finds the same agreements as scoring every pair."""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.compare import fact_align, pair_model
from corroborator.compare.entities_table import build_clusters
from corroborator.compare.fact_align import align_facts
from corroborator.facts import extract_facts
from corroborator.types import Analysis, Article, Fact

TEXTS = (
    "Police arrested 99 protesters in Athens on Monday. The protesters had blocked the main square. "
    "The mayor did not comment.",
    "Officers arrested 89 protesters in Athens on Monday, police said. The mayor did not comment. "
    "A court will hear the cases next week.",
    "Police in Athens arrested 99 demonstrators on Monday. The mayor commented on the arrests. "
    "Shops on the square stayed shut.",
)


@pytest.fixture(scope="module")
def story() -> tuple[list[Fact], list[Analysis]]:
    articles = [Article(text=text, outlet=f"Outlet {n}") for n, text in enumerate(TEXTS)]
    analyses = shared_analyzer().analyze(articles)
    facts = [f for per_article in extract_facts(articles, analyses) for f in per_article]
    return facts, analyses


def test_a_block_scores_as_its_rows_do_one_by_one(
    story: tuple[list[Fact], list[Analysis]], monkeypatch: pytest.MonkeyPatch
) -> None:
    facts, analyses = story
    features = pair_model.PairFeatures(facts, build_clusters(analyses), semantic=False)
    whole = features.logits(slice(0, len(facts)))
    assert whole.shape == (len(facts), len(facts))
    assert np.allclose(whole, whole.T), "the pair model is symmetric"
    for row in range(len(facts)):
        assert np.allclose(features.logits(slice(row, row + 1))[0], whole[row])
    monkeypatch.setattr(pair_model, "BLOCK_CELLS", len(facts) * 2)
    assert next(b.stop - b.start for b in features.blocks()) == 2


def test_a_block_against_some_facts_is_those_columns_of_the_whole_block(
    story: tuple[list[Fact], list[Analysis]],
) -> None:
    facts, analyses = story
    features = pair_model.PairFeatures(facts, build_clusters(analyses), semantic=False)
    rows, columns = slice(1, 4), np.array([0, 2, len(facts) - 1])
    whole, some = features.block(rows), features.block(rows, columns)
    for name in ("logit", "subject_conflict", "number_conflict", "time_conflict", "numbers_differ"):
        assert np.allclose(getattr(some, name), getattr(whole, name)[:, columns]), name
    assert np.array_equal(features.cross_article(rows, columns), features.cross_article(rows)[:, columns])


def test_facts_worded_alike_are_one_fact_and_a_denial_never_agrees(
    story: tuple[list[Fact], list[Analysis]],
) -> None:
    facts, analyses = story
    alignment = align_facts(facts, build_clusters(analyses), semantic=False)
    texts = [{f.text for f in group} for group in alignment.groups]
    assert any({"The mayor did not comment"} == {t.rstrip(".") for t in group} for group in texts), texts
    for group in alignment.groups:
        assert len({f.article for f in group}) == len(group), "one fact an article"
        assert len({f.negated for f in group}) == 1, [f.text for f in group]
    numbers = [(f.text, g.text) for _, i, j in alignment.conflicting for f, g in [(facts[i], facts[j])]]
    assert any("99" in a + b and "89" in a + b for a, b in numbers), numbers


def test_nearest_pairs_of_a_big_story_find_the_same_agreements(
    story: tuple[list[Fact], list[Analysis]], monkeypatch: pytest.MonkeyPatch
) -> None:
    facts, analyses = story
    clusters = build_clusters(analyses)
    every_pair = align_facts(facts, clusters, semantic=False)
    monkeypatch.setattr(fact_align, "ALL_PAIRS_FACTS", 3)
    monkeypatch.setattr(fact_align, "NEAREST", 2)
    nearest = align_facts(facts, clusters, semantic=False)
    chosen = fact_align._nearest(pair_model.PairFeatures(facts, clusters, semantic=False))
    cross_article = sum(f.article != g.article for f in facts for g in facts)
    assert 0 < chosen.nnz < cross_article, "only each fact's nearest are scored"
    assert {tuple(f.index for f in g) for g in nearest.groups} == {
        tuple(f.index for f in g) for g in every_pair.groups
    }


def test_a_big_articles_facts_are_scored_only_against_their_candidates(
    story: tuple[list[Fact], list[Analysis]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2 MB article's 24,000 facts once took minutes scored against each other, though only pairs with
    other articles count: a block of one article's facts is scored against its candidates alone."""
    facts, analyses = story
    clusters = build_clusters(analyses)
    every_pair = align_facts(facts, clusters, semantic=False)
    monkeypatch.setattr(fact_align, "ALL_PAIRS_FACTS", 3)
    monkeypatch.setattr(fact_align, "NEAREST", 2)
    monkeypatch.setattr(pair_model, "BLOCK_CELLS", len(facts))
    widths: list[int] = []
    scored = pair_model.PairFeatures.block

    def recording(
        self: pair_model.PairFeatures, rows: slice, columns: slice | np.ndarray = slice(None)
    ) -> object:
        widths.append(len(np.arange(self.count)[columns]))
        return scored(self, rows, columns)

    monkeypatch.setattr(pair_model.PairFeatures, "block", recording)
    nearest = align_facts(facts, clusters, semantic=False)
    assert widths and max(widths) < len(facts), "no fact is scored against every fact"
    assert nearest.best_elsewhere.keys() == every_pair.best_elsewhere.keys()
    assert {tuple(f.index for f in g) for g in nearest.groups} == {
        tuple(f.index for f in g) for g in every_pair.groups
    }


def test_a_day_agrees_with_its_month_and_conflicts_with_another_day() -> None:
    texts = (
        "The company will open the new plant on 22 November 2013.",
        "The company will open the new plant in November 2013.",
        "The company will open the new plant on 25 November 2013.",
    )
    articles = [Article(text=text, outlet=f"Outlet {n}") for n, text in enumerate(texts)]
    analyses = shared_analyzer().analyze(articles)
    facts = [f for per_article in extract_facts(articles, analyses) for f in per_article if f.times]
    assert [f.article for f in facts] == [a.id for a in articles], [f.text for f in facts]
    features = pair_model.PairFeatures(facts, build_clusters(analyses), semantic=False)
    block = features.block(slice(0, 1))
    assert not block.time_conflict[0, 1] and not block.days_conflict[0, 1], "22 November 2013 is in November"
    assert block.time_conflict[0, 2] and block.days_conflict[0, 2], "the 22nd is not the 25th"
    assert features.times.shared(slice(0, 1))[0, 1] > 0, "the month counts as a shared date"


def test_aligned_clauses_raise_the_grouping_score_only(story: tuple[list[Fact], list[Analysis]]) -> None:
    facts, analyses = story
    other = next(k for k, f in enumerate(facts) if f.article != facts[0].article)
    units: list[int | None] = list(range(len(facts)))
    units[1] = None
    links = pair_model.clause_links(units, {(0, other): 0.8, (other, 0): 0.8}, len(facts))
    plain = pair_model.PairFeatures(facts, build_clusters(analyses), semantic=False)
    linked = pair_model.PairFeatures(facts, build_clusters(analyses), semantic=False, clauses=links)
    block, before = linked.block(slice(0, 2)), plain.block(slice(0, 2))
    assert np.allclose(block.logit, before.logit), "sameness does not read the clauses"
    assert block.clause[0, other] == pytest.approx(pair_model.CLAUSE_COEF * 0.8)
    assert np.count_nonzero(block.clause) == 1, "a fact in no clause, and unrelated clauses, add nothing"

    def grouping_score(alignment: fact_align.FactAlignment) -> float:
        return next((score for score, i, j in alignment.pairs if (i, j) == (0, other)), 0.0)

    with_links = align_facts(facts, build_clusters(analyses), False, links)
    without = align_facts(facts, build_clusters(analyses), False)
    assert grouping_score(with_links) > grouping_score(without)
    assert with_links.best_elsewhere == without.best_elsewhere, "single-source facts do not read the clauses"
