"""Quotes and attributions: who said what, through which cue, relayed by which media.

Rules over token text, sentence bounds, entities, punctuation and the cue lexicon of `quotes_lexicon`
(the pipeline has no tagger or parser). For each cue in a sentence:
- content after the cue: "X said (that) CONTENT", "X told Reuters CONTENT", "X said: "CONTENT"",
  "X called for CONTENT", "According to X, CONTENT";
- content before the cue: "CONTENT, X said", ""CONTENT," said X", "CONTENT, according to X",
  "CONTENT, the news agency Reuters reported on Sunday citing state media".
Quoted content grows to its whole quotation ("...," she said, even across sentences). Speakers are the entity
or noun phrase next to the cue; pronouns resolve to the last person, "the report" to the last medium, "state
media" to the state medium of the article. `via` lists the media a quote passed through (those whose reported
content holds it, and the medium told), `cites` what the speaker cites; `relay_chain` strings it all together.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from corroborator.analyze.nlp.arrays import read_sentence_bounds, sentence_bounds
from corroborator.analyze.nlp.load import text_of
from corroborator.analyze.quotes.acts import is_act, is_passive
from corroborator.analyze.quotes.conjoined import distributed_bodies, listed_speakers, paired_speakers
from corroborator.analyze.quotes.lexicon import (
    CLAUSE_FORMS,
    OBJECT_VERBS,
    SPEECH_FORMS,
    SPEECH_VERBS,
    TELL_FORMS,
    find_cues,
    is_participle,
)
from corroborator.analyze.quotes.mentions import MentionIndex
from corroborator.analyze.quotes.nesting import without_nested, without_repeats
from corroborator.analyze.quotes.quoted import credit_the_quoted, quoted_before, quoting_before
from corroborator.analyze.quotes.reading import (
    ArticleView,
    Found,
    content_after,
    content_before,
    grow_to_quotes,
    reads_backwards,
    skip_fillers,
    skip_object,
)
from corroborator.analyze.quotes.relay import (
    WRITES,
    add_enclosing_media,
    add_noted_relays,
    identified_as,
    media_in_speaker,
    medium_of,
    posted_on,
    relay_chain,
    resolve_speaker,
)
from corroborator.analyze.quotes.signed import signed_quotes
from corroborator.analyze.quotes.speaker import DETERMINERS, END_PUNCT
from corroborator.analyze.quotes.text import QuoteIndex, sentence_pieces, trim, words_before
from corroborator.analyze.quotes.turns import labelled_line, person_labels_line, transcript_turns, with_turns
from corroborator.lexicon import is_common_noun, is_only_adjective
from corroborator.types.analysis import EntityMention, Quote, Span

__all__ = ["extract_quotes", "relay_chain"]

_DISCOURSE = re.compile(r"^(?:but|and|however|yet|so|now|still|meanwhile|also|indeed|instead)?[\s,]*$", re.I)
POLL_RE = re.compile(
    r"\b[Ii]n\s+((?:a|an|the|this|that|their|its|his|her)\s+(?:[\w’'/.-]+\s+){0,5}?"
    r"(?:poll|polls|survey|surveys|study|analysis))\b"
)
_CONJUNCTION_BEFORE = re.compile(r",?\s+(?:and|but)\s+(?:(?:also|then|later|has|had|have)\s+)?$")
_TO = re.compile(r"\s*to\s+")
_NOT_MADE_YET = re.compile(
    r"(?:\bwill|\bshall|['’]ll"
    r"|\b(?:is|are|was|were|be|been|being)\s+(?:asked|urged|encouraged|invited|requested)\s+to)"
    r"\s+(?:[a-z]+ly\s+)?$"
)
"""Before a cue, a statement not made yet: "Ross will argue that ...", "anyone with knowledge of the fire is
asked to call Sergeant Gray"."""
NOT_MADE_YET_CHARS = 40


