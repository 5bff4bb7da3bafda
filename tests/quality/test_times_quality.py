"""Quality gate: value F1 of time expressions on TempEval-3 train (../shared/data), with the shared scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / ".." / "shared" / "data" / "tempeval3_train.jsonl"
VALUE_F1_FLOOR = 0.812
"""The figure reached when the gate was recorded, minus about 0.01."""


@pytest.mark.quality
@pytest.mark.slow
@pytest.mark.skipif(not GOLD.exists(), reason="TempEval-3 data not present in ../shared/data")
def test_value_f1_on_tempeval3_train(tmp_path: Path) -> None:
    import quality_times  # bench/ is on pytest's pythonpath

    figures = quality_times.evaluate(tmp_path)
    assert (tmp_path / "articles.jsonl").stat().st_size > 0
    assert figures["all"] >= VALUE_F1_FLOOR, figures
