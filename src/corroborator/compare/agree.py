"""Agreements (one fact several articles state, one span an article) and single-source facts (facts no
other article states in any wording), from the fact alignment."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from corroborator.compare.details import ValueMentions, agreed_details
from corroborator.compare.fact_align import RELATED_THRESHOLD, FactAlignment
from corroborator.compare.origins import Origins
from corroborator.compare.rank import ranked_single_source
from corroborator.compare.text import content_set, is_number, shorten
from corroborator.compare.units import Unit
from corroborator.types import Agreement, Argument, Evidence, Fact, SingleSourceFact

CLAUSE_SHARED = 0.5
"""A clause aligned this well with another article's clause (`compare.align`) is shared, whatever facts the
parser read in it."""
OVERLAP_OF_AGREED = 0.5
"""A fact lying this much inside an agreed fact's words is not reported as single-source."""
RELATIVE_START = re.compile(r"(?:which|who|whom|whose|that|where|when)\b", re.I)
MAX_SUBJECT_WORDS = 8
"""A shared subject longer than this is not put before a fact's words."""
BARE_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those"})
"""Subjects that name nothing by themselves: a fact whose subject is one of these does not stand alone."""
MIN_CONTENT_WORDS = 2
"""An agreement states something: a fact of fewer content words ("what they say", "It is expected", "He
is the second") is a fragment, however many articles repeat it."""


def fact_evidence(fact: Fact) -> Evidence:
    return Evidence(fact.article, fact.start, fact.end, fact.text)


