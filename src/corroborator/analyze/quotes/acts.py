"""Cue words that report no speech: an act ("responded by firing"), a charge in law ("charged with"), a
name given ("a company called ..."), a credit line, a gerund of a noun, or a passive ("is expected to")."""

from __future__ import annotations

import re

from corroborator.analyze.quotes.lexicon import is_participle, word_set
from corroborator.analyze.quotes.text import words_before
from corroborator.lexicon import is_common_noun

_BE = word_set("is are was were be been being 's")
_PASSIVE_ADVERBS = word_set("best widely well also already still now not never often long generally")
# Participles whose passive keeps the speaker as subject: "he was quoted as saying".
_SPEAKER_PASSIVES = word_set("quoted")
_REACTIONS = word_set(
    "respond responds responded responding reply replies replied replying react reacts reacted"
)
_NOT_A_MESSAGE = word_set("to by with within in quickly")
_NAMING = word_set("called named dubbed")
_KEEPING = word_set("maintain maintains maintained maintaining")
"""Keeping a thing ("while maintaining their historic façades"), not asserting, when a noun phrase follows."""
_CHARGE = word_set("charge charges charged charging")
_ADDED_THING = re.compile(r"\s+(?:fuel|more|much|so|some|weight|insult|another|\d)\b", re.I)
"""Adding a thing ("could add fuel to the tensions", "would add so many new layers"), not a remark."""
_ANONYMITY_REQUEST = re.compile(r"\s+(?:not\s+to\s+be\s+(?:named|identified)|(?:for\s+)?anonymity)\b", re.I)
"""Asking not to be named ("an official who asked not to be named said"): no message."""
_ACT_WHEN_FOLLOWED_BY: dict[str, re.Pattern[str]] = {
    form: followed_by
    for forms, followed_by in (
        ("show shows showed showing shown", re.compile(r"\s+up\b", re.I)),  # "failed to show up"
        ("think thinks thought thinking", re.compile(r"\s+of\b")),  # "few Americans thought of it as ..."
        ("known", re.compile(r"\s+(?:as|for)\b")),  # "what has become known as the Buffett rule"
        ("add adds added adding", _ADDED_THING),
        ("call calls called calling", re.compile(r"\s+in(?:\s+to|to)\b(?!\s+question)")),  # "called in to"
        ("report reports reported reporting", re.compile(r"\s+from\b")),  # "Davis reported from Midway"
        ("decline declines declined declining", re.compile(r"\s+(?:\w+ly\s+)?(?:by|from)\b")),  # "fell by 4"
        ("accused", re.compile(r"\s+of\b")),  # "the employee accused of shooting three co-workers"
        ("ask asks asked asking request requests requested requesting", _ANONYMITY_REQUEST),
        (
            "blamed criticized criticised praised condemned slammed blasted mocked ridiculed",
            re.compile(r"\s+(?:for|over)\b"),  # "a senator criticized for his remarks"
        ),
    )
    for form in forms.split()
}
"""Cue forms that name an act, not a message, when these words follow them."""
_RELATIVE_THAT = re.compile(r"\s+that\s+(?:have|are|were)\b")
"""A plural verb right after "that" makes it a relative pronoun ("feminist writing that have influenced
me", "reports that are circulating"): a cue word that can be a noun is then the noun it qualifies, no
verb of speech. (A singular verb may follow a demonstrative: "he said that was wrong"; and "he also said
that were aggravating circumstances" is a slip for "that there were".)"""
_CREDIT = re.compile(r"\s+by\s+[A-Z]")
"""A participle and "by" a name credit a writer or editor ("Reporting by ..."), they report nothing."""
_INDEFINITE_PHRASE = re.compile(r"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w-]+\s+){0,3}$")


def is_act(text: str, cue: tuple[int, int], form: str) -> bool:
    """A reaction that is an act, not a message ("responded to the call", "responded by firing"), a charge
    in law ("man charged with murder"), adding a thing ("add fuel to"), keeping a thing ("maintaining the
    buildings"), a participle that names something ("a restoration company called Heritage Properties"), or
    a noun a relative clause qualifies ("feminist writing that have influenced me")."""
    lowered = form.lower()
    if _RELATIVE_THAT.match(text, cue[1]) and is_common_noun(lowered):
        return True
    act_after = _ACT_WHEN_FOLLOWED_BY.get(lowered)
    if act_after is not None and act_after.match(text, cue[1]):
        return True
    if lowered in _NAMING:
        return _names_a_thing(text, cue)
    if lowered in _CHARGE:
        return text[cue[1] : cue[1] + 6].lower().split()[:1] == ["with"]
    if is_participle(form) and _CREDIT.match(text, cue[1]):
        return True  # "(Reporting by Valerie Volcovici; Editing by Leslie Adler)"
    if is_participle(form) and _of_a_noun(text, cue):
        return True
    if lowered in _KEEPING:
        return text[cue[1] : cue[1] + 8].lower().split()[:1] in (["the"], ["their"], ["its"], ["a"], ["an"])
    if lowered not in _REACTIONS:
        return False
    following = re.match(r"\s*(\w+)", text[cue[1] : cue[1] + 20])
    return following is not None and following.group(1).lower() in _NOT_A_MESSAGE


_NOUN_OF = re.compile(r"\b(?:the|an?|this|that|his|her|their|its|our|my)\s+(?!point\b)([a-z]+)\s+of\s+$")
"""A noun a gerund completes; not "made a point of saying" (an idiom: he did say it)."""


def _of_a_noun(text: str, cue: tuple[int, int]) -> bool:
    """A gerund completing a noun ("the adventure of writing her biography", "the art of saying no"): it
    names an activity, not a statement (not "accused of saying", "instead of saying")."""
    found = _NOUN_OF.search(text, max(0, cue[0] - 40), cue[0])
    return found is not None and is_common_noun(found.group(1))


def _names_a_thing(text: str, cue: tuple[int, int]) -> bool:
    """ "a company called Heritage Properties", "a man named John": an indefinite noun phrase right before
    the participle, a name or a quotation right after it."""
    following = text[cue[1] : cue[1] + 3].lstrip()
    if not following or not (following[0].isupper() or following[0] in "\"“‘'"):
        return False
    return bool(_INDEFINITE_PHRASE.search(text, max(0, cue[0] - 60), cue[0]))


def is_passive(text: str, start: int, cue: tuple[int, int], form: str) -> bool:
    """A passive cue ("the bill is expected to pass", "Page is best known for", "people are asked to"): it
    reports no speech of the phrase before it ("he was quoted as saying" does)."""
    if is_participle(form) or form.lower() in _SPEAKER_PASSIVES:
        return False
    before = [text[a:b].lower() for a, b in words_before(text, max(start, cue[0] - 40), cue[0])]
    while before and before[-1] in _PASSIVE_ADVERBS:
        before.pop()
    return bool(before) and before[-1] in _BE
