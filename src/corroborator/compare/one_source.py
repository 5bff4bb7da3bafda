"""Origins that are one source: "the spokeswoman" after "a police spokeswoman" in one article, and the
police a story describes ("police", "a police source", "police officials", "cops") as the police body it
names ("NYPD", "Surrey Police")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from corroborator.compare.entities_table import EntityClusters
from corroborator.compare.units import Unit
from corroborator.lexicon import is_source_noun, names_a_person, noun_base

POLICE_WORDS = frozenset({"police", "cops", "cop", "deputies", "officers", "troopers"})
POLICE_BODY = re.compile(r"\b(?:police|constabulary|gendarmerie|carabinieri|garda|sheriff['’]s)\b", re.I)
POLICE_ACRONYM = re.compile(r"[A-Z]{1,4}PD")
"""A city's police department by its initials ("NYPD", "LAPD", "SFPD")."""
BODY_LABELS = frozenset({"ORG", "NORP", "GPE"})
"""Labels a police body gets from the small model ("NYPD" is read as a people)."""
BODY_WORDS = frozenset({"department", "service", "force", "office", "dept"})
LEADING_WORDS = frozenset({"a", "an", "the", "some", "several", "two", "three", "many", "one"})
DEFINITE = re.compile(r"(?i)(?:the|that|this)\s+([a-z][\w-]*)")


class OneSource:
    """Maps a chain's origin to the source it is one with, per article."""

    def __init__(self, units: list[Unit], clusters: EntityClusters) -> None:
        self._bodies: dict[str, Counter[str]] = {}
        for unit in units:
            names = (clusters.of(e.entity) for e in unit.entities if e.label in BODY_LABELS)
            bodies = self._bodies.setdefault(unit.article, Counter())
            bodies.update(name for name in names if is_police_body(name))
        self._story_bodies: Counter[str] = sum(self._bodies.values(), Counter())
        self._described: dict[str, dict[str, None]] = {}
        self._titled = _people_by_title(units, clusters)

    def source_of(self, origin: str, article: str) -> str:
        """The source `origin` is one with in `article`: an earlier description it takes up, the police body
        a police description stands for, else itself."""
        origin = self._taken_up(origin, article)
        if is_police_description(origin):
            return self._police_of(article) or "police"
        return self._titled_person(origin) or origin

    def _titled_person(self, origin: str) -> str | None:
        """ "the convicted killer" -> Brian Nichols, whom an article of the story names "killer Brian
        Nichols": the one person of the story named with the description's head noun as a title."""
        described = ROLE_DESCRIPTION.fullmatch(origin)
        if described is None:
            return None
        people = self._titled.get(_base(described.group(1)), set())
        return next(iter(people)) if len(people) == 1 else None

    def _taken_up(self, origin: str, article: str) -> str:
        """ "the spokeswoman" or "The Ministry" -> the last earlier origin of the article ending in that noun
        ("a police spokeswoman", "Defence Ministry"). The article's distinct origins are kept, last seen
        last."""
        earlier = self._described.setdefault(article, {})
        definite = DEFINITE.fullmatch(origin)
        if definite is not None:
            head = _base(definite.group(1))
            found = next((o for o in reversed(earlier) if o != origin and _base(o.split()[-1]) == head), None)
            if found is not None:
                return found
        earlier.pop(origin, None)
        earlier[origin] = None
        return origin

    def _police_of(self, article: str) -> str | None:
        """The police body the article names most, else the story's only one."""
        named = self._bodies.get(article) or Counter()
        if named:
            return named.most_common(1)[0][0]
        return next(iter(self._story_bodies)) if len(self._story_bodies) == 1 else None


ROLE_DESCRIPTION = re.compile(r"[Tt]he\s+(?:[a-z-]+\s+){0,2}([a-z]+)")
"""A source described by a role: "the convicted killer", "the judge"."""
TITLE_BEFORE = re.compile(r"\b([a-z]+)\s+$")


def _people_by_title(units: list[Unit], clusters: EntityClusters) -> dict[str, set[str]]:
    """Role noun -> the people of the story named with it right before their name ("killer Brian
    Nichols", "Attorney Mark Jay Heller" is not lower case and is left to the article's own titles)."""
    titled: dict[str, set[str]] = {}
    for unit in units:
        for mention in unit.entities:
            if mention.label != "PERSON":
                continue
            before = TITLE_BEFORE.search(unit.text, 0, max(0, mention.start - unit.start))
            if before is not None and names_a_person(before.group(1)):
                titled.setdefault(_base(before.group(1)), set()).add(clusters.of(mention.entity))
    return titled


def is_police_body(name: str) -> bool:
    """A named police force: "Surrey Police", "New York Police Department", "NYPD"; not "police" alone."""
    words = name.split()
    if len(words) == 1:
        return bool(POLICE_ACRONYM.fullmatch(name))
    return bool(POLICE_BODY.search(name)) and any(w[0].isupper() and not _generic(w) for w in words)


def is_police_description(origin: str) -> bool:
    """ "police", "the police", "a police spokeswoman", "police officials", "two police sources", "cops"."""
    words = _without_leading(origin.split())
    if not words or words[0].casefold() not in POLICE_WORDS:
        return False
    return all(w.islower() and is_source_noun(w) for w in words[1:])


def _generic(word: str) -> bool:
    return bool(POLICE_BODY.fullmatch(word)) or word.casefold() in BODY_WORDS


def _without_leading(words: Iterable[str]) -> list[str]:
    rest = list(words)
    while rest and rest[0].casefold() in LEADING_WORDS:
        rest = rest[1:]
    return rest


def _base(word: str) -> str:
    folded = word.casefold()
    return noun_base(folded) or folded
