"""Speakers of quotes: the noun phrase or entity next to a cue, read from words and punctuation alone."""

from __future__ import annotations

import re

from corroborator.analyze.quotes.lexicon import (
    AUXILIARIES,
    NP_BOUNDARIES,
    OBJECT_FORMS,
    SPEECH_FORMS,
    STATE_MEDIA_RE,
    word_set,
)
from corroborator.analyze.quotes.mentions import MentionIndex, medium_named
from corroborator.analyze.quotes.text import is_place_noun, trim, word_before_place_preposition, words_before
from corroborator.lexicon import is_common_noun, is_source_noun
from corroborator.types.analysis import EntityMention

_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b")
MAX_SPEAKER_WORDS = 12
NP_WORDS = 6
DESCRIPTION_WORDS = 10
"""A description before a named apposition ("A reporter of the Iranian news agency, IRNA,") is this short."""
INVERTED_HEAD_WORDS = 4
"""After "said the", the source's noun or name comes within this many words ("said a senior official")."""
END_PUNCT = " \t\n.!?;:,"
TRAILING = END_PUNCT + ")]”\"'’"
"""What may close a phrase at the end of a sentence: punctuation, brackets and quotation marks."""
BOUNDARY_CHARS = ',;:()[]—–“”"'
CUE_WORDS = SPEECH_FORMS | OBJECT_FORMS
DETERMINERS = word_set("the a an his her their its our my this that these those")
# Words that make a phrase a clause rather than a name: "the flag was removed" is not a speaker.
_CLAUSE_SIGNS = word_set(
    "is was were are be been has have had will would could should can may might must did does do i he she "
    "they we it that who which"
)
_QUANTIFIERS = word_set("one two three four five several some many another both")
"""They open a speaker as a determiner does: "..., said one GOP source in the room"."""
_COORDINATORS = word_set("yet and but or nor so then")
_TAKES_INFINITIVE = word_set(
    "appear appears appeared seem seems seemed want wants wanted plan plans planned try tries tried "
    "decide decides decided refuse refuses refused continue continues continued begin begins began "
    "intend intends intended hope hopes hoped expect expects expected going went go goes"
)
"""Verbs whose infinitive has their subject for its own: "he appeared to suggest", "she wants to say"."""
_SOURCE_MODIFIERS = word_set("familiar close involved with at in of from for on who")
# Before a cue these make it a gerund or infinitive ("by saying", "to say"): the speaker is the subject.
_PREPOSITIONS = word_set("to by of from for after before without while when in on about despite since upon")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPOSITIONS = word_set("in at from near")
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


_POSSESSED = re.compile(r"['’]s?\s+([a-z]+)(?:\s+([a-z]+))?")


def _possessed_end(text: str, mention: EntityMention, end: int) -> int:
    """Where the person or body a name owns ends ("Orozco's attorneys", "Kraft's top spokesman"), else
    where the name ends."""
    owner_end = mention.end - 2 if mention.text.endswith(("'s", "’s")) else mention.end
    possessed = _POSSESSED.match(text, owner_end, end)
    for group in (1, 2):
        if possessed is not None and possessed.group(group) and is_source_noun(possessed.group(group)):
            return possessed.end(group)
    return mention.end


def first_mention(mentions: MentionIndex, start: int, end: int) -> tuple[int, int] | None:
    """The first person or organisation of a clause, else its first subject pronoun: a fallback speaker."""
    for mention in mentions.in_span(start, end):
        if mention.label in ("PERSON", "ORG"):
            return (mention.start, _possessed_end(mentions.text, mention, end))
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
    cue_start = _before_anonymity(text, start, _before_parenthesis(text, start, cue_start))
    cue_start = _before_whose(text, start, cue_start)
    words = words_before(text, max(start, cue_start - 300), cue_start)
    while words and is_auxiliary(text[words[-1][0] : words[-1][1]]):
        words.pop()
    if _past_infinitive(text, words):
        while words and is_auxiliary(text[words[-1][0] : words[-1][1]]):
            words.pop()
    if not words:
        return None
    np_end = words[-1][1]
    last = text[words[-1][0] : np_end].lower()
    if last in ("who", "which"):
        return words[-1]
    if last in _PREPOSITIONS or last in _COORDINATORS:
        return None
    if text[np_end:cue_start].strip().startswith(","):
        named = (
            _named_apposition(text, mentions, start, np_end)
            or _named_before_appositions(text, mentions, start, np_end)
            or _named_after_description(text, mentions, start, np_end)
        )
        if named is not None:
            return named
        opening = text.rfind(",", start, np_end)
        if opening < 0:
            return None
        np_end = opening
    return _noun_phrase_ending(text, mentions, start, np_end)


_TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)\s*$")


def _before_parenthesis(text: str, start: int, cue_start: int) -> int:
    """ "Sen. Claire McCaskill (D-Mo.) said": the speaker ends before a parenthesis right before the cue."""
    found = _TRAILING_PARENTHESIS.search(text, max(start, cue_start - 50), cue_start)
    return found.start() if found is not None and found.start() > start else cue_start


_ANONYMITY = re.compile(
    r",?\s+who\s+[^.;“”\"]{0,160}?\b(?:anonymity|anonymously|not\s+to\s+be\s+(?:named|identified)"
    r"|not\s+authori[sz]ed)\b[^.;,“”\"]{0,60},?\s*$",
    re.I,
)
"""A relative clause that asks for anonymity, between a source and its cue: "an official who asked not to
be named", "a source who spoke on condition of anonymity because he was not authorized to speak"."""
ANONYMITY_CHARS = 260
_OPENING_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+[^,]*$")


def _before_anonymity(text: str, start: int, cue_start: int) -> int:
    """ "A source who spoke on condition of anonymity said": the speaker ends before the relative clause,
    and before the apposition it closes ("The employee, a registered Republican who spoke on the condition
    of anonymity, said": the employee)."""
    found = _ANONYMITY.search(text, max(start, cue_start - ANONYMITY_CHARS), cue_start)
    if found is None or found.start() <= start:
        return cue_start
    apposition = _OPENING_APPOSITION.search(text, max(start, found.start() - 60), found.start())
    if apposition is not None and found.group().rstrip().endswith(",") and apposition.start() > start:
        return apposition.start()
    return found.start()


_WHOSE_CLAUSE = re.compile(r",?\s+whose\s+([^,.;:“”\"()—–]{1,120})$")
_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|could|would|can|will|may|might)(?:\s+\S+){2}")
"""An auxiliary and two more words: the clause's own verb ("was hurt in", "have been invalidated"; not
"is helping" before "push for", where the cue is the clause's)."""
_CLAUSE_JOINS = re.compile(r"\b(?:as|and|but|or|while|because|when|if|who|which|that)\b", re.I)


def _before_whose(text: str, start: int, cue_start: int) -> int:
    """ "A rival general manager whose plans could be affected by the deal indicated": the speaker ends
    before a relative clause on "whose" that has a verb of its own before the cue (it tells of someone
    else: "son", "plans"); not "Iran, whose leaders have called for" (the cue is the clause's), nor past
    a conjunction ("whose protests could ... as the party seeks")."""
    found = _WHOSE_CLAUSE.search(text, max(start, cue_start - 130), cue_start)
    if found is None or found.start() <= start or _CLAUSE_JOINS.search(found.group(1)):
        return cue_start
    verb = _CLAUSE_VERB.search(found.group(1))
    return found.start() if verb is not None else cue_start


def _past_infinitive(text: str, words: list[tuple[int, int]]) -> bool:
    """Drop "appeared to" or "wants to" before a cue ("he appeared to suggest"): the speaker is the subject
    of the verb the infinitive completes. True when words were dropped."""
    if len(words) < 2 or text[words[-1][0] : words[-1][1]].lower() != "to":
        return False
    verb = text[words[-2][0] : words[-2][1]].lower()
    if verb not in _TAKES_INFINITIVE:
        return False
    del words[-2:]
    return True


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


