"""Fact alignment: which facts of different articles are one fact told twice.

Two facts are one when their words mean the same (MiniLM cosine of the fact's words, or in lexical mode an
estimate from shared content words) and their core arguments are compatible: the same predicate helps, a
shared entity cluster, date or number helps, and a fact never agrees with its negation, nor with a fact about
another actor or other figures. Groups are built greedily from the best pairs, one fact an article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from corroborator.compare.entities_table import EntityClusters
from corroborator.compare.pair_model import ALL, CONFLICT_LOGIT, ClauseLinks, Columns, PairFeatures, sigmoid
from corroborator.compare.text import wording
from corroborator.types import Discrepancy, Evidence, Fact
from corroborator.types.facts import HYPOTHETICAL

AGREE_THRESHOLD = 0.4
"""A pair whose probability of being one fact reaches this is one fact stated twice."""
RELATED_THRESHOLD = 0.25
"""A fact whose best match elsewhere reaches this is not reported as single-source (it may be worded
differently there)."""
DISCREPANCY_SAMENESS = 0.4
"""Two facts this likely to tell of one thing (whatever their figures, names or polarity) may conflict."""
CONFLICT_SAMENESS = 0.35
"""Two facts with other figures or dates are checked for a conflict when they are this likely one fact."""
POLARITY_SAMENESS = 0.6
"""A denial conflicts with an affirmation only when the two facts are this likely one fact."""
MIN_ALIKE_WORDS = 4
ALL_PAIRS_FACTS = 2_000
"""Up to this many facts in a story every cross-article pair is scored; beyond, only each fact's nearest."""
NEAREST = 40


@dataclass
class FactAlignment:
    facts: list[Fact]
    groups: list[list[Fact]] = field(default_factory=list)
    group_scores: list[float] = field(default_factory=list)
    best_elsewhere: dict[int, float] = field(default_factory=dict)
    """Position in `facts` -> the fact's best score against any other article's facts."""
    pairs: list[tuple[float, int, int]] = field(default_factory=list)
    """(score, position, position) of every cross-article pair at or above RELATED_THRESHOLD, best first;
    the score with what the two facts' clauses' alignment adds (`pair_model.CLAUSE_COEF`), which groups
    them."""
    conflicting: list[tuple[float, int, int]] = field(default_factory=list)
    """(sameness, position, position) of the pairs that tell of one thing with other numbers or dates, each
    fact the other's closest in its article (so a fact both articles state is not set against another), and
    neither a condition or supposition."""
    features: PairFeatures | None = None
    _rows: dict[int, np.ndarray] = field(default_factory=dict, repr=False)

    def facts_at(self, article: str, start: int, end: int) -> list[int]:
        """Positions of the facts of an article whose words overlap [start, end)."""
        return [
            k for k, f in enumerate(self.facts) if f.article == article and f.start < end and start < f.end
        ]

    def supports(self, discrepancy: Discrepancy) -> bool:
        """Whether a discrepancy stands between one fact told twice: its spans lie in facts of two
        articles that tell of one thing (for `polarity`, one of them denied: POLARITY_SAMENESS)."""
        if discrepancy.kind == "polarity":
            return self.told_twice(discrepancy.evidence, POLARITY_SAMENESS, opposite=True)
        return self.told_twice(discrepancy.evidence, DISCREPANCY_SAMENESS)

    def told_twice(self, evidence: Sequence[Evidence], threshold: float, opposite: bool = False) -> bool:
        """Whether the spans of two articles lie in facts that tell of one thing (`sameness` at least
        `threshold`; with `opposite`, of opposite polarity and not of other actors). Where the parser
        read no fact around a span, the words alone decide (True)."""
        left, right = self._facts_of_two(evidence)
        if not left or not right:
            return True
        left, right = self._asserted(left), self._asserted(right)
        return any(
            (self.sameness_of(i, j) >= threshold or self._alike_but(i, j, evidence))
            and (
                not opposite
                or (self.facts[i].negated != self.facts[j].negated and not self._other_actors(i, j))
            )
            for i in left
            for j in right
        )

    def _asserted(self, positions: set[int]) -> set[int]:
        return {k for k in positions if _asserts(self.facts[k])}

    def compared(self, evidence: Sequence[Evidence]) -> list[Fact]:
        """The two facts a discrepancy compares: of the facts at its spans in its first two articles, the
        pair most alike (none where the parser read no fact there)."""
        left, right = self._facts_of_two(evidence)
        pairs = [(self.sameness_of(i, j), i, j) for i in sorted(left) for j in sorted(right)]
        if not pairs:
            return []
        _, i, j = max(pairs)
        return [self.facts[i], self.facts[j]]

    def _facts_of_two(self, evidence: Sequence[Evidence]) -> tuple[set[int], set[int]]:
        """Positions of the facts at the evidence spans of its first two articles (empty with one)."""
        articles = list(dict.fromkeys(e.article for e in evidence))
        if len(articles) < 2:
            return set(), set()
        left, right = (
            {k for e in evidence if e.article == article for k in self.facts_at(article, e.start, e.end)}
            for article in articles[:2]
        )
        return left, right

    def _alike_but(self, i: int, j: int, evidence: Sequence[Evidence]) -> bool:
        """Whether facts i and j are worded alike once the differing spans are taken out of both (or the
        words of one, at least MIN_ALIKE_WORDS, stand within the other's: the parser cut them apart)."""
        first, second = sorted(
            (_without(self.facts[i], evidence), _without(self.facts[j], evidence)), key=len
        )
        return first == second or (len(first.split()) >= MIN_ALIKE_WORDS and f" {first} " in f" {second} ")

    def _other_actors(self, i: int, j: int) -> bool:
        return self.features is not None and self.features.other_actors(i, j)

    def sameness_of(self, i: int, j: int) -> float:
        """`sameness` of the facts at positions i and j (0 when they are of one article)."""
        if self.features is None or self.facts[i].article == self.facts[j].article:
            return 0.0
        if i not in self._rows:
            self._rows[i] = sigmoid(self.features.logits(slice(i, i + 1)))[0]
        return float(self._rows[i][j])


