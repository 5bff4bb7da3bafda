"""Pair signals between two articles: how alike their wording, meaning, entities, dates and numbers are."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

from corroborator.stories.profile import ArticleProfile
from corroborator.stories.vocab import StreamingIdf, sparse_cosine

SIGNALS = (
    "wording",
    "meaning",
    "people",
    "places",
    "orgs",
    "people_missing",
    "places_missing",
    "dates_shared",
    "date_gap",
    "dates_missing",
    "year_same",
    "year_differs",
    "numbers",
    "focus",
    "lead_names",
    "lead_conflict",
)
FAR_DAYS = 60.0


@dataclass
class PairContext:
    """What pair signals are computed against: the vocabularies of everything seen so far."""

    terms: StreamingIdf
    entities: StreamingIdf


def _days(iso: str) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def nearest_gap(left: set[str], right: set[str]) -> float | None:
    """The smallest distance in days between a date of `left` and a date of `right`."""
    left_days = sorted(d for d in map(_days, left) if d is not None)
    right_days = sorted(d for d in map(_days, right) if d is not None)
    if not left_days or not right_days:
        return None
    return float(min(abs(a - b) for a in left_days for b in right_days))


def _tagged(prefix: str, names: set[str]) -> set[str]:
    return {f"{prefix}:{name}" for name in names}


def pair_signals(
    left: ArticleProfile,
    right: ArticleProfile,
    context: PairContext,
    meaning: float,
    left_terms: dict[str, float] | None = None,
    right_terms: dict[str, float] | None = None,
    wording: float | None = None,
) -> dict[str, float]:
    """All signals for one pair, each a float (indicators are 0/1). `wording` may be given precomputed."""
    if wording is None:
        wording = sparse_cosine(
            left_terms if left_terms is not None else context.terms.weigh(left.terms),
            right_terms if right_terms is not None else context.terms.weigh(right.terms),
        )
    ents = context.entities
    gap = nearest_gap(left.dates, right.dates)
    left_year, right_year = left.main_year, right.main_year
    number_total = math.sqrt(len(left.numbers) * len(right.numbers))
    return {
        "wording": wording,
        "meaning": meaning,
        "people": ents.overlap(_tagged("p", left.surnames), _tagged("p", right.surnames)),
        "places": ents.overlap(_tagged("g", left.places), _tagged("g", right.places)),
        "orgs": ents.overlap(_tagged("o", left.orgs | left.others), _tagged("o", right.orgs | right.others)),
        "people_missing": float(not left.surnames or not right.surnames),
        "places_missing": float(not left.places or not right.places),
        "dates_shared": float(bool(left.dates & right.dates)),
        "date_gap": 0.0 if gap is None else min(1.0, math.log1p(gap) / math.log1p(FAR_DAYS)),
        "dates_missing": float(gap is None),
        "gap_days": -1.0 if gap is None else gap,
        "year_same": float(left_year is not None and left_year == right_year),
        "year_differs": float(left_year is not None and right_year is not None and left_year != right_year),
        "numbers": len(left.numbers & right.numbers) / number_total if number_total else 0.0,
        "focus": count_cosine(left.mentions, right.mentions),
        "lead_names": ents.overlap(left.lead_names, right.lead_names),
        "lead_conflict": float(
            bool(left.lead_names and right.lead_names and not left.lead_names & right.lead_names)
        ),
    }


def count_cosine(left: Counter[str], right: Counter[str]) -> float:
    """Cosine of two count vectors (0 when either is empty)."""
    dot = sum(count * right[key] for key, count in left.items() if key in right)
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(c * c for c in left.values()) * sum(c * c for c in right.values()))


def shared_evidence(left: ArticleProfile, right: ArticleProfile, top_words: int = 8) -> dict[str, list[str]]:
    """What two articles have in common, for `--explain`: people, places, dates, numbers and wording."""
    common_terms = sorted(
        left.terms.keys() & right.terms.keys(), key=lambda t: -(left.terms[t] + right.terms[t])
    )
    return {
        "people": sorted(left.people & right.people) or sorted(left.surnames & right.surnames),
        "places": sorted(left.places & right.places),
        "organisations": sorted((left.orgs | left.others) & (right.orgs | right.others)),
        "dates": sorted(left.dates & right.dates),
        "numbers": sorted(left.numbers & right.numbers),
        "wording": common_terms[:top_words],
    }
