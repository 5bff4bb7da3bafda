"""Stories: which articles report one real-world event, and which are copies of each other."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CopyLink:
    """`article` is a near-duplicate or syndicated copy of `copy_of`, sharing `overlap` of its text (0..1)."""

    article: str
    copy_of: str
    overlap: float


@dataclass
class Story:
    id: str
    articles: list[str] = field(default_factory=list)
    copies: list[CopyLink] = field(default_factory=list)
    headline: str = ""
    outlets: list[str] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    storyline: str = ""
    """The storyline (saga of related events) the story belongs to: `l` and its first article's id."""


@dataclass
class Storyline:
    """A saga of related events (a government shutdown from its start to its end): its stories, one event
    each, earliest first."""

    id: str
    events: list[Story] = field(default_factory=list)


@dataclass
class Assignment:
    """Why an article joined (or started) a story: the evidence shown by `--explain`."""

    article: str
    story: str
    created: bool
    score: float = 0.0
    best_match: str | None = None
    signals: dict[str, float] = field(default_factory=dict)
    shared: dict[str, list[str]] = field(default_factory=dict)
    """Shared people, places, dates, numbers, wording with the best-matching article."""
    merged: list[str] = field(default_factory=list)
    """Stories merged into `story` because this article bridged them."""
    storyline: str = ""
    """The storyline `story` belongs to."""
    storyline_links: list[str] = field(default_factory=list)
    """Other stories this article put into its story's storyline (it tells one saga with their articles)."""
    other_events: list[str] = field(default_factory=list)
    """Stories the article would have joined, passed over because their articles tell another event of the
    saga (their openings' events are unrelated to its own, and they were published days apart)."""