def _named_before_appositions(
    text: str, mentions: MentionIndex, start: int, np_end: int
) -> tuple[int, int] | None:
    """The person whose name is a whole piece of the clause, followed only by appositions: "John Christie,
    head of production for Paperny Films, located down the street, said" -> "John Christie" (not the
    company); "Abdoulaye Barry, 24, who works at African Movies, said" -> "Abdoulaye Barry"."""
    pieces = _comma_pieces(text, start, np_end)
    for index, (piece_start, piece_end) in enumerate(pieces[:-1]):
        person = mentions.ending_near(piece_end)
        if person is None or person.label != "PERSON" or person.start < piece_start:
            continue
        if text[piece_start : person.start].strip(" \t\n\"“”'’").strip():
            continue  # "After meeting Obama, the senator, ..." : the name is not the whole piece
        later = [text[a:b].lstrip(" \t\n") for a, b in pieces[index + 1 :]]
        if all(piece[:1].islower() or piece[:1].isdigit() for piece in later):
            return (person.start, person.end)
        return None
    return None


def _named_after_description(
    text: str, mentions: MentionIndex, start: int, np_end: int
) -> tuple[int, int] | None:
    """The person or medium named right after a description that opens the clause: "Gray's school
    principal, Matthew Willoughby of the Urban Assembly School, wrote" -> "Matthew Willoughby"; "A
    reporter of the Iranian news agency, IRNA, said" -> "IRNA"."""
    pieces = _comma_pieces(text, start, np_end)
    if len(pieces) != 2 or len(text[pieces[0][0] : pieces[0][1]].split()) > DESCRIPTION_WORDS:
        return None
    named_start = trim(text, *pieces[1])[0]
    for mention in mentions.in_span(named_start, pieces[1][1]):
        if mention.start == named_start and (mention.label == "PERSON" or medium_named(mention.text)):
            return (mention.start, mention.end)
    return None


