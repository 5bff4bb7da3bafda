"""Quotations and posts signed with a dash: "“He represents our greatest shame.” ― Sonya Herridge",
"No one should be above the law — Paul Ryan (@SpeakerRyan) July 5, 2016".

A dash, a name, and the line's end (past a handle and a date for a post) sign what comes before: the quotation
that closes right before the dash, else, for a post signed with its handle, the line up to the dash.
"""

from __future__ import annotations

import re

from corroborator.analyze.quotes.reading import CLOSERS, Found
from corroborator.analyze.quotes.speaker import END_PUNCT
from corroborator.analyze.quotes.text import QuoteIndex, trim

_NAME = r"([A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3})"
_SIGNATURE = re.compile(
    rf"[ \t\u00a0]*(―|—|–|--)[ \t\u00a0]*{_NAME}[ \t\u00a0]*"
    r"(?:(\(@\w+\))[^\n]{0,40}|[.\u00a0 \t]*)$",
    re.M,
)
_LINE_OPENERS = frozenset("“”\"")
"""A line that is one quotation opens with a quotation mark, sometimes the closing one (”Mr. Trump ...”)."""
_TRAILING_STOP = re.compile(r"\w{3,}\.$")
"""A full stop after a word of three letters or more ends the line ("Carla Sanchez."), not an abbreviation
("Jr.")."""


def signed_quotes(text: str, pairs: QuoteIndex) -> list[Found]:
    """One quote a signature: the signed words, the name its speaker, the dash its cue."""
    signed = []
    for match in _SIGNATURE.finditer(text):
        content = _signed_content(text, pairs, match)
        if content is not None:
            name_end = match.end(2) - 1 if _TRAILING_STOP.search(match.group(2)) else match.end(2)
            signed.append(Found(match.span(1), content, (match.start(2), name_end), "direct"))
    return signed


def _signed_content(text: str, pairs: QuoteIndex, match: re.Match[str]) -> tuple[int, int] | None:
    before = trim(text, text.rfind("\n", 0, match.start()) + 1, match.start())
    if before[1] <= before[0]:
        return None
    if text[before[1] - 1] in CLOSERS:
        pair = pairs.ending_at(before[1])
        if pair is not None:
            return (pair.start, pair.end)
        return before if text[before[0]] in _LINE_OPENERS and before[1] - before[0] > 2 else None
    if match.group(3) is None:
        return None
    content = trim(text, before[0], before[1], END_PUNCT)
    return content if content[1] > content[0] else None
