"""Structured records (JSONL, JSON, CSV, Parquet) with the fields id, text, title, url, outlet, published.

Record text is taken verbatim, not cleaned: labelled data keeps character offsets into it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from corroborator.errors import InputError
from corroborator.types import Article, Failure

RECORD_FIELDS = ("id", "text", "title", "url", "outlet", "published", "author", "language")
_TEXT_HINT = 'each record needs a non-empty "text" field'
_FLAT_HINT = "records are flat objects with a text field; fix or remove it"
_PARQUET_BATCH = 256


def record_article(record: Mapping[str, Any], item: str, origin: str, outlet: str | None = None) -> Article:
    """An Article from one record; InputError when the record has no text."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{item}: record has no text", _TEXT_HINT)
    published = _field(record, "published")
    return Article(
        text=text,
        title=_field(record, "title") or "",
        url=_field(record, "url"),
        outlet=outlet or _field(record, "outlet"),
        published=published,
        published_source="given" if published else "unknown",
        author=_field(record, "author"),
        language=_field(record, "language") or "en",
        origin=origin,
        source_id=_field(record, "id"),
    )


def _field(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, dict | list):
        return None
    return str(value).strip() or None


def _from_records(
    records: Iterable[tuple[str, Any]], origin: str, outlet: str | None
) -> Iterator[Article | Failure]:
    for item, record in records:
        if not isinstance(record, Mapping):
            yield Failure(item, f"expected a JSON object, found {type(record).__name__} ({_TEXT_HINT})")
            continue
        try:
            yield record_article(record, item, origin, outlet)
        except InputError as error:
            yield Failure(item, error.one_line())


def jsonl_items(text: str, origin: str, outlet: str | None = None) -> Iterator[Article | Failure]:
    """One record per line; a broken line is a Failure naming file:line and the rest are read."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        item = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            reason = f"broken JSON on line {number}: {error.msg} at column {error.colno}"
            yield Failure(item, f"{reason} (fix or remove that line; the other lines are read)")
            continue
        except RecursionError:
            yield Failure(item, f"JSON on line {number} is nested too deeply ({_FLAT_HINT})")
            continue
        yield from _from_records([(item, record)], origin, outlet)


def json_items(text: str, origin: str, outlet: str | None = None) -> Iterator[Article | Failure]:
    """A JSON array of records, a single record, or (failing both) JSON Lines."""
    if not text.lstrip().startswith("["):
        yield from jsonl_items(text, origin, outlet)
        return
    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        reason = f"broken JSON at line {error.lineno} column {error.colno}: {error.msg}"
        yield Failure(origin, f"{reason} (fix the file, or write one record per line as JSONL)")
        return
    except RecursionError:
        yield Failure(origin, f"the JSON is nested too deeply ({_FLAT_HINT})")
        return
    numbered = ((f"{origin}[{index}]", record) for index, record in enumerate(records))
    yield from _from_records(numbered, origin, outlet)


def csv_items(text: str, origin: str, outlet: str | None = None) -> Iterator[Article | Failure]:
    """Rows of a CSV file with a header row naming at least `text`."""
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if "text" not in (reader.fieldnames or []):
        hint = "the first row must name the columns: text, and optionally id, title, url, outlet, published"
        yield Failure(origin, f"CSV file has no text column ({hint})")
        return
    try:
        for row in reader:
            yield from _from_records([(f"{origin}:{reader.line_num}", row)], origin, outlet)
    except csv.Error as error:
        yield Failure(f"{origin}:{reader.line_num}", f"broken CSV: {error} (fix the file from that line on)")


def parquet_items(path: Path, origin: str, outlet: str | None = None) -> Iterator[Article | Failure]:
    """Rows of a Parquet file with a `text` column, read in batches."""
    import pyarrow
    import pyarrow.parquet

    try:
        table = pyarrow.parquet.ParquetFile(path)
        columns = [name for name in RECORD_FIELDS if name in table.schema_arrow.names]
        if "text" not in columns:
            yield Failure(origin, "Parquet file has no text column (it needs a string column named text)")
            return
        row = 0
        for batch in table.iter_batches(batch_size=_PARQUET_BATCH, columns=columns):
            rows = batch.to_pylist()
            numbered = ((f"{origin}:row {row + index + 1}", record) for index, record in enumerate(rows))
            yield from _from_records(numbered, origin, outlet)
            row += len(rows)
    except (pyarrow.ArrowException, OSError) as error:
        yield Failure(origin, f"cannot read Parquet: {error} (check it is a valid Parquet file)")
