from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.batch.run import BatchOptions, run_batch

pytestmark = pytest.mark.slow


def rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_ray_and_local_engines_give_the_same_articles_stories_and_briefs(
    small_corpus: Path, tmp_path: Path
) -> None:
    local = run_batch([str(small_corpus)], tmp_path / "local", BatchOptions(engine="local", workers=1))
    ray = run_batch(
        [str(small_corpus)], tmp_path / "ray", BatchOptions(engine="ray", workers=2, shard_size=10)
    )
    assert ray.articles == local.articles == 26
    assert len(ray.rejects) == len(local.rejects) == 1
    for name in ("articles", "stories", "briefs"):
        assert rows(tmp_path / "ray" / f"{name}.jsonl") == rows(tmp_path / "local" / f"{name}.jsonl"), name