def extract_quotes(doc: Doc, entities: list[EntityMention], outlet: str | None) -> list[Quote]:
    """Every attribution in `doc`: content span, speaker, cue, kind, and the media it passed through."""
    text = text_of(doc)
    if not text.strip():
        return []
    sentences = _sentence_bounds(doc, len(text))
    mentions = MentionIndex(list(entities), text)
    article = ArticleView(text, QuoteIndex(text), mentions, outlet, [start for start, _ in sentences])
    cues = sorted([*find_cues(text), *((m.start(), m.start() + 2, "in") for m in POLL_RE.finditer(text))])
    quotes: list[Quote] = []
    cursor = 0
    for start, end in sentence_pieces(sentences, text):
        while cursor < len(cues) and cues[cursor][0] < start:
            cursor += 1
        first = cursor
        while cursor < len(cues) and cues[cursor][1] <= end:
            cursor += 1
        if cursor > first and not person_labels_line(article.text, article.mentions, start, end):
            quotes.extend(_sentence_quotes(article, start, end, cues[first:cursor]))
        else:
            quotes.extend(_labelled_line(article, start, end))
    turns = [*transcript_turns(text), *signed_quotes(text, article.quotes)]
    quotes = with_turns(quotes, [_to_quote(article, found) for found in turns])
    quotes = without_repeats(without_nested(text, quotes))
    add_enclosing_media(quotes)
    add_noted_relays(text, quotes, article.mentions)
    own = medium_of(outlet)
    for quote in quotes:
        quote.via = [name for name in quote.via if name != own]
    return quotes


def _labelled_line(article: ArticleView, start: int, end: int) -> list[Quote]:
    found = labelled_line(article.text, start, end)
    return [_to_quote(article, found)] if found is not None else []


def _sentence_bounds(doc: Doc, text_length: int) -> list[tuple[int, int]]:
    """Character spans of the sentences, read from token arrays (no Token objects: they are slow)."""
    firsts = [start for start, _ in sentence_bounds(doc) or read_sentence_bounds(doc)]
    return list(zip(firsts, [*firsts[1:], text_length], strict=True))


def _sentence_quotes(
    article: ArticleView, start: int, end: int, cues: list[tuple[int, int, str]]
) -> list[Quote]:
    founds: list[Found] = []
    previous: tuple[int, int] | None = None
    consumed = start
    for cue_start, cue_end, form in cues:
        cue = (cue_start, cue_end)
        if (
            cue[0] < consumed
            or _after_determiner(article.text, start, cue)
            or _in_noun_compound(article.text, cue, start, end, form)
            or article.quotes.enclosing(cue[0]) is not None
        ):
            continue
        if form == "according to":
            found = _according_to(article, start, end, cue)
        elif form == "in":
            found = _in_poll(article, start, end, cue)
        elif form in CLAUSE_FORMS:
            found = _whole_clause(article, start, end, cue)
        else:
            found = _verb_cue(article, start, end, cue, form, previous)
        if found is None or found.content[1] - found.content[0] < 2:
            continue
        consumed = found.consumed
        previous = found.speaker or previous
        _cut_earlier_contents(article.text, founds, found)
        _give_opening_participle_its_subject(article.text, founds, found)
        founds.append(found)
    return [_to_quote(article, found) for found in founds]


def _after_determiner(text: str, start: int, cue: tuple[int, int]) -> bool:
    """Whether the cue word follows "a", "the", "his" ..., maybe past a hyphenated modifier ("his
    early-morning tweets"), or a possessive with no clause after ("Friday's tweets", not "Trump's claim
    that ..."): a noun or adjective, not a verb."""
    cue_start = cue[0]
    words = words_before(text, max(start, cue_start - 30), cue_start)
    if not words or text[words[-1][1] : cue_start].strip():
        return False
    last = text[words[-1][0] : words[-1][1]]
    if _POSSESSIVE_WORD.search(last):
        return not _CONTENT_OPENING.match(text, cue[1])
    if len(words) > 1 and last.islower() and _modifies_a_noun(last, text[cue[0] : cue[1]]):
        last = text[words[-2][0] : words[-2][1]]
    return last.lower() in DETERMINERS


def _modifies_a_noun(word: str, cue_word: str) -> bool:
    """A hyphenated modifier ("early-morning tweets"), or a word only an adjective before a cue that can be
    a noun ("an hourlong show", "the biggest decline")."""
    if "-" in word:
        return True
    return word not in _ADJECTIVES_OF_PEOPLE and is_only_adjective(word) and is_common_noun(cue_word)


_ADJECTIVES_OF_PEOPLE = frozenset({"other", "wealthy"})
"""Adjectives that stand for people after "the" ("the other said", "the wealthy say")."""
_POSSESSIVE_WORD = re.compile(r"\w['’]s?$")
_CONTENT_OPENING = re.compile(r"\s*(?:that\b|:|[\"“‘'])")
BARE_FORMS = frozenset(SPEECH_VERBS) | frozenset(OBJECT_VERBS)
_COMPOUND_RE = re.compile(r"\s([a-z]+)\s+(\w+)")
_BEFORE_RE = re.compile(r"([a-z]+)\s+$")


