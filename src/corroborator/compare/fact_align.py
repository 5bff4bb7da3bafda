"""Fact alignment: which facts of different articles are one fact told twice.

Two facts are one when their words mean the same (MiniLM cosine of the fact's words, or in lexical mode an
estimate from shared content words) and their core arguments are compatible: the same predicate helps, a
shared entity cluster, date or number helps, and a fact never agrees with its negation, nor with a fact about
another actor or other figures. Groups are built greedily from the best pairs, one fact an article."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from corroborator.compare.entities_table import EntityClusters
from corroborator.compare.text import content_set, wording
from corroborator.types import Discrepancy, Evidence, Fact

AGREE_THRESHOLD = 0.4
"""A pair whose probability of being one fact reaches this is one fact stated twice."""
RELATED_THRESHOLD = 0.25
"""A fact whose best match elsewhere reaches this is not reported as single-source (it may be worded
differently there)."""
PAIR_MODEL = {
    "intercept": -6.503,
    "cosine": 4.932,
    "cosine_squared": -3.35,
    "rare_words": 5.759,
    "same_predicate": 0.347,
    "shared_entity": 0.255,
    "modality_differs": -0.598,
    "length": 1.778,
    "attribute": 0.766,
    "shared_number": 2.29,
    "shared_time": 2.383,
    "same_kind": 0.417,
}
"""Logistic pair model, fitted on the cross-article fact pairs of the 24 stories of briefs_dev.jsonl
(label: both facts lie in the quotes of one gold shared fact; held-out AUC 0.84 / 0.85 over two folds of
stories, `bench/README.md`). `rare_words`: the content words the two facts share, each weighted by how few
of the story's facts carry it (log(1 + facts / facts with the word)); `length`: the shorter fact's words over
20, at most 2."""
SAME_WORDS_LOGIT = 6.0
"""Two facts worded alike (case and punctuation aside) are one fact: probability 0.998."""
SAME_CORE_LOGIT = 1.0
"""Added when the two facts have one subject (entity cluster) and one object (head word): "Kim Jong Un
visited the weapon factories" and "Kim Jong Un toured key weapons factories" differ only in the verb."""
CONFLICT_LOGIT = -2.0
"""Added for each core slot the two facts fill differently: the subject's entities, numbers, dates."""
LENGTH_SCALE = 20
MAX_LENGTH = 2.0
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
BLOCK = 512
LEXICAL_COEF = 0.666
STATIC_COEF = 0.452
ESTIMATE_INTERCEPT = 0.083


