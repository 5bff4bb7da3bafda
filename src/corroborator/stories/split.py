"""Average-linkage grouping of a small similarity matrix: how a story's members separate."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def average_linkage(similarity: npt.NDArray[np.float64], threshold: float) -> list[list[int]]:
    """Groups of row indexes, merging the two groups with the highest mean similarity while it reaches
    `threshold`. Groups come out largest first."""
    size = similarity.shape[0]
    groups: list[list[int]] = [[i] for i in range(size)]
    sums = similarity.astype(np.float64).copy()
    np.fill_diagonal(sums, 0.0)
    counts = np.ones(size)
    alive = np.ones(size, dtype=bool)
    while alive.sum() > 1:
        means = sums / np.outer(counts, counts)
        means[~alive, :] = -1.0
        means[:, ~alive] = -1.0
        np.fill_diagonal(means, -1.0)
        first, second = np.unravel_index(int(np.argmax(means)), means.shape)
        if means[first, second] < threshold:
            break
        sums[first, :] += sums[second, :]
        sums[:, first] += sums[:, second]
        sums[first, first] = 0.0
        counts[first] += counts[second]
        alive[second] = False
        groups[first] = groups[first] + groups[second]
        groups[second] = []
    return sorted((sorted(g) for g in groups if g), key=lambda g: (-len(g), g[0]))
