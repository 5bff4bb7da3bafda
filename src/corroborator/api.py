"""The Python API: what the CLI and the web app are thin layers over.

    from corroborator.api import Corroborator

    with Corroborator("news.db") as corroborator:
        report = corroborator.ingest(["examples/seeds/"])
        print(report.added, "added;", len(report.failed), "failed")
        for hit in corroborator.search("cruise missile engines"):
            print(hit.title, hit.marked())
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from corroborator.errors import CorroboratorError
from corroborator.ingest import ReadOptions, read_sources
from corroborator.store import SearchHit, Store
from corroborator.types import Article, Failure

Progress = Callable[[Article | Failure], None]


@dataclass
class IngestReport:
    """What an ingest did: how many articles were new, already stored or corrections of stored ones, and
    every input item (or article) that could not be read or stored, with its reason."""

    added: int = 0
    present: int = 0
    updated: int = 0
    failed: list[Failure] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    """Ids of every article read (added, present or updated), in the order read."""

    @property
    def read(self) -> int:
        """How many articles were read, whether new or not."""
        return self.added + self.present + self.updated


class Corroborator:
    """A corroborator database and the operations on it.

    `db` is the SQLite file (created if missing); None means `$CORROBORATOR_DB`, else `./corroborator.db`.
    Use it as a context manager, or call `close()`. Safe to share between threads.
    """

    def __init__(self, db: str | Path | None = None) -> None:
        self.store = Store(db)

    @property
    def db_path(self) -> Path:
        return self.store.path

    def ingest(
        self,
        sources: Sequence[str],
        options: ReadOptions | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Read `sources` (files, folders, globs, `-` for stdin, http(s) URLs) and store every article.

        Each article is stored in its own transaction, so an interrupted ingest can simply be run again.
        An item that cannot be read or stored is added to `failed` and the batch goes on. `progress` is
        called with each Article or Failure as it is handled.
        """
        report = IngestReport()
        for item in _guarded(read_sources(sources, options), sources):
            if isinstance(item, Article):
                self._store_one(item, report)
            else:
                report.failed.append(item)
            if progress is not None:
                progress(item)
        return report

    def _store_one(self, article: Article, report: IngestReport) -> None:
        try:
            result = self.store.add_article(article)
        except CorroboratorError as error:
            report.failed.append(Failure(article.origin or article.url or article.id, error.one_line()))
            return
        setattr(report, result, getattr(report, result) + 1)
        report.article_ids.append(article.id)

    def articles(
        self,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[Article]:
        """Stored articles, newest published first; `since`/`until` are inclusive ISO dates (`2023-08-06`).
        Versions replaced by a correction are left out (see `versions`)."""
        return self.store.list_articles(outlet=outlet, since=since, until=until, limit=limit, offset=offset)

    def article(self, article_id: str) -> Article:
        """One stored article; raises NotFound if there is none with this id."""
        return self.store.get_article(article_id)

    def versions(self, article_id: str) -> list[Article]:
        """Every stored version of an article (a corrected text at the same URL), oldest first."""
        return self.store.versions(article_id)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and texts, best match first, each hit with a snippet."""
        return self.store.search(query, limit=limit)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corroborator:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _guarded(items: Iterable[Article | Failure], sources: Sequence[str]) -> Iterable[Article | Failure]:
    """`items`, ending with a Failure instead of an exception if the reader itself gives up."""
    try:
        yield from items
    except CorroboratorError as error:
        yield Failure(" ".join(sources), error.one_line())
