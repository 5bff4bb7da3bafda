"""Named entities of one article: spaCy's NER with its common boundary errors fixed, a pattern layer for
weapon and model designations ("Hwasong-18"), and every mention keyed to the fullest name in the article."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Doc

from corroborator.analyze.entities.labels import checked_labels
from corroborator.analyze.entities.media import is_medium
from corroborator.analyze.entities.names import is_part_of, name_tokens
from corroborator.analyze.nlp.arrays import DocEntity, doc_entities
from corroborator.analyze.nlp.load import text_of
from corroborator.types import Article, EntityMention

KEPT_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
THE_KEPT = frozenset({"the hague", "the gambia", "the bahamas", "the netherlands", "the philippines"})
_TITLE_TEXT = """
    president minister prime leader chairman chairwoman general gen dr mr mrs ms miss sen senator rep
    gov governor king queen prince princess pope secretary director chief commander colonel col
    lieutenant lt defence defense foreign supreme analyst expert professor prof judge justice mayor ceo
    spokesman spokeswoman spokesperson ambassador officer sergeant captain capt admiral marshal premier
    vice deputy former lord lady sir saint st dear said says told according new interestingly meanwhile
    however monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december speaker representative star candidate nominee
    host actor actress singer writer author reporter correspondent editor columnist founder attorney atty
    coach manager owner bishop cardinal rabbi imam sheikh emir sultan ayatollah chancellor comrade
    marshal dictator rev reverend father brother sister uncle aunt mother commissioner inspector detective
    sheriff superintendent constable trooper sgt det insp supt
"""
TITLE_WORDS = frozenset(_TITLE_TEXT.split())
FACILITY_HEADS = re.compile(
    r"\s(?:Square|Street|Avenue|Road|Bridge|Airport|Station|Stadium|Palace|Tower|Hall|Park|Base|Port)$"
)
ORGANISATION_HEADS = re.compile(
    r"\s(?:White House|Administration|Campaign|Foundation|Institute|Center|Centre|University|Party|Group)$"
)
PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,6}s$")
DESIGNATION = re.compile(r"(?<![\w-])(?:[A-Z][a-z]{1,12}|[A-Z]{1,4})-\d{1,4}[A-Za-z]{0,3}(?![\w-])")
NOT_PRODUCTS = frozenset({"COVID-19", "SARS-2", "H-1B"})
GROUP_DESIGNATIONS = re.compile(r"^G-\d+$")
TRAILING_PUNCT = "\"'”’),;:!?-–—"
POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
ENGLISH_ENDINGS = ("ly", "ing", "s")
"""Endings of English words that are rarely names; not "-ed" (Jared, Syed, Ahmed)."""
LINKED_CONFIDENCE = 0.9
FAMILY_APPOSITION = re.compile(
    r"\b([A-Z][\w-]+)\s?['’]s?\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:wife|widow|husband|widower|son|daughter|mother|father|brother|sister|stepson|stepdaughter|"
    r"grandson|granddaughter|grandmother|grandfather|niece|nephew)\s*,\s*$"
)
"""A relative named by first name in apposition: "Wilhelm's widow, ", "Nichols ' mother, "."""
FAMILY_CONTEXT_CHARS = 60
RELATIVE_REACH_CHARS = 500
"""A surname right after a relative's introduction, this close, is the relative's."""
AMBIGUOUS_CONFIDENCE = 0.6
NUMBERED = re.compile(r"\.?\s?\d{1,4}\b")
"""The number a name ending in "No" goes on with: "Juror No" + ". 8" is "Juror No. 8"."""


@dataclass
class _Candidate:
    start: int
    end: int
    label: str


def extract_entities(doc: Doc, article: Article | None = None) -> list[EntityMention]:
    """Entity mentions of `doc` (whose text is the article text), each keyed to its fullest name."""
    text = text_of(doc)
    candidates: list[_Candidate] = []
    for ent in doc_entities(doc):
        if ent.label in KEPT_LABELS:
            candidates.extend(_repair(doc, text, ent))
    candidates = _add_designations(text, candidates)
    mentions = [_trimmed(text, candidate) for candidate in candidates]
    kept = sorted((m for m in mentions if m is not None and _plausible(m)), key=lambda m: m.start)
    kept = checked_labels(text, kept)
    _link_to_fullest_names(kept, _name_family_members(text, kept))
    return kept


def _repair(doc: Doc, text: str, ent: DocEntity) -> list[_Candidate]:
    """Split "Reuters Kim" at a news organisation; extend "Seong Chang" left to "Cheong Seong Chang"."""
    label = ent.label
    if label == "PERSON" and ent.end - ent.start >= 2:
        first = doc[ent.start]
        first_end = first.idx + len(first)
        if _is_medium(text[ent.start_char : first_end]):
            return [
                _Candidate(ent.start_char, first_end, "ORG"),
                _Candidate(doc[ent.start + 1].idx, ent.end_char, "PERSON"),
            ]
    start, surface = ent.start_char, text[ent.start_char : ent.end_char]
    if label == "PERSON":
        first_token = _without_leading_words(doc, ent.start, ent.end)
        start = _extended_start(doc, first_token, ent.end)
        surface = text[doc[first_token].idx : ent.end_char]
    if FACILITY_HEADS.search(surface):
        label = "FAC"
    elif label == "PERSON" and ORGANISATION_HEADS.search(surface):
        label = "ORG"
    number = NUMBERED.match(text, ent.end_char) if re.search(r"\bNo\.?$", surface) else None
    return [_Candidate(start, number.end() if number else ent.end_char, label)]


def _without_leading_words(doc: Doc, first: int, end: int) -> int:
    """Drop English words spaCy took into a name: "Certainly Donald Trump", "Celebrating Hillary Clinton"
    (only from names of three words or more: "Sterling Brown" stays). Returns the name's first token."""
    while end - first > 2 and _is_english_word(doc[first].text, doc[first].is_stop, ENGLISH_ENDINGS[:-1]):
        first += 1
    return first


