"""Reading one cue in its sentence: where its content lies (before or after it) and who the speaker is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corroborator.analyze.quotes.lexicon import (
    CITING_RE,
    FILLER_RE,
    NP_BOUNDARIES,
    SPEECH_FORMS,
    TELL_FORMS,
    is_participle,
    word_set,
)
from corroborator.analyze.quotes.mentions import MentionIndex, find_media
from corroborator.analyze.quotes.relay import resolve_cited
from corroborator.analyze.quotes.speaker import (
    CUE_WORDS,
    DETERMINERS,
    END_PUNCT,
    MAX_SPEAKER_WORDS,
    TRAILING,
    first_mention,
    first_piece,
    looks_like_inverted_speaker,
    speaker_before,
    trim_auxiliaries,
)
from corroborator.analyze.quotes.text import QuoteIndex, trim, words_before

LABEL = r"((?:[A-Z][\w.’'-]*\s?){1,4}):\s+"
"""A name or label of up to four capitalised words and a colon: "Poll: ...", "Said Ellis: ..."."""
OPENERS = "“\"'`‘"
CLOSERS = "”\"'’"
_ON_A_MEDIUM = re.compile(
    r"\s*,?\s*(?:on|in)\s+(?:(?:the\s+)?(?:[A-Z][\w-]*\s+)?(?:newspaper|daily|paper|magazine|network|channel|"
    r"broadcaster|station|website)\s+)?(?=[A-Z])"
)
"""Before a medium's name: "on", "in", maybe a description ("in French newspaper Le Parisien")."""
_AS_GAP = re.compile(r",?\s+as\s+(?=\S)")
_NEW_CLAUSE = word_set("and but or so yet then while as when before after because")
_THAT_RE = re.compile(r"\bthat\b")
_OBJECT_WORDS = word_set(
    "him her them me us you reporters journalists supporters voters listeners viewers readers "
    "lawmakers members officials senators delegates students attendees audiences"
)
_IMPERSONAL = re.compile(
    r"\b[Ii]t(?:['’]s|\s+(?:is|was|would\s+be|will\s+be|may\s+be|might\s+be|could\s+be|seems|seemed))"
    r"\s[^,;.]*\bto\s+$"
)
"""The writer's own words: "it would be a stretch to say", "it is fair to say", "it's safe to say"."""
IMPERSONAL_CHARS = 80
_PARTICIPLE_ADVERBS = word_set("even now also still then again later only just often repeatedly")
_COORDINATOR = re.compile(r"(?:\([^()]{0,80}\)\s*)?(?:and|or|nor)\s")
"""A content that opens with a coordinator, maybe past a parenthesis ("to write (with Billy Ray) and
direct"): the cue is a verb of a coordinated act, not speech."""
"""What follows a cue is no content when it goes on with another verb: "paid to write and direct the film"."""
_SPEAKER_STARTS = word_set("he she they we i it the a an his her their its one another said says told")


@dataclass
class ArticleView:
    text: str
    quotes: QuoteIndex
    mentions: MentionIndex
    outlet: str | None
    sentence_starts: list[int]
    """Where each sentence of the analysis begins, in order."""


@dataclass
class Found:
    """A cue read in its sentence, before it becomes a Quote."""

    cue: tuple[int, int]
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    kind: str = "indirect"
    cites: list[str] = field(default_factory=list)
    told: str | None = None
    consumed: int = 0
    """Where the words read with the cue end (fillers, "citing ..."): no new cue starts before it."""


def reads_backwards(
    article: ArticleView, start: int, end: int, cue: tuple[int, int], form: str, position: int
) -> bool:
    """Whether the cue's content comes before it: "CONTENT, X said", ""CONTENT," said X"."""
    if form not in SPEECH_FORMS or is_participle(form):
        return False
    text = article.text
    rest = text[position:end].lstrip()
    opening = rest.lstrip(" ,")[:1]
    if rest[:4].lower() == "that" or rest[:1] == ":" or (opening and opening in OPENERS):
        return False
    before = text[start if text[start : cue[0]].strip() else max(0, start - 3) : cue[0]].rstrip()[-1:]
    if before in "”\"'" and before:
        return True
    if before == "," and form not in TELL_FORMS and looks_like_inverted_speaker(rest):
        return True  # after "told" comes who was told ("..., told Orozco in a firm voice, ...")
    pair = article.quotes.last_ending_by(cue[0])
    if pair is not None and _as_speaker_said(text, pair.end, cue[0]):
        return True
    if pair is not None and _names_a_title(text, pair.start, pair.end) and rest.strip(END_PUNCT + CLOSERS):
        return False  # "In an interview on CBS's "Face the Nation," Ryan said the recent ...": a title
    if pair is not None and pair.end >= start - 3 and _speaker_gap(text, pair.end, cue[0]):
        return True
    if pair is not None and pair.start >= start - 3 and _opens_adverbial_clause(rest):
        return True
    boundary = _last_boundary(text, start, cue[0])
    if boundary >= 0 and text[boundary] != "," and _speaker_gap(text, boundary + 1, cue[0]):
        return True
    return not rest.strip(END_PUNCT + CLOSERS) or rest[:1] == ","


