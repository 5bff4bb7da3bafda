"""Claim alignment: which clauses of different articles state the same fact, and how surely.

The score mixes sentence-embedding cosine, content-word overlap, shared content bigrams ("strategic cruise
missiles") and shared facts (entities, dates, numbers that few clauses carry).

Lexical alignment (`semantic=False`, what batch briefs use: embedding every clause costs far more than the
rest of the pipeline) puts an estimate in the cosine's place, fitted by least squares to the embedding cosine
of 14,000 cross-article clause pairs of ECB+ stories: from the content-word overlap and the cosine of the mean
input word-piece vectors of the model (`compare.embed.static_vectors`). A pair sharing no content word or
rare fact then scores at most 0.55 * (STATIC_COEF + ESTIMATE_INTERCEPT) < 0.3, below every threshold, so only
pairs sharing a content word, and among them only those that can reach RELATED_THRESHOLD, are scored (found
through an inverted index, unit by unit; `compare.bigstory` gives the bound and the limits of big stories).

Clauses that a copy repeats from the article it copies (`folded`) are paired with their original only."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from corroborator.compare.bigstory import Candidates
from corroborator.compare.embed import encode, static_vectors
from corroborator.compare.text import content_set, is_content, norm, tokens
from corroborator.compare.units import Unit

AGREE_THRESHOLD = 0.5
"""A pair at or above this states the same fact."""
RELATED_THRESHOLD = 0.42
"""A pair at or above this is about the same thing: checked for differing details."""
IDENTICAL_THRESHOLD = 0.97

COSINE_WEIGHT = 0.55
LEXICAL_WEIGHT = 0.3
BIGRAM_WEIGHT = 0.15
FACT_BONUS = 0.04
MAX_FACT_BONUS = 0.12
LEXICAL_COEF = 0.666
STATIC_COEF = 0.452
ESTIMATE_INTERCEPT = 0.083
"""The cosine estimate of lexical alignment: LEXICAL_COEF * overlap + STATIC_COEF * static cosine + this."""
SCORE_FLOOR = COSINE_WEIGHT * (STATIC_COEF + ESTIMATE_INTERCEPT)
"""The most a lexical pair sharing no content word scores, facts aside (its static cosine at most 1)."""
LEXICAL_SLOPE = COSINE_WEIGHT * LEXICAL_COEF + LEXICAL_WEIGHT
"""What the content-word overlap adds to a lexical score, per unit of overlap."""


@dataclass(frozen=True)
class Pair:
    left: Unit
    right: Unit
    score: float
    cosine: float


@dataclass
class Alignment:
    units: list[Unit]
    pairs: list[Pair] = field(default_factory=list)
    """Cross-article pairs at or above RELATED_THRESHOLD, best first."""
    groups: list[list[Unit]] = field(default_factory=list)
    group_scores: list[float] = field(default_factory=list)
    best: dict[tuple[int, str], float] = field(default_factory=dict)
    """(unit key, other article id) -> best score of that unit against that article."""
    best_match: dict[tuple[int, str], tuple[float, float, int]] = field(default_factory=dict)
    """(unit key, other article id) -> (score, cosine, key) of its best match there (ties go by cosine)."""
    related: dict[tuple[int, int], float] = field(default_factory=dict)
    """(unit key, unit key) -> score, for pairs at or above RELATED_THRESHOLD (both orders)."""
    best_anywhere: dict[int, float] = field(default_factory=dict)
    """unit key -> its best score against any other article."""
    stand_ins: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """article id -> (folded unit key, its twin's key) of each of its folded clauses."""
    cosines: dict[tuple[int, int], float] = field(default_factory=dict)
    """(unit key, unit key) -> cosine, for the pairs of `related`."""

    def pair_score(self, left: Unit, right: Unit) -> float:
        return self.related.get((left.key, right.key), 0.0)

    def best_against_others(self, unit: Unit) -> float:
        return self.best_anywhere.get(unit.key, 0.0)

    def best_in(self, unit: Unit, article: str) -> tuple[float, float, int]:
        """(score, cosine, key) of the unit's best match in an article, a folded clause there scoring as
        its twin does (folded clauses are not scored against other articles)."""
        best = self.best_match.get((unit.key, article), (0.0, 0.0, -1))
        for folded, twin in self.stand_ins.get(article, ()):
            score = self.related.get((unit.key, twin))
            if score is not None:
                best = max(best, (score, self.cosines[(unit.key, twin)], folded))
        return best


def _bigrams(text: str) -> set[tuple[str, str]]:
    words = [norm(t.text) for t in tokens(text) if is_content(t.text)]
    return set(itertools.pairwise(words))


def _lexical_words(text: str) -> frozenset[str]:
    """Content words, or for a clause without any (a dateline "May 2, 2013 1:35 pm") all its words."""
    return content_set(text) or frozenset(norm(t.text) for t in tokens(text))


def _overlap(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / math.sqrt(len(left) * len(right))


def _fact_keys(unit: Unit) -> set[str]:
    keys = {f"e:{e.entity}" for e in unit.entities}
    keys |= {f"t:{t.value}" for t in unit.times if t.value and t.value[:1].isdigit()}
    keys |= {f"q:{q.value}" for q in unit.quantities if q.value is not None}
    return keys


class _Scorer:
    def __init__(self, units: list[Unit], semantic: bool) -> None:
        self.units = units
        texts = [u.text for u in units]
        self.vectors = encode(texts) if semantic else None
        self.static = None if semantic else static_vectors(texts)
        self.words = [content_set(t) if semantic else _lexical_words(t) for t in texts]
        self.bigrams = [_bigrams(u.text) for u in units]
        self.facts = [_fact_keys(u) for u in units]
        spread = Counter(k for keys in self.facts for k in keys)
        self.rare = {k for k, n in spread.items() if n <= max(2, len(units) // 10)}
        self.repeats_word = [any(a == b for a, b in pairs) for pairs in self.bigrams]

    def score(self, i: int, j: int) -> tuple[float, float]:
        lexical = _overlap(self.words[i], self.words[j])
        cosine = self._cosine(i, j, lexical)
        small = min(len(self.bigrams[i]), len(self.bigrams[j]))
        bigram = min(1.0, len(self.bigrams[i] & self.bigrams[j]) / small) if small else 0.0
        shared = len(self.facts[i] & self.facts[j] & self.rare)
        bonus = min(MAX_FACT_BONUS, FACT_BONUS * shared)
        total = COSINE_WEIGHT * cosine + LEXICAL_WEIGHT * lexical + BIGRAM_WEIGHT * bigram + bonus
        if self.words[i] and self.words[i] == self.words[j]:
            total = max(total, cosine)
        return min(1.0, total), cosine

    def _cosine(self, i: int, j: int, lexical: float) -> float:
        if self.vectors is not None:
            return float(self.vectors[i] @ self.vectors[j])
        assert self.static is not None
        static = float(self.static[i] @ self.static[j])
        return LEXICAL_COEF * lexical + STATIC_COEF * static + ESTIMATE_INTERCEPT

    def pairs(self, folded: Mapping[int, int] | None = None) -> Iterator[tuple[int, int]]:
        """The cross-article pairs (i < j) to score among units not folded onto a twin: all of them, or
        lexically only those that can reach RELATED_THRESHOLD (see `compare.bigstory`)."""
        units = self.units
        folded = folded or {}
        active = [i for i, unit in enumerate(units) if unit.key not in folded]
        if self.vectors is not None:
            for position, i in enumerate(active):
                left = units[i].article
                yield from ((i, j) for j in active[position + 1 :] if units[j].article != left)
            return
        index_of = {unit.key: i for i, unit in enumerate(units)}
        weights = Counter(index_of[twin] for twin in folded.values())
        yield from Candidates(units, self.words, active, weights, self.could_relate)

    def could_relate(self, i: int, j: int, shared: int) -> bool:
        """Whether a lexical pair sharing `shared` content words can reach RELATED_THRESHOLD (an upper bound
        of its score: static cosine 1, bigram share 1 when a bigram can be shared)."""
        left, right = self.words[i], self.words[j]
        if shared == len(left) == len(right):
            return True
        lexical = shared / math.sqrt(len(left) * len(right))
        can_share_bigram = shared >= 2 or (shared == 1 and self.repeats_word[i] and self.repeats_word[j])
        bound = SCORE_FLOOR + LEXICAL_SLOPE * lexical + BIGRAM_WEIGHT * can_share_bigram
        if bound + MAX_FACT_BONUS < RELATED_THRESHOLD - 1e-6:
            return False
        facts = len(self.facts[i] & self.facts[j] & self.rare)
        return bound + min(MAX_FACT_BONUS, FACT_BONUS * facts) >= RELATED_THRESHOLD - 1e-6


def align(units: list[Unit], semantic: bool = True, folded: Mapping[int, int] | None = None) -> Alignment:
    """Score the cross-article pairs of units and group the pairs that state the same fact.

    `folded`: unit key -> key of the twin it repeats verbatim (a copy's clause): scored against it only."""
    alignment = Alignment(units)
    if len({u.article for u in units}) < 2:
        return alignment
    scorer = _Scorer(units, semantic)
    index_of = {unit.key: i for i, unit in enumerate(units)}
    for i, j in itertools.chain(scorer.pairs(folded), _twin_pairs(index_of, folded or {})):
        left, right = units[i], units[j]
        score, cosine = scorer.score(i, j)
        _note_best(alignment, left, right, score, cosine)
        if score >= RELATED_THRESHOLD:
            alignment.pairs.append(Pair(left, right, score, cosine))
            alignment.related[(left.key, right.key)] = alignment.related[(right.key, left.key)] = score
            alignment.cosines[(left.key, right.key)] = alignment.cosines[(right.key, left.key)] = cosine
    for copy, twin in (folded or {}).items():
        alignment.stand_ins.setdefault(units[index_of[copy]].article, []).append((copy, twin))
    alignment.pairs.sort(key=lambda p: -p.score)
    _group(alignment)
    return alignment


def _twin_pairs(index_of: Mapping[int, int], folded: Mapping[int, int]) -> Iterator[tuple[int, int]]:
    for copy, twin in folded.items():
        i, j = index_of[twin], index_of[copy]
        yield min(i, j), max(i, j)


def _note_best(alignment: Alignment, left: Unit, right: Unit, score: float, cosine: float) -> None:
    for unit, other in ((left, right), (right, left)):
        slot = (unit.key, other.article)
        alignment.best[slot] = max(alignment.best.get(slot, 0.0), score)
        alignment.best_anywhere[unit.key] = max(alignment.best_anywhere.get(unit.key, 0.0), score)
        alignment.best_match[slot] = max(
            alignment.best_match.get(slot, (0.0, 0.0, -1)), (score, cosine, other.key)
        )


def is_mutual_best(alignment: Alignment, pair: Pair) -> bool:
    """Whether each unit of the pair is the other's best match in its article."""
    left = alignment.best_in(pair.left, pair.right.article)
    right = alignment.best_in(pair.right, pair.left.article)
    return left[2] == pair.right.key and right[2] == pair.left.key


def is_best_pair(alignment: Alignment, pair: Pair) -> bool:
    """Whether the pair is the best match of at least one of its two units in the other's article."""
    left_best = max(
        alignment.best.get((pair.left.key, pair.right.article), 0.0),
        _stand_in_best(alignment, pair.left, pair.right.article),
    )
    right_best = max(
        alignment.best.get((pair.right.key, pair.left.article), 0.0),
        _stand_in_best(alignment, pair.right, pair.left.article),
    )
    return pair.score >= left_best - 1e-9 or pair.score >= right_best - 1e-9


def _stand_in_best(alignment: Alignment, unit: Unit, article: str) -> float:
    if article not in alignment.stand_ins:
        return 0.0
    return alignment.best_in(unit, article)[0]


def _group(alignment: Alignment) -> None:
    """Connected components over mutually best pairs at or above AGREE_THRESHOLD."""
    parent: dict[int, int] = {}

    def find(key: int) -> int:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    scores: dict[int, float] = {}
    for pair in alignment.pairs:
        if pair.score < AGREE_THRESHOLD or not is_mutual_best(alignment, pair):
            continue
        a, b = find(pair.left.key), find(pair.right.key)
        if a != b:
            parent[b] = a
        root = find(a)
        scores[root] = max(scores.get(root, 0.0), scores.pop(b, 0.0), pair.score)
    members: dict[int, list[Unit]] = {}
    for unit in alignment.units:
        if unit.key in parent:
            members.setdefault(find(unit.key), []).append(unit)
    for root, group in members.items():
        if len({u.article for u in group}) > 1:
            alignment.groups.append(group)
            alignment.group_scores.append(scores.get(root, AGREE_THRESHOLD))
