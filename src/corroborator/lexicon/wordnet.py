"""What the project asks of WordNet: which nouns name people, bodies, places or documents, base forms,
kinds of roles, related and opposite verbs (the reader comes from `lexicon.loader`)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from corroborator.lexicon.loader import load_wordnet, one_thread_at_a_time

if TYPE_CHECKING:
    from nltk.corpus.reader.wordnet import Synset

SOURCE_LEXNAMES = frozenset({"noun.person", "noun.group"})
PLACE_OR_BODY_LEXNAMES = frozenset({"noun.location", "noun.group"})
SOURCE_SENSES_READ = 2
"""A noun names a source when one of its two most used senses is a person or a body ("agency", not "letter",
whose person sense, "one who lets", is rare)."""
COMMUNICATOR = "communicator.n.01"
TOP_SOURCES = frozenset({"person.n.01", "group.n.01"})


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def verb_base(word: str) -> str:
    """The base form of a verb ("planned" -> "plan", "wrote" -> "write"); the word itself if unknown."""
    base = load_wordnet().morphy(word.casefold(), "v")
    return str(base) if base else word.casefold()


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def knows_word(word: str) -> bool:
    """Whether WordNet has `word` (or its base form) in any part of speech."""
    return bool(load_wordnet().synsets(word.casefold()))


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def is_source_noun(word: str) -> bool:
    """Whether a noun names a person or body that can be a source ("spokesman", "police", "sources" as
    informants; not "bill", "grenade", "letters")."""
    reader = load_wordnet()
    senses = reader.synsets(word.casefold(), pos="n")
    if any(s.lexname() in SOURCE_LEXNAMES or s.name() in TOP_SOURCES for s in senses[:SOURCE_SENSES_READ]):
        return True
    communicator = reader.synset(COMMUNICATOR)
    return any(communicator in s.closure(lambda x: x.hypernyms()) for s in senses)


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def is_common_noun(word: str) -> bool:
    """Whether `word` has a noun sense that is not a named instance ("commissioner", not "Herman")."""
    return any(not s.instance_hypernyms() for s in load_wordnet().synsets(word.casefold(), pos="n"))


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def is_only_adjective(word: str) -> bool:
    """Whether WordNet knows `word` (or its base form: "biggest") as an adjective and as nothing else
    ("hourlong", "wealthy"; not "official", "young", "early")."""
    reader = load_wordnet()
    folded = word.casefold()
    adjective = bool(reader.synsets(folded, pos="a"))
    return adjective and not any(reader.synsets(folded, pos=pos) for pos in ("n", "v", "r"))


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def is_lower_case_noun(word: str) -> bool:
    """Whether WordNet has the word, in lower case, as a common noun that names no person: "Arson" as
    "arson", "Riot"; not "Herman" (only a name) or "Police" (a body)."""
    folded = word.lower()
    common = [s for s in load_wordnet().synsets(folded, pos="n") if not s.instance_hypernyms()]
    lemmas = {lemma.name() for synset in common for lemma in synset.lemmas()}
    return folded in lemmas and not is_source_noun(folded)


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def names_a_place_or_body(word: str) -> bool:
    """Whether WordNet knows `word` as a place or a group ("Jordan", "Washington"; not "Payton")."""
    senses = load_wordnet().synsets(word.casefold(), pos="n")
    return any(s.lexname() in PLACE_OR_BODY_LEXNAMES for s in senses)


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def can_name_a_place(word: str) -> bool:
    """Whether a common noun has a sense that is a place ("village", "province"; not "company")."""
    return any(s.lexname() == "noun.location" for s in load_wordnet().synsets(word.casefold(), pos="n"))


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def is_document_noun(word: str) -> bool:
    """Whether a noun's most used sense is a communication (a statement, report, letter or video) or a
    recording of sounds or pictures ("footage", "a tape recording", "photographs")."""
    sense = _first_noun_sense(word)
    if sense is None:
        return False
    near = {sense, *_hypernyms_within(sense, RECORDING_DEPTH)}
    return sense.lexname() == "noun.communication" or any(item.name() in RECORDINGS for item in near)


RECORDINGS = frozenset({"recording.n.01", "recording.n.03", "film.n.03", "representation.n.02"})
"""Senses of what records sounds or pictures: a signal or medium recorded, photographic film, a picture."""
RECORDING_DEPTH = 2


INQUIRY_SENSES = frozenset({"inquiry.n.01", "investigation.n.02"})


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def is_inquiry_noun(word: str) -> bool:
    """Whether a noun's most used sense is an inquiry or a kind of one, whose findings have an origin: an
    autopsy, a study, a poll, tests, an investigation (not "decision" or "plan")."""
    sense = _first_noun_sense(word)
    if sense is None:
        return False
    names = {sense.name()} | {s.name() for s in sense.closure(lambda s: s.hypernyms())}
    return bool(names & INQUIRY_SENSES)


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def is_group_noun(word: str) -> bool:
    """Whether a noun's most used sense is a group of people: a department, a council, the police (not
    "administration", first an act, nor "officials", people)."""
    sense = _first_noun_sense(word)
    return sense is not None and sense.lexname() == "noun.group"


def _first_noun_sense(word: str) -> Synset | None:
    """The most used noun sense of a word (callers hold the reader's lock)."""
    senses = load_wordnet().synsets(word.casefold(), pos="n")
    return senses[0] if senses else None


SENSES_CONSIDERED = 3
"""A term's first senses only: rare senses relate almost any two common words."""


@functools.lru_cache(maxsize=8192)
@one_thread_at_a_time
def same_or_more_general(left: str, right: str) -> bool:
    """Whether one term names the same thing as the other or a more general thing ("automatic rifles" /
    "assault rifles": an assault rifle is an automatic rifle). Terms are words or compounds; a sense of one
    (of its first SENSES_CONSIDERED) is a sense of the other, or, for nouns, among its hypernyms. Unknown
    terms are not related."""
    first, second = _first_senses(left), _first_senses(right)
    if not first or not second:
        return False
    if set(first) & set(second):
        return True
    return _is_kind_of(first, second) or _is_kind_of(second, first)


@functools.lru_cache(maxsize=8192)
@one_thread_at_a_time
def role_names(word: str) -> tuple[str, ...]:
    """The word and the other names WordNet gives its first noun sense ("lawyer" -> "lawyer", "attorney"),
    lower case."""
    senses = load_wordnet().synsets(word.strip().casefold(), pos="n")
    names = [name.replace("_", " ").casefold() for name in senses[0].lemma_names()] if senses else []
    return tuple(dict.fromkeys([word.casefold(), *names]))


@functools.lru_cache(maxsize=8192)
@one_thread_at_a_time
def noun_base(phrase: str) -> str | None:
    """The singular of a noun or compound ("defense lawyers" -> "defense lawyer"), lower case; None when
    WordNet does not know it as a noun."""
    base = load_wordnet().morphy(phrase.strip().casefold().replace(" ", "_"), "n")
    return str(base).replace("_", " ") if base else None


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def names_a_person(term: str) -> bool:
    """Whether a word or compound has a noun sense, among its first SENSES_CONSIDERED, that is a kind of
    person ("district attorney", "producers"; not "meeting" or "message")."""
    return any(sense.lexname() == "noun.person" for sense in _first_senses(term, "n"))


@functools.lru_cache(maxsize=8192)
@one_thread_at_a_time
def is_kind_of_role(title: str, role: str) -> bool:
    """Whether a title names a role or a kind of it, as nouns ("district attorney" is a "prosecutor",
    "defense attorney" a "defense lawyer" and a "lawyer"; "lawyer" is no "prosecutor")."""
    titles, roles = _first_senses(title, "n"), _first_senses(role, "n")
    if not titles or not roles:
        return False
    return bool(set(titles) & set(roles)) or _is_kind_of(titles, roles)


@functools.lru_cache(maxsize=8192)
@one_thread_at_a_time
def is_degree_word(word: str) -> bool:
    """Whether a modifier tells a degree, not a kind: WordNet's first sense of it is a quantity
    ("maximum", "minimum"). "the maximum sentence" and "a life sentence" can name one sentence, as "the
    largest union" and "a sector union" can name one union."""
    senses = load_wordnet().synsets(word.strip().casefold())
    return bool(senses) and senses[0].lexname() == "noun.quantity"


def _first_senses(term: str, pos: str | None = None) -> list[Synset]:
    """The first SENSES_CONSIDERED senses of a word or compound ("district attorney")."""
    return list(
        load_wordnet().synsets(term.strip().casefold().replace(" ", "_"), pos=pos)[:SENSES_CONSIDERED]
    )


def _is_kind_of(narrow: list[Synset], broad: list[Synset]) -> bool:
    general = {hypernym for sense in narrow if sense.pos() == "n" for hypernym in _hypernyms(sense)}
    return any(sense in general for sense in broad)


def _hypernyms(sense: Synset) -> list[Synset]:
    return list(sense.closure(lambda s: s.hypernyms() + s.instance_hypernyms()))


VERB_HYPERNYM_DEPTH = 2
"""How far up WordNet's verb hierarchy one event may lie from another and still be a way of telling it
("murder" -> "kill")."""


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def related_verbs(left: str, right: str) -> bool:
    """Whether two verbs can tell one event: the same base form, a shared sense (of their first
    SENSES_CONSIDERED: "check into" / "enter" do not, "murder" / "kill" do through a hypernym within
    VERB_HYPERNYM_DEPTH), or one a way of doing the other."""
    if verb_base(left) == verb_base(right):
        return True
    (first, near_first), (second, near_second) = _verb_reach(left), _verb_reach(right)
    if not first or not second:
        return False
    return bool(near_first & second or near_second & first)


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def _verb_reach(word: str) -> tuple[frozenset[Synset], frozenset[Synset]]:
    """A verb's first senses, and those senses with their hypernyms within VERB_HYPERNYM_DEPTH: read once
    a word, so that comparing two verbs is two set intersections."""
    senses = _verb_senses(word)
    near = {hypernym for sense in senses for hypernym in _hypernyms_within(sense, VERB_HYPERNYM_DEPTH)}
    return frozenset(senses), frozenset(near | set(senses))


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def opposite_verbs(left: str, right: str) -> bool:
    """Whether one verb names the opposite of the other ("begin" / "end", "resign" / "take office")."""
    return bool(_verb_antonyms(left) & (_verb_lemmas(right) | {verb_base(right)}))


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def _verb_lemmas(word: str) -> frozenset[str]:
    return frozenset(lemma.name() for sense in _verb_senses(word) for lemma in sense.lemmas())


@functools.lru_cache(maxsize=65536)
@one_thread_at_a_time
def _verb_antonyms(word: str) -> frozenset[str]:
    return frozenset(
        antonym.name()
        for sense in _verb_senses(word)
        for lemma in sense.lemmas()
        for antonym in lemma.antonyms()
    )


def _verb_senses(word: str) -> list[Synset]:
    return list(load_wordnet().synsets(word.casefold(), pos="v")[:SENSES_CONSIDERED])


def _hypernyms_within(sense: Synset, depth: int) -> set[Synset]:
    """The hypernyms of a sense up to `depth` levels above it."""
    found: set[Synset] = set()
    level = [sense]
    for _ in range(depth):
        level = [hypernym for item in level for hypernym in item.hypernyms()]
        found.update(level)
    return found
