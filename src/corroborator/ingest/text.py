"""Plain-text articles: an optional header, then the body, cleaned of boilerplate."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corroborator.errors import InputError
from corroborator.ingest.clean import clean_text, normalise_newlines
from corroborator.types import Article

_DATE_PREFIX = re.compile(r"\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+|$)", re.IGNORECASE)
_HEADER_LINE = re.compile(r"\s*(title|source|outlet|url|date|author)\s*:\s*(.*?)\s*", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?")


@dataclass
class Header:
    """What a text file says about itself before its body."""

    fields: dict[str, str] = field(default_factory=dict)
    body: str = ""


def looks_like_header(first_line: str) -> bool:
    """True when a text starting with this line would have it read as a header."""
    return bool(_DATE_PREFIX.match(first_line) or _HEADER_LINE.fullmatch(first_line))


def parse_header(text: str) -> Header:
    """Split `text` (newlines normalised) into header fields and body.

    Two forms: a first line starting `date YYYY-MM-DD ` with the body following on the same line, or
    leading `key: value` lines (title, source/outlet, url, date, author) ended by a blank or other line.
    """
    prefix = _DATE_PREFIX.match(text)
    if prefix:
        return Header({"date": prefix.group(1)}, text[prefix.end() :])
    fields: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        match = _HEADER_LINE.fullmatch(lines[index])
        if not match or match.group(1).lower() in fields:
            break
        fields[match.group(1).lower()] = match.group(2)
        index += 1
    if not fields:
        return Header({}, text)
    return Header(fields, "\n".join(lines[index:]))


def text_article(text: str, origin: str, outlet: str | None = None) -> Article:
    """An Article from the text of a .txt file or a text/plain response; InputError when nothing is left."""
    header = parse_header(normalise_newlines(text))
    body, removed = clean_text(header.body)
    if not body:
        raise InputError(f"{origin} has no article text", "give a file whose body is the article text")
    published = _header_date(header.fields.get("date", ""), origin)
    return Article(
        text=body,
        title=header.fields.get("title", ""),
        url=header.fields.get("url") or None,
        outlet=outlet or header.fields.get("source") or header.fields.get("outlet") or None,
        published=published,
        published_source="header" if published else "unknown",
        author=header.fields.get("author") or None,
        origin=origin,
        removed=removed,
    )


def _header_date(value: str, origin: str) -> str | None:
    if not value:
        return None
    if not _ISO_DATE.fullmatch(value):
        raise InputError(
            f"{origin}: header date {value!r} is not an ISO date", "write it as YYYY-MM-DD, e.g. 2023-08-06"
        )
    return value.replace(" ", "T")
