"""Quality gate for stories: B-cubed F1 on the ECB+ dev split, articles streamed in one fixed random order.

The floor is the figure measured with `bench/quality_stories.py` (order 0) minus about 0.01."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from corroborator.stories import cluster, stories_to_jsonl_rows
from corroborator.stories.lite import analyses_for
from corroborator.types import Article

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
ECB = SHARED / "data" / "ecbplus_traindev.jsonl"
SCORER = SHARED / "tools" / "score_stories.py"
DEV_FLOOR = 0.905


@pytest.mark.quality
def test_stories_on_ecb_plus_dev(tmp_path: Path) -> None:
    if not ECB.exists():
        pytest.skip(f"{ECB} is missing")
    rows = [json.loads(line) for line in ECB.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [row for row in rows if row["split"] == "dev"]
    random.Random(0).shuffle(rows)
    articles = [Article(text=row["text"], source_id=row["id"]) for row in rows]
    stories = cluster(articles, analyses_for(articles))
    ids = {article.id: str(article.source_id) for article in articles}
    gold, predicted = tmp_path / "gold.jsonl", tmp_path / "stories.jsonl"
    gold.write_text("".join(json.dumps({"id": r["id"], "story": r["story"]}) + "\n" for r in rows))
    predicted.write_text("".join(json.dumps(row) + "\n" for row in stories_to_jsonl_rows(stories, ids)))
    result = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(predicted)], capture_output=True, text=True, check=True
    )
    figure = float(result.stdout.strip().splitlines()[-1])
    assert figure >= DEV_FLOOR, result.stdout


MEANTIME = SHARED / "data" / "meantime_wikinews.jsonl"
MEANTIME_STORYLINES_FLOOR = 0.44
"""Storylines against MEANTIME's four topics (years of one company's coverage): the least of 5 orders
(0.452), minus about 0.01."""


@pytest.mark.quality
@pytest.mark.skipif(not MEANTIME.exists(), reason="MEANTIME data not present in ../shared/data")
def test_storylines_on_meantime_topics(tmp_path: Path) -> None:
    import quality_stories  # bench/ is on pytest's pythonpath

    rows = quality_stories.read_rows(MEANTIME)
    model = quality_stories.load_model(quality_stories.MODEL_PATH)
    embedder = quality_stories.Embedder()
    stories, storylines = quality_stories.evaluate(rows, "topic", 1, embedder, model, tmp_path)
    assert storylines[0] >= MEANTIME_STORYLINES_FLOOR, (stories, storylines)
    assert storylines[0] > stories[0], "storylines join the events of one company's coverage"
