"""Who a speaker is and which media a quote passed through: pronouns, "the report", "state media", via."""

from __future__ import annotations

import bisect
import re

from corroborator.analyze.entities import media
from corroborator.analyze.quotes.lexicon import MEDIA_GROUP, MEDIUM_NOUNS, PERSON_PRONOUNS, STATE_MEDIA_RE
from corroborator.analyze.quotes.mentions import (
    DESCRIBED_STATE_MEDIA,
    MentionIndex,
    find_media,
    medium_named,
    nearest,
)
from corroborator.analyze.quotes.text import after_a_place_noun
from corroborator.lexicon import (
    is_source_noun,
    names_a_person,
    noun_base,
    role_names,
)
from corroborator.types.analysis import EntityMention, Quote

MAX_ENCLOSING_CHARS = 10_000
"""No reported content is longer than this (sentence pieces and quotations are capped below it)."""


_TITLED = re.compile(r"the ((?:[a-z-]+ ){0,2}[a-z-]+)")
"""A definite description that may be a title: "the supreme leader", "the minister"."""
_POSSESSED_ROLE = re.compile(r"(?:[\w.-]+(?: [\w.-]+){0,2}['’]s|his|her|their)\s+([a-z]+)")
"""A role held for someone: "lindsay lohan's lawyer", "her spokesman"."""
_GROUP = re.compile(
    r"(?:(?:the|both|all|two|three|four|five|several|many|some|other)\s+)*(?:([a-z-]+)\s+)?([a-z-]+)"
)
"""A description of people by their role: "prosecutors", "both attorneys", "the defense lawyers"."""
RANKS_OF_A_FORCE = frozenset({"deputy", "officer", "trooper", "constable"})
"""Ranks whose plural speaks for the force ("Deputies said"), not for the one deputy an article names."""
_DESCRIBED_MEMBER = re.compile(r"(.+?)\s+(?:of|for|at|from)\s+\S")
"""A description of people in a body: "the producers of the Academy Awards telecast"."""


_WORK = (
    r"(?:[a-z-]+\s+)?(?:report|statement|letter|study|thesis|paper|memo|e-?mail|tweet|post|"
    r"book|column|blog|research|analysis|testimony|account|affidavit|lawsuit|complaint|filing)$"
)
_OWNED_WORK = re.compile(r"^(his|her)\s+" + _WORK)
_NAMED_OWNERS_WORK = re.compile(r"^['’]s?\s+" + _WORK)
"""What follows a name that owns a work: "Willoughby's letter", "Kraft's statement"."""


def resolve_speaker(text: str, start: int, end: int, mentions: MentionIndex) -> str | None:
    """The canonical speaker of the phrase `text` at [start, end): an entity key or a medium name."""
    lowered = text.lower().strip()
    if lowered in PERSON_PRONOUNS:
        person = mentions.last_person_before(start, lowered)
        return person.entity if person else None
    owned = _OWNED_WORK.match(lowered)
    if owned is not None:  # "Her report notes that ...": the report's author
        person = mentions.last_person_before(start, "he" if owned.group(1) == "his" else "she")
        return person.entity if person else None
    owner = _owner_of_work(text, start, end, mentions)
    if owner is not None:  # "“...,” Willoughby's letter continued.": the letter's author
        return owner.entity
    if lowered in ("who", "which"):
        antecedent = mentions.ending_near(start - 2)
        return antecedent.entity if antecedent else None
    if STATE_MEDIA_RE.search(text):
        return mentions.state_medium(text) or "state media"
    if MEDIUM_NOUNS.match(lowered):
        return mentions.last_medium_before(start, lowered)
    inside = mentions.in_span(start, end)
    heads = [m for m in inside if not re.match(r"['’]s?\b", text[m.end - start : m.end - start + 2])]
    journalist = _journalist(heads)
    if journalist is not None:  # "Ken Rosenthal of Fox Sports", "KYW's Pat Loeb": the person, via the medium
        return journalist.entity
    for mention in inside:
        org = medium_named(mention.text)
        if org is not None:
            return org.name
    org = media.lookup(text)
    if org is not None:
        return org.name
    described = _DESCRIBED_MEMBER.match(lowered)
    if described and not any(m.label == "PERSON" for m in inside):
        member = _holder_of_group(described.group(1), start, mentions)
        if member is not None:
            return member.entity
    for label in ("PERSON", "ORG", "GPE", "NORP"):
        for mention in reversed(heads):
            if mention.label == label:
                return None if _placed_source(text, start, mention) else mention.entity
    titled = _TITLED.fullmatch(lowered)
    holder = mentions.titled_person(titled.group(1), start) if titled and not inside else None
    if holder is None:
        holder = _holder_of_role(lowered, start, mentions)
    if holder is None and not inside:
        holder = _holder_of_group(lowered, start, mentions)
    return holder.entity if holder else None


