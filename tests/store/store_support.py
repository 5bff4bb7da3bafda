"""Helpers shared by the store tests (a unique module name, unlike conftest)."""

from __future__ import annotations

from corroborator.types import Article


def make_article(number: int, **fields: object) -> Article:
    """A small distinct article; `fields` override any Article field."""
    values: dict[str, object] = {
        "text": f"Report {number}: Kim Jong Un inspected factory {number} making engines for missiles.",
        "title": f"Factory visit {number}",
        "url": f"https://news.example/{number}",
        "outlet": "Example News",
        "published": f"2023-08-{(number % 28) + 1:02d}",
        "published_source": "header",
    }
    values.update(fields)
    return Article(**values)
