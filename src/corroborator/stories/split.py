"""Average-linkage grouping of a small similarity matrix: how a story's members separate."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

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