def _comma_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans between commas in [start, end)."""
    pieces, piece_start = [], start
    for comma in [i for i in range(start, end) if text[i] == ","] + [end]:
        if text[piece_start:comma].strip():
            pieces.append((piece_start, comma))
        piece_start = comma + 1
    return pieces


_STATE_MEDIA_ENDING = re.compile(
    r"(?:(?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*['’]s?\s+)?(?i:(?:the\s+)?(?:official\s+)?"
    + STATE_MEDIA_RE.pattern
    + r")\s*$"
)
"""State media with the country that owns them: "North Korea's state media" ("state" is no cue there)."""


def _noun_phrase_ending(text: str, mentions: MentionIndex, start: int, np_end: int) -> tuple[int, int] | None:
    np_end = trim(text, start, np_end)[1]
    state_media = _STATE_MEDIA_ENDING.search(text, max(start, np_end - 80), np_end)
    if state_media is not None:
        return (state_media.start(), np_end)
    mention = mentions.ending_near(np_end)
    if mention is not None and mention.start >= start and not _places_a_description(text, start, mention):
        held = _place_holder(text, mentions, start, mention.start, np_end)
        if held is not None:
            return held
        return (_extend_capitalised(text, start, mention.start), np_end)
    words = words_before(text, max(start, np_end - 120), np_end)
    chosen: list[tuple[int, int]] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        token = text[word[0] : word[1]]
        gap = text[word[1] : chosen[-1][0]] if chosen else text[word[1] : np_end]
        if (
            token.lower() in NP_BOUNDARIES
            or (token.islower() and token in CUE_WORDS and not _determined_head(text, words, index, chosen))
            or any(c in BOUNDARY_CHARS for c in gap)
            or len(chosen) >= NP_WORDS
        ):
            break
        chosen.append(word)
    if not chosen or text[chosen[-1][0] : chosen[-1][1]].lower() in _PREPOSITIONS:
        return None  # "responded to the distress call": a phrase after a preposition is no speaker
    if len(chosen) > 1 and text[chosen[-1][0] : chosen[-1][1]].lower() == "with":
        chosen.pop()  # "with prosecution witnesses testifying that": the witnesses testify
    return (chosen[-1][0], chosen[0][1])


def _places_a_description(text: str, start: int, mention: EntityMention) -> bool:
    """ "residents at the village of Gavarzin complained", "Officials in Iran said": a place after "of", "in"
    or "at" ending a noun phrase is where the speakers are, not who speaks."""
    word = word_before_place_preposition(text, start, mention.start)
    if word is None:
        return False
    noun = text[word[0] : word[1]]
    if is_place_noun(noun):
        return True
    opens_sentence = not text[start : word[0]].strip()
    lower_case_noun = (noun.islower() or opens_sentence) and is_common_noun(noun.lower())
    return mention.label in _PLACE_LABELS and lower_case_noun


def _determined_head(
    text: str, words: list[tuple[int, int]], index: int, chosen: list[tuple[int, int]]
) -> bool:
    """ "the report says", "a study found": a cue word right after a determiner heads the noun phrase."""
    if chosen or index == 0:
        return False
    before, head = words[index - 1], words[index]
    return text[before[0] : before[1]].lower() in DETERMINERS and not text[before[1] : head[0]].strip()


def _place_holder(
    text: str, mentions: MentionIndex, start: int, place_start: int, np_end: int
) -> tuple[int, int] | None:
    """The body placed by "in", "at", "from" or "near" before a place: "the U.S. Geological Survey in
    Golden, Colo., said" -> "the U.S. Geological Survey" (not Golden); the person "of" a body ("Ken
    Rosenthal of Fox Sports")."""
    words = words_before(text, max(start, place_start - 16), place_start)
    if len(words) > 1 and text[words[-1][0] : words[-1][1]].lower() == "the":
        words.pop()
    preposition = text[words[-1][0] : words[-1][1]].lower() if words else ""
    if preposition not in _PLACE_PREPOSITIONS and preposition != "of":
        return None
    holder = mentions.ending_near(trim(text, start, words[-1][0])[1])
    if holder is None or holder.start < start or holder.label == "GPE":
        return None
    if preposition == "of":  # "Ken Rosenthal of Fox Sports" (not "the Bank of America"): the whole phrase
        return (holder.start, np_end) if holder.label == "PERSON" else None
    return (_extend_capitalised(text, start, holder.start), holder.end)


def looks_like_inverted_speaker(rest: str) -> bool:
    """ "..., said Sen. Susan Collins." or "..., say sources." rather than "Sen. Johnson, R-Wis., said he
    had heard"."""
    phrase = rest.split(",", 1)[0].strip(TRAILING)
    words = phrase.split()
    if not 0 < len(words) <= MAX_SPEAKER_WORDS or any(_signs_a_clause(w) for w in words):
        return False
    if words[0][:1].isupper():
        return True
    if words[0].lower() in DETERMINERS or words[0].lower() in _QUANTIFIERS:
        return any(w[:1].isupper() or is_source_noun(w) for w in words[1:INVERTED_HEAD_WORDS])
    return _bare_source(words)


def _signs_a_clause(word: str) -> bool:
    lower = word.lower()
    return lower in _CLAUSE_SIGNS or lower.endswith(("n't", "n’t"))


def _bare_source(words: list[str]) -> bool:
    """ "police", "fire officials", "sources familiar with the talks": a short lower-case phrase that ends
    with a noun naming a source, or opens with one and goes on with a modifier (not "rioters tried to
    storm the shop", a clause)."""
    if len(words) > NP_WORDS or not all(w.isalpha() and w.islower() for w in words):
        return False
    if is_source_noun(words[-1]):
        return True
    return len(words) > 1 and words[1] in _SOURCE_MODIFIERS and is_source_noun(words[0])


def first_piece(text: str, start: int, end: int) -> tuple[int, int]:
    """The name before any apposition: "Fred Kagan, director of ..., " -> "Fred Kagan"."""
    span = trim(text, start, _before_parenthesis(text, start, end), " \t\n,'’”")
    comma = text.find(",", span[0], span[1])
    return trim(text, span[0], comma, " ,") if comma > span[0] else span
