"""Attributions inside another attribution's content. "DuVernay said she felt the 13th Amendment was worth
examining" is one attribution, DuVernay's, whose content holds "she felt ..."; "Putney said witnesses saw a
gun" is Putney's. So the inner one is no attribution of its own (PolNeAR annotates 6 of its 2,192 dev
attributions inside another's content). An inner attribution stays where the outer speaker is a medium, since
"KCNA reported that Kim said ..." is Kim's words relayed by KCNA (`relay.add_enclosing_media`), and where the
outer content is the infinitive of speech meant ("I want to say he is wrong").

A cue opening a clause of its own after a comma, dash, "and" or "but" is a second attribution beside the
first: "Clinton mocked the complaint, saying anybody who complains ..." is two, and the first ends at the
comma.

A content read by two cues ("“...,” he said, cutting off the question he was asked") is one attribution: the
one with a speaker and the cue nearest the content keeps it."""

from __future__ import annotations

import bisect
import re

from corroborator.analyze.quotes.lexicon import inflections
from corroborator.analyze.quotes.relay import MAX_ENCLOSING_CHARS, media_group, medium_of
from corroborator.analyze.quotes.speaker import END_PUNCT
from corroborator.analyze.quotes.text import trim
from corroborator.types.analysis import Quote, Span

SIBLING_LOOKBACK = 60
"""How far before a cue to look for the comma, dash or conjunction that opens its clause."""
_CLAUSE_OPENING = re.compile(r"(?:[,;―—–]|\b(?:and|but)\b)\s+(?:(?!that\b)[\w'’.-]+\s+){0,3}$", re.IGNORECASE)
"""A comma, dash or conjunction, then up to three words before the cue; "and that
Lionsgate wanted" is the outer verb's second content, no clause of its own."""
_INFINITIVE_HEAD = re.compile(r"\s*to\s*", re.IGNORECASE)
REFUSALS = frozenset(form for verb in ("refuse", "decline", "fail") for form in inflections(verb))
"""Cues whose infinitive is an act not done: "refuses to say how ..." says nothing."""
SPEECH_MEANT = frozenset({"say", "tell"})


def without_nested(text: str, quotes: list[Quote]) -> list[Quote]:
    """`quotes` less those whose cue lies in another's content (outer media aside), after cutting each
    content short of a second attribution that opens a clause of its own."""
    by_start = sorted(quotes, key=lambda q: q.content.start)
    starts = [q.content.start for q in by_start]
    for quote in quotes:
        for outer in _enclosing(quote, by_start, starts):
            opening = _clause_opening(text, quote, outer)
            if opening is not None:
                start, end = trim(text, outer.content.start, opening, END_PUNCT)
                outer.content = Span(start, end, text[start:end])
    return [
        quote
        for quote in quotes
        if all(_relays(outer) for outer in _enclosing(quote, by_start, starts))
    ]


def _relays(outer: Quote) -> bool:
    """A medium, or a journalist writing for one ("Ken Rosenthal of Fox Sports reports that ..."), relays the
    attributions in its content."""
    if medium_of(outer.speaker_entity) is not None or media_group(outer) is not None:
        return True
    phrase = outer.speaker.text.casefold() if outer.speaker else ""
    return any(medium_of(name) and name.casefold() in phrase for name in outer.via)


def without_repeats(quotes: list[Quote]) -> list[Quote]:
    """`quotes` with one attribution a content span: a speaker first, then the cue nearest the content."""
    best: dict[tuple[int, int], Quote] = {}
    for quote in quotes:
        key = (quote.content.start, quote.content.end)
        if key not in best or _rank(quote) < _rank(best[key]):
            best[key] = quote
    return [quote for quote in quotes if best[(quote.content.start, quote.content.end)] is quote]


def _rank(quote: Quote) -> tuple[bool, int]:
    if quote.cue is None:
        return (quote.speaker is None, 0)
    gap = max(quote.cue.start - quote.content.end, quote.content.start - quote.cue.end, 0)
    return (quote.speaker is None, gap)


def _enclosing(quote: Quote, by_start: list[Quote], starts: list[int]) -> list[Quote]:
    """The quotes with a speaker whose content holds `quote`'s cue (`by_start`: by content start)."""
    if quote.cue is None:
        return []
    cue = quote.cue.start
    first = bisect.bisect_left(starts, cue - MAX_ENCLOSING_CHARS)
    last = bisect.bisect_right(starts, cue)
    return [
        outer
        for outer in by_start[first:last]
        if outer is not quote
        and cue < outer.content.end
        and outer.speaker is not None
        and not _speech_it_intends(outer, quote)
    ]


def _clause_opening(text: str, quote: Quote, outer: Quote) -> int | None:
    """Where the clause of `quote` opens inside `outer`'s content (its comma, dash or conjunction),
    when it opens a clause of its own rather than the content's first clause ("said she felt ...")."""
    assert quote.cue is not None
    cue = quote.cue.start
    match = _CLAUSE_OPENING.search(text, max(outer.content.start, cue - SIBLING_LOOKBACK), cue)
    if match is None or _closes_parenthetical_cue(text, outer, match.start()):
        return None
    start, end = trim(text, outer.content.start, match.start(), END_PUNCT)
    return match.start() if end > start else None


def _closes_parenthetical_cue(text: str, outer: Quote, comma: int) -> bool:
    """ "Back in Virginia, Mr. Clarke said, he decided to ...": the comma closes the outer cue standing
    inside its own content; the content goes on after it."""
    cue = outer.cue
    if cue is None or not outer.content.start < cue.start < outer.content.end:
        return False
    return comma >= cue.end and not text[cue.end : comma].strip()


def _speech_it_intends(outer: Quote, quote: Quote) -> bool:
    """ "I want to say he is wrong": the outer content is the infinitive of "say" or "tell", speech the
    speaker means, so both stay (not "refuses to say ...", nor "pledged to oppose ...", a stance)."""
    assert quote.cue is not None
    head = outer.content.text[: quote.cue.start - outer.content.start]
    refused = outer.cue is not None and outer.cue.text.lower() in REFUSALS
    meant = quote.cue.text.lower() in SPEECH_MEANT
    return meant and _INFINITIVE_HEAD.fullmatch(head) is not None and not refused
