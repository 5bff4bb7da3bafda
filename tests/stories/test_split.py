"""Average linkage over a similarity matrix, and the text helpers story matching rests on."""

from __future__ import annotations

import numpy as np

from corroborator.stories.split import average_linkage
from corroborator.stories.text import explicit_dates, fold


def test_two_blocks_separate_and_one_block_stays() -> None:
    similarity = np.full((5, 5), 0.1)
    similarity[:3, :3] = 0.9
    similarity[3:, 3:] = 0.8
    assert average_linkage(similarity, 0.5) == [[0, 1, 2], [3, 4]]
    assert average_linkage(similarity, 0.05) == [[0, 1, 2, 3, 4]]
    assert average_linkage(np.zeros((1, 1)), 0.5) == [[0]]


def test_a_loose_bridge_between_two_tight_blocks_splits_with_a_ratio() -> None:
    similarity = np.full((4, 4), 0.6)
    similarity[:2, :2] = 0.95
    similarity[2:, 2:] = 0.9
    assert average_linkage(similarity, 0.5) == [[0, 1, 2, 3]]
    assert average_linkage(similarity, 0.5, ratio=0.7) == [[0, 1], [2, 3]]
    assert average_linkage(similarity, 0.5, ratio=0.6) == [[0, 1, 2, 3]]


def test_names_fold_and_dates_are_read() -> None:
    assert fold("Cheong Seong-chang") == fold("Cheong Seong Chang") == "cheong seong chang"
    assert fold("The Sejong Institute") == "sejong institute"
    assert explicit_dates("Fri., May. 3, 2013 and 2 May 2013, see /2013/05/04/x") == {
        "2013-05-03",
        "2013-05-02",
        "2013-05-04",
    }


def test_weighted_rows_group_as_their_identical_copies_would() -> None:
    rng = np.random.default_rng(7)
    for _ in range(20):
        size = int(rng.integers(2, 7))
        base = rng.random((size, size))
        base = (base + base.T) / 2
        weights = rng.integers(1, 4, size)
        rows = np.repeat(np.arange(size), weights)
        expanded = base[np.ix_(rows, rows)]
        same = rows[:, None] == rows[None, :]
        expanded[same] = 1.0
        for threshold in (0.3, 0.5, 0.7):  # with a cohesion ratio, copies stay with their original by design
            full = average_linkage(expanded, threshold)
            weighted = average_linkage(base, threshold, weights=weights)
            assert sorted(sorted({int(rows[i]) for i in g}) for g in full) == sorted(weighted)