def _asserts(fact: Fact) -> bool:
    """Whether a fact asserts something: a condition or supposition ("if it had been 50 people") can
    conflict with nothing."""
    return fact.modality != HYPOTHETICAL


def fact_span(fact: Fact) -> Evidence:
    """A fact as an evidence span of its article."""
    return Evidence(fact.article, fact.start, fact.end, fact.text)


def _without(fact: Fact, evidence: Sequence[Evidence]) -> str:
    """The fact's words less the evidence spans that lie in it."""
    text = fact.text
    for item in sorted(evidence, key=lambda e: -e.start):
        if item.article == fact.article and fact.start <= item.start and item.end <= fact.end:
            text = text[: item.start - fact.start] + text[item.end - fact.start :]
    return wording(text)


def align_facts(
    facts: Sequence[Fact], clusters: EntityClusters, semantic: bool = True, clauses: ClauseLinks | None = None
) -> FactAlignment:
    """Score every cross-article pair of facts (beyond ALL_PAIRS_FACTS facts, each fact's NEAREST) and
    group the pairs that state one fact; `clauses`, how the facts' clauses align, adds to the scores."""
    facts = list(facts)
    alignment = FactAlignment(facts)
    if len({f.article for f in facts}) < 2:
        return alignment
    features = PairFeatures(facts, clusters, semantic, clauses)
    alignment.features = features
    scan = _Scan(features, _nearest(features) if len(facts) > ALL_PAIRS_FACTS else None)
    for rows in features.blocks():
        scan.block(rows)
    alignment.best_elsewhere = scan.best_elsewhere()
    alignment.pairs = sorted(scan.pairs, key=lambda p: -p[0])
    alignment.conflicting = [
        (same, i, j) for same, i, j in scan.mutual_clashes() if _asserts(facts[i]) and _asserts(facts[j])
    ]
    _group(alignment)
    return alignment


