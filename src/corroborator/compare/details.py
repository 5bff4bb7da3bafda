"""Agreed details: the numbers, dates and places inside an agreed fact that several articles give alike.

A fact of one sentence often carries several checkable facts ("Judge Bodiford sentenced Nichols to seven
consecutive life sentences on Saturday in Atlanta": the sentence, the count, the day, the place). The articles
of an agreement may agree on some of them and not give others, so each detail they share is listed on its
own, with the words that give it in each article: a figure counting one thing (`compare.measures`: "about 200
feet" and "around 200ft"; not "seven firefighters" and "seven engines"), one date, one place."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from corroborator.compare.entities_table import EntityClusters
from corroborator.compare.measures import measure
from corroborator.facts.spans import S, SpansWithin
from corroborator.types import Analysis, EntityMention, Evidence, Fact, Quantity, TimeExpr

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
VAGUE_TIMES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
COVERED = 0.8
"""A detail whose words are this much of its fact's words in every article adds nothing to the fact."""


@dataclass(frozen=True)
class Detail:
    """One number, date or place an agreed fact's articles give alike, one mention an article."""

    kind: str
    """`number`, `date` or `place`."""
    facts: tuple[Fact, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class _Value:
    kind: str
    """`number`, `date` or `place`."""
    key: Hashable
    """What two mentions of one kind must have in common: what a figure counts and its size in the base
    unit, a date's value, a place's entity cluster."""
    evidence: Evidence


class ValueMentions:
    """Each article's figures, dates and places, found by the words of a fact."""

    def __init__(self, analyses: Sequence[Analysis], clusters: EntityClusters) -> None:
        self.clusters = clusters
        self.quantities = {a.article_id: SpansWithin(a.quantities) for a in analyses}
        self.times = {a.article_id: SpansWithin(a.times) for a in analyses}
        self.places = {
            a.article_id: SpansWithin([m for m in a.entities if m.label in PLACE_LABELS]) for a in analyses
        }

    def within(self, fact: Fact) -> list[_Value]:
        """The figures, dates and places in the fact's words, in the order of the words."""
        found = [
            *(self._number(fact, q) for q in self._in(self.quantities, fact) if q.value),
            *(self._date(fact, t) for t in self._in(self.times, fact) if _dated(t)),
            *(self._place(fact, m) for m in self._in(self.places, fact)),
        ]
        return sorted(found, key=lambda v: v.evidence.start)

    @staticmethod
    def _in(index: dict[str, SpansWithin[S]], fact: Fact) -> list[S]:
        spans = index.get(fact.article)
        return spans.within(fact.start, fact.end) if spans is not None else []

    @staticmethod
    def _number(fact: Fact, quantity: Quantity) -> _Value:
        counted, size = measure(quantity)
        key = (counted, round((quantity.value or 0.0) * size, 3))
        return _Value("number", key, _evidence(fact, quantity))

    @staticmethod
    def _date(fact: Fact, time: TimeExpr) -> _Value:
        return _Value("date", time.value, _evidence(fact, time))

    def _place(self, fact: Fact, mention: EntityMention) -> _Value:
        return _Value("place", self.clusters.of(mention.entity), _evidence(fact, mention))


def agreed_details(group: Sequence[Fact], mentions: ValueMentions) -> list[Detail]:
    """The details at least two articles of `group` (one fact an article) give alike, in the order of the
    first fact's words; each article's first mention of a detail is its evidence."""
    by_key: dict[tuple[str, Hashable], dict[str, tuple[Fact, _Value]]] = {}
    for fact in group:
        for value in mentions.within(fact):
            by_key.setdefault((value.kind, value.key), {}).setdefault(fact.article, (fact, value))
    found = []
    for (kind, _), picked in by_key.items():
        if len(picked) < 2 or all(_covers(value, fact) for fact, value in picked.values()):
            continue
        facts, values = zip(*picked.values(), strict=True)
        found.append(Detail(kind, tuple(facts), tuple(v.evidence for v in values)))
    return found


def _evidence(fact: Fact, mention: Quantity | TimeExpr | EntityMention) -> Evidence:
    return Evidence(fact.article, mention.start, mention.end, mention.text)


def _dated(time: TimeExpr) -> bool:
    """A time with a value, not a vague one ("now", "for years": `P` with `X`), nor one whose weekday does
    not fit its date ("Thursday (August 4)" is no agreement with "Friday")."""
    value = time.value or ""
    vague = value in VAGUE_TIMES or (value.startswith("P") and "X" in value)
    return bool(value) and not vague and not any(f.startswith("weekday_mismatch") for f in time.flags)


def _covers(value: _Value, fact: Fact) -> bool:
    return value.evidence.end - value.evidence.start >= COVERED * (fact.end - fact.start)
