"""Cutting very long texts into pieces spaCy can parse in bounded memory; the pieces join back exactly."""

from __future__ import annotations

MAX_PIECE_CHARS = 100_000


def split_for_parsing(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    """Pieces of at most `limit` characters whose concatenation is `text`.

    Cuts after a paragraph break if there is one in the second half of a piece, else after a sentence end,
    else after any whitespace, else at the limit.
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start, start + limit)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, stop: int) -> int:
    middle = start + (stop - start) // 2
    for mark in ("\n\n", "\n", ". ", " "):
        found = text.rfind(mark, middle, stop)
        if found != -1:
            return found + len(mark)
    return stop