class _Scan:
    """What `align_facts` gathers, a block of facts at a time: the related pairs, each fact's best score
    against other articles, the pairs that give other numbers or dates, and each fact's closest fact in
    every other article."""

    def __init__(self, features: PairFeatures, candidates: sparse.csr_matrix | None) -> None:
        self.features = features
        self.candidates = candidates
        self.all_positions = np.arange(features.count)
        self.closest = np.full((features.count, int(features.article.max()) + 1), -1, dtype=np.int64)
        self.best = np.full(features.count, -1.0)
        self.pairs: list[tuple[float, int, int]] = []
        self.clashes: list[tuple[float, int, int]] = []

    def block(self, rows: slice) -> None:
        features = self.features
        columns, ids, candidate = self._columns(rows)
        if len(ids) == 0:
            return
        scored = features.block(rows, columns)
        same = sigmoid(scored.logit)
        number, time = scored.number_conflict, scored.time_conflict
        opposite = features.opposite(rows, columns)
        conflicts = scored.subject_conflict.astype(np.float64) + number + time
        penalised = scored.logit + CONFLICT_LOGIT * conflicts
        score = np.where(opposite, 0.0, sigmoid(penalised))
        grouped = np.where(opposite, 0.0, sigmoid(penalised + scored.clause))
        valid = features.cross_article(rows, columns)
        if candidate is not None:
            valid &= candidate
        positions = np.arange(rows.start, rows.stop)
        self._closest(positions, ids, np.where(valid, same, -1.0))
        self.best[positions] = np.where(valid, score, -1.0).max(axis=1)
        later = valid & (positions[:, None] < ids[None, :])
        for i, j in zip(*np.nonzero(later & (grouped >= RELATED_THRESHOLD)), strict=True):
            self.pairs.append((float(grouped[i, j]), int(positions[i]), int(ids[j])))
        differ = scored.numbers_differ | scored.days_conflict | time
        clash = later & ~opposite & differ & (same >= CONFLICT_SAMENESS)
        for i, j in zip(*np.nonzero(clash), strict=True):
            self.clashes.append((float(same[i, j]), int(positions[i]), int(ids[j])))

    def _columns(self, rows: slice) -> tuple[Columns, np.ndarray, np.ndarray | None]:
        """The facts a block is scored against (for `features.block`, and as positions), and in a big
        story which of those pairs are candidates: only the facts some row of the block is a candidate
        with, so an article of 24,000 facts is not scored against itself."""
        if self.candidates is None:
            return ALL, self.all_positions, None
        picked = self.candidates[rows]
        ids = np.unique(picked.indices).astype(np.int64)
        return ids, ids, picked[:, ids].toarray() > 0

    def _closest(self, positions: np.ndarray, ids: np.ndarray, same: np.ndarray) -> None:
        """Each fact's most alike fact of each article (the later one on a tie); -1 where none is scored."""
        of_article = self.features.article[ids]
        for article in range(self.closest.shape[1]):
            local = np.flatnonzero(of_article == article)
            if len(local) == 0:
                continue
            among = same[:, local]
            last = among.shape[1] - 1 - np.argmax(among[:, ::-1], axis=1)
            scored = among[np.arange(len(positions)), last] >= 0
            self.closest[positions, article] = np.where(scored, ids[local[last]], -1)

    def best_elsewhere(self) -> dict[int, float]:
        return {i: score for i, score in enumerate(self.best.tolist()) if score >= 0}

    def mutual_clashes(self) -> list[tuple[float, int, int]]:
        """The clashes whose two facts are each the other's closest in its article (so a fact both
        articles state is not set against another)."""
        article = self.features.article
        return [
            (same, i, j)
            for same, i, j in self.clashes
            if self.closest[i, article[j]] == j and self.closest[j, article[i]] == i
        ]


def _nearest(features: PairFeatures) -> sparse.csr_matrix:
    """The pairs to score in a big story: each fact with its NEAREST most similar facts of other articles
    (by the vectors' cosine), either way round."""
    picked_rows: list[np.ndarray] = []
    picked_columns: list[np.ndarray] = []
    for rows in features.blocks():
        columns = _other_articles(features, rows)
        similar = features.vectors[rows] @ features.vectors[columns].T
        similar = np.where(features.cross_article(rows, columns), similar, -np.inf)
        if similar.shape[1] > NEAREST:
            nearest = np.argpartition(-similar, NEAREST, axis=1)[:, :NEAREST]
        else:
            nearest = np.broadcast_to(np.arange(similar.shape[1]), similar.shape)
        scored = np.take_along_axis(similar, nearest, axis=1) > -np.inf
        positions = np.broadcast_to(np.arange(rows.start, rows.stop)[:, None], nearest.shape)
        picked_rows.append(positions[scored])
        picked_columns.append(columns[nearest[scored]])
    size = (features.count, features.count)
    rows_, columns_ = np.concatenate(picked_rows), np.concatenate(picked_columns)
    chosen = sparse.csr_matrix((np.ones(len(rows_)), (rows_, columns_)), shape=size)
    return sparse.csr_matrix((chosen + chosen.T) > 0)


def _other_articles(features: PairFeatures, rows: slice) -> np.ndarray:
    """The facts a block's facts could pair with: those of other articles when the block is of one article,
    else all."""
    articles = np.unique(features.article[rows])
    if len(articles) == 1:
        return np.flatnonzero(features.article != articles[0])
    return np.arange(features.count)


def _group(alignment: FactAlignment) -> None:
    """Greedy grouping from the best pair down: a pair joins two groups only when no article would then
    give the group two facts."""
    group_of: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    scores: dict[int, float] = {}
    for score, i, j in alignment.pairs:
        if score < AGREE_THRESHOLD:
            break
        left, right = group_of.get(i), group_of.get(j)
        if left is not None and left == right:
            continue
        left_members = members[left] if left is not None else [i]
        right_members = members[right] if right is not None else [j]
        left_articles = {alignment.facts[k].article for k in left_members}
        if left_articles & {alignment.facts[k].article for k in right_members}:
            continue
        root = left if left is not None else (right if right is not None else i)
        merged = left_members + right_members
        for position in merged:
            group_of[position] = root
        for old in (left, right):
            if old is not None and old != root:
                members.pop(old, None)
                scores.pop(old, None)
        members[root] = merged
        scores[root] = max(scores.get(root, 0.0), score)
    for root, positions in members.items():
        alignment.groups.append(sorted((alignment.facts[k] for k in positions), key=lambda f: f.article))
        alignment.group_scores.append(scores[root])
