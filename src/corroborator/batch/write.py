"""Atomic output files: JSONL (one record a line) and Parquet (nested fields as JSON strings), written as the
rows stream past, so a 100k-article run never holds a second copy of its outputs in memory."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

PARQUET_CHUNK_ROWS = 2048
"""Rows a Parquet row group holds; the first group fixes the columns and their types."""


class OutputWriter:
    """`NAME.jsonl` and optionally `NAME.parquet` in a folder, each replacing its old file only when complete.

    Scalars stay Parquet columns (a column null in every row of the first group is text); lists and objects
    become JSON text, so every output has one schema."""

    def __init__(self, folder: Path, name: str, parquet: bool = True) -> None:
        self.jsonl_path = folder / f"{name}.jsonl"
        self.parquet_path = folder / f"{name}.parquet" if parquet else None
        self._jsonl: IO[str] | None = None
        self._parquet: pq.ParquetWriter | None = None
        self._schema: pa.Schema | None = None
        self._pending: list[dict[str, Any]] = []

    def __enter__(self) -> OutputWriter:
        self._jsonl = _temporary(self.jsonl_path).open("w", encoding="utf-8")
        return self

    def add(self, row: dict[str, Any]) -> None:
        assert self._jsonl is not None, "use OutputWriter as a context manager"
        self._jsonl.write(json.dumps(row, ensure_ascii=False) + "\n")
        if self.parquet_path is not None:
            self._pending.append(row)
            if len(self._pending) >= PARQUET_CHUNK_ROWS:
                self._flush_parquet()

    def add_all(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.add(row)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        assert self._jsonl is not None
        try:
            if kind is None:
                self._finish()
        finally:
            self._jsonl.close()
            if self._parquet is not None:
                self._parquet.close()
            for path in (self.jsonl_path, self.parquet_path):
                if path is not None and kind is not None:
                    _temporary(path).unlink(missing_ok=True)

    def _finish(self) -> None:
        assert self._jsonl is not None
        self._jsonl.flush()
        os.fsync(self._jsonl.fileno())
        if self.parquet_path is not None:
            if self._pending or self._parquet is None:
                self._flush_parquet()
            assert self._parquet is not None
            self._parquet.close()
            os.replace(_temporary(self.parquet_path), self.parquet_path)
        os.replace(_temporary(self.jsonl_path), self.jsonl_path)

    def _flush_parquet(self) -> None:
        assert self.parquet_path is not None
        table = _table(self._pending, self._schema)
        self._pending = []
        if self._parquet is None:
            self._schema = table.schema
            self._parquet = pq.ParquetWriter(_temporary(self.parquet_path), table.schema)
        self._parquet.write_table(table)


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with OutputWriter(path.parent, path.name.removesuffix(".jsonl"), parquet=False) as writer:
        writer.add_all(rows)


def _temporary(path: Path) -> Path:
    return path.with_name(path.name + ".tmp")


def _table(rows: list[dict[str, Any]], schema: pa.Schema | None) -> pa.Table:
    if schema is None:
        names = list(dict.fromkeys(key for row in rows for key in row))
        arrays = [_column([_cell(row.get(name)) for row in rows], None) for name in names]
        return pa.table(dict(zip(names, arrays, strict=True)))
    unknown = {key for row in rows for key in row} - set(schema.names)
    if unknown:
        raise ValueError(f"output rows gained columns {sorted(unknown)} after the first {PARQUET_CHUNK_ROWS}")
    arrays = [_column([_cell(row.get(f.name)) for row in rows], f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def _column(values: list[Any], kind: pa.DataType | None) -> pa.Array:
    if kind is not None:
        return pa.array(values, type=kind)
    array = pa.array(values)
    return pa.array(values, type=pa.string()) if pa.types.is_null(array.type) else array


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value
