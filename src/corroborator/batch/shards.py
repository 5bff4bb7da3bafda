"""Resumable shards: the input cut into pieces at content-defined points, each analysed piece written once.

A shard ends after an article whose id hashes to 0 modulo the shard size (or at three times the size), so
the cut points depend on the articles, not on their positions: an article inserted into, removed from or
edited in an input changes the shard it falls in and leaves the other shards, and their files, as they were.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from corroborator import __version__
from corroborator.store.codec import article_to_dict
from corroborator.types import Analysis, Article, Failure

MAX_SHARD_FACTOR = 3
PIPELINE_VERSION = f"{__version__}/analysis-{Analysis(article_id='').version}"
"""Part of every fingerprint: shards analysed by another version of the analysis are redone."""
Place = tuple[str, int, int]
"""Where a record lies: its shard's fingerprint, the byte offset of its line and the line's length."""


@dataclass
class Shard:
    index: int
    articles: list[Article]
    read_failures: list[Failure] = field(default_factory=list)
    fingerprint: str = ""
    """A digest of the pipeline version and every field of every article (computed when empty)."""

    def __post_init__(self) -> None:
        if not self.fingerprint:
            digest = hashlib.sha256(PIPELINE_VERSION.encode("utf-8"))
            for article in self.articles:
                digest.update(json.dumps(article_to_dict(article), sort_keys=True).encode("utf-8"))
                digest.update(b"\x00")
            self.fingerprint = digest.hexdigest()[:20]


def is_cut_point(article: Article, size: int) -> bool:
    return int(hashlib.sha256(article.id.encode("ascii")).hexdigest()[:12], 16) % size == 0


def cut_into_shards(items: Iterable[Article | Failure], size: int) -> Iterator[Shard]:
    """Group a stream of read results into shards of about `size` articles; read failures ride along."""
    articles: list[Article] = []
    failures: list[Failure] = []
    index = 0
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
            continue
        articles.append(item)
        if is_cut_point(item, size) or len(articles) >= MAX_SHARD_FACTOR * size:
            yield Shard(index, articles, failures)
            index += 1
            articles, failures = [], []
    if articles or failures:
        yield Shard(index, articles, failures)


class ShardDirectory:
    """`OUT/shards/FINGERPRINT.jsonl`: a header line, then one record a line (an analysis or a reject).

    A shard file exists only when complete (written to a temporary name, then renamed), so a re-run skips
    exactly the shards whose articles were analysed before, wherever they now fall in the input.
    """

    def __init__(self, out_dir: Path, fresh: bool = False) -> None:
        self.path = out_dir / "shards"
        self.path.mkdir(parents=True, exist_ok=True)
        if fresh:
            for file in self.path.glob("*.jsonl"):
                file.unlink()

    def file(self, shard: Shard) -> Path:
        return self.path / f"{shard.fingerprint}.jsonl"

    def is_done(self, shard: Shard) -> bool:
        return self.file(shard).exists()

    def write(self, shard: Shard, records: list[dict[str, Any]]) -> None:
        file = self.file(shard)
        temporary = file.with_name(f"{file.stem}.{os.getpid()}.tmp")
        with temporary.open("w", encoding="utf-8") as handle:
            header = {"fingerprint": shard.fingerprint, "version": PIPELINE_VERSION, "records": len(records)}
            handle.write(json.dumps(header) + "\n")
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, file)

    def records(self, shards: Iterable[Shard]) -> Iterator[dict[str, Any]]:
        """Every record of `shards`, in order."""
        for record, _ in self.placed_records(shards):
            yield record

    def placed_records(self, shards: Iterable[Shard]) -> Iterator[tuple[dict[str, Any], Place]]:
        """Every record of `shards`, in order, with where it lies (for `read_at`)."""
        for shard in shards:
            with self.file(shard).open("rb") as handle:
                offset = len(handle.readline())
                for line in handle:
                    yield json.loads(line), (shard.fingerprint, offset, len(line))
                    offset += len(line)

    def read_at(self, places: Sequence[Place]) -> list[dict[str, Any]]:
        """The records at `places`, in the order given."""
        handles: dict[str, IO[bytes]] = {}
        try:
            records = []
            for fingerprint, offset, length in places:
                handle = handles.get(fingerprint)
                if handle is None:
                    handle = handles[fingerprint] = (self.path / f"{fingerprint}.jsonl").open("rb")
                handle.seek(offset)
                records.append(json.loads(handle.read(length)))
            return records
        finally:
            for handle in handles.values():
                handle.close()

    def remove_all_but(self, shards: Iterable[Shard]) -> int:
        """Delete shard files (and leftover temporary files) of earlier inputs; the number deleted."""
        keep = {self.file(shard).name for shard in shards}
        stale = [file for file in self.path.iterdir() if file.name not in keep]
        for file in stale:
            file.unlink()
        return len(stale)
