"""Claims: each sentence (long sentences split at clause boundaries) with its entities, times, quantities,
the quote it lies in, where it comes from (origin first, publishing outlet last) and whether it is negated."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc

from corroborator.analyze.entities.media import NewsOrg, lookup
from corroborator.analyze.nlp.load import text_of
from corroborator.analyze.quotes.relay import relay_chain
from corroborator.types import Analysis, Article, Claim, Quote

CLAUSE_BREAK = re.compile(r"; |, (?:while|whereas|as(?! well as)|but|although|though) ")
MIN_CLAUSE_WORDS = 10
NEGATION = re.compile(
    r"(?:[Nn](?:ot|ever|o|one|obody|othing|either|or)|[Dd]en(?:ied|ies|y|ying)|[Rr]e(?:fused|fuses|jected|jects))"
    r"\b|n[’']t\b"
)
"""Starts with letters, not `\b`, so the regex engine can skip ahead; `_negations` checks the left edge."""
ARTICLE_SOURCE = re.compile(
    r"\b(?:(?:a |the )?(?P<state>state(?:[- ]run)? (?:media|news agency|television|tv|broadcaster))"
    r"(?: reports?)?(?: said| reported| says)|citing (?:the )?(?P<cited>state(?:[- ]run)? media))\b",
    re.IGNORECASE,
)
LEDE_SENTENCES = 2
MEDIA_CACHE_SIZE = 4096
QUOTE_SHARE = 0.25
STATE_MEDIA = "state media"


def build_claims(doc: Doc, analysis: Analysis, article: Article) -> list[Claim]:
    """One Claim per sentence or long clause of the article, in text order."""
    text = text_of(doc)
    inherited, lede_quote = article_attribution(text, analysis, article.outlet)
    quotes = _QuoteFinder(analysis.quotes)
    negations = _negations(text)
    entities = _StartIndex([m.start for m in analysis.entities])
    times = _StartIndex([t.start for t in analysis.times])
    quantities = _StartIndex([q.start for q in analysis.quantities])
    claims: list[Claim] = []
    for sentence_start, sentence_end in analysis.sentences:
        for start, end in split_clauses(text, sentence_start, sentence_end):
            quote = quotes.quote_of(start, end)
            attribution = inherited
            if quote is not None and quote != lede_quote and quotes.chain_lengths[quote]:
                attribution = relay_chain(analysis.quotes[quote], article.outlet)
            claims.append(
                Claim(
                    index=len(claims),
                    start=start,
                    end=end,
                    text=text[start:end],
                    entities=entities.within(start, end),
                    times=times.within(start, end),
                    quantities=quantities.within(start, end),
                    quote=quote,
                    attribution=list(attribution),
                    negated=bisect_left(negations, start) < bisect_left(negations, end),
                )
            )
    return claims


def _negations(text: str) -> list[int]:
    """Where negation words start: not, never, no, denied, refused, n't ..."""
    found = []
    for match in NEGATION.finditer(text):
        start = match.start()
        if start == 0 or not text[start - 1].isalnum() or (text[start] == "n" and text[start + 1] in "’'"):
            found.append(start)
    return found


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence at "; ", ", while", ", as", ... when both halves are MIN_CLAUSE_WORDS words long."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for match in CLAUSE_BREAK.finditer(text, start, end):
        left_words = len(text[piece_start : match.start()].split())
        right_words = len(text[match.end() : end].split())
        if left_words >= MIN_CLAUSE_WORDS and right_words >= MIN_CLAUSE_WORDS:
            pieces.append((piece_start, match.start() + (1 if text[match.start()] == ";" else 0)))
            piece_start = match.start() + 2
    pieces.append((piece_start, end))
    return pieces


def article_attribution(text: str, analysis: Analysis, outlet: str | None) -> tuple[list[str], int | None]:
    """The chain a claim without its own quote inherits: the lede's media source ("a state media report
    said", "Reuters reported citing state media"), else just the outlet; and the index of the lede's quote.
    "state media" becomes the one state medium the article names (KCNA), if it names exactly one."""
    lede_end = (
        analysis.sentences[min(LEDE_SENTENCES, len(analysis.sentences)) - 1][1] if analysis.sentences else 0
    )
    cites_state_media = ARTICLE_SOURCE.search(text, 0, lede_end) is not None
    chain: list[str] = []
    lede_quote: int | None = None
    for index, quote in enumerate(analysis.quotes):
        if quote.content.start < lede_end and _has_medium(quote):
            chain, lede_quote = relay_chain(quote, None), index
            break
    if cites_state_media and not (chain and _is_state_media(chain[0])):
        chain.insert(0, STATE_MEDIA)
    if chain and chain[0] == STATE_MEDIA:
        named = _state_media_named(analysis)
        if len(named) == 1:
            chain[0] = named[0]
    if outlet:
        _append_new(chain, outlet)
    return chain, lede_quote


def _is_state_media(name: str) -> bool:
    org = _medium(name)
    return name == STATE_MEDIA or (org is not None and org.kind == "state_media")


def _state_media_named(analysis: Analysis) -> list[str]:
    names = {
        org.name
        for org in map(_medium, {m.entity for m in analysis.entities})
        if org and org.kind == "state_media"
    }
    return sorted(names)


def _has_medium(quote: Quote) -> bool:
    names = [quote.speaker_entity or (quote.speaker.text if quote.speaker else ""), *quote.via, *quote.cites]
    return any(name and (_medium(name) is not None or "media" in name.casefold()) for name in names)


def _append_new(chain: list[str], name: str) -> None:
    if not chain or chain[-1] != name:
        chain.append(name)


class _QuoteFinder:
    """Picks the quote a claim lies in, looking only at quotes that can overlap it."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = quotes
        self.order = sorted(range(len(quotes)), key=lambda i: quotes[i].content.start)
        self.starts = [quotes[i].content.start for i in self.order]
        self.longest = max((q.content.end - q.content.start for q in quotes), default=0)
        self.chain_lengths = [len(relay_chain(quote, None)) for quote in quotes]

    def quote_of(self, start: int, end: int) -> int | None:
        """Of the quotes covering enough of the claim (QUOTE_SHARE of it, or most of the quote), the one with
        the longest relay chain ("Kim ..., KCNA said" gives Kim via KCNA), then the largest overlap."""
        best: int | None = None
        best_rank = (0, 0)
        first = bisect_left(self.starts, start - self.longest)
        for index in self.order[first : bisect_left(self.starts, end)]:
            content = self.quotes[index].content
            overlap = min(end, content.end) - max(start, content.start)
            if overlap <= 0:
                continue
            if overlap >= QUOTE_SHARE * (end - start) or overlap * 2 >= content.end - content.start:
                rank = (self.chain_lengths[index], overlap)
                if rank > best_rank:
                    best, best_rank = index, rank
        return best


class _StartIndex:
    """Finds the items (of a list in any order) that begin inside a span."""

    def __init__(self, starts: list[int]) -> None:
        self.order = sorted(range(len(starts)), key=starts.__getitem__)
        self.sorted_starts = [starts[i] for i in self.order]

    def within(self, start: int, end: int) -> list[int]:
        first, last = bisect_left(self.sorted_starts, start), bisect_left(self.sorted_starts, end)
        return sorted(self.order[first:last])


@functools.lru_cache(maxsize=MEDIA_CACHE_SIZE)
def _medium(name: str) -> NewsOrg | None:
    return lookup(name)
