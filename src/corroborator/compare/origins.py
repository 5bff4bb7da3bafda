"""Where each claim comes from: attribution chains normalised and extended along copy links, their origins,
and the origins of each clause (`compare.independence` says what a brief makes of them)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from corroborator.analyze.entities.media import lookup
from corroborator.analyze.quotes.lexicon import PRONOUNS as QUOTE_PRONOUNS
from corroborator.analyze.quotes.lexicon import inflections, word_set
from corroborator.compare.documents import DocumentAuthors
from corroborator.compare.entities_table import EntityClusters
from corroborator.compare.one_source import OneSource
from corroborator.compare.units import Unit
from corroborator.lexicon import is_common_noun, is_document_noun, is_inquiry_noun, is_source_noun, knows_word
from corroborator.types import Article, CopyLink, OriginTrace, Quote

GENERIC_STATE_MEDIA = "state media"
MAX_UNKNOWN_SOURCE_WORDS = 4
"""A chain element that is no known entity and longer than this is a misread phrase, not a source."""
MAX_PLACED_SOURCE_WORDS = 8
STANCE_VERBS = frozenset(
    {"want", "support", "back", "plan", "decide", "favor", "favour", "prefer", "name", "seek", "offer"}
    | {"decline", "refuse", "propose", "recommend", "attack", "hope"}
    | {"find", "see", "know"}
)
"""Cues of a stance, an act or a perception, not a statement: what someone wants, hopes, plans, proposes
or attacks, what a jury finds ("Jurors found true the allegations") or a village sees ("saw serious
destruction") is no claim they are the source of. Beliefs ("Olney believes X") are: the believer is the
claim's source."""
STANCE_FORMS = frozenset(form for verb in STANCE_VERBS for form in inflections(verb))
"""Every form of the stance cues, as the cue lexicon inflects them ("found", "saw", "hoped")."""
BELIEF_VERBS = ("think", "believe", "feel", "suspect")
BELIEF_FORMS = frozenset(form for verb in BELIEF_VERBS for form in inflections(verb))
GROUP_QUANTIFIERS = word_set("most many some few several all")
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP"})
NOT_SOURCES = frozenset({"PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW", "LANGUAGE", "LOC"})
"""Labels of things, not sources; a law whose head word names a document is cited ("the Turkmen
constitution")."""
PRONOUNS = QUOTE_PRONOUNS | word_set(
    "my our your his its their one ones all both each which whom that this these those there someone "
    "somebody nobody none anyone anybody everyone everybody no-one"
)
"""Words that stand for a source without naming it: a speaker that is one of these is unresolved."""
HEAD_ENDS = word_set("in at of from for on with near")
DESCRIPTION_OPENERS = word_set("a an the one two three several some")
_WORDS = re.compile(r"[^\W\d_][\w-]*")


@dataclass
class Origins:
    """Chains per unit (origin first), and the story's origin traces."""

    chains: dict[int, list[str]] = field(default_factory=dict)
    co_origins: dict[int, list[str]] = field(default_factory=dict)
    """Per unit, the origins named with its chain's origin ("The Hollywood Reporter and Collider")."""
    traces: dict[str, OriginTrace] = field(default_factory=dict)
    relays: dict[str, OriginTrace] = field(default_factory=dict)
    """The media in the chains after their origin, each with the chains it relays."""

    def origin_of(self, unit: Unit) -> str:
        return self.chains[unit.key][0]

    def origins_of(self, units: list[Unit]) -> list[str]:
        return sorted({name for u in units for name in [self.origin_of(u), *self.co_origins.get(u.key, [])]})


def origin_kind(name: str, clusters: EntityClusters) -> str:
    org = lookup(name)
    if org is not None:
        return "state_media" if org.kind == "state_media" else org.kind
    label = clusters.label(name)
    if label == "PERSON":
        return "person"
    if label in ("ORG", "NORP", "GPE"):
        return "organisation"
    return "unknown"


def trace_origins(
    articles: list[Article],
    units: list[Unit],
    clusters: EntityClusters,
    name: dict[str, str],
    copies: tuple[CopyLink, ...],
) -> Origins:
    """Normalise every unit's chain, extend it along copy links, and collect one trace per origin."""
    by_article: dict[str, list[Unit]] = {}
    for unit in units:
        by_article.setdefault(unit.article, []).append(unit)
    state_media = _story_state_media(units)
    defaults = {a.id: _default_chain(by_article.get(a.id, []), name[a.id], state_media) for a in articles}
    copied_from = {link.article: link.copy_of for link in copies}
    origins = Origins()
    one_source = OneSource(units, clusters)
    spelled: dict[str, str] = {}
    documents = DocumentAuthors()
    for unit in units:
        attribution = [] if _stance(unit) else documents.attribution(unit, unit.attribution)
        chain = _normalise(attribution, state_media, clusters) or list(defaults[unit.article])
        chain = _one_source_first(chain, one_source.source_of(chain[0], unit.article))
        chain = [spelled.setdefault(name.casefold(), name) for name in chain]
        chain = _extend_upstream(chain, defaults[unit.article])
        chain = _through_copies(chain, unit.article, copied_from, defaults, name)
        origins.chains[unit.key] = chain
        named_with = _co_origins(unit, attribution, chain, state_media, clusters)
        co_chains = [[spelled.setdefault(name.casefold(), name), *chain[1:]] for name in named_with]
        origins.co_origins[unit.key] = [co_chain[0] for co_chain in co_chains]
        for traced in [chain, *co_chains]:
            head = OriginTrace(traced[0], origin_kind(traced[0], clusters))
            _add(origins.traces.setdefault(traced[0], head), traced, unit)
        noted = {clusters.of(name) for name in unit.quote.via} if unit.quote is not None else set()
        for relay in chain[1:]:
            if lookup(relay) is not None or relay in noted:  # a person relays when noted ("via Jeff Duncan")
                kind = origin_kind(relay, clusters)
                _add(origins.relays.setdefault(relay, OriginTrace(relay, kind, role="relay")), chain, unit)
    return origins


def _add(trace: OriginTrace, chain: list[str], unit: Unit) -> None:
    if chain not in trace.chains:
        trace.chains.append(chain)
    if unit.article not in trace.articles:
        trace.articles.append(unit.article)


def _co_origins(
    unit: Unit, attribution: list[str], chain: list[str], state_media: str | None, clusters: EntityClusters
) -> list[str]:
    """The sources named with the speaker when the speaker is the chain's origin (not when it cites one)."""
    quote = unit.quote
    if quote is None or not quote.co_speakers or not attribution or quote.cites:
        return []
    named = _normalise(quote.co_speakers, state_media, clusters)
    return [name for name in named if name not in chain]


def _one_source_first(chain: list[str], source: str) -> list[str]:
    return [source, *(name for name in chain[1:] if name != source)]


def _stance(unit: Unit) -> bool:
    """Whether the unit lies in what someone wants, plans or supports ("Boras wants a ten-year deal", "he
    was named coach"), or in what people at large believe ("Most people thought she was dead")."""
    quote = unit.quote
    if quote is None or quote.cue is None:
        return False
    cue = quote.cue.text.split()[0].casefold()
    return cue in STANCE_FORMS or (cue in BELIEF_FORMS and _people_at_large(quote.speaker_entity, quote))


def _people_at_large(entity: str | None, quote: Quote) -> bool:
    """ "Most people", "many economists": a quantified group no one can be asked about what it believes."""
    words = quote.speaker.text.casefold().split() if quote.speaker is not None else []
    return entity is None and len(words) > 1 and words[0] in GROUP_QUANTIFIERS


def _story_state_media(units: list[Unit]) -> str | None:
    """The state medium the story names most ("state media" in a North Korea story is KCNA)."""
    seen: Counter[str] = Counter()
    for unit in units:
        for name in [*unit.attribution, *(e.entity for e in unit.entities)]:
            org = lookup(name)
            if org is not None and org.kind == "state_media":
                seen[org.name] += 1
    return seen.most_common(1)[0][0] if seen else None


def _normalise(chain: list[str], state_media: str | None, clusters: EntityClusters) -> list[str]:
    """Canonical names, "state media" resolved, repeats dropped."""
    out: list[str] = []
    for raw in chain:
        org = lookup(raw)
        if org is not None:
            name = org.name
        elif GENERIC_STATE_MEDIA in raw.casefold():
            name = state_media or GENERIC_STATE_MEDIA
        elif _not_a_source(raw, clusters):
            continue
        else:
            name = clusters.of(_document_named(raw) or _named_in(raw, clusters))
        if name not in out:
            out.append(name)
    return out


def _document_named(speaker: str) -> str | None:
    """A named document without what it tells of: "The EPIX broadcast of the match" -> "The EPIX
    broadcast"; None for a phrase that is no such document."""
    words = speaker.split()
    cut = _head_end(words)
    if cut is None or not is_document_noun(words[cut - 1]) or not any(w[0].isupper() for w in words[1:cut]):
        return None
    return " ".join(words[:cut])


def _named_in(speaker: str, clusters: EntityClusters) -> str:
    """The person or body a speaker with a title or role names ("Interior Secretary Ken Salazar" -> "Ken
    Salazar"): the longest tail of its words that is one of the story's entities (a person, when the
    speaker was read as a body: "Interior Ken Salazar"), else the name left when leading common nouns are
    taken off ("Commissioner Olli Rehn" -> "Olli Rehn")."""
    words = speaker.split()
    label = clusters.label(speaker)
    for start in range(1, len(words) if label != "PERSON" else 0):
        tail = " ".join(words[start:])
        if words[start - 1].casefold() in HEAD_ENDS:
            continue  # "residents at the village of Gavarzin": a place, not who speaks
        if tail[0].isupper() and clusters.label(tail) in (SPEAKER_LABELS if label is None else ("PERSON",)):
            return tail
    if label not in (None, "PERSON") or not all(w[0].isupper() for w in words):
        return speaker
    if len(words) <= 2:  # "Inspector Gaskin", "Payton": the one person of the story with that surname
        return clusters.person_by_surname(words[-1]) or speaker
    start = 0
    while len(words) - start > 2 and is_common_noun(words[start]):
        start += 1
    return " ".join(words[start:])


def _not_a_source(name: str, clusters: EntityClusters) -> bool:
    """A misread speaker: a thing ("Hwasong-17", "the bill"), a pronoun left unresolved ("they", "I don't"),
    a fragment ("For the 2014", "Posted"), or a long phrase that is no known entity."""
    label = clusters.label(name)
    words = _WORDS.findall(name)
    if label is not None and label != "PERSON":
        return label in NOT_SOURCES and not (label == "LAW" and is_document_noun(words[-1]))
    long_phrase = len(words) > MAX_UNKNOWN_SOURCE_WORDS and not (
        _placed(words) or _described(words) or _a_bodys_institution(name, clusters)
    )
    if not words or (long_phrase and label is None):
        return True
    if label == "PERSON":
        return len(words) == 1 and _common_word_not_a_source(words[0])
    head = words[-1]
    if head.casefold() in PRONOUNS:
        return True
    if _is_proper_name(words) or (head[0].isupper() and not knows_word(head)):
        return False  # a name ("Angels GM Tony Reagins") or a word the dictionary does not know ("THR")
    if _a_bodys_institution(name, clusters):
        return False
    return not (_names_a_source(head) or is_source_noun(_head_word(words)) or _placed(words))


_OWNED = re.compile(r"^([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+(?:[a-z-]+\s+){0,2}[a-z]+$")
BODY_OWNERS = frozenset({"GPE", "ORG", "NORP"})


_PLACED_INSTITUTION = re.compile(
    r"^(?:[Tt]he|[Aa]n?)\s+(?:[a-z-]+\s+){0,3}[a-z-]+\s+(?:in|at)\s+(?:the\s+[a-z]+\s+of\s+)?"
    r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)$"
)


