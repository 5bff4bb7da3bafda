"""Streaming outputs: JSONL and Parquet agree, one schema over row groups, a failed write keeps the old."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from corroborator.batch import write
from corroborator.batch.write import OutputWriter


def rows(count: int) -> Iterator[dict[str, Any]]:
    for n in range(count):
        yield {
            "id": f"a{n}",
            "outlet": None if n < 7 else f"Outlet {n}",
            "score": n / 2,
            "copies": [{"article": f"a{n}", "overlap": 0.5}] if n % 3 else [],
        }


def test_parquet_row_groups_match_the_jsonl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write, "PARQUET_CHUNK_ROWS", 5)
    with OutputWriter(tmp_path, "stories") as writer:
        writer.add_all(rows(23))
    lines = [json.loads(line) for line in (tmp_path / "stories.jsonl").read_text().splitlines()]
    parquet = pq.ParquetFile(tmp_path / "stories.parquet")
    table = parquet.read().to_pylist()
    assert parquet.num_row_groups == 5
    assert len(lines) == len(table) == 23
    assert [r["outlet"] for r in table] == [r["outlet"] for r in lines]
    assert [json.loads(r["copies"]) for r in table] == [r["copies"] for r in lines]
    assert not list(tmp_path.glob("*.tmp"))


def test_a_failed_write_leaves_the_previous_files(tmp_path: Path) -> None:
    with OutputWriter(tmp_path, "briefs") as writer:
        writer.add_all(rows(3))
    before = (tmp_path / "briefs.jsonl").read_bytes(), (tmp_path / "briefs.parquet").read_bytes()

    def broken() -> Iterator[dict[str, Any]]:
        yield from rows(4)
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError), OutputWriter(tmp_path, "briefs") as writer:
        writer.add_all(broken())
    after = (tmp_path / "briefs.jsonl").read_bytes(), (tmp_path / "briefs.parquet").read_bytes()
    assert after == before
    assert not list(tmp_path.glob("*.tmp"))


def test_an_empty_output_is_an_empty_file_and_table(tmp_path: Path) -> None:
    with OutputWriter(tmp_path, "rejects") as writer:
        writer.add_all([])
    assert (tmp_path / "rejects.jsonl").read_text() == ""
    assert pq.read_table(tmp_path / "rejects.parquet").num_rows == 0
