"""WARC archives (plain or gzipped) through warcio: each HTML response record an Article."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from corroborator.errors import InputError
from corroborator.ingest.decode import decode_text
from corroborator.ingest.html import html_article
from corroborator.ingest.options import ReadOptions
from corroborator.types import Article, Failure

_HTML_TYPES = ("text/html", "application/xhtml+xml")


_UNREADABLE = (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error, AttributeError)
"""What warcio raises on a damaged archive (AttributeError: on a record without WARC-Target-URI)."""
_WARC_HINT = "check it is a valid .warc or .warc.gz file"


def warc_items(path: Path, options: ReadOptions) -> Iterator[Article | Failure]:
    """Every HTML response in the archive; other records are skipped, unreadable ones are Failures."""
    origin = str(path)
    found = 0
    try:
        with path.open("rb") as stream:
            for record in _records(stream):
                if _is_html_response(record):
                    found += 1
                    yield _record_item(record, origin, options)
    except InputError as error:
        yield Failure(origin, error.one_line())
        return
    except OSError as error:
        yield Failure(origin, f"cannot read WARC: {_one_line(error)} ({_WARC_HINT})")
        return
    if not found:
        yield Failure(origin, "the WARC archive holds no HTML responses (nothing to read)")


def _records(stream: BinaryIO) -> Iterator[Any]:
    """The archive's records; an InputError where warcio cannot parse the next one."""
    records = iter(ArchiveIterator(stream))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except AttributeError as error:
            raise InputError("cannot read WARC: a record has no WARC-Target-URI", _WARC_HINT) from error
        except _UNREADABLE as error:
            raise InputError(f"cannot read WARC: {_one_line(error)}", _WARC_HINT) from error
        yield record


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    media_type = (record.http_headers.get_header("Content-Type") or "").partition(";")[0].strip().lower()
    status = str(record.http_headers.get_statuscode() or "")
    return media_type in _HTML_TYPES and status.startswith("2")


def _record_item(record: Any, origin: str, options: ReadOptions) -> Article | Failure:
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    item = f"{origin}#{url}" if url else origin
    try:
        body = record.content_stream().read(options.max_bytes + 1)
    except _UNREADABLE as error:
        return Failure(item, f"cannot read the archived response: {_one_line(error)} ({_WARC_HINT})")
    if len(body) > options.max_bytes:
        limit = f"larger than the limit of {options.max_bytes} bytes"
        return Failure(item, f"the archived response is {limit} (raise --max-bytes to read it)")
    try:
        html = decode_text(body, item, _charset(record))
        return html_article(html, origin, url, options.outlet, record.rec_headers.get_header("WARC-Date"))
    except InputError as error:
        return Failure(item, error.one_line())


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _charset(record: Any) -> str | None:
    _, _, parameters = (record.http_headers.get_header("Content-Type") or "").partition(";")
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