def _a_bodys_institution(name: str, clusters: EntityClusters) -> bool:
    """ "Iran's seismologic center", "Tehran's disaster office", "the disaster center in the province of
    Hormozgan": a country's or body's own institution, a common noun after its possessive name or before
    where it is."""
    owned = _OWNED.match(name) or _PLACED_INSTITUTION.match(name)
    return owned is not None and clusters.label(owned.group(1)) in BODY_OWNERS


def _names_a_source(noun: str) -> bool:
    """A person or body, a document or an inquiry ("officials", "a statement", "an autopsy")."""
    return is_source_noun(noun) or is_document_noun(noun) or is_inquiry_noun(noun)


def _placed(words: list[str]) -> bool:
    """ "An office worker in Dubai", "Carabinieri paramilitary police in Palermo", "The EPIX broadcast of
    the match": a source noun, or a document noun with a name, that a phrase after "in", "at" or "of"
    qualifies, so longer than an unknown phrase may be."""
    head = _head_word(words)
    if len(words) > MAX_PLACED_SOURCE_WORDS or head is words[-1]:
        return False
    named = any(word[0].isupper() for word in words[1:])  # "The EPIX broadcast", not "reports from ..."
    return is_source_noun(head) or (named and is_document_noun(head))


def _described(words: list[str]) -> bool:
    """ "A senior fire department official": a determiner, modifiers in lower case and a source noun, so
    longer than an unknown phrase may be (not "the comedian and talk show host": two descriptions)."""
    return (
        len(words) <= MAX_PLACED_SOURCE_WORDS
        and words[0].casefold() in DESCRIPTION_OPENERS
        and all(word.islower() and word not in ("and", "or") for word in words[1:])
        and is_source_noun(words[-1])
    )