_TITLE_BEFORE = re.compile(r"(?:\b(?:on|in|of|from|by)|['’]s)\s*$", re.I)
MAX_TITLE_WORDS = 5


def _names_a_title(text: str, start: int, end: int) -> bool:
    """A short quotation of capitalised words after "on", "in" or a possessive names a programme or a work
    ("on CBS's "Face the Nation,""), it quotes no one."""
    words = text[start + 1 : end - 1].strip(" ,.").split()
    if not words or len(words) > MAX_TITLE_WORDS:
        return False
    if not all(word[:1].isupper() or (word.islower() and len(word) <= 3) for word in words):
        return False
    return bool(_TITLE_BEFORE.search(text, max(0, start - 12), start))


def skip_fillers(article: ArticleView, position: int, end: int) -> tuple[int, list[str]]:
    text = article.text
    cites: list[str] = []
    while True:
        filler = FILLER_RE.match(text, position, end)
        if filler is not None and filler.end() > position:
            position = filler.end()
            continue
        medium = _ON_A_MEDIUM.match(text, position, end)
        named = find_media(text[medium.end() : end]) if medium is not None else []
        if medium is not None and named and named[0][0] == 0:
            position = medium.end() + named[0][1]  # "said on Fox News", "wrote in The New York Times"
            continue
        citing = CITING_RE.match(text, position, end)
        if citing is not None:
            cites.append(resolve_cited(citing.group(1), citing.start(1), article.mentions))
            position = citing.end()
            continue
        return position, cites


def skip_object(article: ArticleView, position: int, end: int) -> tuple[int, str | None]:
    """Past the person or medium told ("told Reuters", "told the Associated Press that")."""
    text = article.text
    limit = min(end, position + 100)
    head = [m for m in article.mentions.in_span(position, limit) if m.start <= position + 1]
    medium = article.mentions.medium_at(position)
    told = medium[2] if medium else None
    that = _THAT_RE.search(text, position, limit)
    if that is not None and _object_then_that(text[position : that.start()]):
        return that.start(), told
    if medium is not None:
        return medium[1], told
    if head:
        return head[0].end, told
    words = words_before(text, position, min(end, position + 60))
    first = text[words[0][0] : words[0][1]].lower() if words else ""
    if first in _OBJECT_WORDS:
        return words[0][1], told
    if first in DETERMINERS and len(words) > 1:
        named = [m for m in article.mentions.in_span(words[1][0], limit) if m.start == words[1][0]]
        return (named[0].end if named else _capitalised_run_end(text, words[1:])), told
    return position, told


def _capitalised_run_end(text: str, words: list[tuple[int, int]]) -> int:
    """The end of the first word and the capitalised words right after it ("the Timaru Herald")."""
    last = words[0]
    for word in words[1:]:
        if not text[word[0]].isupper() or text[last[1] : word[0]].strip():
            break
        last = word
    return last[1]


def _opens_adverbial_clause(rest: str) -> bool:
    first = _FIRST_WORD.match(rest)
    return first is not None and first.group().lower() in _SUBORDINATORS


def _object_then_that(between: str) -> bool:
    """ "told reporters on Friday that": only who was told (and when) before "that"; not ", adding that"
    nor "after the meeting that was held ...", where "that" belongs to another clause."""
    words = between.lower().split()
    return len(words) <= 8 and "," not in between and not any(w in _ADVERBIAL_OPENERS for w in words)


_SUBORDINATORS = word_set("after before when while during following because as until")
"""What follows a cue and opens an adverbial clause is no content: "..., Chaffetz said after Pagliano ..."."""
_ADVERBIAL_OPENERS = _SUBORDINATORS | {"since"}
_FIRST_WORD = re.compile(r"\w+")


