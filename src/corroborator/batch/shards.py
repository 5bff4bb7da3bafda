"""Resumable shards: the input cut into numbered pieces, each analysed piece written once, atomically."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from corroborator.types import Article, Failure


@dataclass
class Shard:
    index: int
    articles: list[Article]
    read_failures: list[Failure] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for article in self.articles:
            digest.update(article.id.encode("ascii"))
        return digest.hexdigest()[:16]


def cut_into_shards(items: Iterable[Article | Failure], size: int) -> Iterator[Shard]:
    """Group a stream of read results into shards of `size` articles; read failures ride along."""
    iterator = iter(items)
    index = 0
    while True:
        chunk = list(islice(iterator, size))
        if not chunk:
            return
        articles = [item for item in chunk if isinstance(item, Article)]
        failures = [item for item in chunk if isinstance(item, Failure)]
        yield Shard(index, articles, failures)
        index += 1


class ShardDirectory:
    """`OUT/shards/NNNNNN.jsonl`: a header line with the shard's fingerprint, then one record a line.

    A shard file exists only when complete (written to a temporary name, then renamed), so a re-run skips
    exactly the shards that finished, and a shard whose input changed (another fingerprint) is redone.
    """

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / "shards"
        self.path.mkdir(parents=True, exist_ok=True)

    def file(self, index: int) -> Path:
        return self.path / f"{index:06d}.jsonl"

    def is_done(self, shard: Shard) -> bool:
        file = self.file(shard.index)
        if not file.exists():
            return False
        with file.open(encoding="utf-8") as handle:
            header = json.loads(handle.readline() or "{}")
        return bool(header.get("fingerprint") == shard.fingerprint)

    def write(self, shard: Shard, records: list[dict[str, Any]]) -> None:
        file = self.file(shard.index)
        temporary = file.with_suffix(".tmp")
        with temporary.open("w", encoding="utf-8") as handle:
            header = {"shard": shard.index, "fingerprint": shard.fingerprint, "records": len(records)}
            handle.write(json.dumps(header) + "\n")
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, file)

    def records(self, count: int) -> Iterator[dict[str, Any]]:
        """Every record of shards 0..count-1, in order."""
        for index in range(count):
            with self.file(index).open(encoding="utf-8") as handle:
                handle.readline()
                for line in handle:
                    yield json.loads(line)
