"""Entity labels checked against their context, where the small NER model errs: a place after "in" or
"into", "the village of" or "southwest of" is no person ("in Wasilla", "into Betty Ford", "the provincial
capital of Bandar Abbas"), nor is a town before a state's abbreviation ("of Schenectady, N.Y.") or the
abbreviation itself; a name read with "the" or as an organisation elsewhere in the article is a body ("the
Matanuska Creamery"), a ship is no person ("INS Mysore"), a common word opening a sentence is no name
("Arson is suspected"), and a surname read as a body or place beside the full name is a person ("Halcro"
beside "Andrew Halcro"), as is a name an apposition describes as a person ("Darcy Davies, an agriculture
student at ...")."""

from __future__ import annotations

import re

from corroborator.facts.lines import is_heading
from corroborator.lexicon import (
    is_common_noun,
    is_group_noun,
    is_lower_case_noun,
    names_a_person,
    names_a_place_or_body,
    sex_of_first_name,
)
from corroborator.types import EntityMention

LOCATIVE = re.compile(
    r"\b(?:(?:in|into|near|outside|inside|across|throughout|towards?)\s+(?:the\s+)?"
    r"|(?:capital|city|town|village|province|port|island|district|county)\s+of\s+"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+)$",
    re.I,
)
VESSEL = re.compile(r"^(?:INS|MV|MS|MT|SS|USS|USNS|HMS|HMAS|HMCS|RMS|FV)\s")
STATE_ABBREVIATION = (
    r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev"
    r"|N\. ?[HJMYCD]|Okla|Ore|Pa|R\. ?I|S\. ?[CD]|Tenn|Vt|Va|Wash|W\. ?Va|Wis|Wyo)\."
)
"""The Associated Press abbreviations of the US states ("Schenectady, N.Y.", "Rancho Mirage, Calif.")."""
STATE_AFTER = re.compile(r",\s*" + STATE_ABBREVIATION)
STATE = re.compile(STATE_ABBREVIATION)
SENTENCE_START = re.compile(r"(?:^|[.!?\n][\"'”’)]*\s*)$")
CONTEXT_CHARS = 24
APPOSED_PERSON = re.compile(
    r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?([a-z-]+)(?=\s+(?:at|of|in|for|from|with|who)\b|,)"
)
"""An apposition whose head is group 1: ", an agriculture student at", ", the deputy commissioner of"."""
SURNAME_MISREADS = frozenset({"ORG", "GPE", "LOC"})
GROUP_AFTER = re.compile(r"\s+([a-z]+)\b(?:\s+([a-z]+)\b)?")
"""Lower-case words after a name: a group noun, maybe after a modifier ("Mat Su Central fire departments")."""


