"""Documents as speakers: "a statement of the event organisers said" is the organisers' word, and "the
information said" a paragraph later is the same statement's, so both trace to the organisers."""

from __future__ import annotations

import re

from corroborator.compare.units import Unit
from corroborator.lexicon import is_document_noun, is_source_noun

_AUTHORED = re.compile(r"^(?:an?|the)\s+(?:[a-z-]+\s+)?([a-z]+)\s+(?:of|from|by)\s+(.+)$", re.IGNORECASE)
"""A document and who issued it: "a message from the Central Commission", "a statement of the organisers"."""
_BARE = re.compile(r"^[Tt]he\s+(?:[a-z-]+\s+)?([a-z]+)$")
"""A document named again with no author: "the message", "the information", "the new report" (not "the
Turkmen constitution": a proper modifier names a document of its own)."""


class DocumentAuthors:
    """The author of the document each article last quoted, to stand for the document named again."""

    def __init__(self) -> None:
        self._last: dict[str, str] = {}

    def attribution(self, unit: Unit, attribution: list[str]) -> list[str]:
        """`attribution` with a document's author in place of the document: the author named with it when
        the speaker phrase was read as no entity, or the article's last author for "the message"."""
        quote = unit.quote
        if not attribution or quote is None or quote.speaker is None or quote.cites:
            return attribution
        phrase = quote.speaker.text.strip()
        authored = _AUTHORED.match(phrase)
        if authored is not None and is_document_noun(authored.group(1)) and _an_author(authored.group(2)):
            author = attribution[0] if quote.speaker_entity else authored.group(2)
            self._last[unit.article] = author
            return [author, *attribution[1:]]
        bare = _BARE.match(phrase)
        last = self._last.get(unit.article)
        if bare is None or last is None or quote.speaker_entity or not is_document_noun(bare.group(1)):
            return attribution
        return [last, *attribution[1:]]


def _an_author(phrase: str) -> bool:
    """Whether what a document is "of" or "from" can have issued it: a name or a source noun ("the
    Central Commission", "the event organisers"; not "the match" in "the EPIX broadcast of the match")."""
    words = phrase.split()
    named = words[1:] if words[0].casefold() == "the" and len(words) > 1 else words
    return named[0][:1].isupper() or is_source_noun(words[-1])
