"""Text helpers for quote extraction: quotation-mark pairs, sentence pieces, words near a position."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from corroborator.lexicon import can_name_a_place

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
MAX_QUOTE_CHARS = 4000
MAX_PIECE_CHARS = 3000
"""Longer "sentences" (tables, run-on text) are read in pieces, so that no cue reads megabytes."""
_QUOTE_MARK = re.compile(r"[“”\"]|''|``")
_PARAGRAPH = re.compile(r"\n\s*\n")
_WORD = re.compile(r"[\w’'.-]+")


@dataclass(frozen=True)
class QuotePair:
    """A run of quoted text: `start` at the opening mark, `end` just after the closing mark."""

    start: int
    end: int


class QuoteIndex:
    """The balanced quotation-mark pairs of a text, searchable by the position of either mark."""

    def __init__(self, text: str) -> None:
        self.pairs = find_quote_pairs(text)
        self._starts = [p.start for p in self.pairs]
        self._ends = [p.end for p in self.pairs]
        self._by_end = {p.end: p for p in self.pairs}
        self._by_start = {p.start: p for p in self.pairs}

    def last_ending_by(self, position: int) -> QuotePair | None:
        """The last pair that closes at or before `position`."""
        index = bisect.bisect_right(self._ends, position) - 1
        return self.pairs[index] if index >= 0 else None

    def ending_at(self, end: int) -> QuotePair | None:
        return self._by_end.get(end)

    def starting_at(self, start: int) -> QuotePair | None:
        return self._by_start.get(start)

    def enclosing(self, position: int) -> QuotePair | None:
        """The pair whose quoted text contains `position`, if any."""
        index = bisect.bisect_right(self._starts, position) - 1
        if index >= 0 and self.pairs[index].start < position < self.pairs[index].end:
            return self.pairs[index]
        return None


def _paragraph_bounds(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for match in _PARAGRAPH.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def find_quote_pairs(text: str) -> list[QuotePair]:
    """Balanced pairs of “curly”, "straight", ''doubled'' or ``TeX`` quotes, within one paragraph."""
    pairs: list[QuotePair] = []
    for para_start, para_end in _paragraph_bounds(text):
        open_at: int | None = None
        for match in _QUOTE_MARK.finditer(text, para_start, para_end):
            mark = match.group()
            if mark in (OPENING, "``") or (mark in (STRAIGHT, "''") and open_at is None):
                if mark in (STRAIGHT, "''") and match.end() < para_end and text[match.end()].isspace():
                    continue
                open_at = match.start()
            elif open_at is not None:
                if match.end() - open_at <= MAX_QUOTE_CHARS:
                    pairs.append(QuotePair(open_at, match.end()))
                open_at = None
    return pairs


def sentence_pieces(bounds: Iterable[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sentence spans split further at line breaks (and past MAX_PIECE_CHARS at a space), trimmed."""
    pieces: list[tuple[int, int]] = []
    for start, end in bounds:
        cursor = start
        while cursor < end:
            newline = text.find("\n", cursor, end)
            stop = end if newline < 0 else newline
            if stop - cursor > MAX_PIECE_CHARS:
                space = text.rfind(" ", cursor + 1, cursor + MAX_PIECE_CHARS)
                stop = space if space > 0 else cursor + MAX_PIECE_CHARS
            piece = trim(text, cursor, stop)
            if piece[1] > piece[0]:
                pieces.append(piece)
            cursor = stop + 1 if stop < end and text[stop] in " \n" else stop
    return pieces


def trim(text: str, start: int, end: int, chars: str = " \t\r\n") -> tuple[int, int]:
    """`start, end` moved inwards past any of `chars`."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def words_before(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word spans in `text[start:end]`, in order."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def word_count(text: str) -> int:
    return len(text.split())


PLACE_PREPOSITIONS = frozenset({"of", "in", "at"})
_BODIES = frozenset({"department", "house"})
"""Nouns WordNet also knows as places that name a body before "of" ("the department of justice")."""


def word_before_place_preposition(text: str, start: int, position: int) -> tuple[int, int] | None:
    """The word before an "of", "in" or "at" that ends right before `position` ("village" in "the village of
    Gavarzin", "Officials" in "Officials in Iran"), not before `start`."""
    spans = words_before(text, max(start, position - 40), position)
    if len(spans) < 2 or text[spans[-1][0] : spans[-1][1]] not in PLACE_PREPOSITIONS:
        return None
    return spans[-2]


def is_place_noun(noun: str) -> bool:
    """A lower-case noun that can name a place ("village", "town"; not "department", a body before "of"):
    after it and "of", "in" or "at" comes a place, whatever label the small model gave it."""
    return noun.islower() and noun not in _BODIES and can_name_a_place(noun)


def after_a_place_noun(text: str, start: int, position: int) -> bool:
    """Whether a place noun and "of", "in" or "at" come right before `position` ("residents at the village
    of Gavarzin", "the town of Deyrestan")."""
    word = word_before_place_preposition(text, start, position)
    return word is not None and is_place_noun(text[word[0] : word[1]])
