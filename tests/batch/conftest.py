from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"


def ecb_records(topics: set[str], limit: int) -> list[dict[str, Any]]:
    """ECB+ articles of `topics` (each topic holds two real events) as batch input records."""
    lines = (DATA / "ecbplus_traindev.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    chosen = [row for row in rows if row["topic"] in topics][:limit]
    return [{"id": r["id"], "text": r["text"], "title": r.get("title")} for r in chosen]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


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
