"""What analysis extracts from one article. Every item keeps character offsets into `Article.text`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass
class EntityMention:
    """A mention of an entity. `entity` is the canonical key the mention resolves to (fullest name)."""

    start: int
    end: int
    text: str
    label: str
    """spaCy label: PERSON, ORG, GPE, LOC, NORP, PRODUCT, EVENT, FAC, ..."""
    entity: str
    confidence: float = 1.0


@dataclass
class TimeExpr:
    """A time expression normalised to a TimeML value against the publication date."""

    start: int
    end: int
    text: str
    type: TimeType
    value: str | None
    """TimeML value (`2023-08-03`, `2023-W11`, `P1Y`, `PRESENT_REF`); None when it cannot be resolved."""
    mod: str | None = None
    flags: list[str] = field(default_factory=list)
    """Problems: `unresolved` (no anchor date), `weekday_mismatch: ...` (a weekday that does not fit its
    date), `inferred` (anchored on a borrowed date)."""
    anchor: str | None = None
    """What a relative expression was resolved against: `published`, or another event's text."""
    end_value: str | None = None
    """For ranges ("from Thursday to Saturday"): the value of the range's end."""


@dataclass
class Quantity:
    """A number with what it counts: "at least two scoped rifles" -> value 2, unit "scoped rifles"."""

    start: int
    end: int
    text: str
    value: float | None
    unit: str
    """What is counted or measured ("scoped rifles", "percent", "USD", "anniversary")."""
    mod: str | None = None
    """`at_least`, `at_most`, `about`, `more_than`, `less_than`, or None."""


@dataclass
class Quote:
    """Direct or indirect speech: who said what, through which cue, relayed by whom."""

    content: Span
    speaker: Span | None = None
    speaker_entity: str | None = None
    """Canonical entity of the speaker (pronouns resolved)."""
    cue: Span | None = None
    kind: Literal["direct", "indirect", "according_to", "mixed"] = "indirect"
    via: list[str] = field(default_factory=list)
    """Media the quote was relayed through after the speaker, nearest first (["KCNA"], or the medium told:
    "told Reuters" -> ["Reuters"]); the publishing outlet is not included (`quotes.relay_chain` adds it)."""
    cites: list[str] = field(default_factory=list)
    """Sources the speaker itself cites, nearest first
    ("Reuters reported, citing state media" -> ["KCNA"])."""
    co_speakers: list[str] = field(default_factory=list)
    """Other sources named with the speaker as saying the content ("The Hollywood Reporter and Collider are
    reporting" -> speaker "Collider", co_speakers ["The Hollywood Reporter"])."""


@dataclass
class Claim:
    """One sentence or clause: the unit that comparison aligns. Lists hold indexes into the Analysis lists."""

    index: int
    start: int
    end: int
    text: str
    entities: list[int] = field(default_factory=list)
    times: list[int] = field(default_factory=list)
    quantities: list[int] = field(default_factory=list)
    quote: int | None = None
    attribution: list[str] = field(default_factory=list)
    """Relay chain of the claim, origin first, publishing outlet last:
    ["Kim Jong Un", "KCNA", "Reuters", "WION"]."""
    negated: bool = False


@dataclass
class Analysis:
    article_id: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    version: int = 1
    """Analysis schema version, bumped when the extractors change what they produce."""