def _in_noun_compound(text: str, cue: tuple[int, int], start: int, end: int, form: str) -> bool:
    """Whether the cue word is inside a noun compound whose head speaks: "the talk show host said" (a bare
    form between a singular lower-case word and a common noun, and then a verb of speech; not "voters say
    they think", "officials say police said" or "want to say")."""
    if form not in BARE_FORMS:
        return False
    after = _COMPOUND_RE.match(text, cue[1], end)
    before = _BEFORE_RE.search(text, max(start, cue[0] - 30), cue[0])
    return (
        after is not None
        and after.group(2) in SPEECH_FORMS
        and before is not None
        and not before.group(1).endswith("s")
        and before.group(1) not in DETERMINERS
        and is_common_noun(before.group(1))
        and is_common_noun(after.group(1))
    )


def _cut_earlier_contents(text: str, founds: list[Found], later: Found) -> None:
    """An earlier content ends where a later attribution starts: "Kim called for X, KCNA said",
    "Comey called it careless, but said ..."."""
    if later.content[1] <= later.cue[0]:
        cut = later.content[1]
    else:
        conjunction = _CONJUNCTION_BEFORE.search(text, max(0, later.cue[0] - 40), later.cue[0])
        if conjunction is None:
            return
        cut = trim(text, 0, conjunction.start(), " ,")[1]
    for found in founds:
        if found.content[0] < cut < found.content[1]:
            found.content = (found.content[0], cut)


def _give_opening_participle_its_subject(text: str, founds: list[Found], later: Found) -> None:
    """ "Citing an unfounded theory, Trump accused ...": a participle opening the sentence, with no speaker,
    is said by the subject of the clause after its comma, the later cue's speaker; its content ends there."""
    if later.speaker is None:
        return
    for found in founds:
        if found.speaker is not None or not is_participle(text[found.cue[0] : found.cue[1]]):
            continue
        comma = text.rfind(",", found.content[0], later.speaker[0])
        if comma > 0 and not text[comma + 1 : later.speaker[0]].strip():
            found.content = (found.content[0], comma)
            found.speaker = later.speaker


def _to_quote(article: ArticleView, found: Found) -> Quote:
    text = article.text
    speaker = speaker_entity = None
    span = found.speaker
    bodies = distributed_bodies(text, span) if span is not None else None
    if span is not None and bodies is not None:
        span = (bodies[0], span[1])  # "the interior and commerce ministries", not "commerce ministries"
    if span is not None:
        speaker = Span(span[0], span[1], text[span[0] : span[1]])
        speaker_entity = resolve_speaker(speaker.text, span[0], span[1], article.mentions)
        speaker_entity = speaker_entity or identified_as(text, article.mentions, span[1])
    c_start, c_end = found.content
    kind = found.kind
    if kind == "indirect" and article.quotes.enclosing(c_start + 1) is not None:
        kind = "mixed"
    via = [found.told] if found.told else []
    co_speakers: list[str] = []
    if span is not None:
        named = media_in_speaker(span[0], span[1], article.mentions)
        via += [name for name in named if name != speaker_entity and name not in via]
        inverted = span[0] > found.cue[0]
        listed = listed_speakers(text, article.mentions, span, speaker_entity, inverted)
        listed = listed or paired_speakers(text, article.mentions, span, article.sentence_starts)
        listed = listed or (bodies[1] if bodies is not None else [])
        speaker_entity, co_speakers = (listed[0], listed[1:]) if listed else (speaker_entity, [])
    return Quote(
        content=Span(c_start, c_end, text[c_start:c_end]),
        speaker=speaker,
        speaker_entity=speaker_entity,
        cue=Span(found.cue[0], found.cue[1], text[found.cue[0] : found.cue[1]]),
        kind=kind,  # type: ignore[arg-type]
        via=via,
        cites=found.cites,
        co_speakers=co_speakers,
    )


_WRITERS_PHRASES = re.compile(
    r"\b(?:[Hh]aving said that|[Tt]hat said|[Ii]t(?: is|['’]s) worth (?:noting|mentioning|remembering)|"
    r"[Nn]eedless to say|[Ss]uffice it to say|so to speak|to say nothing of|that is to say)\b"
)
WRITERS_PHRASE_CHARS = 25