@dataclass
class FactAlignment:
    facts: list[Fact]
    groups: list[list[Fact]] = field(default_factory=list)
    group_scores: list[float] = field(default_factory=list)
    best_elsewhere: dict[int, float] = field(default_factory=dict)
    """Position in `facts` -> the fact's best score against any other article's facts."""
    pairs: list[tuple[float, int, int]] = field(default_factory=list)
    """(score, position, position) of every cross-article pair at or above RELATED_THRESHOLD, best first."""
    conflicting: list[tuple[float, int, int]] = field(default_factory=list)
    """(sameness, position, position) of the pairs that tell of one thing with other numbers or dates, each
    fact the other's closest in its article (so a fact both articles state is not set against another)."""
    features: _Features | None = None

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
        `threshold`; with `opposite`, of opposite polarity). Where the parser read no fact around a span,
        the words alone decide (True)."""
        left, right = self._facts_of_two(evidence)
        if not left or not right:
            return True
        return any(
            (self.sameness_of(i, j) >= threshold or self._alike_but(i, j, evidence))
            and (not opposite or self.facts[i].negated != self.facts[j].negated)
            for i in left
            for j in right
        )

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

    def sameness_of(self, i: int, j: int) -> float:
        """`sameness` of the facts at positions i and j (0 when they are of one article)."""
        if self.features is None or self.facts[i].article == self.facts[j].article:
            return 0.0
        return sameness(self.features, self.facts, i, j)


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


class _Features:
    """What the pair score reads of each fact, computed once."""

    def __init__(self, facts: Sequence[Fact], clusters: EntityClusters, semantic: bool) -> None:
        from corroborator.compare.embed import encode, static_vectors

        texts = [f.text for f in facts]
        self.vectors = encode(texts) if semantic else static_vectors(texts)
        self.semantic = semantic
        self.words = [content_set(t) for t in texts]
        self.wordings = [wording(t) for t in texts]
        spread = Counter(word for words in self.words for word in words)
        self.weight = {word: math.log(1 + len(facts) / count) for word, count in spread.items()}
        self.entities = [frozenset(clusters.of(k) for k in f.entities) for f in facts]
        self.subjects = [_subject_entities(f, clusters) for f in facts]
        self.objects = [frozenset(a.head for a in f.arguments if a.role == "object") for f in facts]
        self.numbers = [frozenset(round(q, 3) for q in f.quantities) for f in facts]
        self.times = [frozenset(v for v in f.times if v[:1].isdigit()) for f in facts]


def _subject_entities(fact: Fact, clusters: EntityClusters) -> frozenset[str]:
    return frozenset(
        clusters.of(key)
        for argument in fact.arguments
        if argument.role == "subject"
        for key in argument.entities
    )


def _overlap(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / math.sqrt(len(left) * len(right))


def pair_score(features: _Features, facts: Sequence[Fact], i: int, j: int, logit: float) -> float:
    """The probability that facts i and j are one fact, from their `_logit`; 0 when one denies what the
    other affirms, lower when they fill a core slot differently (another subject, other numbers or dates)."""
    if facts[i].negated != facts[j].negated:
        return 0.0
    conflicts = (
        _conflicting(features.subjects[i], features.subjects[j])
        + _conflicting(features.numbers[i], features.numbers[j])
        + _conflicting(features.times[i], features.times[j])
    )
    return _sigmoid(logit + CONFLICT_LOGIT * conflicts)


def sameness(features: _Features, facts: Sequence[Fact], i: int, j: int) -> float:
    """The probability that facts i and j tell of one thing, whatever their polarity and slot values: the
    pairs a discrepancy may be found between."""
    return _sigmoid(_logit(features, facts, i, j))


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-value))


def _logit(features: _Features, facts: Sequence[Fact], i: int, j: int) -> float:
    left, right = facts[i], facts[j]
    if features.wordings[i] == features.wordings[j]:
        return SAME_WORDS_LOGIT
    words = _overlap(features.words[i], features.words[j])
    rare = _weighted_overlap(features.words[i], features.words[j], features.weight)
    cosine = float(features.vectors[i] @ features.vectors[j])
    if not features.semantic:
        cosine = LEXICAL_COEF * words + STATIC_COEF * cosine + ESTIMATE_INTERCEPT
    shorter = min(len(left.text.split()), len(right.text.split()))
    model = PAIR_MODEL
    logit = (
        model["intercept"]
        + model["cosine"] * cosine
        + model["cosine_squared"] * cosine * cosine
        + model["rare_words"] * rare
        + model["same_predicate"] * (left.predicate == right.predicate)
        + model["shared_entity"] * bool(features.entities[i] & features.entities[j])
        + model["modality_differs"] * ((left.modality is None) != (right.modality is None))
        + model["length"] * min(MAX_LENGTH, shorter / LENGTH_SCALE)
        + model["attribute"] * ("attribute" in (left.kind, right.kind))
        + model["shared_number"] * bool(features.numbers[i] & features.numbers[j])
        + model["shared_time"] * bool(features.times[i] & features.times[j])
        + model["same_kind"] * (left.kind == right.kind)
    )
    if features.subjects[i] & features.subjects[j] and features.objects[i] & features.objects[j]:
        logit += SAME_CORE_LOGIT
    return logit


def _weighted_overlap(left: frozenset[str], right: frozenset[str], weight: dict[str, float]) -> float:
    if not left or not right:
        return 0.0
    shared = sum(weight[w] for w in left & right)
    return shared / math.sqrt(sum(weight[w] for w in left) * sum(weight[w] for w in right) + 1e-9)


def _conflicting(left: frozenset[object], right: frozenset[object]) -> bool:
    return bool(left) and bool(right) and not left & right


def align_facts(facts: Sequence[Fact], clusters: EntityClusters, semantic: bool = True) -> FactAlignment:
    """Score every cross-article pair of facts and group the pairs that state one fact."""
    facts = list(facts)
    alignment = FactAlignment(facts)
    if len({f.article for f in facts}) < 2:
        return alignment
    features = _Features(facts, clusters, semantic)
    alignment.features = features
    closest: dict[tuple[int, str], tuple[float, int]] = {}
    clashes = []
    for i, j in _candidate_pairs(features.vectors, [f.article for f in facts]):
        logit = _logit(features, facts, i, j)
        same = _sigmoid(logit)
        for one, other in ((i, j), (j, i)):
            key = (one, facts[other].article)
            closest[key] = max(closest.get(key, (0.0, -1)), (same, other))
        score = pair_score(features, facts, i, j, logit)
        if _clash(features, facts, i, j) and same >= CONFLICT_SAMENESS:
            clashes.append((same, i, j))
        for position in (i, j):
            alignment.best_elsewhere[position] = max(alignment.best_elsewhere.get(position, 0.0), score)
        if score >= RELATED_THRESHOLD:
            alignment.pairs.append((score, i, j))
    alignment.conflicting = [
        (same, i, j)
        for same, i, j in clashes
        if closest[(i, facts[j].article)][1] == j and closest[(j, facts[i].article)][1] == i
    ]
    alignment.pairs.sort(key=lambda p: -p[0])
    _group(alignment)
    return alignment


def _clash(features: _Features, facts: Sequence[Fact], i: int, j: int) -> bool:
    """Facts of one polarity that give other numbers or other dates."""
    return facts[i].negated == facts[j].negated and (
        _conflicting(features.numbers[i], features.numbers[j])
        or _conflicting(features.times[i], features.times[j])
    )


def _candidate_pairs(vectors: np.ndarray, articles: list[str]) -> Iterator[tuple[int, int]]:
    """The cross-article pairs (i < j) to score: all of them in a story of up to ALL_PAIRS_FACTS facts;
    beyond, each fact's NEAREST most similar facts of other articles (by the vectors' cosine)."""
    labels = np.array(articles)
    count = len(articles)
    if count <= ALL_PAIRS_FACTS:
        for i in range(count):
            yield from ((i, int(j)) for j in np.nonzero(labels[i + 1 :] != labels[i])[0] + i + 1)
        return
    seen: set[tuple[int, int]] = set()
    for start in range(0, count, BLOCK):
        similar = vectors[start : start + BLOCK] @ vectors.T
        for row, i in enumerate(range(start, min(count, start + BLOCK))):
            scores = np.where(labels != labels[i], similar[row], -np.inf)
            nearest = np.argpartition(-scores, NEAREST)[:NEAREST]
            for j in nearest.tolist():
                pair = (min(i, j), max(i, j))
                if scores[j] > -np.inf and pair not in seen:
                    seen.add(pair)
                    yield pair


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
