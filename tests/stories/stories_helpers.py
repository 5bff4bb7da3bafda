"""Helpers the story tests share (imported by name: tests/stories is on sys.path under pytest)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corroborator.types import Article

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "seeds"


def seed_articles() -> list[Article]:
    return [
        Article(text=path.read_text(encoding="utf-8"), outlet=path.stem, source_id=path.stem)
        for path in sorted(SEEDS.glob("*.txt"))
    ]


def row_article(row: dict[str, Any]) -> Article:
    return Article(text=row["text"], source_id=str(row["id"]))
