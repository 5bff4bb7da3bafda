"""Speakers of quotes: the noun phrase or entity next to a cue, read from words and punctuation alone."""

from __future__ import annotations

import re

from corroborator.analyze.quotes.lexicon import (
    AUXILIARIES,
    NP_BOUNDARIES,
    OBJECT_FORMS,
    SPEECH_FORMS,
    word_set,
)
from corroborator.analyze.quotes.relay import MentionIndex
from corroborator.analyze.quotes.text import trim, words_before

_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b")
MAX_SPEAKER_WORDS = 12
NP_WORDS = 6
END_PUNCT = " \t\n.!?;:,"
BOUNDARY_CHARS = ',;:()[]—–“”"'
CUE_WORDS = SPEECH_FORMS | OBJECT_FORMS
DETERMINERS = word_set("the a an his her their its our my this that these those")
# Words that make a phrase a clause rather than a name: "the flag was removed" is not a speaker.
_CLAUSE_SIGNS = word_set(
    "is was were are be been has have had will would could should can may might must did does do i he she "
    "they we it that who which"
)
# Before a cue these make it a gerund or infinitive ("by saying", "to say"): the speaker is the subject.
_PREPOSITIONS = word_set("to by of from for after before without while when in on about despite since upon")
_NOT_NAME_WORDS = word_set(
    "the a an in on at but and or as if so for by to of from with after before when while this that these "
    "those his her their its our mr mrs ms dr"
)


def _extend_capitalised(text: str, start: int, name_start: int) -> int:
    """Move a name's start left over capitalised words NER left out ("Cheong" Seong Chang)."""
    words = words_before(text, max(start, name_start - 40), name_start)
    while words and text[name_start - 1 : name_start] == " " and words[-1][1] == name_start - 1:
        word = text[words[-1][0] : words[-1][1]]
        if not word[:1].isupper() or word.lower() in _NOT_NAME_WORDS:
            break
        name_start = words.pop()[0]
    return name_start


def first_mention(mentions: MentionIndex, start: int, end: int) -> tuple[int, int] | None:
    """The first person or organisation of a clause, else its first subject pronoun: a fallback speaker."""
    for mention in mentions.in_span(start, end):
        if mention.label in ("PERSON", "ORG"):
            return (mention.start, mention.end)
    pronoun = _SUBJECT_PRONOUN.search(mentions.text, start, end)
    return (pronoun.start(), pronoun.end()) if pronoun else None


def is_auxiliary(word: str) -> bool:
    """Auxiliaries and lower-case adverbs ("has", "also", "repeatedly"), not names in -ly ("Jolly")."""
    return word.lower() in AUXILIARIES or (word.islower() and word.endswith("ly") and len(word) > 4)


def trim_auxiliaries(text: str, span: tuple[int, int]) -> tuple[int, int]:
    words = words_before(text, span[0], span[1])
    while len(words) > 1 and is_auxiliary(text[words[-1][0] : words[-1][1]]):
        words.pop()
    return (words[0][0], words[-1][1]) if words else span


def speaker_before(text: str, mentions: MentionIndex, start: int, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase (or entity) right before a cue, past auxiliaries, appositions and "who"."""
    words = words_before(text, max(start, cue_start - 300), cue_start)
    while words and is_auxiliary(text[words[-1][0] : words[-1][1]]):
        words.pop()
    if not words:
        return None
    np_end = words[-1][1]
    last = text[words[-1][0] : np_end].lower()
    if last in ("who", "which"):
        return words[-1]
    if last in _PREPOSITIONS:
        return None
    if text[np_end:cue_start].strip().startswith(","):
        named = _named_apposition(text, mentions, start, np_end)
        if named is not None:
            return named
        opening = text.rfind(",", start, np_end)
        if opening < 0:
            return None
        np_end = opening
    return _noun_phrase_ending(text, mentions, start, np_end)


def _named_apposition(text: str, mentions: MentionIndex, start: int, np_end: int) -> tuple[int, int] | None:
    """The person named in an apposition after a description: "The head of the union, Giannis
    Panagopoulos, said" -> "Giannis Panagopoulos" (not "Sen. Johnson, R-Wis., said": R-Wis. names no one)."""
    mention = mentions.ending_near(np_end)
    if mention is None or mention.label != "PERSON" or mention.start < start:
        return None
    opening = text.rfind(",", start, mention.start)
    if opening < 0 or text[opening + 1 : mention.start].strip():
        return None
    return (_extend_capitalised(text, opening + 1, mention.start), mention.end)


def _noun_phrase_ending(text: str, mentions: MentionIndex, start: int, np_end: int) -> tuple[int, int] | None:
    np_end = trim(text, start, np_end)[1]
    mention = mentions.ending_near(np_end)
    if mention is not None and mention.start >= start:
        return (_extend_capitalised(text, start, mention.start), np_end)
    words = words_before(text, max(start, np_end - 120), np_end)
    chosen: list[tuple[int, int]] = []
    for word in reversed(words):
        token = text[word[0] : word[1]]
        gap = text[word[1] : chosen[-1][0]] if chosen else text[word[1] : np_end]
        if (
            token.lower() in NP_BOUNDARIES
            or (token.islower() and token in CUE_WORDS)
            or any(c in BOUNDARY_CHARS for c in gap)
            or len(chosen) >= NP_WORDS
        ):
            break
        chosen.append(word)
    if not chosen:
        return None
    return (chosen[-1][0], chosen[0][1])


def looks_like_inverted_speaker(rest: str) -> bool:
    """ "..., said Sen. Susan Collins." rather than "Sen. Johnson, R-Wis., said he had heard"."""
    phrase = rest.split(",", 1)[0].strip(END_PUNCT)
    words = phrase.split()
    if not 0 < len(words) <= MAX_SPEAKER_WORDS or any(w.lower() in _CLAUSE_SIGNS for w in words):
        return False
    return words[0][:1].isupper() or words[0].lower() in DETERMINERS


def first_piece(text: str, start: int, end: int) -> tuple[int, int]:
    """The name before any apposition: "Fred Kagan, director of ..., " -> "Fred Kagan"."""
    span = trim(text, start, end, " \t\n,'’”")
    comma = text.find(",", span[0], span[1])
    return trim(text, span[0], comma, " ,") if comma > span[0] else span
