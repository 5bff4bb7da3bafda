"""Ranking single-source facts by what a fact-checker needs first: verifiable facts (names, numbers, dates,
places, attributed statements of fact, early in the report) before opinion, speculation, background and
colour, and before facts worded somewhat like another article's (they may be told there in other words).
Each ranked fact carries the reasons for its place."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from corroborator.types import Fact
from corroborator.types.facts import HYPOTHETICAL

OVERLAP_OF_SHOWN = 0.5
"""A fact lying this much inside a better-ranked fact of its article is not listed again."""
MAX_NAMES_COUNTED = 3
MIN_SHOWN = 0.15
"""Reasons that move the score less than this are not named."""
SPECULATIVE = frozenset({"may", "might", "could", "should", "hope", "want", "wish", HYPOTHETICAL})
"""Modalities that make a fact a possibility ("would" is left out: in reported speech it is a past future)."""
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
WEIGHTS = {
    "name": 0.6,
    "number": 1.2,
    "date": 0.5,
    "place": 0.2,
    "attribute": 0.3,
    "attributed": 0.6,
    "early": 1.05,
    "length": 0.6,
    "denial": 0.65,
    "state or background": -0.45,
    "speculation": -0.2,
    "opinion": -0.15,
}
"""Weights of a logistic model fitted on the single-source facts of the 24 stories of briefs_dev.jsonl
(label: the fact lies in the quote of a gold exclusive fact); `name` is per name (at most 3), `early` is
1 at the top of the report and 0 at its end, `length` the fact's words over 30 (at most 1)."""
LENGTH_SCALE = 30
LIKENESS_WEIGHT = 5.0
"""Taken off a fact's score per unit of its likeness to another article's words (its best fact pair score
or clause alignment score elsewhere, both below what makes it shared). Set on briefs_dev from 0, 3, 4, 5, 6
and 8 (gold exclusives in the first 5 against single-source items another article states) and checked on
the held-out gold, `bench/README.md`."""
LIKENESS_SHOWN = 0.4
"""From this likeness on (about the top quarter of single-source facts on briefs_dev) the reasons say so."""


def score_fact(fact: Fact, sentences: int, likeness: float = 0.0) -> tuple[float, list[str]]:
    """The fact's rank score and the reasons that make it, weightiest first; `likeness` is how near its
    words come to another article's (0 to 1)."""
    reasons: list[tuple[str, float]] = []
    names = min(MAX_NAMES_COUNTED, len(_own_entities(fact)))
    if names:
        reasons.append((f"names {names}" if names > 1 else "a name", WEIGHTS["name"] * names))
    if fact.quantities:
        reasons.append(("a number", WEIGHTS["number"]))
    if fact.times:
        reasons.append(("a date", WEIGHTS["date"]))
    if any(a.role == "place" for a in fact.arguments):
        reasons.append(("a place", WEIGHTS["place"]))
    if len(fact.attribution) > 1:
        reasons.append((f"attributed to {fact.attribution[0]}", WEIGHTS["attributed"]))
    if fact.negated:
        reasons.append(("a denial", WEIGHTS["denial"]))
    if fact.kind == "attribute":
        reasons.append(("who or what someone is", WEIGHTS["attribute"]))
    early = 1 - fact.sentence / max(1, sentences)
    reasons.append(
        ("early in the report" if early > 0.7 else "later in the report", WEIGHTS["early"] * early)
    )
    reasons.append(("detailed", WEIGHTS["length"] * min(1.0, len(fact.text.split()) / LENGTH_SCALE)))
    if fact.modality in SPECULATIVE:
        reasons.append((f"speculation ({fact.modality})", WEIGHTS["speculation"]))
    if _is_opinion(fact):
        reasons.append(("first-person opinion", WEIGHTS["opinion"]))
    if fact.kind == "state" and not (fact.quantities or fact.times):
        reasons.append(("state or background", WEIGHTS["state or background"]))
    score = sum(weight for _, weight in reasons) - LIKENESS_WEIGHT * likeness
    if likeness >= LIKENESS_SHOWN:
        reasons.append(("close to another report's wording", -LIKENESS_WEIGHT * likeness))
    return score, [
        why for why, weight in sorted(reasons, key=lambda r: -abs(r[1])) if abs(weight) >= MIN_SHOWN
    ]


def _own_entities(fact: Fact) -> set[str]:
    """The entities named in the fact's own words (not those of a subject it shares with another clause)."""
    return {
        key
        for argument in fact.arguments
        if fact.start <= argument.start and argument.end <= fact.end
        for key in argument.entities
    }


def _is_opinion(fact: Fact) -> bool:
    return any(a.role == "subject" and a.text.lower() in FIRST_PERSON for a in fact.arguments)


def ranked_single_source(
    facts: Sequence[Fact], limit: int | None, likeness: Sequence[float] | None = None
) -> Iterator[tuple[Fact, int, str]]:
    """(fact, rank within its article from 1, why) for each article's facts, best first, without facts
    that repeat a better one's words; the first `limit` of each article (all when None). `likeness`, one
    a fact, is how near each fact's words come to another article's."""
    by_article: dict[str, list[tuple[Fact, float]]] = {}
    for fact, like in zip(facts, likeness if likeness is not None else [0.0] * len(facts), strict=True):
        by_article.setdefault(fact.article, []).append((fact, like))
    for article_facts in by_article.values():
        sentences = max(f.sentence for f, _ in article_facts) + 1
        scored = sorted(
            ((score_fact(f, sentences, like), f) for f, like in article_facts),
            key=lambda sf: (-sf[0][0], sf[1].start),
        )
        shown: list[Fact] = []
        for (_, reasons), fact in scored:
            if limit is not None and len(shown) >= limit:
                break
            if any(_share(fact, other) >= OVERLAP_OF_SHOWN for other in shown):
                continue
            shown.append(fact)
            yield fact, len(shown), "; ".join(reasons)


def _share(fact: Fact, other: Fact) -> float:
    inside = max(0, min(fact.end, other.end) - max(fact.start, other.start))
    return inside / max(1, min(fact.end - fact.start, other.end - other.start))
