"""Numbers with what they count: "at least two scoped rifles" -> 2 "scoped rifles" (at_least).

One compiled regex finds the numbers in the whole text; the words after a number (up to a stop word) are
what it counts. Numbers inside dates and times (spaCy DATE/TIME entities, which the time extractor owns)
and inside designations ("Hwasong-18") are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from spacy.attrs import IDX, LIKE_NUM, LOWER, PREFIX
from spacy.tokens import Doc

from corroborator.analyze.nlp.arrays import DocEntity, doc_entities
from corroborator.analyze.nlp.load import text_of
from corroborator.types import Quantity

_UNITS_TEXT = """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen
"""
UNITS_WORDS = _UNITS_TEXT.split()
TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12, "dozen": 12,
}  # fmt: skip
WORD_VALUES: dict[str, float] = {word: float(i) for i, word in enumerate(UNITS_WORDS)}
WORD_VALUES.update({word: float(20 + 10 * i) for i, word in enumerate(TENS_WORDS)})
ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "thirtieth": 30, "fiftieth": 50,
    "hundredth": 100,
}  # fmt: skip
CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
              "¥": "JPY", "jpy": "JPY", "won": "KRW", "krw": "KRW", "yuan": "CNY", "rubles": "RUB",
              "roubles": "RUB", "dollars": "USD", "euros": "EUR", "pounds": "GBP"}  # fmt: skip
PERCENT_WORDS = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "percentage points": "percentage points",
}
MODIFIERS = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least",
    "at most": "at_most", "up to": "at_most", "no more than": "at_most", "a maximum of": "at_most",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "nearly": "about", "almost": "about", "an estimated": "about",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than", "in excess of": "more_than",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
}  # fmt: skip

_WORD_NUMBER = r"(?:(?:{})(?:[\s-](?:{}))?|(?:{})|a dozen|dozens|hundreds|thousands|millions)".format(
    "|".join(TENS_WORDS), "|".join(UNITS_WORDS[1:10]), "|".join(UNITS_WORDS),
)  # fmt: skip
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = re.compile(
    r"(?P<currency>US\$|\$|€|£|¥)?"
    rf"(?<![\w/:.,-])(?P<number>{_DIGITS}|(?i:{_WORD_NUMBER})\b)(?![\w-]*\d)"
    r"(?P<ordinal>st|nd|rd|th)?"
    r"(?P<scale>(?:\s|-)?(?i:hundred|thousand|million|billion|trillion|dozen)\b|(?:bn|mn|tn|m|k)\b)?"
    r"(?P<percent>\s?%|\s(?i:percent|per cent|percentage points)\b)?",
)
ORDINAL_WORD = re.compile(r"\b(?P<word>{})\b".format("|".join(ORDINAL_WORDS)), re.IGNORECASE)
MODIFIER_BEFORE = re.compile(
    r"\b(?P<mod>{})\s+$".format("|".join(sorted(MODIFIERS, key=len, reverse=True))), re.I
)
UNIT_WORD = re.compile(
    r"\s*(?P<word>[A-Za-z][A-Za-z'-]*(?<=-)\d+[A-Za-z]*|[A-Za-z][A-Za-z'-]*|\(?[A-Z]{2,6}s?\)?)"
)
_STOP_TEXT = """
    a an the and or but of to in on at by for from with as into than that this these those which who
    whom whose what when where while was were is are be been being has have had do did does will would
    can could may might shall should must not no per each during after before since until about between
    among against over under through across including include includes included it its it's their they
    them he she his her we our you your i my me said says say told also more most other such so if then
    there here up down out off
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
QUALIFIERS = frozenset({"different", "various", "other", "separate", "distinct", "additional", "several"})
NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
"""spaCy labels a quantity may lie in; a number inside any other entity belongs to a date or time (the time
extractor owns those) or to a name ("Boeing 767", "Apollo 11")."""
NUMBER_FIRST_CHARACTERS = "0123456789$€£¥"
COUNT_WORDS = ("dozen", "dozens", "hundreds", "thousands", "millions")
DANGLING_WORDS = frozenset({"of", "new"})
"""Words a unit does not end with: "two models of" (cut at a name), "14 new" (before "Airbus A330s")."""
MAX_UNIT_WORDS = 5
WINDOW = 40


def extract_quantities(doc: Doc) -> list[Quantity]:
    """Quantities in the text of `doc`, in text order."""
    text = text_of(doc)
    entities = doc_entities(doc)
    names = [ent for ent in entities if ent.label not in NUMERIC_LABELS]
    blocked = ([ent.start_char for ent in names], [ent.end_char for ent in names])
    found: list[Quantity] = []
    last_end = 0
    for position in _number_token_starts(doc):
        start = _with_currency_before(text, position)
        match = NUMBER.match(text, start) if start >= last_end else None
        if match is None:
            continue
        last_end = match.end()
        if _inside(match.start("number"), blocked) or _inside_name(text, match.start("number")):
            continue
        quantity = _quantity(text, match)
        if quantity is not None:
            found.append(quantity)
    found.extend(_spelled_ordinals(text, entities))
    found.sort(key=lambda q: q.start)
    return found


def _number_token_starts(doc: Doc) -> list[int]:
    """Where the tokens that may start a number begin: spaCy's like_num, a digit or currency sign first,
    or "dozen"/"hundreds"/...; read from arrays so that no Token object is built."""
    if len(doc) == 0:
        return []
    strings = doc.vocab.strings
    columns = doc.to_array([LIKE_NUM, PREFIX, LOWER, IDX])
    prefixes = numpy.array([strings.add(c) for c in NUMBER_FIRST_CHARACTERS], dtype=columns.dtype)
    words = numpy.array([strings.add(w) for w in COUNT_WORDS], dtype=columns.dtype)
    candidates = (columns[:, 0] == 1) | numpy.isin(columns[:, 1], prefixes) | numpy.isin(columns[:, 2], words)
    return [int(p) for p in columns[candidates, 3]]


