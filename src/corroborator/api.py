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

from corroborator.assign import assign_stories
from corroborator.errors import CorroboratorError, InputError, StoreError
from corroborator.ingest import ReadOptions, read_sources
from corroborator.store import SearchHit, Store
from corroborator.types import Analysis, Article, Assignment, Brief, Failure, Story, Storyline
from corroborator.types.brief import SINGLE_SOURCE_SHOWN as SHOWN

Progress = Callable[[Article | Failure], None]
ANALYSIS_BATCH = 32


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
    assignments: list[Assignment] = field(default_factory=list)
    """The story each newly indexed article joined or started, and why."""

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
        analyze: bool = True,
    ) -> IngestReport:
        """Read `sources` (files, folders, globs, `-` for stdin, http(s) URLs), analyse and store every new
        article, and put each into a story (`analyze=False` only stores the texts).

        Each article is stored with its analysis in its own transaction, so an interrupted ingest can simply
        be run again: what was stored stays, and articles without a story are assigned then. An item that
        cannot be read or stored is added to `failed` and the batch goes on. `progress` is called with each
        Article or Failure as it is handled.
        """
        report = IngestReport()
        pending: list[Article] = []
        for item in _guarded(read_sources(sources, options), sources):
            if isinstance(item, Failure):
                report.failed.append(item)
            elif analyze and not self.store.has_analysis(item.id):
                pending.append(item)
                if len(pending) >= ANALYSIS_BATCH:
                    self._store_analysed(pending, report)
            else:
                self._store_one(item, None, report)
            if progress is not None:
                progress(item)
        self._store_analysed(pending, report)
        if analyze:
            report.assignments = assign_stories(self.store, report.article_ids)
        return report

    def _store_analysed(self, pending: list[Article], report: IngestReport) -> None:
        if not pending:
            return
        from corroborator.analyze.pipeline import shared_analyzer

        analyses = shared_analyzer().analyze(pending)
        for article, analysis in zip(pending, analyses, strict=True):
            self._store_one(article, analysis, report)
        pending.clear()

    def _store_one(self, article: Article, analysis: Analysis | None, report: IngestReport) -> None:
        try:
            result = self.store.add_article(article, analysis)
        except (InputError, StoreError) as error:
            if isinstance(error, StoreError) and error.fatal:
                raise
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

    def stories(self, limit: int = 100, offset: int = 0) -> list[Story]:
        """Stored stories (one real-world event each), largest first."""
        return self.store.list_stories(limit=limit, offset=offset)

    def story(self, story_id: str) -> Story:
        """One stored story with its members and copies; raises NotFound if there is none."""
        return self.store.get_story(story_id)

    def storylines(self, limit: int = 100, offset: int = 0) -> list[Storyline]:
        """Stored storylines (sagas of related events, each with its stories in date order), most recent
        news first."""
        return self.store.list_storylines(limit=limit, offset=offset)

    def storyline(self, storyline_id: str) -> Storyline:
        """One storyline (a story's `storyline` names it); raises NotFound if there is none."""
        return self.store.get_storyline(storyline_id)

    def brief(self, story_id: str, all_single_source: bool = False) -> Brief:
        """What the articles of a stored story agree on, where they differ, and where claims come from;
        the five best-ranked single-source facts of each article, or all of them."""
        from corroborator.compare.sources import brief_for_story

        return brief_for_story(self.store.path, story_id, None if all_single_source else SHOWN)

    @staticmethod
    def compare(
        sources: Sequence[str], options: ReadOptions | None = None, all_single_source: bool = False
    ) -> Brief:
        """The brief of the given files or URLs read as one story, with no database."""
        from corroborator.compare.sources import compare_sources

        return compare_sources(sources, options, None if all_single_source else SHOWN).brief

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
