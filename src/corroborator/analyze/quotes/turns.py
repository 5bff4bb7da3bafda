"""Turns of a transcript: "WALLACE: Let's start with ..." / "PENCE: Well, look, ...".

A paragraph that opens with a speaker's name in capitals and a colon is that speaker's turn; its content runs
to the paragraph's end. Capitals and a colon also open notes ("UPDATE: ..."), so the paragraphs count as
turns only when at least two names take turns in the article.
"""

from __future__ import annotations

import re

from corroborator.analyze.quotes.lexicon import NOTE_LABELS
from corroborator.analyze.quotes.reading import Found
from corroborator.analyze.quotes.speaker import END_PUNCT
from corroborator.analyze.quotes.text import trim
from corroborator.types.analysis import Quote

_TURN_RE = re.compile(r"^[ \t]*[\"“]?([A-Z][A-Z’'-]+(?: [A-Z][A-Z.’'-]+){0,2}):[ \t]+(?=\S)", re.M)
MIN_SPEAKERS = 2
CONTENT_END = END_PUNCT + "\"”"


def transcript_turns(text: str) -> list[Found]:
    """One quote a turn, the name its speaker and the colon its cue; none unless two names take turns."""
    found = [match for match in _TURN_RE.finditer(text) if match.group(1).split()[0] not in NOTE_LABELS]
    if len({match.group(1) for match in found}) < MIN_SPEAKERS:
        return []
    turns = []
    for match in found:
        paragraph_end = text.find("\n", match.end())
        content = trim(text, match.end(), len(text) if paragraph_end < 0 else paragraph_end, CONTENT_END)
        if content[1] > content[0]:
            colon = match.end(1)
            turns.append(Found((colon, colon + 1), content, (match.start(1), colon), "direct"))
    return turns


def with_turns(quotes: list[Quote], turns: list[Quote]) -> list[Quote]:
    """`quotes` with each turn (or signed quotation) in its place; a cue inside a turn is the turn's speaker's
    words, as a cue inside quotation marks is, so the quotes read from it go."""
    if not turns:
        return quotes
    merged: list[Quote] = []
    pending = sorted(turns, key=_position)
    for quote in quotes:
        while pending and _position(pending[0]) <= _position(quote):
            merged.append(pending.pop(0))
        if not any(_inside(quote, turn) for turn in turns):
            merged.append(quote)
    return merged + pending


def _inside(quote: Quote, turn: Quote) -> bool:
    cue = quote.cue or quote.content
    start = min(turn.content.start, turn.cue.start if turn.cue else turn.content.start)
    return start <= cue.start < turn.content.end


def _position(quote: Quote) -> int:
    return min(quote.content.start, quote.cue.start if quote.cue else quote.content.start)
