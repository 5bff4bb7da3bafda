"""Discrepancies: where aligned claims differ in a fact, and where one article contradicts the calendar."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Collection

from corroborator.compare.align import AGREE_THRESHOLD, IDENTICAL_THRESHOLD, Alignment, Pair, is_best_pair
from corroborator.compare.diffs import Difference, differences, negation_differs
from corroborator.compare.entities_table import EntityClusters
from corroborator.compare.text import WEEKDAYS, is_negation, shorten, tokens, wording
from corroborator.compare.units import Unit
from corroborator.types import Article, Discrepancy, DiscrepancyKind, Evidence, Quote, TimeExpr

SEVERITY: dict[DiscrepancyKind, int] = {
    "polarity": 5,
    "number": 4,
    "date": 4,
    "entity": 4,
    "attribution": 3,
    "time": 3,
    "weekday_mismatch": 3,
    "quote": 2,
    "detail": 2,
    "update": 1,
}
SLOT_KINDS = frozenset({"number", "date", "time"})
"""Kinds of discrepancy a conflict between aligned facts (`fact_conflicts`, `fact_dates`) also finds."""
POLARITY_MIN_SCORE = 0.6
QUOTE_SAME_RATIO = 0.98
QUOTE_RELATED_RATIO = 0.5
ATTRIBUTION_SAME_RATIO = 0.8
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ABSOLUTE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)

_WEEKDAY = re.compile(rf"\b(?:{'|'.join(sorted(WEEKDAYS))})\b", re.IGNORECASE)
_SPACED_APOSTROPHE = re.compile(r"(?<=\w)\s*'\s*(?=(?:s|t|re|ve|ll|d|m)\b)")

Namer = Callable[[str], str]


def find_discrepancies(
    articles: list[Article],
    alignment: Alignment,
    clusters: EntityClusters,
    name: Namer,
    copies: Collection[str] = frozenset(),
    told_twice: Callable[[Discrepancy], bool] | None = None,
) -> list[Discrepancy]:
    """All discrepancies of a story, merged by what differs, most severe first.

    `copies` names the articles that copy another article of the story. A copy's own clauses are checked
    against the articles that are not copies, not against other copies: each copy's edit is reported
    against the text it republishes, and the work stays linear in the number of copies (a thousand copies
    that each add a line such as "Updated (N)" would otherwise differ pairwise, a million discrepancies).
    `told_twice(discrepancy)`: whether it stands between one fact told twice; a difference between facts
    that are not one fact is no discrepancy. Dates that differ only as relative words ("today" against
    "Wednesday") in an article without a date of its own are no discrepancy either."""
    found: dict[tuple[str, ...], Discrepancy] = {}
    undated = {a.id for a in articles if not a.published_date}
    for pair in candidate_pairs(alignment):
        if pair.left.article in copies and pair.right.article in copies:
            continue
        for discrepancy in pair_discrepancies(pair, clusters, name):
            if (told_twice is None or told_twice(discrepancy)) and _anchored(discrepancy, undated):
                _merge(found, discrepancy)
    texts = {a.id: a.text for a in articles}
    flagged = [
        found_here
        for unit in alignment.units
        for time in unit.times
        if (found_here := weekday_mismatch(unit.article, time, texts[unit.article], name)) is not None
    ]
    for discrepancy in _widest(flagged):
        _merge(found, discrepancy)
    return sorted(
        found.values(), key=lambda d: (-d.severity, d.kind, d.evidence[0].start if d.evidence else 0)
    )


def with_conflicts(found: list[Discrepancy], conflicts: list[Discrepancy]) -> list[Discrepancy]:
    """`found` and the conflicts of aligned facts (the caller orders them). A conflict of aligned facts
    replaces a figure or date found in the words at the same spans: it knows which figure or date of each
    fact counts or dates one thing ("November 19" against "November 18", not the "November 2" of another
    moment against "18")."""
    spans = {(e.article, e.start, e.end) for c in conflicts for e in c.evidence}
    kept = [d for d in found if d.kind not in SLOT_KINDS or not any(_overlaps(e, spans) for e in d.evidence)]
    spans = {(e.article, e.start, e.end) for d in kept for e in d.evidence}
    return [*kept, *(c for c in conflicts if not any(_overlaps(e, spans) for e in c.evidence))]


def _overlaps(evidence: Evidence, spans: set[tuple[str, int, int]]) -> bool:
    return any(a == evidence.article and s < evidence.end and evidence.start < t for a, s, t in spans)


def _anchored(discrepancy: Discrepancy, undated: set[str]) -> bool:
    """A date or time discrepancy whose words in an undated article are relative ("today" against
    "Wednesday") compares guesses, not statements: only dates written out (a digit or a month) count there,
    or a weekday against another weekday ("signed on Tuesday" / "on Monday": one event, two days)."""
    if discrepancy.kind not in ("date", "time"):
        return True
    if discrepancy.kind == "date" and all(_WEEKDAY.search(e.text) for e in discrepancy.evidence):
        return True
    return all(e.article not in undated or _ABSOLUTE.search(e.text) is not None for e in discrepancy.evidence)


def candidate_pairs(alignment: Alignment) -> list[Pair]:
    """Pairs worth checking: best matches of their units, and not where a unit has a word-for-word twin."""
    twins: set[tuple[int, str]] = set()
    for pair in alignment.pairs:
        if pair.score >= IDENTICAL_THRESHOLD and wording(pair.left.text) == wording(pair.right.text):
            twins |= {(pair.left.key, pair.right.article), (pair.right.key, pair.left.article)}
    kept = []
    for pair in alignment.pairs:
        if not is_best_pair(alignment, pair):
            continue
        if (pair.left.key, pair.right.article) in twins or (pair.right.key, pair.left.article) in twins:
            continue
        kept.append(pair)
    return kept


def pair_discrepancies(pair: Pair, clusters: EntityClusters, name: Namer) -> list[Discrepancy]:
    left, right = pair.left, pair.right
    found = [_from_difference(d, left, right, name) for d in differences(left, right, clusters)]
    if pair.score >= POLARITY_MIN_SCORE and negation_differs(left, right):
        found.append(_polarity(left, right, name))
    quoted = _quote_discrepancy(left, right, clusters, name)
    if quoted is not None and quoted.kind == "attribution":
        found = [d for d in found if d.kind != "entity"]
        found.append(quoted)
    elif quoted is not None and not found:
        found.append(quoted)
    if pair.score >= AGREE_THRESHOLD and not any(d.kind == "date" for d in found):
        found.extend(_date_sets(left, right, name))
    return found


def _span_text(unit: Unit, start: int, end: int) -> str:
    return unit.text[start - unit.start : end - unit.start]


def _from_difference(diff: Difference, left: Unit, right: Unit, name: Namer) -> Discrepancy:
    start_a, end_a = diff.left[0].start, diff.left[-1].end
    start_b, end_b = diff.right[0].start, diff.right[-1].end
    if diff.kind == "detail":
        start_a, start_b = diff.left[-1].start, diff.right[-1].start
        end_a, end_b = _extend_to_head(left, end_a), _extend_to_head(right, end_b)
    text_a, text_b = _span_text(left, start_a, end_a), _span_text(right, start_b, end_b)
    what = {"number": "numbers", "date": "dates", "time": "times", "entity": "names", "detail": "details"}
    explanation = (
        f'{what.get(diff.kind, diff.kind)} differ: {name(left.article)} says "{text_a}", '
        f'{name(right.article)} says "{text_b}"'
    )
    return Discrepancy(
        diff.kind,
        explanation,
        SEVERITY[diff.kind],
        [Evidence(left.article, start_a, end_a, text_a), Evidence(right.article, start_b, end_b, text_b)],
    )


def _extend_to_head(unit: Unit, end: int) -> int:
    following = tokens(unit.text[end - unit.start :], end)
    return following[0].end if following else end


def _polarity(left: Unit, right: Unit, name: Namer) -> Discrepancy:
    negated, affirmed = (left, right) if left.negated or _has_negation(left) else (right, left)
    explanation = (
        f'{name(negated.article)} denies what {name(affirmed.article)} affirms: "{shorten(negated.text, 90)}"'
    )
    return Discrepancy(
        "polarity",
        explanation,
        SEVERITY["polarity"],
        [_whole(left), _whole(right)],
    )


def _has_negation(unit: Unit) -> bool:
    return any(is_negation(t.text) for t in tokens(unit.text))


def _whole(unit: Unit) -> Evidence:
    return Evidence(unit.article, unit.start, unit.end, unit.text)


def _quote_discrepancy(left: Unit, right: Unit, clusters: EntityClusters, name: Namer) -> Discrepancy | None:
    if left.quote is None or right.quote is None:
        return None
    ratio = difflib.SequenceMatcher(
        None, quote_wording(left.quote.content.text), quote_wording(right.quote.content.text)
    ).ratio()
    speaker_a, speaker_b = left.quote.speaker_entity, right.quote.speaker_entity
    if (
        speaker_a
        and speaker_b
        and not _same_speaker(left.quote, right.quote, clusters)
        and ratio >= ATTRIBUTION_SAME_RATIO
    ):
        explanation = (
            f"the same statement is credited to {speaker_a} by {name(left.article)} "
            f"and to {speaker_b} by {name(right.article)}"
        )
        return Discrepancy("attribution", explanation, SEVERITY["attribution"], _quote_evidence(left, right))
    if _is_excerpt(left.quote.content.text, right.quote.content.text):
        return None
    both_direct = left.quote.kind == "direct" and right.quote.kind == "direct"
    same_speaker = bool(speaker_a and speaker_b and clusters.same(speaker_a, speaker_b))
    if both_direct and same_speaker and QUOTE_RELATED_RATIO <= ratio < QUOTE_SAME_RATIO:
        explanation = (
            f"{speaker_a} is quoted in different words by {name(left.article)} and {name(right.article)}"
        )
        return Discrepancy("quote", explanation, SEVERITY["quote"], _quote_evidence(left, right))
    return None


def _same_speaker(first: Quote, second: Quote, clusters: EntityClusters) -> bool:
    """One entity, one person named with and without a title ("Dave Gaskin", "Inspector Gaskin"), or one
    speaker phrase whose entity was read differently ("Representatives at several Apple Stores in the United
    States" gives "Apple Stores" once and "United States" once)."""
    if (
        first.speaker_entity
        and second.speaker_entity
        and clusters.same(first.speaker_entity, second.speaker_entity)
    ):
        return True
    if _surname(first.speaker_entity) and _surname(first.speaker_entity) == _surname(second.speaker_entity):
        return True
    phrase_a = first.speaker.text.casefold() if first.speaker else ""
    phrase_b = second.speaker.text.casefold() if second.speaker else ""
    if phrase_a and phrase_a == phrase_b:
        return True
    return bool(
        (first.speaker_entity and first.speaker_entity.casefold() in phrase_b)
        or (second.speaker_entity and second.speaker_entity.casefold() in phrase_a)
    )


def _surname(name: str | None) -> str:
    """The last word of a person's name as written ("Gaskin" of "Inspector Dave Gaskin"), or ""."""
    words = (name or "").split()
    return words[-1].casefold() if len(words) > 1 and words[-1][:1].isupper() else ""


def quote_wording(text: str) -> str:
    """A quotation's words, lower case, whatever its typography: curly or straight quotes and apostrophes,
    dashes, and the spaces some sites put around an apostrophe ("the third time ’ s the charm")."""
    return wording(_SPACED_APOSTROPHE.sub("'", text.replace("’", "'")))


def _is_excerpt(first: str, second: str) -> bool:
    """One quotation is the other cut short: every word of the shorter appears, in order, in the longer."""
    short, long = sorted((quote_wording(first).split(), quote_wording(second).split()), key=len)
    words = iter(long)
    return all(word in words for word in short)


def _quote_evidence(left: Unit, right: Unit) -> list[Evidence]:
    """The quoted words in both articles, and the speakers as each names them."""
    found = []
    for unit in (left, right):
        assert unit.quote is not None
        content, speaker = unit.quote.content, unit.quote.speaker
        found.append(Evidence(unit.article, content.start, content.end, content.text))
        if speaker is not None:
            found.append(Evidence(unit.article, speaker.start, speaker.end, speaker.text))
    return found


def _full_dates(unit: Unit) -> dict[str, TimeExpr]:
    return {t.value: t for t in unit.times if t.type == "DATE" and t.value and _FULL_DATE.match(t.value)}


def _date_sets(left: Unit, right: Unit, name: Namer) -> list[Discrepancy]:
    """Aligned clauses that each date their event to one day, and to different days."""
    dates_a, dates_b = _full_dates(left), _full_dates(right)
    if len(dates_a) != 1 or len(dates_b) != 1 or set(dates_a) & set(dates_b):
        return []
    time_a, time_b = next(iter(dates_a.values())), next(iter(dates_b.values()))
    if "inferred" in time_a.flags or "inferred" in time_b.flags:
        return []
    return [date_discrepancy("dates differ", (left.article, time_a), (right.article, time_b), name)]


def date_discrepancy(
    what: str, first: tuple[str, TimeExpr], second: tuple[str, TimeExpr], name: Namer
) -> Discrepancy:
    """A `date` discrepancy between two articles' dates, each (article, time): `what`, then what each
    article says ("dates differ: Reuters says "Thursday" (2023-08-03), ...")."""
    (article_a, time_a), (article_b, time_b) = first, second
    explanation = (
        f'{what}: {name(article_a)} says "{time_a.text}" ({time_a.value}), '
        f'{name(article_b)} says "{time_b.text}" ({time_b.value})'
    )
    evidence = [
        Evidence(article_a, time_a.start, time_a.end, time_a.text),
        Evidence(article_b, time_b.start, time_b.end, time_b.text),
    ]
    return Discrepancy("date", explanation, SEVERITY["date"], evidence)


def weekday_mismatch(article: str, time: TimeExpr, text: str, name: Namer) -> Discrepancy | None:
    """A weekday that does not fit the date it is given with ("Thursday (August 4)" in 2023)."""
    flags = [f for f in time.flags if f.startswith("weekday_mismatch")]
    if not flags:
        return None
    start, end = _with_weekday(time, text)
    quoted = text[start:end]
    actual = _actual_weekday(time.value)
    reason = f"but {time.value} was a {actual}" if actual else flags[0].partition(":")[2].strip()
    explanation = f'{name(article)} says "{quoted}", {reason}'
    return Discrepancy(
        "weekday_mismatch", explanation, SEVERITY["weekday_mismatch"], [Evidence(article, start, end, quoted)]
    )


def _with_weekday(time: TimeExpr, text: str) -> tuple[int, int]:
    """The time expression widened to the weekday just before it ("Thursday (" + "August 4" + ")")."""
    before = text[max(0, time.start - 14) : time.start]
    match = re.search(r"(\w+)\W{0,3}$", before)
    start = time.start
    if match and match.group(1).lower() in WEEKDAYS:
        start = time.start - len(before) + match.start()
    end = (
        time.end + 1 if text[time.end : time.end + 1] == ")" and "(" in text[start : time.start] else time.end
    )
    return start, end


def _actual_weekday(value: str | None) -> str | None:
    if not value or not _FULL_DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value).strftime("%A")
    except ValueError:
        return None


def _widest(flagged: list[Discrepancy]) -> list[Discrepancy]:
    """One weekday mismatch per place: "Thursday" and "August 4" of "Thursday (August 4)" are one."""
    kept: list[Discrepancy] = []
    for item in sorted(flagged, key=lambda d: -(d.evidence[0].end - d.evidence[0].start)):
        span = item.evidence[0]
        if not any(
            k.evidence[0].article == span.article
            and k.evidence[0].start < span.end
            and span.start < k.evidence[0].end
            for k in kept
        ):
            kept.append(item)
    return kept


def _merge(found: dict[tuple[str, ...], Discrepancy], discrepancy: Discrepancy) -> None:
    texts = sorted({" ".join(e.text.lower().split()) for e in discrepancy.evidence})
    key = (
        (discrepancy.kind, *texts)
        if discrepancy.kind != "attribution"
        else (discrepancy.kind, discrepancy.explanation)
    )
    existing = found.get(key)
    if existing is None:
        found[key] = discrepancy
        return
    for evidence in discrepancy.evidence:
        if evidence not in existing.evidence:
            existing.evidence.append(evidence)
