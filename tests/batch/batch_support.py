"""Input records and JSONL helpers of the batch tests (a module: two folders' conftest modules collide)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
