"""The fact pair model: how likely two facts of different articles are one fact told twice.

Scored for a block of facts against all of a story's facts at once: content words, entity clusters, numbers
and dates are sparse incidence matrices, so what two facts share is a matrix product, not a set operation a
pair (a story of 20 articles has a million cross-article pairs)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from corroborator.compare.entities_table import EntityClusters
from corroborator.compare.text import content_set, wording
from corroborator.types import Fact

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
CLAUSE_COEF = 1.5
"""Added, when facts are grouped into agreements, per unit of the alignment score of the two facts' clauses
(`compare.align`, 0 when unrelated): facts whose clauses are told alike elsewhere are more likely one fact
("Bettie Page passed away yesterday in Los Angeles" / "Bettie Page died Thursday ... at a Los Angeles area
hospital"). Stacked on the model's logit over briefs_dev's fact pairs the clause score lifts held-out AUC
from 0.893 / 0.903 to 0.916 / 0.931 (two folds of stories, coefficient 3.5); 1.5 was set on briefs_dev's
briefs from 0, 1, 1.5, 2, 3, 4 and 5 (a larger one groups a clause's exclusive facts with its shared ones)
and checked on the held-out gold, `bench/README.md`. The clause score stays out of `sameness` (a
discrepancy's check) and of a fact's best score elsewhere (single-source facts)."""
SAME_WORDS_LOGIT = 6.0
"""Two facts worded alike (case and punctuation aside) are one fact: probability 0.998."""
SAME_CORE_LOGIT = 1.0
"""Added when the two facts have one subject (entity cluster) and one object (head word): "Kim Jong Un
visited the weapon factories" and "Kim Jong Un toured key weapons factories" differ only in the verb."""
CONFLICT_LOGIT = -2.0
"""Added for each core slot the two facts fill differently: the subject's entities, numbers, dates."""
LENGTH_SCALE = 20
MAX_LENGTH = 2.0
LEXICAL_COEF = 0.666
STATIC_COEF = 0.452
ESTIMATE_INTERCEPT = 0.083
CALENDAR_DAY = re.compile(r"^(?:\d{4}|XXXX)-\d{2}(?:-\d{2})?$")
BLOCK_CELLS = 2_000_000
"""Pairs scored at once (a block of facts against all facts): bounds the memory of a block's arrays."""

Matrix = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]
Columns = slice | npt.NDArray[np.int64]
"""The facts a block is scored against: positions, or all (`ALL`)."""
ALL = slice(None)


@dataclass
class PairBlock:
    """A block of facts scored against some or all facts (one row a fact of the block, one column a fact)."""

    logit: Matrix
    subject_conflict: Mask
    number_conflict: Mask
    time_conflict: Mask
    numbers_differ: Mask
    """Both facts give figures, not all the same: a figure of one may count what another of the other
    counts with another value ("seven AK-47s, two other rifles" / "seven AK-47s, three other rifles")."""
    days_conflict: Mask
    """Both facts give calendar dates, none in common, a year maybe unknown ("XXXX-11-18")."""
    clause: Matrix
    """What the alignment of the two facts' clauses adds to the logit when facts are grouped (CLAUSE_COEF)."""


@dataclass
class ClauseLinks:
    """How well the clauses the facts lie in align with each other across articles."""

    unit_of: npt.NDArray[np.int64]
    """Each fact's clause: a row of `scores` (its last row and column, all 0, for a fact in no clause)."""
    scores: sparse.csr_matrix
    """Clause x clause alignment score, both ways round."""

    def between(self, rows: slice, columns: Columns = ALL) -> Matrix:
        picked = self.scores[self.unit_of[rows]]
        found: Matrix = picked[:, self.unit_of[columns]].toarray()
        return found


def clause_links(
    units_of_facts: Sequence[int | None], related: dict[tuple[int, int], float], units: int
) -> ClauseLinks:
    """`ClauseLinks` from each fact's clause (a unit key below `units`, None for none) and the clause pairs'
    scores."""
    unit_of = np.array([units if u is None else u for u in units_of_facts], dtype=np.int64)
    rows = [left for left, _ in related]
    columns = [right for _, right in related]
    scores = sparse.csr_matrix((list(related.values()), (rows, columns)), shape=(units + 1, units + 1))
    return ClauseLinks(unit_of, scores)


class PairFeatures:
    """What the pair model reads of each fact of a story, computed once."""

    def __init__(
        self,
        facts: Sequence[Fact],
        clusters: EntityClusters,
        semantic: bool,
        clauses: ClauseLinks | None = None,
    ) -> None:
        """`clauses`: how the facts' clauses align (the pair model reads it when given)."""
        from corroborator.compare.embed import encode, static_vectors

        texts = [f.text for f in facts]
        self.count = len(facts)
        self.semantic = semantic
        self.vectors = np.asarray(encode(texts) if semantic else static_vectors(texts), dtype=np.float32)
        words = [content_set(t) for t in texts]
        spread = Counter(word for per_fact in words for word in per_fact)
        self.words = _Incidence(words)
        weights = np.array([math.log(1 + len(facts) / spread[str(w)]) for w in self.words.vocabulary])
        self.weighted = sparse.csr_matrix(self.words.matrix.multiply(weights[np.newaxis, :]))
        self.weight_sums = np.asarray(self.weighted.sum(axis=1), dtype=np.float64).ravel()
        self.entities = _Incidence(frozenset(clusters.of(k) for k in f.entities) for f in facts)
        self.actors = [_actors(f, clusters) for f in facts]
        self.subjects = _Incidence(actors[0] for actors in self.actors)
        self.objects = _Incidence(frozenset(a.head for a in f.arguments if a.role == "object") for f in facts)
        self.numbers = _Incidence(frozenset(round(q, 3) for q in f.quantities) for f in facts)
        self.times = _Dates(frozenset(v for v in f.times if v[:1].isdigit()) for f in facts)
        self.days = _Dates(frozenset(v for v in f.times if CALENDAR_DAY.match(v)) for f in facts)
        self.wording = _ids(wording(t) for t in texts)
        self.predicate = _ids(f.predicate for f in facts)
        self.kind = _ids(f.kind for f in facts)
        self.article = _ids(f.article for f in facts)
        self.negated = np.array([f.negated for f in facts], dtype=bool)
        self.modal = np.array([f.modality is not None for f in facts], dtype=bool)
        self.attribute = np.array([f.kind == "attribute" for f in facts], dtype=bool)
        self.length = np.array([len(t.split()) for t in texts], dtype=np.float64)
        self.clauses = clauses

    def blocks(self) -> Iterator[slice]:
        """The facts in consecutive blocks small enough to score against all facts at once."""
        size = max(1, BLOCK_CELLS // max(1, self.count))
        for start in range(0, self.count, size):
            yield slice(start, min(self.count, start + size))

    def block(self, rows: slice, columns: Columns = ALL) -> PairBlock:
        """The facts of `rows` (one row each) against the facts of `columns` (one column each): the pair
        model's logit (whether the two tell of one thing, whatever their polarity and slot values) and the
        core slots each pair fills differently."""
        subjects, numbers, times = (
            self.subjects.shared(rows, columns),
            self.numbers.shared(rows, columns),
            self.times.shared(rows, columns),
        )
        model = PAIR_MODEL
        cosine = (self.vectors[rows] @ self.vectors[columns].T).astype(np.float64)
        if not self.semantic:
            overlap = self.words.overlap(rows, columns)
            cosine = LEXICAL_COEF * overlap + STATIC_COEF * cosine + ESTIMATE_INTERCEPT
        shorter = np.minimum(self.length[rows, None], self.length[None, columns])
        logit = (
            model["intercept"]
            + model["cosine"] * cosine
            + model["cosine_squared"] * cosine * cosine
            + model["rare_words"] * self._rare_words(rows, columns)
            + model["same_predicate"] * _equal(self.predicate, rows, columns)
            + model["shared_entity"] * self.entities.shares(rows, columns)
            + model["modality_differs"] * (self.modal[rows, None] != self.modal[None, columns])
            + model["length"] * np.minimum(MAX_LENGTH, shorter / LENGTH_SCALE)
            + model["attribute"] * (self.attribute[rows, None] | self.attribute[None, columns])
            + model["shared_number"] * (numbers > 0)
            + model["shared_time"] * (times > 0)
            + model["same_kind"] * _equal(self.kind, rows, columns)
        )
        logit += SAME_CORE_LOGIT * ((subjects > 0) & self.objects.shares(rows, columns))
        clause = np.zeros_like(logit)
        if self.clauses is not None:
            clause = CLAUSE_COEF * self.clauses.between(rows, columns)
        return PairBlock(
            logit=np.where(_equal(self.wording, rows, columns), SAME_WORDS_LOGIT, logit),
            subject_conflict=self.subjects.conflicts(rows, subjects, columns),
            number_conflict=self.numbers.conflicts(rows, numbers, columns),
            time_conflict=self.times.conflicts(rows, times, columns),
            numbers_differ=self.numbers.differ(rows, numbers, columns),
            days_conflict=self.days.conflicts(rows, self.days.shared(rows, columns), columns),
            clause=clause,
        )

    def other_actors(self, i: int, j: int) -> bool:
        """Whether facts i and j both name who or what they are about (the entities of their subjects and
        objects) and none in common: "Ross is not signed" does not deny "Hemsworth is signed"."""
        mine, theirs = (self.actors[k][0] | self.actors[k][1] for k in (i, j))
        return bool(mine and theirs and not mine & theirs)

    def logits(self, rows: slice) -> Matrix:
        """The logits of `block(rows)`."""
        return self.block(rows).logit

    def opposite(self, rows: slice, columns: Columns = ALL) -> Mask:
        """Whether one fact of each pair denies what the other affirms."""
        found: Mask = self.negated[rows, None] != self.negated[None, columns]
        return found

    def cross_article(self, rows: slice, columns: Columns = ALL) -> Mask:
        found: Mask = self.article[rows, None] != self.article[None, columns]
        return found

    def _rare_words(self, rows: slice, columns: Columns) -> Matrix:
        shared = (self.weighted[rows] @ _picked(self.words.transposed, columns)).toarray()
        scale = np.sqrt(self.weight_sums[rows, None] * self.weight_sums[None, columns] + 1e-9)
        empty = (self.words.sizes[rows, None] == 0) | (self.words.sizes[None, columns] == 0)
        return np.where(empty, 0.0, shared / scale)


class _Incidence:
    """Which items (words, entity clusters, numbers, dates) each fact has, as a sparse 0/1 matrix."""

    def __init__(
        self, item_sets: Iterable[Iterable[Hashable]], index: dict[Hashable, int] | None = None
    ) -> None:
        """`index`: item -> column, shared with another incidence of the same items (extended here)."""
        index = {} if index is None else index
        rows: list[int] = []
        columns: list[int] = []
        sizes: list[int] = []
        for row, items in enumerate(item_sets):
            before = len(columns)
            for item in items:
                rows.append(row)
                columns.append(index.setdefault(item, len(index)))
            sizes.append(len(columns) - before)
        self.vocabulary = list(index)
        shape = (len(sizes), max(1, len(index)))
        self.matrix = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=shape)
        self.transposed = sparse.csr_matrix(self.matrix.T)
        self.sizes = np.array(sizes, dtype=np.float64)

    def shared(self, rows: slice, columns: Columns = ALL) -> Matrix:
        """How many items each fact of `rows` shares with each fact of `columns`."""
        found: Matrix = (self.matrix[rows] @ _picked(self.transposed, columns)).toarray()
        return found

    def shares(self, rows: slice, columns: Columns = ALL) -> Mask:
        found: Mask = self.shared(rows, columns) > 0
        return found

    def overlap(self, rows: slice, columns: Columns = ALL) -> Matrix:
        """Shared items over the geometric mean of the two facts' counts (0 when either has none)."""
        scale = np.sqrt(self.sizes[rows, None] * self.sizes[None, columns])
        return np.divide(self.shared(rows, columns), scale, out=np.zeros_like(scale), where=scale > 0)

    def differ(self, rows: slice, shared: Matrix, columns: Columns = ALL) -> Mask:
        """Both facts have items, and not the same ones (`shared`: `self.shared(rows, columns)`)."""
        filled = (self.sizes[rows, None] > 0) & (self.sizes[None, columns] > 0)
        same = (shared == self.sizes[rows, None]) & (shared == self.sizes[None, columns])
        found: Mask = filled & ~same
        return found

    def conflicts(self, rows: slice, shared: Matrix, columns: Columns = ALL) -> Mask:
        """Both facts have items, and none in common (`shared`: `self.shared(rows, columns)`)."""
        filled = (self.sizes[rows, None] > 0) & (self.sizes[None, columns] > 0)
        found: Mask = filled & (shared == 0)
        return found


class _Dates(_Incidence):
    """The dates and times of each fact (TIMEX values), where a value is compatible with the values it
    lies within: "2013-11-22" with "2013-11" (22 November 2013, November 2013) and "2013", "2013-11-22TNI"
    with "2013-11-22"; two days of one month are not."""

    def __init__(self, value_sets: Iterable[frozenset[str]]) -> None:
        exact = list(value_sets)
        index: dict[Hashable, int] = {}
        self.with_coarser = _Incidence((_with_coarser(values) for values in exact), index)
        super().__init__(exact, index)

    def shared(self, rows: slice, columns: Columns = ALL) -> Matrix:
        """Above 0 where a fact of `rows` and one of `columns` have a value equal to or within the other's."""
        mine = self.matrix[rows] @ _picked(self.with_coarser.transposed, columns)
        theirs = self.with_coarser.matrix[rows] @ _picked(self.transposed, columns)
        found: Matrix = (mine + theirs).toarray()
        return found


def _with_coarser(values: frozenset[str]) -> frozenset[str]:
    """The values with every coarser value they lie within ("2013-11-22" -> "2013-11", "2013")."""
    return frozenset(
        value[:cut]
        for value in values
        for cut in [*(m.start() for m in _TIMEX_PART.finditer(value)), len(value)]
    )


_TIMEX_PART = re.compile(r"(?<=\d)[-T]")


def _actors(fact: Fact, clusters: EntityClusters) -> tuple[frozenset[str], frozenset[str]]:
    """The entity clusters of the fact's subject and of its object."""
    subject, object_ = (
        frozenset(
            clusters.of(key)
            for argument in fact.arguments
            if argument.role == role
            for key in argument.entities
        )
        for role in ("subject", "object")
    )
    return subject, object_


def _ids(values: Iterable[Hashable]) -> npt.NDArray[np.int64]:
    index: dict[Hashable, int] = {}
    return np.array([index.setdefault(value, len(index)) for value in values], dtype=np.int64)


def _picked(matrix: sparse.csr_matrix, columns: Columns) -> sparse.csr_matrix:
    """The matrix's columns `columns` (the matrix itself for all)."""
    return matrix if isinstance(columns, slice) and columns == ALL else matrix[:, columns]


def _equal(ids: npt.NDArray[np.int64], rows: slice, columns: Columns) -> Mask:
    found: Mask = ids[rows, None] == ids[None, columns]
    return found


def sigmoid(value: Matrix) -> Matrix:
    found: Matrix = 1.0 / (1.0 + np.exp(-value))
    return found