class UnitLookup:
    """The clause unit each fact lies in (for its attribution chain and origin)."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self.by_article: dict[str, list[Unit]] = {}
        for unit in units:
            self.by_article.setdefault(unit.article, []).append(unit)
        self.starts = {a: [u.start for u in us] for a, us in self.by_article.items()}

    def unit_of(self, fact: Fact) -> Unit | None:
        units = self.by_article.get(fact.article, [])
        position = bisect.bisect_right(self.starts.get(fact.article, []), fact.predicate_start) - 1
        candidates = units[max(0, position - 1) : position + 2]
        return max(candidates, key=lambda u: _overlap(u.start, u.end, fact.start, fact.end), default=None)


def _overlap(start: int, end: int, other_start: int, other_end: int) -> int:
    return max(0, min(end, other_end) - max(start, other_start))


def agreements(
    alignment: FactAlignment, origins: Origins, lookup: UnitLookup, mentions: ValueMentions
) -> list[Agreement]:
    """One agreement per group of aligned facts that states something (MIN_CONTENT_WORDS), most widely
    stated and best supported first, each followed by its agreed details (`compare.details`)."""
    found = []
    for group, score in zip(alignment.groups, alignment.group_scores, strict=True):
        group = [f for f in group if states_something(f)]
        if len({f.article for f in group}) < 2:
            continue
        evidence = [fact_evidence(f) for f in group]
        whole = _agreement(shorten(statement_of(group)), group, evidence, round(score, 3), origins, lookup)
        found.append((whole, agreed_details(group, mentions)))
    found.sort(key=lambda wd: (-len({e.article for e in wd[0].evidence}), -wd[0].score))
    listed: list[Agreement] = []
    for whole, details in found:
        part_of = len(listed)
        listed.append(whole)
        listed += [
            _agreement(
                min((e.text for e in d.evidence), key=len),
                d.facts,
                list(d.evidence),
                whole.score,
                origins,
                lookup,
                detail=d.kind,
                part_of=part_of,
            )
            for d in details
        ]
    return listed


def _agreement(
    statement: str,
    facts: Sequence[Fact],
    evidence: list[Evidence],
    score: float,
    origins: Origins,
    lookup: UnitLookup,
    detail: str | None = None,
    part_of: int | None = None,
) -> Agreement:
    """An agreement on `statement` with the origins of the clauses its facts lie in."""
    units = [u for u in (lookup.unit_of(f) for f in facts) if u is not None]
    sources = origins.origins_of(units)
    return Agreement(
        fact=statement,
        evidence=evidence,
        score=score,
        origins=sources,
        independent_origins=len(sources),
        single_origin=len(sources) == 1,
        detail=detail,
        part_of=part_of,
    )


def states_something(fact: Fact) -> bool:
    """Not a fragment: two content words, or a number or date ("which has caused", "he was traveling",
    "the Angels are" are fragments; "killing two of them", "Lo Presti, 52" are not)."""
    if len(content_set(fact.text)) >= MIN_CONTENT_WORDS:
        return True
    return bool(fact.quantities or fact.times) or any(is_number(w) for w in fact.text.split())


def statement_of(group: Sequence[Fact]) -> str:
    """The words that state an agreed fact: the shortest of the group's facts that stands alone (a subject
    of its own, not a relative clause: "police negotiated with a suspect", not "negotiated with the
    suspect" or "which had at least a dozen people"), else the shortest shown after a subject it shares
    with its clause ("Qeshm … has a population of more than 100,000"), else the shortest."""
    whole = [f for f in group if _stands_alone(f)]
    if whole:
        return min((f.text for f in whole), key=len)
    by_length = sorted(group, key=lambda f: len(f.text))
    for fact in by_length:
        said = with_subject(fact)
        if said != fact.text:
            return said
    return by_length[0].text


def with_subject(fact: Fact) -> str:
    """The fact's words, after the subject it shares with the clause it hangs off when none of its own is
    in them ("Police … surrounded the building", "NYPD officers … killed the teen late Saturday night")."""
    if _stands_alone(fact):
        return fact.text
    subject = next((a for a in fact.arguments if a.role == "subject" and not _inside(a, fact)), None)
    if subject is None or len(subject.text.split()) > MAX_SUBJECT_WORDS:
        return fact.text
    return fact.text if RELATIVE_START.fullmatch(subject.text) else f"{subject.text} … {fact.text}"


def _inside(argument: Argument, fact: Fact) -> bool:
    return fact.start <= argument.start and argument.end <= fact.end


def _stands_alone(fact: Fact) -> bool:
    """A subject of its own in its words, not a bare pronoun: the doer, or the thing a passive verb tells of
    ("A supermarket ... has been destroyed"; not "it has a population of ...")."""
    if RELATIVE_START.match(fact.text):
        return False
    return any(
        a.start >= fact.start and _subject_like(a, fact) and a.text.casefold() not in BARE_PRONOUNS
        for a in fact.arguments
    )


def _subject_like(argument: Argument, fact: Fact) -> bool:
    return argument.role == "subject" or (argument.role == "object" and argument.end <= fact.predicate_start)


def single_source_facts(
    alignment: FactAlignment,
    origins: Origins,
    lookup: UnitLookup,
    clause_best: Callable[[Unit], float],
    limit: int | None = None,
) -> list[SingleSourceFact]:
    """Facts no other article states, ranked per article by what a fact-checker needs first; the first
    `limit` of each article (all when None). A fact is not single-source when its best match in another
    article is related, nor when the clause it lies in is worded like a clause of another article
    (`clause_best`: the clause's best alignment score elsewhere); the nearer either comes, the lower the
    fact ranks."""
    if len({f.article for f in alignment.facts}) < 2:
        return []
    agreed = _agreed_spans(alignment)
    lonely: list[Fact] = []
    likeness: list[float] = []
    for position, fact in enumerate(alignment.facts):
        best = alignment.best_elsewhere.get(position, 0.0)
        if best >= RELATED_THRESHOLD or _inside_agreed(fact, agreed):
            continue
        unit = lookup.unit_of(fact)
        clause = clause_best(unit) if unit is not None else 0.0
        if clause < CLAUSE_SHARED:
            lonely.append(fact)
            likeness.append(max(best, clause))
    found = []
    for fact, rank, why in ranked_single_source(lonely, limit, likeness):
        unit = lookup.unit_of(fact)
        found.append(
            SingleSourceFact(
                fact=shorten(with_subject(fact)),
                article=fact.article,
                evidence=[fact_evidence(fact)],
                origins=origins.origins_of([unit]) if unit is not None else [],
                rank=rank,
                why=why,
            )
        )
    return found


def _agreed_spans(alignment: FactAlignment) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for group in alignment.groups:
        for fact in group:
            spans.setdefault(fact.article, []).append((fact.start, fact.end))
    return spans


def _inside_agreed(fact: Fact, agreed: dict[str, list[tuple[int, int]]]) -> bool:
    length = max(1, fact.end - fact.start)
    return any(
        _overlap(start, end, fact.start, fact.end) / length >= OVERLAP_OF_AGREED
        for start, end in agreed.get(fact.article, ())
    )
