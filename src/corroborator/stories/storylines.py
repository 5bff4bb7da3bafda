"""Storylines: the sagas stories belong to (a government shutdown from its start to its end, an arrest and
the trial months later).

A story is one event; two stories are one storyline when an article placed in one tells one saga with an
article of the other (`one_saga`: linked by the story model at STORYLINE_THRESHOLD, below the join
threshold, with a shared protagonist and dates that fit) and the stories' publication dates lie within
STORYLINE_SPAN_DAYS. Stories merged or split by the index stay in one storyline. Kept as a union-find over
story numbers whose root is the smallest number, the storyline's first article, so a storyline's id does not
depend on the order its links were found in."""

from __future__ import annotations

from dataclasses import dataclass, field

from corroborator.stories.profile import ArticleProfile

STORYLINE_THRESHOLD = 0.2
"""The least link probability (the story model's) of two articles of one saga."""
STORYLINE_SPAN_DAYS = 365
"""A storyline links stories whose articles lie within this many days of each other."""


@dataclass
class Storylines:
    """Which story numbers are one storyline."""

    parent: dict[int, int] = field(default_factory=dict)
    """Story number -> a number of the same storyline closer to its root (roots are not kept)."""

    def root(self, number: int) -> int:
        """The storyline's root: its smallest story number."""
        root = number
        while root in self.parent:
            root = self.parent[root]
        while number != root:  # shorten the path for the next look-up
            step = self.parent[number]
            self.parent[number] = root
            number = step
        return root

    def link(self, left: int, right: int) -> None:
        """Put two stories in one storyline."""
        first, second = sorted((self.root(left), self.root(right)))
        if first != second:
            self.parent[second] = first


def one_saga(
    probability: float, signals: dict[str, float], left: ArticleProfile, right: ArticleProfile
) -> bool:
    """Whether two articles, linked with `probability` by the story model, tell of one saga: they are
    related, and they share their protagonist (the main person or place, or a name in both openings) with
    no other main person set against it. Two rehab stays of two actresses are two storylines."""
    shared = signals.get("main_same", 0.0) > 0 or bool(left.lead_names & right.lead_names)
    return (
        probability >= STORYLINE_THRESHOLD
        and shared
        and not signals.get("main_person_conflict", 0.0)
        and _same_time(signals)
    )


def _same_time(signals: dict[str, float]) -> bool:
    """The dates the two texts give lie within STORYLINE_SPAN_DAYS; with none shared, their main years
    agree (reports of 2008 and 2013 are two sagas even when neither is dated)."""
    gap = signals.get("gap_days", -1.0)
    if gap >= 0:
        return gap <= STORYLINE_SPAN_DAYS
    return not signals.get("year_differs", 0.0)
