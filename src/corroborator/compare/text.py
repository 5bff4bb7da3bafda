"""Word-level helpers shared by alignment and discrepancy finding: tokens with offsets, content words."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _words(
    """a an the of to in on at for by with from and or but nor as is are was were be been being am has
    have had do does did that this these those it its his her hers their theirs he she they them him we
    us our you your i me my which who whom whose what while also said says say told tell report reports
    reported according than more most into onto over after before about there here then so such not no
    yes if when where how why all any each both either neither some other another can could would
    should will shall may might must just only very too up down out off again further once per via upon
    within without against between among through during including until since because although though
    whereas whether adding added citing cited"""
)

NUMBER_WORDS = _words(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    thousand million billion trillion dozen dozens hundreds thousands millions billions half"""
)

NEGATIONS = _words("""n't without neither nor nothing no never none not nobody""")

NEGATING_VERBS = _words("""deny rejected reject refuted denying denied denies rejects""")

MONTHS = _words(
    """january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec"""
)

WEEKDAYS = _words("""monday tuesday wednesday thursday friday saturday sunday""")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


@functools.lru_cache(maxsize=65_536)
def tokens(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Word tokens of `text`, offsets shifted by `offset` (so they index the article text). Cached: a brief
    compares each clause with many others."""
    return tuple(Token(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text))


@functools.lru_cache(maxsize=65_536)
def normed(text: str) -> tuple[str, ...]:
    """`norm` of each word token of `text`."""
    return tuple(norm(m.group()) for m in _TOKEN.finditer(text))


def wording(text: str) -> str:
    """The lower-cased word tokens of `text`: clauses worded alike whatever their spacing and punctuation."""
    return " ".join(m.group().lower() for m in _TOKEN.finditer(text))


def norm(word: str) -> str:
    """A crude stem: lower case, apostrophes folded, "'s" and plural "s" removed."""
    low = word.lower().replace("’", "'")
    if low.endswith("n't"):
        return "not"
    if low.endswith("'s"):
        low = low[:-2]
    if len(low) > 4 and low.endswith("ies"):
        return low[:-3] + "y"
    if len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
        return low[:-1]
    return low


def is_number(word: str) -> bool:
    low = word.lower().replace(",", "")
    return low in NUMBER_WORDS or bool(re.fullmatch(r"\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?", low))


def is_content(word: str) -> bool:
    low = word.lower()
    return low not in STOPWORDS and len(low) > 2 and not is_number(low)


@functools.lru_cache(maxsize=65_536)
def content_set(text: str) -> frozenset[str]:
    """Stemmed content words of `text` (cached: a brief asks for the same clause's words many times)."""
    return frozenset(norm(t.text) for t in tokens(text) if is_content(t.text))


def is_negation(word: str) -> bool:
    low = word.lower().replace("’", "'")
    return low in NEGATIONS or low.endswith("n't") or low in NEGATING_VERBS


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def shorten(text: str, limit: int = 160) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
