"""How a story's members separate: their link matrix, average-linkage grouping of it, copies weighed in."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from corroborator.stories.scorer import ScorerModel, probability
from corroborator.stories.signals import PairContext, pair_signals
from corroborator.stories.table import ProfileTable
from corroborator.stories.vectors import VectorIndex
from corroborator.types import CopyLink

Matrix = npt.NDArray[np.float64]


def average_linkage(
    similarity: Matrix, threshold: float, ratio: float = 0.0, weights: npt.ArrayLike | None = None
) -> list[list[int]]:
    """Groups of row indexes, merging the two groups with the highest mean similarity while it reaches
    `threshold` and `ratio` times the cohesion (mean inner similarity) of the tighter of the two groups.
    Groups come out largest first (by weight).

    `weights[i]` counts row i as that many identical items (an article and its copies): every pair among
    them has similarity 1, and each has row i's similarity to the others."""
    size = similarity.shape[0]
    groups: list[list[int]] = [[i] for i in range(size)]
    counts = np.ones(size) if weights is None else np.asarray(weights, dtype=np.float64).copy()
    sums = similarity.astype(np.float64) * np.outer(counts, counts)
    np.fill_diagonal(sums, 0.0)
    inner = counts * (counts - 1) / 2
    base = counts.copy()
    alive = np.ones(size, dtype=bool)
    while alive.sum() > 1:
        margin = sums / np.outer(counts, counts) - _required(inner, counts, threshold, ratio)
        margin[~alive, :] = -np.inf
        margin[:, ~alive] = -np.inf
        np.fill_diagonal(margin, -np.inf)
        first, second = np.unravel_index(int(np.argmax(margin)), margin.shape)
        if margin[first, second] < 0:
            break
        inner[first] += inner[second] + sums[first, second]
        sums[first, :] += sums[second, :]
        sums[:, first] += sums[:, second]
        sums[first, first] = 0.0
        counts[first] += counts[second]
        alive[second] = False
        groups[first] = groups[first] + groups[second]
        groups[second] = []
    return sorted((sorted(g) for g in groups if g), key=lambda g: (-float(base[g].sum()), g[0]))


def _required(inner: Matrix, counts: Matrix, threshold: float, ratio: float) -> Matrix:
    """The mean similarity two groups need to merge: the threshold, or a share of the tighter cohesion."""
    if not ratio:
        return np.full((len(counts), len(counts)), threshold)
    links = counts * (counts - 1) / 2
    cohesion = np.where(links > 0, inner / np.maximum(links, 1.0), 0.0)
    return np.maximum(threshold, ratio * np.maximum.outer(cohesion, cohesion))


def originals_and_copies(
    members: list[int], ids: dict[int, str], copy_links: dict[str, CopyLink]
) -> tuple[list[int], dict[int, list[int]]]:
    """The members (index keys) that copy no other member, and for each the members that copy it (through
    chains); `ids` are the members' article ids.

    A recheck weighs each original by its copies instead of scoring every copy: a story of one wire
    text and 500 republications costs one row, not 501."""
    key_of = {article_id: key for key, article_id in ids.items()}
    parent: dict[int, int] = {}
    for key, article_id in ids.items():
        link = copy_links.get(article_id)
        original = key_of.get(link.copy_of) if link is not None else None
        if original is not None and original < key:  # a copy comes after what it copies: no cycles
            parent[key] = original
    copies_of: dict[int, list[int]] = {}
    for key in sorted(parent):
        root = parent[key]
        while root in parent:
            root = parent[root]
        copies_of.setdefault(root, []).append(key)
    originals = [key for key in members if key not in parent]
    return originals, copies_of


def member_matrix(
    members: list[int], table: ProfileTable, vectors: VectorIndex, context: PairContext, model: ScorerModel
) -> Matrix:
    """The story model's link probability of every pair of `members` (index keys)."""
    profiles = table.get(members)
    found = vectors.get(members)
    weighted = [context.terms.weigh(profiles[key].terms) for key in members]
    size = len(members)
    matrix = np.zeros((size, size))
    for i in range(size):
        for j in range(i + 1, size):
            left, right = found[i], found[j]
            meaning = float(np.dot(left, right)) if left is not None and right is not None else 0.0
            signals = pair_signals(
                profiles[members[i]], profiles[members[j]], context, meaning, weighted[i], weighted[j]
            )
            matrix[i, j] = matrix[j, i] = probability(signals, model)
    return matrix
