"""Quality gate: attribution F1 and speaker accuracy on PolNeAR dev (../shared/data), shared scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / ".." / "shared" / "data" / "polnear_traindev.jsonl"
ATTRIBUTION_F1_FLOOR = 0.771
SPEAKER_ACCURACY_FLOOR = 0.918
"""The dev figures reached when the gate was recorded (session 20: F1 0.781, speakers 0.928), less 0.01."""


@pytest.mark.quality
@pytest.mark.slow
@pytest.mark.skipif(not GOLD.exists(), reason="PolNeAR data not present in ../shared/data")
def test_attributions_on_polnear_dev(tmp_path: Path) -> None:
    import quality_attributions  # bench/ is on pytest's pythonpath

    scores = quality_attributions.score("dev", tmp_path)
    assert (tmp_path / "articles.jsonl").stat().st_size > 0
    assert scores.f1 >= ATTRIBUTION_F1_FLOOR, scores.report
    assert scores.speaker_accuracy >= SPEAKER_ACCURACY_FLOOR, scores.report