def _in_writers_phrase(text: str, cue: tuple[int, int]) -> bool:
    """ "Having said that, ...", "It is worth noting that ...": the writer's own turns of phrase."""
    window_start = max(0, cue[0] - WRITERS_PHRASE_CHARS)
    return any(
        found.start() <= cue[0] and cue[1] <= found.end()
        for found in _WRITERS_PHRASES.finditer(text, window_start, cue[1] + WRITERS_PHRASE_CHARS)
    )


def _according_to(article: ArticleView, start: int, end: int, cue: tuple[int, int]) -> Found | None:
    text = article.text
    comma = text.find(",", cue[1], end)
    source_end = comma if comma >= 0 else end
    speaker = trim(text, cue[1], source_end, END_PUNCT)
    if speaker[1] <= speaker[0]:
        return None
    if _DISCOURSE.match(text[start : cue[0]]):
        if comma < 0:
            return None
        content = trim(text, comma + 1, end, END_PUNCT)
    else:
        content = trim(text, start, cue[0], END_PUNCT)
    found = Found(cue, grow_to_quotes(article, content), speaker, "according_to")
    found.consumed = speaker[1]
    return found


def _in_poll(article: ArticleView, start: int, end: int, cue: tuple[int, int]) -> Found | None:
    """ "In a Fox poll, Cruz had 38 percent" / "Cruz had 38 percent in a Fox poll": the poll is the source."""
    text = article.text
    match = POLL_RE.match(text, cue[0], end)
    if match is None:
        return None
    speaker = (match.start(1), match.end())
    if _DISCOURSE.match(text[start : cue[0]]):
        comma = text.find(",", match.end(), end)
        if comma < 0 or comma - match.end() > 60:
            return None
        content = trim(text, comma + 1, end, END_PUNCT)
    else:
        content = trim(text, start, cue[0], END_PUNCT)
    found = Found(cue, content, speaker, "according_to")
    found.consumed = match.end()
    return found


def _whole_clause(article: ArticleView, start: int, end: int, cue: tuple[int, int]) -> Found | None:
    """ "For Trump, the returns seemed a reminder ...": the content is the clause, with no speaker."""
    text = article.text
    comma = text.rfind(",", start, cue[0])
    content = trim(article.text, start if comma < 0 else comma + 1, end, END_PUNCT)
    found = Found(cue, content, None)
    found.consumed = cue[1]
    return found


def _verb_cue(
    article: ArticleView,
    start: int,
    end: int,
    cue: tuple[int, int],
    form: str,
    previous: tuple[int, int] | None,
) -> Found | None:
    if is_act(article.text, cue, form) or is_passive(article.text, start, cue, form):
        return None
    if _in_writers_phrase(article.text, cue):
        return None
    if _NOT_MADE_YET.search(article.text, max(start, cue[0] - NOT_MADE_YET_CHARS), cue[0]):
        return None
    position, cites = skip_fillers(article, cue[1], end)
    quoting = quoting_before(article, start, cue)
    previous = quoting.quoted(article) or previous  # "quoted the governor as saying": the governor
    addressed, told = _past_addressee(article, form, position, end)
    if addressed is not None:
        position, more_cites = skip_fillers(article, addressed, end)
        cites.extend(more_cites)
    found = quoted_before(article, start, end, cue, position)
    before = found is not None
    if found is None and reads_backwards(article, start, end, cue, form, position):
        found = content_before(article, start, end, cue, position)
    elif found is None:
        found = content_after(article, start, end, cue, form, position, previous)
    if found is not None:
        found.cites = cites
        found.told = told or posted_on(article.text, cue, form, position)
        found.consumed = position
        credit_the_quoted(article, start, found, quoting, before)
    return found


def _past_addressee(
    article: ArticleView, form: str, position: int, end: int
) -> tuple[int | None, str | None]:
    """Past who was told ("told Reuters that"), the medium written to ("“...,” he wrote the AP") or spoken
    to ("..., her rep confirms to PEOPLE"), and the medium if one was; None when the cue addresses no one."""
    if form in TELL_FORMS:
        return skip_object(article, position, end)
    to = _TO.match(article.text, position)
    addressed = to.end() if to is not None else position if form.lower() in WRITES else None
    written_to = article.mentions.medium_at(addressed) if addressed is not None else None
    return (written_to[1], written_to[2]) if written_to is not None else (None, None)
