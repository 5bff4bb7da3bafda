"""Agreements (facts several articles state) and single-source facts (facts only one article states)."""

from __future__ import annotations

from corroborator.compare.align import AGREE_THRESHOLD, Alignment
from corroborator.compare.origins import Origins
from corroborator.compare.text import content_set, shorten
from corroborator.compare.units import Unit
from corroborator.types import Agreement, Evidence, SingleSourceFact

MIN_FACT_WORDS = 5
MIN_FACT_CONTENT_WORDS = 3


def evidence_of(unit: Unit) -> Evidence:
    return Evidence(unit.article, unit.start, unit.end, unit.text)


def agreements(alignment: Alignment, origins: Origins) -> list[Agreement]:
    """One agreement per aligned group, best supported first."""
    found = []
    for group, score in zip(alignment.groups, alignment.group_scores, strict=True):
        sources = origins.origins_of(group)
        found.append(
            Agreement(
                fact=shorten(min((u.text for u in group), key=len)),
                evidence=[evidence_of(u) for u in sorted(group, key=lambda u: (u.article, u.start))],
                score=round(score, 3),
                origins=sources,
                independent_origins=len(sources),
                single_origin=len(sources) == 1,
            )
        )
    return sorted(found, key=lambda a: (-len({e.article for e in a.evidence}), -a.score))


def is_substantive(unit: Unit) -> bool:
    """Long enough to state a fact (not a subheading or a "watch live" line)."""
    return len(unit.text.split()) >= MIN_FACT_WORDS and len(content_set(unit.text)) >= MIN_FACT_CONTENT_WORDS


def single_source_facts(alignment: Alignment, origins: Origins) -> list[SingleSourceFact]:
    """Units no other article states (their best match elsewhere is below the agreement threshold)."""
    if len({u.article for u in alignment.units}) < 2:
        return []
    grouped = {u.key for group in alignment.groups for u in group}
    found = []
    for unit in alignment.units:
        if unit.key in grouped or not is_substantive(unit):
            continue
        if alignment.best_against_others(unit) >= AGREE_THRESHOLD:
            continue
        found.append(
            SingleSourceFact(
                fact=shorten(unit.text),
                article=unit.article,
                evidence=[evidence_of(unit)],
                origins=[origins.origin_of(unit)],
            )
        )
    return found
