"""Sources named together as one speaker: "The Hollywood Reporter and Collider are reporting", "reports
FoxSports.com and Yahoo! Sports", "Nikki Finke and Mike Fleming, who wrote", or taken up together ("Perlo
and his co-counsel, Robin Yanes ... both attorneys said"). Each names a source of the content: the quote's
speaker is one of them, the others are its co-speakers."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from corroborator.analyze.quotes.lexicon import word_set
from corroborator.analyze.quotes.mentions import MentionIndex
from corroborator.analyze.quotes.speaker import CUE_WORDS
from corroborator.lexicon import is_group_noun, names_a_person, noun_base

REACH = 200
"""How far from the speaker a list of names may run."""
_TITLE = r"(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'’-]*) "
"""A title or a capitalised word before a name: "Mr.", "Sen.", "Professors" ("ISIL." ends a sentence)."""
_JOINER = re.compile(
    r"(?:\.\s?com)?\s*(?:,\s*(?:and\s+|&\s*)?|\s(?:and|&)\s+)(?:[Tt]he\s+)?(?:" + _TITLE + "){0,2}"
)
"""What may stand between two names of one list: a comma, "and" or "&", then "the" or titles ("and Mr.")."""
_AND = re.compile(r"\s(?:and|&)\s")
_EXAMPLES = re.compile(r"\b(?:like|including|such as)\s+(?:[Tt]he\s+)?$")
_OPENING = re.compile(r"(?:^|(?<=[\s\"“(—–-]))(?:(?:[Bb]oth|[Tt]he)\s+)?(?:" + _TITLE + "){0,2}$")
_OPENERS = word_set(
    "that and but while as because so when where since though although after if yet or nor then"
)
_NAME_KINDS = frozenset({"PERSON", "ORG"})


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    key: str
    mentions: frozenset[str]
    """The entity keys of the mentions inside the name ("Yahoo" in "Yahoo! Sports")."""


def listed_speakers(
    text: str, mentions: MentionIndex, speaker: tuple[int, int], speaker_entity: str | None, inverted: bool
) -> list[str]:
    """The sources named in one list with the speaker, the speaker's own name first ("Yahoo Sports" for the
    mention "Yahoo" in "Yahoo! Sports"), or [] when the speaker stands alone. A list counts when every item
    is a person, a body or a medium and the list opens a clause (so "director Gary Ross and The Hollywood
    Reporter and Collider are reporting" lists the last two)."""
    names = _names(text, mentions, speaker[0] - REACH, speaker[1] + REACH)
    relative = text[speaker[0] : speaker[1]].lower() in ("who", "which")
    anchor = _anchor(text, names, speaker, inverted, relative)
    if anchor is None:
        return []
    if inverted:
        listed = _listed_after(text, names, anchor)
    else:
        listed = _listed_before(text, names, anchor, opening=not relative)
    if len(listed) < 2 or not _AND.search(text[listed[-2].end : listed[-1].start]):
        return []  # "said Stuart Pimm, Doris Duke Professor of ...": names after commas alone are appositions
    own = next((name for name in listed if speaker_entity in (name.key, *name.mentions)), anchor)
    return [own.key, *(name.key for name in listed if name is not own and name.key != own.key)]


_PAIR = re.compile(r"[Bb]oth\s+(?:[a-z-]+\s+)?([a-z]+)")


def paired_speakers(
    text: str, mentions: MentionIndex, speaker: tuple[int, int], sentence_starts: list[int]
) -> list[str]:
    """The two people "both attorneys" or "both men" takes up: those named before it in its own sentence
    and the one before (`sentence_starts`: where each sentence begins); [] for any other speaker, or unless
    exactly two are named there ("the two jurors" may be people never named, and is left alone)."""
    pair = _PAIR.fullmatch(text, speaker[0], speaker[1])
    if pair is None or not names_a_person(noun_base(pair.group(1)) or pair.group(1)):
        return []
    own = bisect.bisect_right(sentence_starts, speaker[0]) - 1
    start = sentence_starts[own - 1] if own >= 1 else 0
    people = list(dict.fromkeys(m.entity for m in mentions.in_span(start, speaker[0]) if m.label == "PERSON"))
    return people if len(people) == 2 else []


_SHARED_HEAD = re.compile(r"([a-z]+)\s+([a-z]+)")
_FIRST_MODIFIER = re.compile(r"\b([A-Za-z]+)\s+and\s+$")
_WORD_BEFORE = re.compile(r"([\w.]+)\s+$")
_NO_MODIFIERS = word_set("the a an his her their its our and or of at in for by")


def distributed_bodies(text: str, speaker: tuple[int, int]) -> tuple[int, list[str]] | None:
    """Two bodies sharing one plural head ("the interior and commerce ministries", "state and federal
    governments"): where the phrase begins, and each body with the head in the singular ("interior
    ministry", "commerce ministry"); None for any other speaker."""
    shared = _SHARED_HEAD.fullmatch(text, speaker[0], speaker[1])
    if shared is None:
        return None
    head = noun_base(shared.group(2))
    first = _FIRST_MODIFIER.search(text, max(0, speaker[0] - 40), speaker[0])
    if head is None or head == shared.group(2) or not is_group_noun(head) or first is None:
        return None
    if not _a_lone_modifier(text, first.group(1), first.start(1)):
        return None
    return first.start(1), [f"{first.group(1).lower()} {head}", f"{shared.group(1)} {head}"]


def _a_lone_modifier(text: str, word: str, start: int) -> bool:
    """A modifier of its own, not the end of a name ("the Associated Press and television networks") nor
    an acronym ("AP and television networks")."""
    if word.lower() in _NO_MODIFIERS or (len(word) > 1 and word.isupper()):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is None or not before.group(1)[0].isupper() or before.group(1) in ("The", "Both")


def _names(text: str, mentions: MentionIndex, start: int, end: int) -> list[_Name]:
    """Media and the people and bodies named in [start, end), a medium over the mentions inside it."""
    media = mentions.media_in(max(0, start), end)
    inside: list[set[str]] = [set() for _ in media]
    found = []
    for mention in mentions.in_span(max(0, start), end):
        medium = next((i for i, (s, e, _) in enumerate(media) if s <= mention.start and mention.end <= e), -1)
        if medium >= 0:
            inside[medium].add(mention.entity)
        elif mention.label in _NAME_KINDS and not any(s <= mention.start < e for s, e, _ in media):
            found.append(_Name(mention.start, mention.end, mention.entity, frozenset({mention.entity})))
    found += [_Name(s, e, key, frozenset(inside[i])) for i, (s, e, key) in enumerate(media)]
    return sorted(found, key=lambda n: n.start)


def _anchor(
    text: str, names: list[_Name], speaker: tuple[int, int], inverted: bool, relative: bool
) -> _Name | None:
    """The name the speaker is: the first in an inverted speaker ("reports FoxSports.com and ..."), the
    last before the cue, or the antecedent of a `relative` speaker ("who")."""
    if relative:
        before = text[: speaker[0]].rstrip().rstrip(",").rstrip()
        return next((n for n in names if n.end == len(before)), None)
    inside = [n for n in names if speaker[0] <= n.start and n.end <= speaker[1] + 1]
    if not inside:
        return None
    return inside[0] if inverted else inside[-1]


def _listed_before(text: str, names: list[_Name], anchor: _Name, opening: bool) -> list[_Name]:
    """The list ending at the anchor; one the speaker phrase holds must open a clause, an antecedent of
    "who" need not ("countered by Nikki Finke and Mike Fleming, who wrote")."""
    index = names.index(anchor)
    first = index
    while first > 0 and _JOINER.fullmatch(text[names[first - 1].end : names[first].start]):
        first -= 1
    while opening and first < index and not _opens_a_clause(text, names[first].start):
        first += 1
    if first < index and _EXAMPLES.search(text, max(0, names[first].start - 20), names[first].start):
        return [anchor]  # "celebrities like Oprah Winfrey, ... and Stevie Wonder, who joked": examples
    return names[first : index + 1]


def _listed_after(text: str, names: list[_Name], anchor: _Name) -> list[_Name]:
    index = names.index(anchor)
    last = index
    while last + 1 < len(names) and _JOINER.fullmatch(text[names[last].end : names[last + 1].start]):
        last += 1
    while last > index and not _AND.search(text[names[last - 1].end : names[last].start]):
        last -= 1
    return names[index : last + 1]


def _opens_a_clause(text: str, start: int) -> bool:
    """Whether the name at `start` opens a clause: nothing, punctuation, a conjunction or a cue before it
    (past "both", "the" and titles), not a noun it would be the object of ("director Gary Ross")."""
    opening = _OPENING.search(text, max(0, start - 60), start)
    if opening is None:
        return False
    before = text[: opening.start()].rstrip()
    if not before or not before[-1].isalpha():
        return True
    word = before.rsplit(None, 1)[-1].lower()
    return word in _OPENERS or word in CUE_WORDS
