"""Shared fixtures: one embedder (its cache keeps each lead's vector), articles from real data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corroborator.stories.embed import Embedder

ROOT = Path(__file__).resolve().parents[2]
ECB = ROOT / ".." / "shared" / "data" / "ecbplus_traindev.jsonl"


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return Embedder()


@pytest.fixture(scope="session")
def ecb_rows() -> list[dict[str, Any]]:
    if not ECB.exists():
        pytest.skip(f"{ECB} is missing (the shared data folder sits beside the repository)")
    return [json.loads(line) for line in ECB.read_text(encoding="utf-8").splitlines() if line.strip()]
