"""Facts: what a sentence states, one predicate with its arguments. Offsets index into `Article.text`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["subject", "object", "recipient", "complement", "place", "time", "quantity", "manner", "other"]
FactKind = Literal["event", "state", "attribute", "speech"]
HYPOTHETICAL = "if"
"""The modality of a fact stated as a condition or supposition ("if it had been 50 people")."""


@dataclass(frozen=True)
class Argument:
    """One argument of a predicate: who, what, to whom, where, when, how many."""

    role: Role
    start: int
    end: int
    text: str
    head: str
    """The lemma of the argument's head word ("Center" for "the Betty Ford Center")."""
    entities: tuple[str, ...] = ()
    """Entity keys (`EntityMention.entity`) of the mentions inside the argument."""
    times: tuple[str, ...] = ()
    """TimeML values of the time expressions inside the argument."""
    quantities: tuple[float, ...] = ()
    """Values of the quantities inside the argument."""


@dataclass
class Fact:
    """One fact an article states: a predicate (event or state) with its arguments, its polarity and
    modality, and the attribution taken off ("Reuters reported that X visited Y": the fact is "X visited
    Y", its attribution the chain through Reuters)."""

    article: str
    index: int
    start: int
    end: int
    text: str
    """The fact's words: the predicate and its arguments, without the attribution."""
    predicate: str
    """The predicate's lemma ("visit"; for "plans to visit", "visit" with modality "plan")."""
    predicate_start: int
    predicate_end: int
    """The predicate's word; outside the fact's words for one thing of a coordinated object ("included
    engines ..., as well as shells ...": the fact "shells ..." has the predicate "included")."""
    kind: FactKind = "event"
    arguments: list[Argument] = field(default_factory=list)
    negated: bool = False
    modality: str | None = None
    """`may`, `might`, `could`, `would`, `should`, `must`, the lemma of a verb of intent or denial
    ("plan", "want", "deny"), or `if` for a condition or supposition ("if it had been 50 people"); None for
    a plain assertion."""
    attribution: list[str] = field(default_factory=list)
    """Relay chain, origin first and publishing outlet last (from the claim the fact lies in)."""
    sentence: int = 0
    """The index of the sentence (`Analysis.sentences`) the fact lies in."""

    @property
    def entities(self) -> set[str]:
        return {key for argument in self.arguments for key in argument.entities}

    @property
    def times(self) -> set[str]:
        return {value for argument in self.arguments for value in argument.times}

    @property
    def quantities(self) -> set[float]:
        return {value for argument in self.arguments for value in argument.quantities}