def checked_labels(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """`mentions` with the labels their context contradicts corrected, and common words taken for names
    dropped. A name read as a place once (after "in") is a place in all its mentions in the article."""
    for mention in mentions:
        if mention.label in SURNAME_MISREADS and _described_as_a_person(text, mention):
            mention.label = "PERSON"
    _people_read_as_bodies(mentions)
    places = {m.text for m in mentions if m.label == "PERSON" and _after_locative(text, m)}
    towns = {m.text for m in mentions if m.label == "PERSON" and _a_place_in_a_state(text, m)}
    bodies = {m.text for m in mentions if _with_article(text, m) or (m.label == "ORG" and " " in m.text)}
    body_words = {w for m in mentions if not is_heading(text, m.start, m.end) for w in m.text.split()}
    kept = []
    for mention in mentions:
        if mention.label == "PERSON" and _headline_words(mention, body_words):
            continue
        if mention.label == "PERSON" and mention.text in towns:
            mention.label = "GPE"
        elif mention.label == "PERSON" and VESSEL.match(mention.text):
            mention.label = "PRODUCT"
        elif mention.label == "PERSON" and mention.text in places:
            mention.label = "FAC" if len(mention.text.split()) > 1 else "GPE"
        elif mention.label == "PERSON" and (mention.text in bodies or _names_a_group(text, mention)):
            mention.label = "ORG"
        elif mention.label == "PERSON" and _common_word_opening_a_sentence(text, mention, mentions):
            continue
        kept.append(mention)
    return kept


def _headline_words(mention: EntityMention, body_words: set[str]) -> bool:
    """ "Driver Charged", "2 Dead", "Suspended Worker Kills 2": headline words taken for a person. None of
    its words names a person of the report's body and it does not open with a first name ("Brian Krebs"
    in a byline, "Lindsay Lohan" in a headline stay)."""
    words = mention.text.split()
    return not body_words & set(words) and sex_of_first_name(words[0]) is None


def _people_read_as_bodies(mentions: list[EntityMention]) -> None:
    """A person the small model read as a body or place where the article also names her in full or by
    surname as a person: "Bettie Page" (an organisation) beside "Ms Page"; "Halcro" (an organisation) or
    "Payton" (a place) beside "Andrew Halcro" or "Sean Payton"."""
    surnames: dict[str, set[str]] = {}
    for person in mentions:
        if person.label == "PERSON":
            surnames.setdefault(person.text.split()[-1], set()).add(person.text)
    for mention in mentions:
        words = mention.text.split()
        if mention.label not in SURNAME_MISREADS or not surnames.get(words[-1], set()) - {mention.text}:
            continue
        if not all(w.isalpha() and w[0].isupper() and not w.isupper() for w in words):
            continue
        given_name = len(words) == 2 and mention.label == "ORG" and not is_common_noun(words[0])
        if given_name or (len(words) == 1 and not names_a_place_or_body(words[0])):
            mention.label = "PERSON"


def _described_as_a_person(text: str, mention: EntityMention) -> bool:
    """ "Darcy Davies, an agriculture student at the University of Alaska": a given name and a surname
    the apposition after them describes as a person (not "Apple, the maker of ...": a common word)."""
    words = mention.text.split()
    if not 2 <= len(words) <= 3 or is_common_noun(words[0]) or not all(w[:1].isupper() for w in words):
        return False
    apposition = APPOSED_PERSON.match(text, mention.end)
    return apposition is not None and names_a_person(apposition.group(1))


def _names_a_group(text: str, mention: EntityMention) -> bool:
    """ "Mat Su Central fire departments": a name before a noun whose first sense is a group, maybe after a
    common noun ("fire"); not "Obama aides" (people) nor "the Obama administration" (first an act)."""
    following = GROUP_AFTER.match(text, mention.end)
    if following is None:
        return False
    first, second = following.groups()
    if is_group_noun(first):
        return True
    return second is not None and is_lower_case_noun(first) and is_group_noun(second)


def _a_place_in_a_state(text: str, mention: EntityMention) -> bool:
    """ "of Schenectady, N.Y.": a name followed by a state's abbreviation is a town; "N. Y." is a state."""
    return bool(STATE.fullmatch(mention.text) or STATE_AFTER.match(text, mention.end))


def _after_locative(text: str, mention: EntityMention) -> bool:
    return bool(LOCATIVE.search(text[max(0, mention.start - CONTEXT_CHARS) : mention.start]))


def _with_article(text: str, mention: EntityMention) -> bool:
    """ "the Matanuska Creamery": a name of two or more words right after a lower-case "the" and not
    before another name ("the John F. Kennedy Center" is read whole elsewhere); people take no article."""
    if len(mention.text.split()) < 2 or text[max(0, mention.start - 4) : mention.start] != "the ":
        return False
    following = text[mention.end : mention.end + 2].lstrip()
    return not following[:1].isupper()


def _common_word_opening_a_sentence(
    text: str, mention: EntityMention, mentions: list[EntityMention]
) -> bool:
    """ "Arson" opening "Arson is suspected": one word, at a sentence start, a common noun that names no
    person, and no part of a longer name in the article (so "Bell" after "Joique Bell" stays)."""
    word = mention.text
    if " " in word or not SENTENCE_START.search(text[max(0, mention.start - CONTEXT_CHARS) : mention.start]):
        return False
    if any(word in m.text.split() for m in mentions if m.text != word):
        return False
    return is_lower_case_noun(word)

