"""Facts of one article: each predicate of each sentence with its typed arguments and character offsets."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from corroborator.facts.clauses import PLACE_PREPOSITIONS, Predicate, predicates, span_of
from corroborator.facts.lines import is_heading
from corroborator.facts.spans import SpansWithin
from corroborator.types import Analysis, Argument, Article, Claim, Fact, FactKind, Role

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MIN_FACT_WORDS = 3
MIN_SPEECH_WORDS = 2
MIN_AGE_WORDS = 2


def facts_of_article(article: Article, analysis: Analysis, pieces: Sequence[tuple[int, Doc]]) -> list[Fact]:
    """The facts of an article from its parsed pieces (offset of each piece in the text, its Doc)."""
    reader = _ArticleReader(article, analysis)
    facts: list[Fact] = []
    for offset, doc in pieces:
        for sentence in doc.sents:
            if is_heading(reader.text, offset + sentence.start_char, offset + sentence.end_char):
                continue
            for found in predicates(sentence):
                fact = reader.fact(found, sentence, offset, len(facts))
                if fact is not None:
                    facts.append(fact)
    return facts


class _ArticleReader:
    """Turns predicates into Facts, typing arguments with the article's analysis."""

    def __init__(self, article: Article, analysis: Analysis) -> None:
        self.article = article
        self.text = article.text
        self.analysis = analysis
        self.sentence_starts = [start for start, _ in analysis.sentences]
        self.claims = sorted(analysis.claims, key=lambda c: c.start)
        self.entities = SpansWithin(analysis.entities)
        self.times = SpansWithin(analysis.times)
        self.quantities = SpansWithin(analysis.quantities)
        self.claim_starts = [c.start for c in self.claims]

    def fact(self, found: Predicate, sentence: SpacySpan, offset: int, index: int) -> Fact | None:
        token_range = span_of(found)
        if token_range is None:
            return None
        doc = sentence.doc
        last = doc[token_range[1]]
        start, end = whole_words(
            self.text, offset + doc[token_range[0]].idx, offset + last.idx + len(last.text)
        )
        words = [t for t in doc[token_range[0] : token_range[1] + 1] if t.is_alpha or t.like_num]
        if len(words) < _min_words(found) or "://" in self.text[start:end]:
            return None
        arguments = [
            self.argument(role, tokens, offset) for role, tokens in (*found.arguments, *found.inherited)
        ]
        head = found.head
        claim = self.claim_at(start, end)
        return Fact(
            article=self.article.id,
            index=index,
            start=start,
            end=end,
            text=self.text[start:end],
            predicate=found.lemma,
            predicate_start=offset + head.idx,
            predicate_end=offset + head.idx + len(head.text),
            kind=_kind(found),
            arguments=arguments,
            negated=found.negated,
            modality=found.modality,
            attribution=list(claim.attribution) if claim is not None else [],
            sentence=max(0, bisect.bisect_right(self.sentence_starts, start) - 1),
        )

    def argument(self, role: str, tokens: list[Token], offset: int) -> Argument:
        start = offset + tokens[0].idx
        end = offset + tokens[-1].idx + len(tokens[-1].text)
        entities = self.entities.within(start, end)
        times = [t.value for t in self.times.within(start, end) if t.value]
        quantities = [q.value for q in self.quantities.within(start, end) if q.value is not None]
        typed = _role(role, tokens, {e.label for e in entities}, bool(times))
        head = max(tokens, key=lambda t: (t.head not in tokens, -abs(t.i - tokens[0].i)))
        return Argument(
            role=typed,
            start=start,
            end=end,
            text=self.text[start:end],
            head=head.lemma_.lower(),
            entities=tuple(dict.fromkeys(e.entity for e in entities)),
            times=tuple(dict.fromkeys(times)),
            quantities=tuple(dict.fromkeys(quantities)),
        )

    def claim_at(self, start: int, end: int) -> Claim | None:
        position = bisect.bisect_right(self.claim_starts, start) - 1
        for claim in self.claims[max(0, position - 1) : position + 2]:
            if claim.start <= start < claim.end or start <= claim.start < end:
                return claim
        return None


_HYPHENATED_HEAD = re.compile(r"\w+[-‐]$")
_HYPHENATED_TAIL = re.compile(r"(?:[-‐]\w+)+")


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A span cut inside a hyphenated word ("a third co" of "a third co-worker") grown to the whole word."""
    tail = _HYPHENATED_TAIL.match(text, end) if end < len(text) and text[end - 1 : end].isalnum() else None
    if tail is not None:
        end = tail.end()
    head = (
        _HYPHENATED_HEAD.search(text, max(0, start - 40), start)
        if text[start : start + 1].isalnum()
        else None
    )
    if head is not None:
        start = head.start()
    return start, end


def _role(role: str, tokens: list[Token], labels: set[str], has_time: bool) -> Role:
    if has_time and role in ("other", "manner"):
        return "time"
    if role != "other":
        return role  # type: ignore[return-value]
    first = tokens[0].lower_
    if labels & PLACE_LABELS and first in PLACE_PREPOSITIONS:
        return "place"
    if first == "to" and "PERSON" in labels:
        return "recipient"
    if any(t.like_num for t in tokens):
        return "quantity"
    return "other"


def _min_words(found: Predicate) -> int:
    """Fewer words than this are no fact; a name and an age in apposition are one ("Nichols, 37")."""
    if found.speech:
        return MIN_SPEECH_WORDS
    complements = [words for role, words in found.arguments if role == "complement"]
    if found.attribute and any(all(t.like_num for t in words) for words in complements):
        return MIN_AGE_WORDS
    return MIN_FACT_WORDS


def _kind(found: Predicate) -> FactKind:
    if found.attribute:
        return "attribute"
    if found.speech:
        return "speech"
    if found.lemma in ("be", "have", "remain", "seem"):
        return "state"
    return "event"