def _journalist(heads: list[EntityMention]) -> EntityMention | None:
    """The person a speaker phrase names, also beside a medium ("Ken Rosenthal of Fox Sports", "KYW's Pat
    Loeb"): the person speaks, the medium relays."""
    people = [m for m in heads if m.label == "PERSON" and medium_named(m.text) is None]
    return people[-1] if people else None


def media_in_speaker(start: int, end: int, mentions: MentionIndex) -> list[str]:
    """The media a speaker phrase names besides its speaker: "Ken Rosenthal of Fox Sports" -> Fox Sports."""
    names: list[str] = []
    for mention in mentions.in_span(start, end):
        org = medium_named(mention.text)
        if org is not None and org.name not in names:
            names.append(org.name)
    return names


def _owner_of_work(text: str, start: int, end: int, mentions: MentionIndex) -> EntityMention | None:
    """The person or body whose possessive name opens `text` before a work ("Willoughby's letter")."""
    owners = [m for m in mentions.in_span(start, end) if m.label in ("PERSON", "ORG")]
    return next((m for m in owners if _NAMED_OWNERS_WORK.match(text[m.end - start :].lower())), None)


def _placed_source(text: str, start: int, mention: EntityMention) -> bool:
    """ "Vancouver police", "Iranian officials", "police in Palermo": a place or a people that only
    qualifies the source the phrase names with a common noun; the phrase, not the place, is the source."""
    if mention.label not in ("GPE", "NORP") and not after_a_place_noun(text, 0, mention.start - start):
        return False
    if _DESCRIBED_THEN_PLACED.fullmatch(text[: mention.start - start]):
        return True  # "the disaster center in the province of Hormozgan": the center, not the province
    rest = re.findall(r"[A-Za-z]+", text[: mention.start - start] + " " + text[mention.end - start :])
    return any((w.islower() or index == 0) and is_source_noun(w.lower()) for index, w in enumerate(rest))


_DESCRIBED_THEN_PLACED = re.compile(
    r"(?:[Tt]he|[Aa]n?)\s+(?:[a-z-]+\s+){0,3}[a-z-]+\s+(?:in|at|near)\s+(?:the\s+[a-z]+\s+of\s+)?"
)
"""A description in lower case, then where it is: what comes after is a place, the description the source."""


def _holder_of_role(lowered: str, start: int, mentions: MentionIndex) -> EntityMention | None:
    """The person the article names with the role of a possessed description: "Lindsay Lohan's lawyer
    says" -> "Attorney Mark Jay Heller" (the role or a WordNet synonym of it as the title)."""
    possessed = _POSSESSED_ROLE.fullmatch(lowered)
    if possessed is None:
        return None
    for title in role_names(possessed.group(1)):
        holder = mentions.titled_person(title, start)
        if holder is not None:
            return holder
    return None


def _holder_of_group(lowered: str, start: int, mentions: MentionIndex) -> EntityMention | None:
    """The person the article names with the role a description of people gives, or a kind of it:
    "prosecutors contended" -> "District Attorney Paul Howard", "defense lawyers" -> "Josh Moore, one of
    the defense lawyers": the last named before the description, else the first after it."""
    group = _GROUP.fullmatch(lowered)
    head = noun_base(group.group(2)) if group else None
    if group is None or head is None:
        return None
    qualifier = group.group(1)
    compound = noun_base(f"{qualifier} {head}") if qualifier else None
    role, qualifier = (compound, None) if compound else (head, qualifier)
    plural = group.group(2) != head
    if not names_a_person(role) or (role in RANKS_OF_A_FORCE and plural and not qualifier):
        return None
    return nearest(mentions.role_holders(role, qualifier), start)


def resolve_cited(text: str, start: int, mentions: MentionIndex) -> str:
    """The canonical name of what a speaker cites ("state media" -> KCNA), else the phrase itself."""
    if STATE_MEDIA_RE.search(text) or text.strip().lower() in ("state media", "state-run media"):
        return mentions.state_medium(text) or text.strip()
    org = media.lookup(text)
    if org is not None:
        return org.name
    if MEDIUM_NOUNS.match(text.strip()):
        return mentions.last_medium_before(start, text) or text.strip()
    return text.strip()


_TWEETS = frozenset({"tweet", "tweets", "tweeted", "tweeting"})
WRITES = frozenset({"write", "writes", "wrote", "writing"})


def posted_on(text: str, cue: tuple[int, int], form: str, position: int) -> str | None:
    """The platform a statement was posted on: "said on her Twitter feed", "wrote on Facebook"; a tweet is
    posted on Twitter."""
    named = find_media(text[cue[1] : position])
    if named:
        return named[0][2]
    return "Twitter" if form.lower() in _TWEETS else None


