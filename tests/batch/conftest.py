from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Two ECB+ topics (four real events) plus the two seed articles, as one JSONL input with a broken line."""
    rows = [json.loads(line) for line in (DATA / "ecbplus_traindev.jsonl").open(encoding="utf-8")]
    chosen = [row for row in rows if row["topic"] in {"1", "3"}][:24]
    lines = [json.dumps({"id": r["id"], "text": r["text"], "title": r.get("title")}) for r in chosen]
    lines.insert(5, '{"id": "broken", "text": ')
    for seed in sorted((REPO / "examples" / "seeds").glob("*.txt")):
        lines.append(json.dumps({"id": seed.stem, "text": seed.read_text(encoding="utf-8")}))
    path = tmp_path / "input.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
