"""HTML pages through trafilatura, and HTML fragments (feed summaries) to plain text."""

from __future__ import annotations

import re
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from corroborator.errors import InputError
from corroborator.ingest.clean import clean_text
from corroborator.types import Article

HTML_CHAR_CAP = 3_000_000
"""Characters of markup given to trafilatura, scripts and styles removed first: its time grows with size."""

MIN_PAGE_WORDS = 8
"""A page whose main text is shorter holds navigation or an error message, not a report."""
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table"}
    | {"section", "article", "header", "footer", "pre", "figure", "figcaption", "dd", "dt"}
)
_DROPPED_TAGS = ("script", "style", "noscript", "template")
_DROPPED_OPENING = re.compile(r"<(" + "|".join(_DROPPED_TAGS) + r")\b")
_SPACES = re.compile(r"[^\S\n]+")


def html_article(
    html: str, origin: str, url: str | None = None, outlet: str | None = None, fetched_at: str | None = None
) -> Article:
    """The main text and metadata of an HTML page; InputError when it holds no article text."""
    document = _extract(cap_markup(html), url)
    raw_text = getattr(document, "text", None) or ""
    title = (getattr(document, "title", None) or "").strip()
    text, removed = clean_text(_without_title_line(raw_text, title))
    if len(text.split()) < MIN_PAGE_WORDS:
        raise InputError(f"no article text found in {origin}", "check it is a news page, not an index or app")
    date = getattr(document, "date", None) or None
    return Article(
        text=text,
        title=title,
        url=url or getattr(document, "url", None) or None,
        outlet=outlet or getattr(document, "sitename", None) or None,
        published=date,
        published_source="html" if date else "unknown",
        author=getattr(document, "author", None) or None,
        fetched_at=fetched_at,
        origin=origin,
        removed=removed,
    )


def _extract(markup: str, url: str | None) -> Any:
    """trafilatura's document for the markup; without metadata when its date search trips over the markup
    (htmldate asserts on some trees, e.g. an <svg> root element)."""
    options: dict[str, Any] = {"url": url, "include_comments": False, "include_tables": False}
    try:
        return trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            date_extraction_params={"original_date": True, "extensive_search": True},
            **options,
        )
    except AssertionError:
        return trafilatura.bare_extraction(markup, with_metadata=False, **options)


def cap_markup(html: str) -> str:
    """The markup without script and style bodies, cut at HTML_CHAR_CAP characters."""
    return _drop_element_bodies(html, HTML_CHAR_CAP)


def _drop_element_bodies(html: str, limit: int) -> str:
    lower = html.lower()
    parts: list[str] = []
    kept = 0
    position = 0
    while position < len(html) and kept < limit:
        opening = _DROPPED_OPENING.search(lower, position)
        if opening is None:
            parts.append(html[position:])
            break
        parts.append(html[position : opening.start()])
        kept += opening.start() - position
        close = lower.find(f"</{opening.group(1)}", opening.end())
        position = len(html) if close < 0 else close
    return "".join(parts)[:limit]


def _without_title_line(text: str, title: str) -> str:
    first, _, rest = text.partition("\n")
    return rest if title and first.strip() == title else text


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, block elements as paragraphs (not yet cleaned of boilerplate)."""
    if "<" not in fragment and "&" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    for element in root.iter():
        _mark_breaks(element)
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(lines)


def _mark_breaks(element: lxml.html.HtmlElement) -> None:
    if not isinstance(element.tag, str):
        return
    if element.tag == "br":
        element.tail = "\n" + (element.tail or "")
    elif element.tag in _BLOCK_TAGS:
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