def _is_english_word(word: str, is_stop: bool, endings: tuple[str, ...] = ENGLISH_ENDINGS) -> bool:
    return is_stop or word.endswith(endings) or word.casefold() in TITLE_WORDS


def _extended_start(doc: Doc, first: int, end: int) -> int:
    """Where a one- or two-word name really starts when spaCy dropped its first word ("Cheong"): the
    capitalised word before it, unless it looks like an English word (a title, a stop word, -ly, -ing, -s)."""
    if first == 0 or end - first > 2:
        return int(doc[first].idx)
    previous = doc[first - 1]
    word = previous.text
    if (
        previous.whitespace_
        and previous.ent_iob_ == "O"
        and word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
        and len(word) >= 2
        and not _is_english_word(word, previous.is_stop)
    ):
        return int(previous.idx)
    return int(doc[first].idx)


def _add_designations(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Model names and designations spaCy misses ("Hwasong-18", "F-35A"); they replace what they overlap."""
    found = [
        _Candidate(
            match.start(), match.end(), "ORG" if GROUP_DESIGNATIONS.match(match.group()) else "PRODUCT"
        )
        for match in DESIGNATION.finditer(text)
        if match.group() not in NOT_PRODUCTS
    ]
    if not found:
        return candidates
    starts, ends = [f.start for f in found], [f.end for f in found]  # in order, not overlapping
    kept = [c for c in candidates if not _overlaps(starts, ends, c.start, c.end)]
    return kept + found


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether `start, end` overlaps one of the ordered, disjoint spans: the last one starting before `end`
    reaches furthest."""
    last = bisect_left(starts, end) - 1
    return last >= 0 and ends[last] > start


def _trimmed(text: str, candidate: _Candidate) -> EntityMention | None:
    """Cut a leading "the", a trailing possessive and trailing punctuation off a mention. A trailing period
    stays: spaCy splits off a sentence's full stop, so one left inside a mention ends an abbreviation."""
    start, end = candidate.start, candidate.end
    surface = text[start:end]
    stripped = surface.lstrip("\"'“‘(")
    start += len(surface) - len(stripped)
    surface = stripped
    if surface[:4].casefold() == "the " and surface.casefold() not in THE_KEPT:
        start += 4
        surface = surface[4:]
    while True:
        before = surface
        surface = POSSESSIVE.sub("", surface).rstrip(TRAILING_PUNCT + " ")
        if surface == before:
            break
    if not surface:
        return None
    return EntityMention(start, start + len(surface), surface, candidate.label, " ".join(surface.split()))


def _plausible(mention: EntityMention) -> bool:
    """Drop spaCy's junk mentions: lower-case starts ("supreme"), lone title words ("Defence"), plural
    acronyms that name kinds of things, not an organisation ("UAVs", "ICBMs")."""
    if PLURAL_ACRONYM.match(mention.text):
        return False
    first = mention.text[0]
    if not (first.isupper() or (mention.label == "PRODUCT" and any(c.isupper() for c in mention.text))):
        return not first.isalpha()
    return mention.text.casefold() not in TITLE_WORDS


def _name_family_members(text: str, mentions: list[EntityMention]) -> set[str]:
    """Key a first name given in apposition to a relative to the family name, as a person (the small model
    reads some first names as organisations): "Wilhelm's widow, Candee," -> "Candee Wilhelm", "Nichols'
    mother, Claritha," -> "Claritha Nichols"."""
    relatives = set()
    for mention in mentions:
        if mention.label not in ("PERSON", "ORG") or " " in mention.entity:
            continue
        relative = FAMILY_APPOSITION.search(text, max(0, mention.start - FAMILY_CONTEXT_CHARS), mention.start)
        if relative is not None:
            mention.entity = f"{mention.entity} {relative.group(1)}"
            mention.label = "PERSON"
            relatives.add(mention.entity)
    return relatives


def _link_to_fullest_names(mentions: list[EntityMention], relatives: AbstractSet[str] = frozenset()) -> None:
    """Key "Kim" to "Kim Jong Un" and "Chang" to "Cheong Seong Chang" when the full name is in the article.
    A surname several people share goes to the most named of those named before it, unless a relative was
    introduced just before ("Wilhelm's widow, Candee, ... said Wilhelm" -> Candee Wilhelm)."""
    people = [m for m in mentions if m.label == "PERSON"]
    full_names = Counter(m.entity for m in people if len(_tokens(m.entity)) >= 2)
    last_named: dict[str, int] = {}
    by_end_token: dict[str, list[str]] = {}
    for name in full_names:
        tokens = _tokens(name)
        for token in {tokens[0], tokens[-1]}:
            by_end_token.setdefault(token, []).append(name)
    for mention in people:
        short = _tokens(mention.entity)
        if len(short) >= 2:
            last_named[mention.entity] = mention.start
        if not short:
            continue
        candidates = by_end_token.get(short[0], []) + by_end_token.get(short[-1], [])
        matches = sorted({name for name in candidates if is_part_of(short, _tokens(name))})
        matches = [
            name for name in matches if not any(is_part_of(_tokens(name), _tokens(o)) for o in matches)
        ]
        if not matches:
            continue
        mention.entity = min(
            matches, key=lambda name: _surname_rank(name, mention.start, last_named, relatives, full_names)
        )
        mention.confidence = LINKED_CONFIDENCE if len(matches) == 1 else AMBIGUOUS_CONFIDENCE
        last_named[mention.entity] = mention.start


def _surname_rank(
    name: str,
    position: int,
    last_named: dict[str, int],
    relatives: AbstractSet[str],
    full_names: Counter[str],
) -> tuple[bool, bool, int, int]:
    """How well a full name fits a short mention at `position` (lower is better): a relative introduced
    within RELATIVE_REACH_CHARS before it, then a name already given before it, then the most named."""
    named_at = last_named.get(name, -1)
    just_introduced = name in relatives and named_at >= 0 and position - named_at <= RELATIVE_REACH_CHARS
    return (not just_introduced, named_at < 0, -full_names[name], -len(_tokens(name)))


@functools.lru_cache(maxsize=8192)
def _tokens(name: str) -> tuple[str, ...]:
    return tuple(name_tokens(name))


@functools.lru_cache(maxsize=4096)
def _is_medium(name: str) -> bool:
    return is_medium(name)
