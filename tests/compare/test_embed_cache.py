"""The clause-vector caches of `compare.embed`: a full cache never loses a row the current call needs."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from corroborator.compare import embed


@pytest.fixture
def small_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed, "CACHE_SIZE", 3)
    monkeypatch.setattr(embed, "_STATIC", {})
    monkeypatch.setattr(embed, "_CACHE", {})


@pytest.mark.parametrize("vectors", [embed.static_vectors, embed.encode])
@pytest.mark.usefixtures("small_caches")
def test_a_call_that_fills_the_cache_keeps_the_rows_it_found_there(
    vectors: Callable[[list[str]], object],
) -> None:
    first = ["The mandate is wildly popular in Iowa", "Bashing Trump may be job one"]
    fresh = ["Senators met on Tuesday", "The vote failed", "Prices rose sharply"]
    before = np.asarray(vectors(first))
    both = np.asarray(vectors([first[0], *fresh, first[0]]))
    assert both.shape == (5, embed.DIMENSIONS)
    np.testing.assert_allclose(both[0], before[0], atol=1e-6)
    np.testing.assert_allclose(both[4], before[0], atol=1e-6)
    assert len(embed._STATIC) + len(embed._CACHE) <= embed.CACHE_SIZE


@pytest.mark.usefixtures("small_caches")
def test_repeated_texts_are_computed_once() -> None:
    rows = embed.static_vectors(["fire destroyed the church", "fire destroyed the church"])
    np.testing.assert_array_equal(rows[0], rows[1])
    assert list(embed._STATIC) == ["fire destroyed the church"]