def content_before(
    article: ArticleView, start: int, end: int, cue: tuple[int, int], after: int
) -> Found | None:
    """ ""CONTENT," X said." / "CONTENT, X said." / ""CONTENT," said X." / "CONTENT, X said, MORE." """
    text = article.text
    pair = article.quotes.last_ending_by(cue[0])
    if pair is not None and _as_speaker_said(text, pair.end, cue[0]):
        as_word = text.index("as", pair.end)
        content, speaker = (pair.start, pair.end), first_piece(text, as_word + 2, cue[0])
    elif pair is not None and pair.end >= start - 3 and _speaker_gap(text, pair.end, cue[0]):
        lead = trim(text, start, pair.start)
        content = (lead[0] if pair.start > start and lead[1] > lead[0] else pair.start, pair.end)
        speaker = first_piece(text, pair.end, cue[0])
    else:
        boundary = _last_boundary(text, start, cue[0])
        if boundary < 0:
            return None
        found_content = _content_ending_at(article, start, boundary)
        if found_content is None:
            return None
        content, speaker = found_content, trim(text, boundary + 1, cue[0], " \t\n,'")
    if speaker[1] <= speaker[0]:
        speaker_end = text.find(",", after, end)
        speaker = trim(text, after, end if speaker_end < 0 else speaker_end, TRAILING)
    if speaker[1] <= speaker[0] or len(text[speaker[0] : speaker[1]].split()) > MAX_SPEAKER_WORDS:
        return None
    content = (content[0], _continued_end(article, after, end, content[1]))
    kind = "direct" if text[content[0]] in OPENERS else "indirect"
    return Found(cue, content, trim_auxiliaries(text, speaker), kind)


def _as_speaker_said(text: str, quote_end: int, cue_start: int) -> bool:
    """ "... the words ''I can't breathe,'' as Eric Garner, gasping on a sidewalk, said before he died": the
    quotation before "as" and a speaker is what the speaker said."""
    match = _AS_GAP.match(text, quote_end, cue_start)
    return match is not None and _only_a_speaker(text[match.end() : cue_start])


def _speaker_gap(text: str, quote_end: int, cue_start: int) -> bool:
    """Whether only a speaker (with an apposition) stands between a closing quote and the cue."""
    gap = text[quote_end:cue_start]
    if not _only_a_speaker(gap):
        return False
    closing = text[max(0, quote_end - 3) : quote_end].rstrip("”\"'’")
    return closing[-1:] in (",", "?", "!", "-", "—") or gap.lstrip()[:1] == ","


def _only_a_speaker(gap: str) -> bool:
    if len(gap.split()) > 2 * MAX_SPEAKER_WORDS or any(c in gap for c in ";:!?“\"\n"):
        return False
    gap_words = gap.strip(" ,").split()
    first_word = gap_words[0] if gap_words else ""
    described = any(word[:1].isupper() for word in gap_words[1:3])  # "panel Chairman Rep. Jason Chaffetz"
    if first_word and not (first_word[:1].isupper() or first_word.lower() in _SPEAKER_STARTS or described):
        return False
    name = gap.strip(" ,").split(",", 1)[0].lower().split()
    return not any(word in NP_BOUNDARIES for word in name)


def _continued_end(article: ArticleView, after: int, end: int, content_end: int) -> int:
    """ "The hashtag, Mr. Abboud said, accompanied ...": the content goes on after a parenthetical cue."""
    text = article.text
    rest = text[after:end]
    if not rest.startswith(","):
        return content_end
    words = rest[1:].split()
    first = words[0].lower().strip(",") if words else ""
    if len(words) < 3 or first in CUE_WORDS or is_participle(first) or words[0][:1] in OPENERS:
        return content_end
    if first in _NEW_CLAUSE or text[content_end - 1] in CLOSERS:
        return content_end  # ""You winning?" she said, but Kevin was drifting off": a sentence goes on
    return trim(text, after, end, END_PUNCT)[1]


def _last_boundary(text: str, start: int, cue_start: int) -> int:
    """Index of the comma or closing quote that ends the content before a trailing "X said"."""
    for index in range(cue_start - 1, max(start, cue_start - 160) - 1, -1):
        char = text[index]
        if char in ",”" or (char in "\"'" and index > start and text[index - 1] in ",.!?'"):
            return index
        if char in ";:(" or text[index : index + 2] == "--" or char == "—":
            return -1
    return -1


