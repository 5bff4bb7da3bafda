"""Text helpers for story matching: folded names, content words, word shingles and explicit dates."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from corroborator.accents import strip_accents

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
MONTHS = {
    name: index + 1
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+((?:19|20)\d\d)\b")
ISO_DATE = re.compile(r"\b((?:19|20)\d\d)[-/](\d\d)[-/](\d\d)\b")
YEAR = re.compile(r"(?<![\d.,$])((?:19[5-9]|20[0-4])\d)(?![\d%])")
LEADING_ARTICLE = re.compile(r"^(the|a|an) ")


def fold(text: str) -> str:
    """Lowercase, strip accents and punctuation: "Cheong Seong-chang" -> "cheong seong chang"."""
    plain = strip_accents(text).lower()
    plain = plain.replace("'s ", " ").replace("’s ", " ")
    spaced = " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())
    return LEADING_ARTICLE.sub("", spaced)


def words(text: str) -> list[str]:
    """All word tokens of a text, folded."""
    return WORD.findall(fold(text))


def content_words(tokens: Iterable[str]) -> list[str]:
    """Tokens that carry meaning: no stop words, no one-letter tokens, no bare numbers."""
    return [t for t in tokens if len(t) > 1 and t not in STOP_WORDS and not t.isdigit()]


def shingles(tokens: Sequence[str], size: int = 3) -> set[str]:
    """Overlapping word n-grams; a text shorter than `size` words is one shingle."""
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def _iso(year: str, month: int, day: str) -> str | None:
    day_number = int(day)
    if not 1 <= month <= 12 or not 1 <= day_number <= 31:
        return None
    return f"{year}-{month:02d}-{day_number:02d}"


def explicit_dates(text: str) -> set[str]:
    """Full dates written in a text or its URL: "May 2, 2013", "2 May 2013", "2013-05-02", "/2013/05/02/"."""
    lowered = text.lower()
    found: set[str | None] = set()
    found.update(_iso(y, MONTHS[m], d) for m, d, y in MONTH_DAY_YEAR.findall(lowered))
    found.update(_iso(y, MONTHS[m], d) for d, m, y in DAY_MONTH_YEAR.findall(lowered))
    found.update(_iso(y, int(m), d) for y, m, d in ISO_DATE.findall(lowered))
    return {date for date in found if date}


def explicit_years(text: str) -> list[int]:
    """Every year number (1950..2049) written in a text, in order, repeats kept."""
    return [int(y) for y in YEAR.findall(text)]