def _head_word(words: list[str]) -> str:
    """The word a phrase is about when a preposition follows it ("police in Sicily" -> "police")."""
    cut = _head_end(words)
    return words[-1] if cut is None else words[cut - 1]


def _head_end(words: list[str]) -> int | None:
    """The index of the first preposition after a phrase's first word ("in" of "police in Sicily")."""
    return next((i for i, word in enumerate(words[1:], start=1) if word.casefold() in HEAD_ENDS), None)


def _is_proper_name(words: list[str]) -> bool:
    named = words[1:] if words[0].casefold() == "the" else words
    return len(named) >= 2 and all(w[0].isupper() for w in named)


def _common_word_not_a_source(word: str) -> bool:
    """A word tagged as a person that the dictionary knows as something else ("Arson" opening a sentence)."""
    return knows_word(word) and not is_source_noun(word) and word.casefold() not in PRONOUNS


def _default_chain(units: list[Unit], article_name: str, state_media: str | None) -> list[str]:
    """The chain most of the article's unquoted claims inherit (its lede source), else the article itself."""
    inherited: Counter[tuple[str, ...]] = Counter(
        tuple(u.attribution) for u in units if u.quote is None and u.attribution
    )
    if not inherited:
        return [article_name]
    chain = list(inherited.most_common(1)[0][0])
    return [state_media if GENERIC_STATE_MEDIA in c.casefold() and state_media else c for c in chain]


def _extend_upstream(chain: list[str], default: list[str]) -> list[str]:
    """A claim credited to a relay of the article's source ("Reuters reported") comes from that source."""
    head = chain[0]
    if head in default and default.index(head) > 0:
        upstream = default[: default.index(head)]
        return [*upstream, *(c for c in chain if c not in upstream)]
    return chain


def _through_copies(
    chain: list[str],
    article: str,
    copied_from: dict[str, str],
    defaults: dict[str, list[str]],
    name: dict[str, str],
) -> list[str]:
    """A copy's own-reporting claims come from the article it copies."""
    seen = {article}
    while (
        chain == [name.get(article, article)] and article in copied_from and copied_from[article] not in seen
    ):
        original = copied_from[article]
        seen.add(original)
        chain = [*defaults.get(original, [name.get(original, original)]), *chain]
        article = original
    return chain
