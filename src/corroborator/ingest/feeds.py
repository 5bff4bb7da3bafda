"""RSS and Atom feeds through feedparser: one Article per entry."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from corroborator.errors import CorroboratorError
from corroborator.ingest.clean import clean_text
from corroborator.ingest.html import fragment_text
from corroborator.types import Article, Failure

_NUMERIC_REFERENCE = re.compile(rb"&#([xX][0-9a-fA-F]{1,16}|[0-9]{1,20});")
_FEED_HINT = "check the file is well-formed RSS or Atom XML"
PageReader = Callable[[str], Article]
"""Fetches a linked page and reads it into an Article (raises CorroboratorError when it cannot)."""


def looks_like_feed(text: str) -> bool:
    """True when the start of a document is an RSS, Atom or RDF feed."""
    head = text[:2000].lower()
    return any(marker in head for marker in ("<rss", "<feed", "<rdf:rdf", "<channel"))


def feed_items(
    data: bytes,
    origin: str,
    outlet: str | None = None,
    read_page: PageReader | None = None,
    fetched_at: str | None = None,
) -> Iterator[Article | Failure]:
    """Every entry of the feed in `data`; `read_page`, if given, fetches the pages of summary-only entries."""
    headers = {"content-location": origin} if origin.startswith(("http://", "https://")) else None
    try:
        parsed = feedparser.parse(io.BytesIO(_valid_references(data)), response_headers=headers)
    except ValueError as error:  # feedparser's decoding and sanitizing fail this way on some bad bytes
        yield Failure(origin, f"not a readable RSS/Atom feed: {' '.join(str(error).split())} ({_FEED_HINT})")
        return
    entries: list[Any] = list(parsed.entries)
    if not entries:
        yield Failure(origin, _no_entries_reason(parsed))
        return
    feed_title = str(parsed.feed.get("title", "")).strip() or None
    for number, entry in enumerate(entries, start=1):
        item = str(entry.get("link") or f"{origin} entry {number}")
        base = _entry_article(entry, origin, outlet or feed_title, fetched_at)
        if read_page and entry.get("link") and not entry.get("content"):
            yield from _followed(base, item, read_page)
        elif base.text:
            yield base
        else:
            yield Failure(item, "feed entry has no text (pass --follow-links to fetch its page)")


def _valid_references(data: bytes) -> bytes:
    """`data` with numeric character references to no character (surrogates, beyond U+10FFFF, NUL) made
    U+FFFD: feedparser would turn them into strings that cannot be encoded, or fail on them."""
    return _NUMERIC_REFERENCE.sub(_checked_reference, data)


def _checked_reference(match: re.Match[bytes]) -> bytes:
    digits = match.group(1)
    value = int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)
    if value == 0 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        return b"&#xFFFD;"
    return match.group(0)


def _no_entries_reason(parsed: Any) -> str:
    if parsed.get("bozo"):
        problem = " ".join(str(parsed.get("bozo_exception", "unknown error")).split())
        return f"not a valid RSS/Atom feed: {problem} ({_FEED_HINT})"
    return "the feed has no entries (check the feed address or file)"


def _entry_article(entry: Any, origin: str, outlet: str | None, fetched_at: str | None) -> Article:
    text, removed = clean_text(fragment_text(_entry_markup(entry)))
    published = _entry_date(entry)
    return Article(
        text=text,
        title=str(entry.get("title", "")).strip(),
        url=entry.get("link") or None,
        outlet=outlet,
        published=published,
        published_source="feed" if published else "unknown",
        author=entry.get("author") or None,
        fetched_at=fetched_at,
        origin=origin,
        removed=removed,
    )


def _entry_markup(entry: Any) -> str:
    contents = [str(content.get("value", "")) for content in entry.get("content", [])]
    if contents:
        return max(contents, key=len)
    return str(entry.get("summary", ""))


def _entry_date(entry: Any) -> str | None:
    # dict.get: feedparser's own get maps a missing published_parsed to updated_parsed with a warning.
    parsed: time.struct_time | None = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=UTC).isoformat()


def _followed(base: Article, item: str, read_page: PageReader) -> Iterator[Article | Failure]:
    try:
        page = read_page(item)
    except CorroboratorError as error:
        kept = "; kept the feed summary" if base.text else ""
        yield Failure(item, f"could not follow the entry link: {error.one_line()}{kept}")
        if base.text:
            yield base
        return
    yield Article(
        text=page.text,
        title=base.title or page.title,
        url=base.url,
        outlet=base.outlet or page.outlet,
        published=base.published or page.published,
        published_source=base.published_source if base.published else page.published_source,
        author=base.author or page.author,
        fetched_at=page.fetched_at,
        origin=item,
        removed=page.removed,
    )