MAX_IDENTIFIED_CHARS = 40
_CAPITALISED_NAME = re.compile(r"[A-Z][\w'’-]+(?: (?!No\.)[A-Z][\w'’-]+){0,3}(?: No\. ?\d+)?")
_IDENTIFIED_AS = re.compile(r",\s+(?:who\s+(?:was|has\s+been|is)\s+)?identified\s+(?:\w+\s+){0,3}?as\s+")


def identified_as(text: str, mentions: MentionIndex, speaker_end: int) -> str | None:
    """The name a description is given right after it: "said the white woman, who was identified as Juror
    No. 12", "a man, identified by police as John Smith"."""
    found = _IDENTIFIED_AS.match(text, speaker_end)
    if found is None:
        return None
    named = mentions.in_span(found.end(), found.end() + MAX_IDENTIFIED_CHARS)
    first = named[0] if named else None
    if first is not None and first.start == found.end():
        return first.entity
    name = _CAPITALISED_NAME.match(text, found.end())
    return name.group().strip() if name else None


def medium_of(name: str | None) -> str | None:
    """The canonical medium name for a speaker key, or None when the speaker is not a medium."""
    if not name:
        return None
    if name in DESCRIBED_STATE_MEDIA:
        return name
    org = media.lookup(name)
    return org.name if org else None


def add_enclosing_media(quotes: list[Quote]) -> None:
    """Append to each quote's `via` the media whose reported content contains it, nearest first."""
    ordered = sorted(quotes, key=lambda q: q.content.start)
    starts = [q.content.start for q in ordered]
    for quote in quotes:
        anchor = quote.cue.start if quote.cue else quote.content.start
        first = bisect.bisect_left(starts, anchor - MAX_ENCLOSING_CHARS)
        last = bisect.bisect_right(starts, min(anchor, quote.content.start))
        enclosing = [
            outer
            for outer in ordered[first:last]
            if outer is not quote and anchor < outer.content.end and quote.content.end <= outer.content.end
        ]
        enclosing.sort(key=lambda q: q.content.end - q.content.start)
        for outer in enclosing:
            for name in [outer.speaker_entity, *outer.via]:
                medium = medium_of(name)
                if medium and medium not in quote.via and medium != medium_of(quote.speaker_entity):
                    quote.via.append(medium)
            group = media_group(outer)
            if group is not None and group not in quote.via:
                quote.via.append(group)


def media_group(quote: Quote) -> str | None:
    """The speaker's words when they name media as a group ("news organizations"), else None."""
    if quote.speaker is None or not MEDIA_GROUP.match(quote.speaker.text):
        return None
    return quote.speaker.text


_NOTED_RELAY = re.compile(r"\((?:via|h/t|hat tip to)\s+([^()\n]{2,80})\)")
"""A relay noted after a quotation: "(via Jeff Duncan of the Times-Picayune)"."""
NOTE_REACH = 120
"""How far after a quote's cue or content its relay may be noted."""


def add_noted_relays(text: str, quotes: list[Quote], mentions: MentionIndex) -> None:
    """Put first in `via` of the quote just before it the people and media a note names: "“...,” Coach
    Sean Payton said (via Jeff Duncan of the Times-Picayune)" -> via Jeff Duncan, the Times-Picayune."""
    for note in _NOTED_RELAY.finditer(text):
        before = [q for q in quotes if 0 <= note.start() - _quote_end(q) <= NOTE_REACH]
        if not before:
            continue
        quote = max(before, key=_quote_end)
        if any(c in ".!?\n" for c in text[_quote_end(quote) : note.start()].rstrip("”\"'’ ")):
            continue
        people = [m.entity for m in mentions.in_span(*note.span(1)) if m.label == "PERSON"]
        media_named = [name for _, _, name in mentions.media_in(*note.span(1))]
        quote.via = [*people, *media_named, *(name for name in quote.via if name not in media_named)]


def _quote_end(quote: Quote) -> int:
    ends = [quote.content, quote.cue, quote.speaker]
    return max(span.end for span in ends if span is not None)


def relay_chain(quote: Quote, outlet: str | None) -> list[str]:
    """Origin first: what the speaker cites, the speaker, the media that relayed it, the publishing outlet."""
    speaker = quote.speaker_entity or (quote.speaker.text if quote.speaker else None)
    chain = [medium_of(name) or name for name in reversed(quote.cites)]
    if speaker:
        chain.append(medium_of(speaker) or speaker)
    chain.extend(medium_of(name) or name for name in quote.via)
    if outlet:
        chain.append(medium_of(outlet) or outlet)
    deduplicated: list[str] = []
    for name in chain:
        if not deduplicated or deduplicated[-1] != name:
            deduplicated.append(name)
    return deduplicated
