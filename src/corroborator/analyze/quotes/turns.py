"""Lines a label and a colon open: turns of a transcript ("WALLACE: Let's start with ..." / "PENCE: Well,
look, ..."), and one-line labels ("John Bolton: 'Hillary's slogan ...'").

A paragraph that opens with a speaker's name in capitals and a colon is that speaker's turn; its content runs
to the paragraph's end. Capitals and a colon also open notes ("UPDATE: ..."), so the paragraphs count as
turns only when at least two names take turns in the article.
"""

from __future__ import annotations

import re

from corroborator.analyze.quotes.lexicon import NOTE_LABELS
from corroborator.analyze.quotes.mentions import MentionIndex
from corroborator.analyze.quotes.reading import LABEL, Found
from corroborator.analyze.quotes.speaker import END_PUNCT
from corroborator.analyze.quotes.text import trim
from corroborator.types.analysis import Quote

_TURN_RE = re.compile(r"^[ \t]*[\"“]?([A-Z][A-Z’'-]+(?: [A-Z][A-Z.’'-]+){0,2}):[ \t]+(?=\S)", re.M)
MIN_SPEAKERS = 2
CONTENT_END = END_PUNCT + "\"”"
_LABEL_RE = re.compile(LABEL + r"(?=\S)")
LABELLED_WORDS = 3
"""The fewest words after a label that make a statement ("Poll: Trump and Clinton lead")."""


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


def labelled_line(text: str, start: int, end: int) -> Found | None:
    """ "Poll: Trump and Clinton lead", "John Bolton: 'Hillary's slogan ...'": label, colon, content."""
    match = _LABEL_RE.match(text, start, end)
    if match is None or _notes(match.group(1)):
        return None
    content = trim(text, match.end(), end, END_PUNCT)
    if len(text[content[0] : content[1]].split()) < LABELLED_WORDS:
        return None
    colon = match.end(1)
    return Found((colon, colon + 1), content, (match.start(1), colon))


def _notes(label: str) -> bool:
    """ "The Latest", "Editor's Note", "Video": a label that opens a note, not what someone said ("Breaking"
    opens a headline that may report speech)."""
    note = " ".join(label.upper().split())
    return note in NOTE_LABELS and note != "BREAKING"


def person_labels_line(text: str, mentions: MentionIndex, start: int, end: int) -> bool:
    """ "Pat Caddell: Democrat Voters Worried About ...": a line opened by a person's name and a colon is what
    the person said, whatever verbs it holds."""
    if start > 0 and text[start - 1] != "\n":
        return False
    match = _LABEL_RE.match(text, start, end)
    if match is None:
        return False
    label = match.group(1).strip()
    return any(
        m.label == "PERSON" and (m.start == match.start(1) or m.text.endswith(" " + label))
        for m in mentions.entities
    )
