from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_support import REPO, ecb_records


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Two ECB+ topics (four real events) and the two seed articles as one JSONL input with a broken line."""
    lines = [json.dumps(record) for record in ecb_records({"1", "3"}, 24)]
    lines.insert(5, '{"id": "broken", "text": ')
    for seed in sorted((REPO / "examples" / "seeds").glob("*.txt")):
        lines.append(json.dumps({"id": seed.stem, "text": seed.read_text(encoding="utf-8")}))
    path = tmp_path / "input.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
