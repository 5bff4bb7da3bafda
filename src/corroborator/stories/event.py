"""The event an article reports: the predicates of the facts its opening states ("the government shutdown
ended", "Obama signed a bill"), read from the dependency parse by the facts stage.

Two articles of one saga published days apart whose openings tell unrelated events (a shutdown begins, a
shutdown ends; a report is released, a chairman is asked to step down) are two events, two stories of one
storyline. Verbs are related or opposite by WordNet (`lexicon.related_verbs`, `lexicon.opposite_verbs`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from corroborator.facts.lines import is_heading_line
from corroborator.stories.state import day_of
from corroborator.types import Analysis, Article

LEAD_EVENT_CHARS = 200
"""The opening read for the event: the sentences that start within this many characters of the body (its
first line that is no heading)."""
MAX_EVENTS = 4
EVENT_GAP_DAYS = 4
"""Articles published this many days apart whose openings tell unrelated events tell two events; opposite
events ("begins" / "ends") need only be published on different days. Closer than that, an opening that
tells something else is taken for a development of the same event (a toll that rose, a suspect named)."""
NOT_EVENTS = frozenset(
    {"be", "have", "do", "get", "become", "seem", "appear"}
    | {"go", "come", "make", "take", "give", "put", "keep"}
)
"""Predicates that tell no event of their own: states, auxiliaries and light verbs, which WordNet relates
to almost any event."""


def lead_events(article: Article, analysis: Analysis) -> list[str]:
    """The lemmas of the event predicates of the article's lead sentence (its first sentence that tells an
    event, headlines and datelines left out), in order, at most MAX_EVENTS: no speech ("said"), no modal or
    intended event ("plans to visit"), no state ("is") and no light verb ("went dark")."""
    from corroborator.facts import extract_facts

    cut = _opening_end(article.text, analysis)
    if cut <= 0:
        return []
    opening = replace(article, text=_without_headings(article.text[:cut]))
    (facts,) = extract_facts([opening], [analysis])  # spans past the opening overlap none of its facts
    events = [
        fact
        for fact in facts
        if fact.kind == "event"
        and fact.modality is None
        and fact.predicate not in NOT_EVENTS
        and fact.predicate.isalpha()
    ]
    if not events:
        return []
    lead = [fact.predicate for fact in events if fact.sentence == events[0].sentence]
    return list(dict.fromkeys(lead))[:MAX_EVENTS]


def _without_headings(text: str) -> str:
    """The text with its heading lines blanked (same offsets), so that they are not parsed at all."""
    return "".join(
        " " * (len(line) - 1) + "\n" if line.endswith("\n") and is_heading_line(line) else line
        for line in text.splitlines(keepends=True)
    )


def _opening_end(text: str, analysis: Analysis) -> int:
    """Where the opening ends: the end of the last sentence that starts within LEAD_EVENT_CHARS of the
    first line that is no heading."""
    first = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and not is_heading_line(line):
            break
        first += len(line)
    ends = [end for start, end in analysis.sentences if start < first + LEAD_EVENT_CHARS]
    return max(ends, default=min(len(text), first + LEAD_EVENT_CHARS))


def tells_other_event(signals: Mapping[str, float], first: date | None, second: date | None) -> bool:
    """Whether two articles with these pair signals (`signals.event_signals`), published on these days,
    tell two events of one saga."""
    if first is None or second is None:
        return False
    days = abs((first - second).days)
    if signals.get("event_opposite"):
        return days >= 1
    return bool(signals.get("event_differs")) and days >= EVENT_GAP_DAYS


def other_event_stories(
    day: date | None, scored: Iterable[tuple[int, Mapping[str, float], str | None]]
) -> set[int]:
    """The stories an article published on `day` tells another event than: `scored` gives, for each
    member it was scored against, (its story, the pair signals, its publication stamp). A story tells
    another event when none of its scored members' openings tells a related one and one of them tells
    another (`tells_other_event`)."""
    by_story: dict[int, list[tuple[Mapping[str, float], str | None]]] = defaultdict(list)
    for story, signals, published in scored:
        by_story[story].append((signals, published))
    return {
        story
        for story, members in by_story.items()
        if not any(signals.get("event_same") for signals, _ in members)
        and any(tells_other_event(signals, day, day_of(published)) for signals, published in members)
    }
