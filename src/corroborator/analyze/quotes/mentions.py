"""The entity mentions of an article, searchable by position, with the news media among them: the index
speakers are resolved against (pronouns to people, "the paper" to the last newspaper named)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from corroborator.analyze.entities import media
from corroborator.analyze.quotes.lexicon import COUNTRY_WORDS, STATE_MEDIA_RE
from corroborator.lexicon import (
    is_kind_of_role,
    names_a_person,
    noun_base,
    sex_of_first_name,
)
from corroborator.types.analysis import EntityMention

MAX_LOOKBACK = 200
"""How many mentions back a pronoun looks for its person."""
_POSSESSIVE = re.compile(r"\s?['’]s?\b")
PRONOUN_SEX = {"he": "m", "him": "m", "she": "f", "her": "f"}
_SEX_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_PRINT = frozenset({"newspaper", "magazine", "online"})
_AGENCIES = frozenset({"wire", "state_media"})
_BROADCAST = frozenset({"broadcaster", "state_media"})
MEDIUM_KINDS: dict[str, frozenset[str]] = {
    "paper": _PRINT, "newspaper": _PRINT, "daily": _PRINT,
    "agency": _AGENCIES, "wire": _AGENCIES, "service": _AGENCIES, "dispatch": _AGENCIES,
    "broadcaster": _BROADCAST, "network": _BROADCAST, "channel": _BROADCAST,
}
"""The kinds of news organisation (`data/news_orgs.json`) each describing noun can stand for."""
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
DESCRIBED_STATE_MEDIA = frozenset({"state media", "state television"})
"""State media named by description alone, none of them by name."""
STATE_BROADCAST = re.compile(r"\b(?:television|tv|broadcaster)\b", re.IGNORECASE)
"""A state medium described as a broadcaster: "state television", "State-run TV"."""
_BROADCASTER_NAME = re.compile(r"\b(?:Television|TV|Broadcasting)\b")
_STATE_MEDIUM_AT = re.compile(r"\s*(?:the\s+)?(" + STATE_MEDIA_RE.pattern + ")", re.IGNORECASE)
_TITLE_WORDS = re.compile(r"(?<![\w.])((?:[A-Za-z-]+ ){1,3})$")
_TITLE_BEFORE = re.compile(r"(?<![\w-])(?:[Tt]he|[Aa]n?)\s+((?:[a-z-]+\s+)?[a-z-]+),\s*$")
_APPOSED_TITLE = re.compile(r",\s+(?:one of the|an?|the)\s+((?:[a-z-]+\s+)?[a-z-]+)(?=[,.;])")
_NAME_RUN = re.compile(r"[A-Z][\w&.'’!-]*(?:[ -](?:[A-Z][\w&.'’!-]*|of|de|du|la))*")


def nearest(mentions: list[EntityMention], position: int) -> EntityMention | None:
    """Of mentions in text order, the last that ends by `position`, else the first after it."""
    before = [m for m in mentions if m.end <= position]
    return before[-1] if before else (mentions[0] if mentions else None)


def _fold_mention(text: str) -> str:
    return re.sub(r"(?:['’]s|['’])$", "", text.strip()).lower().removeprefix("the ")


@dataclass
class MentionIndex:
    """The entity mentions of one article, searchable by position, with the media among them."""

    entities: list[EntityMention]
    text: str = ""
    _starts: list[int] = field(init=False)
    _media: list[tuple[int, int, str]] = field(init=False)
    _person_titles: list[tuple[EntityMention, list[str]]] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.entities = sorted(self.entities, key=lambda e: (e.start, -e.end))
        self._starts = [e.start for e in self.entities]
        self._media = find_media(self.text)

    def medium_at(self, position: int) -> tuple[int, int, str] | None:
        """The medium named right at `position` (white space or "the" allowed before it)."""
        described = _STATE_MEDIUM_AT.match(self.text, position)
        if described is not None:  # "told the state television"
            name = self.state_medium(described.group(1))
            return (described.start(1), described.end(1), name) if name is not None else None
        index = bisect.bisect_left(self._media, (position, 0, ""))
        if index == len(self._media):
            return None
        between = self.text[position : self._media[index][0]].strip().lower()
        return self._media[index] if between in ("", "the") else None

    def media_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, canonical name) of the media named within [start, end)."""
        first = bisect.bisect_left(self._media, (start, 0, ""))
        return [found for found in self._media[first:] if found[1] <= end]

    def in_span(self, start: int, end: int) -> list[EntityMention]:
        first = bisect.bisect_left(self._starts, start)
        found = []
        for mention in self.entities[first:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def ending_near(self, end: int) -> EntityMention | None:
        """The speaker-like mention ending at `end` (a trailing possessive or space allowed)."""
        index = bisect.bisect_left(self._starts, end) - 1
        while index >= 0 and end - self.entities[index].start < 120:
            mention = self.entities[index]
            if mention.label in SPEAKER_LABELS and end - 3 <= mention.end <= end:
                return mention
            index -= 1
        return None

    def last_person_before(self, position: int, pronoun: str = "") -> EntityMention | None:
        """The last person named before `position` whom `pronoun` can stand for ("she" passes over "Donald
        Trump"), passing over a possessor named since the sentence began ("Nichols stole Wilhelm's pickup
        truck, where he said" -> Nichols)."""
        index = bisect.bisect_left(self._starts, position) - 1
        stop = max(-1, index - MAX_LOOKBACK)
        sentence_start = max(self.text.rfind(". ", 0, position), self.text.rfind("\n", 0, position))
        possessor = None
        while index > stop:
            mention = self.entities[index]
            if mention.label == "PERSON" and mention.end <= position and self._may_be(mention, pronoun):
                if mention.start < sentence_start:
                    return possessor or mention
                if not _POSSESSIVE.match(self.text, mention.end):
                    return mention
                possessor = possessor or mention
            index -= 1
        return possessor

    def _may_be(self, mention: EntityMention, pronoun: str) -> bool:
        """Whether `pronoun` can stand for the person: no "she" for a "Mr." or for a full name whose first
        name US birth records give men, no "he" for a "Mrs." or a woman's first name."""
        wanted = PRONOUN_SEX.get(pronoun)
        if wanted is None:
            return True
        title = _SEX_TITLE.search(self.text, max(0, mention.start - 6), mention.start)
        words = mention.entity.split()
        found: str | None = sex_of_first_name(words[0]) if len(words) >= 2 else None
        if title is not None:
            found = "m" if title.group(1).casefold() == "mr" else "f"
        return found is None or found == wanted

    def titled_person(self, title: str, position: int) -> EntityMention | None:
        """The person the article names with `title` right before the name ("supreme leader Kim Jong Un"),
        the last such before `position`, else the first after it."""
        return nearest([m for m in self.entities if m.label == "PERSON" and self._titled(m, title)], position)

    def _titled(self, mention: EntityMention, title: str) -> bool:
        """The title right before the name ("Interior Secretary Ken Salazar"), or in apposition to it ("the
        interior secretary, Ken Salazar,", "Nichols' mother, Claritha," or "Ken Salazar, the interior
        secretary,")."""
        before = self.text[max(0, mention.start - 80) : mention.start].rstrip().lower()
        if re.search(rf"(?:\bthe|['’]s?)\s+{re.escape(title)},$", before):
            before = before.removesuffix(",").rstrip()
        if before.endswith(title) and not before[: -len(title)][-1:].isalnum():
            return True
        after = self.text[mention.end : mention.end + len(title) + 12].lower()
        return re.match(rf",\s+the {re.escape(title)}(?![\w'’-])", after) is not None

    def role_holders(self, role: str, qualifier: str | None) -> list[EntityMention]:
        """The persons named with `role` or a kind of it as their title ("District Attorney Paul Howard" for
        "prosecutor"), in order; with a qualifier the title must say it too ("defense" lawyers)."""
        if self._person_titles is None:
            self._person_titles = [(m, self._titles(m)) for m in self.entities if m.label == "PERSON"]
        return [
            mention
            for mention, titles in self._person_titles
            if any(
                is_kind_of_role(title, role) and (qualifier is None or qualifier in title.split())
                for title in titles
            )
        ]

    def _titles(self, mention: EntityMention) -> list[str]:
        """The titles a name is given: the words right before it ("deputy district attorney", "district
        attorney", "attorney"), an apposition after it ("Josh Moore, one of the defense lawyers,") and one
        before it ("The producers, Craig Zadan"); only those that name a kind of person."""
        window = self.text[max(0, mention.start - 60) : mention.start]
        before = _TITLE_WORDS.search(window)
        words = before.group(1).lower().split() if before else []
        titles = [" ".join(words[start:]) for start in range(len(words))]
        for apposed in (_APPOSED_TITLE.match(self.text, mention.end), _TITLE_BEFORE.search(window)):
            if apposed is not None:
                titles.append(noun_base(apposed.group(1).lower()) or apposed.group(1).lower())
        return [title for title in titles if names_a_person(title)]

    def last_medium_before(self, position: int, noun: str = "") -> str | None:
        """The last news organisation named before `position` that `noun` can describe ("the paper" is
        no news agency: "Reuters ... the paper said" is unresolved)."""
        kinds = _kinds_described(noun)
        index = bisect.bisect_left(self._media, (position, 0, "")) - 1
        while index >= 0:
            org = media.lookup(self._media[index][2])
            if kinds is None or (org is not None and org.kind in kinds):
                return self._media[index][2]
            index -= 1
        return None

    def state_medium(self, phrase: str = "") -> str | None:
        """The state medium a phrase stands for: for "state television" ("State-run TV"), the state
        broadcaster this article names, else the phrase as written ("state television": the news agency of
        the country is another medium); for "state media", the state medium this article names, else the
        one of the first country with state media."""
        if STATE_BROADCAST.search(phrase):
            return self._named_state_broadcaster() or "state television"
        for _, _, name in self._media:
            org = media.lookup(name)
            if org is not None and org.kind == "state_media":
                return org.name
        for mention in self.entities:
            country = COUNTRY_WORDS.get(_fold_mention(mention.text))
            if mention.label in ("GPE", "NORP") and country:
                outlets = media.state_media_of(country)
                if outlets:
                    return outlets[0].name
        return None

    def _named_state_broadcaster(self) -> str | None:
        for _, _, name in self._media:
            org = media.lookup(name)
            if org is not None and org.kind == "state_media" and _broadcasts(org):
                return org.name
        return None


def _broadcasts(org: media.NewsOrg) -> bool:
    return any(_BROADCASTER_NAME.search(name) for name in (org.name, *org.aliases))


def _kinds_described(noun: str) -> frozenset[str] | None:
    """The kinds of news organisation a description names ("the paper": newspapers and magazines); None
    for any kind ("the report", "the outlet")."""
    last = noun.lower().split()[-1] if noun.strip() else ""
    return MEDIUM_KINDS.get(last)


def find_media(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of every news organisation named in `text`, in order."""
    found: list[tuple[int, int, str]] = []
    for run in _NAME_RUN.finditer(text):
        words = run.group().split()
        lead = 1 if len(words) > 1 and words[0] == "The" else 0
        first = words[lead].lower().strip(".,'’") if words else ""
        if first not in media.first_words() and not any(word in media.MASTHEAD_WORDS for word in words[1:]):
            continue
        for size in range(min(5, len(words)), 0, -1):
            org = media.lookup(" ".join(words[:size]))
            if org is not None:
                found.append((run.start(), run.start() + len(" ".join(words[:size])), org.name))
                break
    return found


def medium_named(text: str) -> media.NewsOrg | None:
    """The medium `text` names, also when a medium name starts it ("Reuters Kim", a mis-joined entity)."""
    org = media.lookup(text)
    if org is not None:
        return org
    words = text.split()
    for size in range(min(4, len(words) - 1), 0, -1):
        org = media.lookup(" ".join(words[:size]))
        if org is not None:
            return org
    return None