def _content_ending_at(article: ArticleView, start: int, boundary: int) -> tuple[int, int] | None:
    text = article.text
    for end in (boundary + 2, boundary + 1, boundary):
        pair = article.quotes.ending_at(end)
        if pair is not None:
            lead = trim(text, start, pair.start)
            return (lead[0] if pair.start > start and lead[1] > lead[0] else pair.start, pair.end)
    content = trim(text, start, boundary, END_PUNCT)
    if content[1] <= content[0]:
        return None
    return grow_to_quotes(article, content)


def grow_to_quotes(article: ArticleView, content: tuple[int, int]) -> tuple[int, int]:
    """Widen `content` to the whole quotation it starts or ends inside of."""
    start, end = content
    first = article.quotes.enclosing(start)
    if first is not None:
        start = first.start
    elif article.quotes.starting_at(start) is not None:
        end = max(end, article.quotes.starting_at(start).end)  # type: ignore[union-attr]
    last = article.quotes.enclosing(end - 1)
    if last is not None and last.end > end:
        end = last.end
    return start, end


def content_after(
    article: ArticleView,
    start: int,
    end: int,
    cue: tuple[int, int],
    form: str,
    position: int,
    previous: tuple[int, int] | None,
) -> Found | None:
    text = article.text
    content = trim(text, position, end, END_PUNCT)
    if content[1] <= content[0]:
        content = _quotation_after_colon(article, position) or content
    if content[1] <= content[0]:
        return None
    content = grow_to_quotes(article, content)
    if _COORDINATOR.match(text, content[0]):
        return None
    if _IMPERSONAL.search(text, max(start, cue[0] - IMPERSONAL_CHARS), cue[0]):
        return None
    if is_participle(form) and _after_comma(text, start, cue[0]):
        speaker = previous or first_mention(article.mentions, start, cue[0])
    else:
        speaker = speaker_before(text, article.mentions, start, cue[0])
        speaker = speaker or previous or first_mention(article.mentions, start, cue[0])
    if speaker is None and not _starts_sentence(text, start, cue[0]):
        return None
    inverted = _SPEAKER_AFTER_OPENING_CUE.match(text, cue[1], end) if speaker is None else None
    if inverted is not None:  # "Said Ellis: “I don't ...”"
        speaker, content = inverted.span(1), trim(text, inverted.end(), end, END_PUNCT)
    kind = "direct" if text[content[0]] in OPENERS and text[content[1] - 1] in CLOSERS else "indirect"
    return Found(cue, content, speaker, kind)


_COLON_ENDING = re.compile(r"[ \t]*:\s*")
MIN_PARAGRAPH_WORDS = 4


def _quotation_after_colon(article: ArticleView, position: int) -> tuple[int, int] | None:
    """ "Caddell continued:" and, in the next paragraph, ""The health issue ..."": the quotation is the
    content; "PTI reports:" and then a paragraph with no quotation marks: that paragraph."""
    colon = _COLON_ENDING.match(article.text, position)
    if colon is None:
        return None
    pair = article.quotes.starting_at(colon.end())
    if pair is not None:
        return (pair.start, pair.end)
    if "\n" not in colon.group():
        return None
    line_end = article.text.find("\n", colon.end())
    line = trim(article.text, colon.end(), len(article.text) if line_end < 0 else line_end, END_PUNCT)
    return line if len(article.text[line[0] : line[1]].split()) >= MIN_PARAGRAPH_WORDS else None


_SPEAKER_AFTER_OPENING_CUE = re.compile(r"\s+" + LABEL)


def _after_comma(text: str, start: int, cue_start: int) -> bool:
    """ ", saying", also past adverbs (", even suggesting", ", now saying"): a participle of the clause's
    subject."""
    words = words_before(text, max(start, cue_start - 40), cue_start)
    while words and text[words[-1][0] : words[-1][1]].lower() in _PARTICIPLE_ADVERBS:
        cue_start = words.pop()[0]
    return text[start:cue_start].rstrip().endswith(",")


def _starts_sentence(text: str, start: int, cue_start: int) -> bool:
    """ "Asked whether ..., Johnson demurred": a cue that opens its sentence has no speaker before it."""
    return not text[start:cue_start].strip(" \t\n\"“'‘(")