def _with_currency_before(text: str, position: int) -> int:
    """Step back over a currency sign ("$40", "US$40") or the "a" of "a dozen"."""
    if text.startswith("US$", position - 3):
        return position - 3
    if position > 0 and text[position - 1] in "$€£¥":
        return position - 1
    if text[position - 2 : position].casefold() == "a " and text.startswith(("dozen", "Dozen"), position):
        return position - 2
    return position


def _inside(position: int, spans: tuple[list[int], list[int]]) -> bool:
    """Whether `position` lies in one of the sorted, non-overlapping spans given as (starts, ends)."""
    starts, ends = spans
    index = bisect_right(starts, position) - 1
    return index >= 0 and position < ends[index]


def _inside_name(text: str, position: int) -> bool:
    """A number glued to a capitalised word by a hyphen is part of a name ("Hwasong-18", "F-35")."""
    return position >= 2 and text[position - 1] == "-" and text[position - 2].isalpha()


def _quantity(text: str, match: re.Match[str]) -> Quantity | None:
    number = match.group("number")
    value = _number_value(number)
    if value is None:
        return None
    start, end = match.start(), match.end()
    scale = (match.group("scale") or "").strip().strip("-").casefold()
    if scale == "m" and _is_metres(text, match):
        unit = "metres"
    else:
        value *= SCALES[scale] if scale else 1.0
        unit, end = _unit(text, match, end)
    spelled = not number[0].isdigit()
    if spelled and not unit:
        return None
    mod, start = _modifier(text, start)
    return Quantity(start, end, text[start:end], value, unit, mod)


def _is_metres(text: str, match: re.Match[str]) -> bool:
    """Whether the "m" after a number is metres ("fell 60m from a ridge"), not millions ("$60m", "10m
    viewers", "60m euros"): no currency and no counted noun after it."""
    if match.group("currency") or match.group("percent"):
        return False
    words, _ = _following_words(text, match.end())
    return not words


def _unit(text: str, match: re.Match[str], end: int) -> tuple[str, int]:
    """What the number counts, and where the quantity ends."""
    if match.group("currency"):
        return CURRENCIES[match.group("currency").casefold()], end
    if match.group("percent"):
        return PERCENT_WORDS[" ".join(match.group("percent").split()).casefold()], end
    words, unit_end = _following_words(text, end)
    if words and words[0].casefold() in CURRENCIES:
        return CURRENCIES[words[0].casefold()], unit_end
    if match.group("ordinal") and words:
        return words[0], _word_end(text, end, 1)
    return " ".join(words), unit_end


def _following_words(text: str, position: int) -> tuple[list[str], int]:
    """The words after a number that say what it counts, and where the last of them ends."""
    words: list[tuple[str, int]] = []
    cursor = position
    while len(words) < MAX_UNIT_WORDS:
        match = UNIT_WORD.match(text, cursor)
        if match is None:
            break
        word = match.group("word")
        folded = word.casefold()
        cursor = match.end()
        if folded == "of" and words:
            words.append((word, cursor))
            continue
        if not words and folded in QUALIFIERS:
            continue
        if folded in STOP_WORDS or (word[0].isupper() and not _is_designation(word)):
            break
        words.append((word.strip("()"), cursor))
        if _is_plural_head(word) and not text.startswith(" of ", cursor):
            break
    while words and words[-1][0].casefold() in DANGLING_WORDS:
        words.pop()
    return [word for word, _ in words], words[-1][1] if words else position


def _is_designation(word: str) -> bool:
    """An acronym or a model name, which a unit may be: "MPs", "AK-47s" (not a name: "Mount")."""
    return word.rstrip("s").isupper() or any(c.isdigit() for c in word)


def _is_plural_head(word: str) -> bool:
    long_enough = len(word) > 3 or _is_designation(word)
    return long_enough and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _word_end(text: str, position: int, count: int) -> int:
    cursor = position
    for _ in range(count):
        match = UNIT_WORD.match(text, cursor)
        if match is None:
            break
        cursor = match.end()
    return cursor


def _modifier(text: str, start: int) -> tuple[str | None, int]:
    match = MODIFIER_BEFORE.search(text, max(0, start - WINDOW), start)
    if match is None:
        return None, start
    return MODIFIERS[" ".join(match.group("mod").split()).casefold()], match.start("mod")


def _number_value(number: str) -> float | None:
    if number[0].isdigit():
        return float(number.replace(",", ""))
    folded = number.casefold()
    if folded in {"a dozen", "dozens"}:
        return 12.0
    if folded in {"hundreds", "thousands", "millions"}:
        return SCALES[folded[:-1]]
    total = 0.0
    for part in re.split(r"[\s-]+", folded):
        if part not in WORD_VALUES:
            return None
        total += WORD_VALUES[part]
    return total


def _spelled_ordinals(text: str, entities: list[DocEntity]) -> list[Quantity]:
    """ "third anniversary", "fifth round": spelled ordinals spaCy tags ORDINAL, with what they count."""
    found: list[Quantity] = []
    for ent in entities:
        if ent.label != "ORDINAL":
            continue
        match = ORDINAL_WORD.fullmatch(text[ent.start_char : ent.end_char].strip())
        if match is None:
            continue
        words, _ = _following_words(text, ent.end_char)
        if words:
            end = _word_end(text, ent.end_char, 1)
            value = float(ORDINAL_WORDS[match.group("word").casefold()])
            found.append(Quantity(ent.start_char, end, text[ent.start_char : end], value, words[0]))
    return found
