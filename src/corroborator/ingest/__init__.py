"""The ingest stage: readers that turn files, directories, globs, stdin and URLs into Articles.

`read_sources` streams an `Article` for each report read and a `Failure` for each item that could not be.

Formats, told by extension (or, for stdin, unknown extensions and URLs, by content type and content):
`.txt` (optional `date YYYY-MM-DD ` prefix or `title:/source:/url:/date:/author:` header lines),
`.html/.htm` (trafilatura), `.xml/.rss/.atom` feeds (one Article per entry), `.jsonl/.json(.gz)`,
`.csv` and `.parquet` records (text verbatim), `.warc(.gz)` (each HTML response).
Text from pages, feeds and .txt files is cleaned of promo lines (`ingest.clean`); what was removed is kept
in `Article.removed`. Every input is capped at `max_bytes`; URLs go through the guarded `ingest.fetch`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from corroborator.ingest.options import ReadOptions
from corroborator.ingest.sources import read_source
from corroborator.types import Article, Failure

__all__ = ["ReadOptions", "read_sources"]


def read_sources(sources: Sequence[str], options: ReadOptions | None = None) -> Iterator[Article | Failure]:
    """Read every source in order: file, directory (recursive, sorted), glob, `-` (stdin) or http(s) URL."""
    chosen = options or ReadOptions()
    for source in sources:
        yield from read_source(source, chosen)
