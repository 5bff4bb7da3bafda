"""Telling what a source is (stdin, URL, directory, glob, file) and which reader reads it."""

from __future__ import annotations

import dataclasses
import functools
import glob
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from corroborator.errors import CorroboratorError, InputError
from corroborator.ingest.decode import decode_text, read_capped, read_file
from corroborator.ingest.feeds import feed_items, looks_like_feed
from corroborator.ingest.fetch import Fetched, check_scheme, fetch
from corroborator.ingest.html import html_article
from corroborator.ingest.options import ReadOptions
from corroborator.ingest.records import csv_items, json_items, jsonl_items, parquet_items
from corroborator.ingest.text import text_article
from corroborator.ingest.warc import warc_items
from corroborator.types import Article, Failure

Item = Article | Failure

SUFFIX_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
    ".warc": "warc",
}
MEDIA_KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/xml": "feed",
    "application/xml": "feed",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
}
_URL_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")
_GLOB_CHARS = re.compile(r"[*?\[]")


def read_source(source: str, options: ReadOptions) -> Iterator[Item]:
    """Everything one source yields: a bad source is one Failure, a bad item inside it another."""
    if source == "-":
        yield from _guarded("<stdin>", lambda: _stdin_items(options))
    elif _URL_SCHEME.match(source):
        yield from _guarded(source, lambda: url_items(source, options))
    elif Path(source).is_dir():
        yield from _tree_items(Path(source), options)
    elif Path(source).exists():
        yield from _guarded(source, lambda: path_items(Path(source), options))
    elif _GLOB_CHARS.search(source):
        yield from _glob_items(source, options)
    else:
        yield Failure(source, f"no such file or directory: {source} (check the path)")


def kind_of(path: Path) -> str | None:
    """The reader for a file name, from its extension (a trailing .gz is looked through)."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return SUFFIX_KINDS.get(Path(name.removesuffix(".gz")).suffix)


def sniff_kind(text: str) -> str:
    """The reader for content with no telling name: JSON, feed, HTML, or plain text."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("["):
        return "json"
    if head.startswith("<"):
        return "feed" if looks_like_feed(head) else "html"
    return "text"


def path_items(path: Path, options: ReadOptions) -> Iterator[Item]:
    """The items of one file, read by its extension, or by its content when the extension is unknown."""
    kind = kind_of(path)
    if kind == "warc":
        yield from warc_items(path, options)
        return
    if kind == "parquet":
        read_file(path, options.max_bytes)
        yield from parquet_items(path, str(path), options.outlet)
        return
    data = read_file(path, options.max_bytes)
    yield from content_items(kind, data, str(path), options)


def content_items(
    kind: str | None, data: bytes, origin: str, options: ReadOptions, fetched: Fetched | None = None
) -> Iterator[Item]:
    """The items in `data`, read as `kind` (sniffed from the content when None); `fetched` when from a URL."""
    if not data.strip():
        raise InputError(f"{origin} is empty", "give a file or page with an article in it")
    fetched_at = fetched.fetched_at if fetched else None
    if kind == "feed":
        yield from feed_items(data, origin, options.outlet, _page_reader(options), fetched_at)
        return
    text = decode_text(data, origin, fetched.charset if fetched else None)
    kind = kind or sniff_kind(text)
    if kind == "feed":
        yield from feed_items(text.encode("utf-8"), origin, options.outlet, _page_reader(options), fetched_at)
    elif kind == "html":
        yield html_article(text, origin, fetched.url if fetched else None, options.outlet, fetched_at)
    elif kind == "jsonl":
        yield from jsonl_items(text, origin, options.outlet)
    elif kind == "json":
        yield from json_items(text, origin, options.outlet)
    elif kind == "csv":
        yield from csv_items(text, origin, options.outlet)
    else:
        article = text_article(text, origin, options.outlet)
        if fetched:
            url = article.url or fetched.url
            article = dataclasses.replace(article, id="", url=url, fetched_at=fetched_at)
        yield article


def url_items(url: str, options: ReadOptions) -> Iterator[Item]:
    """The items at an http(s) URL: a page, a feed, text or JSON, told by the content type."""
    fetched = fetch(check_scheme(url), options)
    kind = MEDIA_KINDS.get(fetched.content_type)
    if kind == "feed" and _looks_like_html_page(fetched.body):
        kind = "html"
    for item in content_items(kind, fetched.body, url, options, fetched):
        if isinstance(item, Article) and item.fetched_at is None:
            item.fetched_at = fetched.fetched_at
        yield item


def _looks_like_html_page(body: bytes) -> bool:
    """An XML-typed body that is an (X)HTML page, not a feed: some servers send pages as XML."""
    head = body[:4000].decode("utf-8", "replace")
    return "<html" in head.lower() and not looks_like_feed(head)


def read_linked_page(link: str, options: ReadOptions) -> Article:
    """The article on a page a feed entry links to, fetched through the same guard."""
    fetched = fetch(check_scheme(link), options)
    if MEDIA_KINDS.get(fetched.content_type, "html") != "html":
        raise InputError(f"{link} is {fetched.content_type}, not an HTML page", "link to the article page")
    html = decode_text(fetched.body, link, fetched.charset)
    return html_article(html, link, url=fetched.url, fetched_at=fetched.fetched_at)


def _page_reader(options: ReadOptions) -> Callable[[str], Article] | None:
    if not options.follow_links:
        return None
    return lambda link: read_linked_page(link, options)


def _stdin_items(options: ReadOptions) -> Iterator[Item]:
    data = read_capped(sys.stdin.buffer, "standard input", options.max_bytes)
    yield from content_items(None, data, "<stdin>", options)


def _tree_items(root: Path, options: ReadOptions) -> Iterator[Item]:
    """Files under `root` with a known extension, sorted, hidden files and folders left out."""
    files: list[Path] = []
    for folder, folders, names in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith(".")]
        files.extend(Path(folder, name) for name in names if not name.startswith("."))
    for path in sorted(files):
        if kind_of(path):
            yield from _guarded(str(path), functools.partial(path_items, path, options))


def _glob_items(pattern: str, options: ReadOptions) -> Iterator[Item]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Failure(pattern, f"no files match {pattern} (check the pattern and the folder)")
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _tree_items(path, options)
        elif kind_of(path):
            yield from _guarded(match, functools.partial(path_items, path, options))


def _guarded(item: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """The items `produce` yields; an error ends this source only, as a Failure with its reason."""
    try:
        yield from produce()
    except CorroboratorError as error:
        yield Failure(item, error.one_line())
    except Exception as error:  # one unreadable item must not stop a batch
        yield Failure(item, f"unexpected {type(error).__name__} while reading: {error} (please report this)")
