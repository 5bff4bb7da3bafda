"""The Article: what every reader yields and every later stage reads."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

DateSource = Literal["header", "html", "feed", "given", "unknown"]


def normalise_text(text: str) -> str:
    """The form of a text that identity is computed from: NFC, whitespace folded."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_id(text: str, url: str | None = None) -> str:
    """A stable id from the normalised text and URL (16 hex digits)."""
    digest = hashlib.sha256()
    digest.update(normalise_text(text).encode("utf-8"))
    digest.update(b"\x00")
    digest.update((url or "").strip().encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass
class Article:
    """One news report. `text` is the clean body; every offset elsewhere indexes into it."""

    text: str
    id: str = ""
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    """ISO 8601 date (`2023-08-06`) or date-time."""
    published_source: DateSource = "unknown"
    author: str | None = None
    language: str = "en"
    fetched_at: str | None = None
    origin: str | None = None
    """The file path or URL the article was read from."""
    removed: list[str] = field(default_factory=list)
    """Lines the cleaning step removed (promo and boilerplate)."""
    source_id: str | None = None
    """The id the input gave the article (a JSONL `id`), kept for scoring and joins."""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text, self.url)

    @property
    def published_date(self) -> str | None:
        """The `YYYY-MM-DD` part of `published`, if any."""
        if self.published and len(self.published) >= 10:
            return self.published[:10]
        return None


@dataclass(frozen=True)
class Failure:
    """An input item that could not be read, with a one-line reason."""

    item: str
    reason: str


@dataclass
class ReadResult:
    """What a reader returns: the articles it read and the items it could not."""

    articles: list[Article] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def extend(self, other: ReadResult) -> None:
        self.articles.extend(other.articles)
        self.failures.extend(other.failures)
