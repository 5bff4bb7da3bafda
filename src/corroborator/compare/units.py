"""The units comparison works on: clauses of the analysis claims, each with the facts found inside it."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from corroborator.facts.lines import is_heading
from corroborator.facts.spans import SpansWithin
from corroborator.types import Analysis, Article, Claim, EntityMention, Quantity, Quote, TimeExpr

_CLAUSE_BREAK = re.compile(
    r";\s+|:\s+(?=[A-Z\"“])|\s+(?:while|whereas|during|although|though|but)\s+"
    r"|,\s+(?:which|who|where|and\s+(?=\w+ed\b)|but|while|as(?!\s+well\s+as)|adding|citing)\s+"
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|$)")
_NEGATION = re.compile(
    r"\b(?:not|never|no|none|nobody|nothing|neither|nor|denied|denies|deny|refused|rejected)\b|n[’']t\b", re.I
)
_LINE = re.compile(r"[^\n]+")
MIN_CLAUSE_WORDS = 4
CLAIMS_AROUND = 8


@dataclass
class Unit:
    """One clause of one article, with the analysis items that fall inside it."""

    key: int
    article: str
    claim: int
    start: int
    end: int
    text: str
    entities: list[EntityMention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quote: Quote | None = None
    attribution: list[str] = field(default_factory=list)
    negated: bool = False

    @property
    def entity_keys(self) -> set[str]:
        return {e.entity for e in self.entities}


def build_units(articles: list[Article], analyses: list[Analysis]) -> list[Unit]:
    """Clause units for every article, in article order then text order.

    Sentences are split into clauses here (the analysis claims may cut a list at ", as well as"); each clause
    takes the attribution, quote and polarity of the claim it overlaps most."""
    by_id = {a.article_id: a for a in analyses}
    units: list[Unit] = []
    for article in articles:
        analysis = by_id.get(article.id) or Analysis(article_id=article.id)
        claims = sorted(claims_of(article, analysis), key=lambda c: c.start)
        items = _Items(analysis)
        for sentence_start, sentence_end in _sentences(article, analysis, claims):
            for start, end in clause_spans(article.text, sentence_start, sentence_end):
                if is_heading(article.text, start, end):
                    continue
                claim = _claim_at(claims, start, end)
                units.append(_unit(len(units), article, analysis, items, claim, start, end))
    return units


def _sentences(article: Article, analysis: Analysis, claims: list[Claim]) -> list[tuple[int, int]]:
    if analysis.sentences:
        return analysis.sentences
    return [(c.start, c.end) for c in claims]


def _claim_at(claims: list[Claim], start: int, end: int) -> Claim:
    """The claim the clause overlaps most, among the claims near it (claims are in text order)."""

    def overlap(claim: Claim) -> int:
        return min(end, claim.end) - max(start, claim.start)

    position = bisect.bisect_right(claims, start, key=lambda c: c.start)
    near = claims[max(0, position - CLAIMS_AROUND) : position + CLAIMS_AROUND]
    best = max(near, key=overlap, default=None)
    if best is None or overlap(best) <= 0:
        return Claim(-1, start, end, "")
    return best


def claims_of(article: Article, analysis: Analysis) -> list[Claim]:
    """The analysis claims, or one claim per sentence when the analysis has none."""
    if analysis.claims:
        return analysis.claims
    spans = analysis.sentences or [(m.start(), m.end()) for m in _SENTENCE.finditer(article.text)]
    claims: list[Claim] = []
    for start, end in spans:
        text = article.text[start:end]
        stripped_start = start + len(text) - len(text.lstrip())
        stripped_end = start + len(text.rstrip())
        if stripped_end - stripped_start >= 3:
            claims.append(
                Claim(len(claims), stripped_start, stripped_end, article.text[stripped_start:stripped_end])
            )
    return claims


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] at line breaks, then at clause boundaries (MIN_CLAUSE_WORDS+ words each)."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, start, end):
        spans.extend(_clauses_of_line(text, line.start(), line.end()))
    return spans


def _clauses_of_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start]
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        before = text[cuts[-1] : match.start()]
        after = text[match.start() : end]
        if len(before.split()) >= MIN_CLAUSE_WORDS and len(after.split()) > MIN_CLAUSE_WORDS:
            cuts.append(match.start())
    cuts.append(end)
    spans = []
    for left, right in itertools.pairwise(cuts):
        piece = text[left:right]
        lead = len(piece) - len(piece.lstrip(" ,;:"))
        trail = len(piece.rstrip(" ,;:"))
        spans.append((left + lead, left + trail))
    return [(s, e) for s, e in spans if e > s]


class _Items:
    def __init__(self, analysis: Analysis) -> None:
        self.entities = SpansWithin(analysis.entities)
        self.times = SpansWithin(analysis.times)
        self.quantities = SpansWithin(analysis.quantities)


def _unit(
    key: int, article: Article, analysis: Analysis, items: _Items, claim: Claim, start: int, end: int
) -> Unit:
    quote = (
        analysis.quotes[claim.quote]
        if claim.quote is not None and claim.quote < len(analysis.quotes)
        else None
    )
    return Unit(
        key=key,
        article=article.id,
        claim=claim.index,
        start=start,
        end=end,
        text=article.text[start:end],
        entities=items.entities.within(start, end),
        times=items.times.within(start, end),
        quantities=items.quantities.within(start, end),
        quote=quote,
        attribution=list(claim.attribution),
        negated=claim.negated and _NEGATION.search(article.text, start, end) is not None,
    )
