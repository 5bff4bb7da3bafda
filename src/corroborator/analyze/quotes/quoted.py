"""Quoted speakers: "Officials were quoted by AP as saying ...", "State television quoted the governor as
saying ...", "..., Iranian officials were quoted as saying.". Who is quoted speaks; a medium that quoted
them relays."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborator.analyze.quotes.reading import ArticleView, Found, content_before
from corroborator.analyze.quotes.relay import medium_of, resolve_speaker
from corroborator.analyze.quotes.speaker import END_PUNCT, speaker_before
from corroborator.analyze.quotes.text import trim

QUOTED_CHARS = 100
"""How far before a cue "quoted ... as" is looked for."""
_QUOTED_BY = re.compile(r"\bquoted\s+by\s+(?:the\s+)?(.{2,40}?)\s+as\s+$")
"""Before a cue: "Officials were quoted by AP as saying ..."; group 1 starts the medium."""
_QUOTING = re.compile(r"\bquot(?:ed|es|ing)\s+(?!by\b)(\S.{1,80}?)\s+as\s+$")
"""Before a cue: "State television quoted the disaster center ... as saying"; group 1 is who speaks."""
_WERE_QUOTED = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+quoted\s+(?:by\s.{2,40}?\s+)?as\s+$")
"""Before a cue that ends its sentence: "..., Iranian officials were quoted by AP as saying."."""
SUBJECT_WORDS = 5
"""A clause opening this short before "quoted" is the whole subject ("Iranian state television")."""


@dataclass(frozen=True)
class Quoting:
    """What the words before a cue say of who was quoted, and by whom."""

    by: re.Match[str] | None
    """ "quoted by AP as": the medium that quoted."""
    active: re.Match[str] | None
    """ "quoted the governor as": who was quoted."""

    def quoted(self, article: ArticleView) -> tuple[int, int] | None:
        """Who speaks, when the words before the cue name them ("the governor")."""
        return trim(article.text, *self.active.span(1)) if self.active is not None else None


def quoting_before(article: ArticleView, start: int, cue: tuple[int, int]) -> Quoting:
    window = max(start, cue[0] - QUOTED_CHARS)
    by = _QUOTED_BY.search(article.text, window, cue[0])
    return Quoting(by, None if by is not None else _QUOTING.search(article.text, window, cue[0]))


def quoted_before(
    article: ArticleView, start: int, end: int, cue: tuple[int, int], after: int
) -> Found | None:
    """ "The quake killed 10 people, Iranian officials were quoted by AP as saying.": the content before,
    the speaker before "were quoted"."""
    were_quoted = _WERE_QUOTED.search(article.text, max(start, cue[0] - QUOTED_CHARS), cue[0])
    if were_quoted is None or article.text[after:end].strip(END_PUNCT + " \t\n\"”'’"):
        return None
    found = content_before(article, start, end, (were_quoted.start(), cue[1]), after)
    if found is not None:
        found.cue = cue
    return found


def credit_the_quoted(article: ArticleView, start: int, found: Found, quoting: Quoting, before: bool) -> None:
    """Give the quote to who was quoted and the medium that quoted them as its relay."""
    if quoting.by is not None:
        quoted = None if before else speaker_before(article.text, article.mentions, start, quoting.by.start())
        found.speaker = quoted or found.speaker
        medium = article.mentions.medium_at(quoting.by.start(1))
        found.told = medium[2] if medium is not None else found.told
    elif quoting.active is not None and found.speaker == quoting.quoted(article):
        found.told = found.told or _quoting_medium(article, start, quoting.active.start())


def _quoting_medium(article: ArticleView, start: int, quoting: int) -> str | None:
    """The medium that quoted someone ("State television quoted ..."), None when a person or body did."""
    subject: tuple[int, int] | None = trim(article.text, start, quoting)
    if subject is None or len(article.text[subject[0] : subject[1]].split()) > SUBJECT_WORDS:
        subject = speaker_before(article.text, article.mentions, start, quoting)
    if subject is None:
        return None
    name = resolve_speaker(article.text[subject[0] : subject[1]], *subject, article.mentions)
    return name if medium_of(name) else None
