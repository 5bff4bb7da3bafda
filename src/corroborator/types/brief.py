"""The brief: what the sources of one story agree on, where they differ, and where claims come from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SINGLE_SOURCE_SHOWN = 5
"""Single-source facts a brief lists for each article unless all are asked for."""

DiscrepancyKind = Literal[
    "weekday_mismatch",
    "date",
    "time",
    "number",
    "entity",
    "attribution",
    "quote",
    "polarity",
    "detail",
    "update",
]
"""`update`: a figure that changed between articles published on different days (a developing story), not
a contradiction."""


@dataclass(frozen=True)
class Evidence:
    article: str
    start: int
    end: int
    text: str


@dataclass
class Agreement:
    fact: str
    evidence: list[Evidence] = field(default_factory=list)
    score: float = 0.0
    origins: list[str] = field(default_factory=list)
    independent_origins: int = 0
    single_origin: bool = False
    detail: str | None = None
    """For one number, date or place inside an agreed fact that several articles give alike: `number`,
    `date` or `place`; None for a whole fact."""
    part_of: int | None = None
    """For a detail: the position in `Brief.agreements` of the whole fact it lies in (listed before it)."""


@dataclass
class Discrepancy:
    kind: DiscrepancyKind
    explanation: str
    severity: int
    """Higher is more serious; the brief lists discrepancies by severity, highest first."""
    evidence: list[Evidence] = field(default_factory=list)
    facts: list[Evidence] = field(default_factory=list)
    """The two facts it compares, one span each (none for a calendar or spelling check, or where the parser
    read no fact around the evidence)."""


@dataclass
class SingleSourceFact:
    fact: str
    article: str
    evidence: list[Evidence] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    rank: int = 0
    """Its place among its article's single-source facts, from 1 (what a fact-checker needs first)."""
    why: str = ""
    """What makes the rank: "names 2; a number; early in the report"."""


@dataclass
class OriginTrace:
    origin: str
    kind: str
    """`state_media`, `wire`, `broadcaster`, `newspaper`, `person`, `organisation`, `unknown`."""
    chains: list[list[str]] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    role: str = "origin"
    """`origin`: the head of its chains; `relay`: a medium the articles cite as passing on what its chains'
    origins said ("Pigeon told The Canadian Press"), a source cited but not where the claims start."""


@dataclass
class TimelineEvent:
    date: str
    end: str | None
    what: str
    evidence: list[Evidence] = field(default_factory=list)
    inferred: bool = False


@dataclass
class EntityRow:
    entity: str
    label: str
    variants: list[str] = field(default_factory=list)
    mentions: dict[str, int] = field(default_factory=dict)
    """Mentions per article id."""
    ids: list[str] = field(default_factory=list)
    """The cross-article entity ids of its spellings, as `batch` and the store give each mention."""


@dataclass
class BriefArticle:
    id: str
    title: str
    outlet: str | None
    published: str | None
    url: str | None
    inferred_date: str | None = None
    """For an article without a date: the story date its relative dates were resolved against."""
    name: str = ""
    """The short name the brief uses for the article (its outlet, else its file name, else its id)."""
    text: str = ""
    """The article text the evidence offsets index into (shown with highlights in the HTML brief)."""


@dataclass
class Brief:
    story: str
    articles: list[BriefArticle] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    single_source: list[SingleSourceFact] = field(default_factory=list)
    origins: list[OriginTrace] = field(default_factory=list)
    independence: str = ""
    """Story-level summary, e.g. "2 articles, 1 independent origin for the visit itself: KCNA, via Reuters
    and AP"."""
    timeline: list[TimelineEvent] = field(default_factory=list)
    entities: list[EntityRow] = field(default_factory=list)
