"""Pair signals between two articles: how alike their wording, meaning, entities, dates and numbers are."""

from __future__ import annotations

import functools
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
    "main_person_conflict",
    "main_place_conflict",
    "main_same",
    "main_person_differs",
    "number_conflict",
    "undated_meaning",
    "undated_wording",
    "lead_unmatched",
    "weekday_conflict",
    "lead_wording",
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
    left_lead: dict[str, float] | None = None,
) -> dict[str, float]:
    """All signals for one pair, each a float (indicators are 0/1). `wording` and the TF-IDF vector of the
    left article's lead (`left_lead`, see `lead_terms`) may be given precomputed."""
    if wording is None:
        wording = sparse_cosine(
            left_terms if left_terms is not None else context.terms.weigh(left.terms),
            right_terms if right_terms is not None else context.terms.weigh(right.terms),
        )
    ents = context.entities
    gap = nearest_gap(left.dates, right.dates)
    left_year, right_year = left.main_year, right.main_year
    number_total = math.sqrt(len(left.numbers) * len(right.numbers))
    lead = left_lead if left_lead is not None else lead_terms(left, context)
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
        "lead_wording": context.terms.cosine_to(
            lead, right.lead_counts, context.terms.norm(right.lead_counts)
        ),
        "undated_meaning": meaning * float(gap is None),
        "undated_wording": wording * float(gap is None),
    } | contrast_signals(left, right)


def contrast_signals(left: ArticleProfile, right: ArticleProfile) -> dict[str, float]:
    """Signs of two similar but different events: another main person or place, other figures for the
    same unit, names in one opening that the other article never mentions, other weekdays."""
    left_main, right_main = left.main_names, right.main_names
    return {
        "main_person_conflict": _main_conflict(left, right, "p:"),
        "main_place_conflict": _main_conflict(left, right, "g:"),
        "main_same": float(any(left_main.get(kind) == name for kind, name in right_main.items())),
        "main_person_differs": _main_differs(left_main, right_main, "p:"),
        "number_conflict": _number_conflict(left.numbers_by_unit, right.numbers_by_unit),
        "lead_unmatched": _lead_unmatched(left, right),
        "weekday_conflict": float(
            bool(left.weekdays and right.weekdays and not left.weekdays & right.weekdays)
        ),
    } | event_signals(left, right)


def event_signals(left: ArticleProfile, right: ArticleProfile) -> dict[str, float]:
    """Whether the two openings tell one event: a verb of one related to a verb of the other
    (`event_same`), opposite verbs ("begins" / "ends": `event_opposite`), or events that are neither
    (`event_differs`); all 0 when either opening has no event."""
    if not left.events or not right.events:
        return dict(NO_EVENT)
    same, opposite = _events_relation(tuple(left.events), tuple(right.events))
    return {"event_same": float(same), "event_opposite": float(opposite), "event_differs": float(not same)}


NO_EVENT = {"event_same": 0.0, "event_opposite": 0.0, "event_differs": 0.0}


@functools.lru_cache(maxsize=65536)
def _events_relation(left: tuple[str, ...], right: tuple[str, ...]) -> tuple[bool, bool]:
    """(related, opposite) of two openings' events."""
    from corroborator.lexicon import opposite_verbs, related_verbs

    pairs = [(a, b) for a in left for b in right]
    same = any(related_verbs(a, b) for a, b in pairs)
    opposite = not same and any(opposite_verbs(a, b) or opposite_verbs(b, a) for a, b in pairs)
    return same, opposite


def lead_terms(profile: ArticleProfile, context: PairContext) -> dict[str, float]:
    """Unit TF-IDF vector of the content words of an article's lead (title and opening)."""
    return context.terms.weigh(profile.lead_counts)


def _main_conflict(left: ArticleProfile, right: ArticleProfile, kind: str) -> float:
    """1 when each article's main person (or place) is absent from the other article."""
    left_main, right_main = left.main_names.get(kind), right.main_names.get(kind)
    if left_main is None or right_main is None:
        return 0.0
    return float(f"{kind}{left_main}" not in right.name_keys and f"{kind}{right_main}" not in left.name_keys)


def _main_differs(left_main: dict[str, str], right_main: dict[str, str], kind: str) -> float:
    """1 when both articles have a main person (or place) and it is not the same one, even if each
    article also mentions the other's (a follow-up naming an earlier, similar event)."""
    left_name, right_name = left_main.get(kind), right_main.get(kind)
    return float(left_name is not None and right_name is not None and left_name != right_name)


def _number_conflict(left: dict[str, frozenset[str]], right: dict[str, frozenset[str]]) -> float:
    """Share of units both articles count in whose values differ entirely (e.g. "5.6" vs "5.9" magnitude)."""
    shared = left.keys() & right.keys()
    if not shared:
        return 0.0
    return sum(not left[unit] & right[unit] for unit in shared) / len(shared)


def _lead_unmatched(left: ArticleProfile, right: ArticleProfile) -> float:
    """Share of the names in either opening that the other article never mentions."""
    if not left.lead_names or not right.lead_names:
        return 0.0
    missing = len(left.lead_names - right.name_keys) + len(right.lead_names - left.name_keys)
    return missing / (len(left.lead_names) + len(right.lead_names))


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
