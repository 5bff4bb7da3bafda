"""Rules for durations, expressions relative to the publication date, vague references and sets."""

from __future__ import annotations

import datetime as dt
import re

from corroborator.analyze.times import calendar as cal
from corroborator.analyze.times.context import Context, Found, Rule
from corroborator.analyze.times.lexicon import (
    COUNT,
    MONTH_NAME,
    MONTHS,
    NUMBER_WORD,
    REF_WORDS,
    SEASON_NAME,
    SET_WORDS,
    SMALL_NUMBERS,
    SPELLED_YEAR,
    TIME_UNITS,
    UNITS,
    alternation,
    year_number,
)
from corroborator.analyze.times.rules_day import DAY_RULES

_FINANCE = re.compile(r"quarter|net|income|profit|earn|revenue|sales|share|loss|\$|cents|results", re.I)
_NUMBER_PARTS = re.compile(r"[\s-]+")
_MULTIPLIERS = {"hundred": 100.0, "thousand": 1000.0}


def count_value(words: str) -> float | None:
    """The number a count phrase stands for; None for vague counts ("several", "a few")."""
    text = " ".join(words.lower().replace(",", "").split())
    if text in SMALL_NUMBERS:
        return SMALL_NUMBERS[text]
    if text.endswith("and a half"):
        base = count_value(text[: -len(" and a half")])
        return None if base is None else base + 0.5
    if text.endswith(" 1/2"):
        return float(text[:-4]) + 0.5
    try:
        return float(text)
    except ValueError:
        pass
    total = 0.0
    for part in _NUMBER_PARTS.split(text):
        if part in _MULTIPLIERS:
            total = max(total, 1.0) * _MULTIPLIERS[part]
        elif part in SMALL_NUMBERS:
            total += SMALL_NUMBERS[part]
        else:
            return None
    return total


def unit_key(word: str) -> str:
    key = word.lower().rstrip("s")
    return "centurie" if key == "centurie" else key


_SMALLER_UNIT = {("P", "Y"): (12, "M"), ("P", "M"): (30, "D"), ("P", "W"): (7, "D"), ("P", "Q"): (3, "M"),
                 ("P", "D"): (24, "TH"), ("PT", "H"): (60, "M"), ("PT", "M"): (60, "S")}  # fmt: skip


_SCALED_UNIT = {"F": (2, "W"), "DE": (10, "Y"), "CE": (100, "Y")}


def duration_value(count: float | None, unit: str) -> str:
    """TimeML duration: P2W, PT3H, PXY, P40Y for four decades (PXY for decades); fractions go to the next
    smaller unit (P2Y6M for 2 1/2 years, PT30M for half an hour)."""
    key = unit_key(unit)
    letter = UNITS[key]
    prefix = "PT" if key in TIME_UNITS else "P"
    factor, letter = _SCALED_UNIT.get(letter, (1, letter))
    if count is None:
        return f"{prefix}X{letter}"
    count *= factor
    whole = int(count)
    fraction = count - whole
    value = f"{prefix}{whole}{letter}" if whole else prefix
    if fraction and (prefix, letter) in _SMALLER_UNIT:
        factor, smaller = _SMALLER_UNIT[(prefix, letter)]
        return value + f"{smaller[0] if len(smaller) > 1 else ''}{round(fraction * factor)}{smaller[-1]}"
    return value if not fraction else f"{prefix}{count:g}{letter}"


_RATE_BEFORE = re.compile(
    r"(?:\d|million|billion|cents|dollars|percent|times|[a-z]{3,}s)\W*\s+$", re.IGNORECASE
)
_FRACTION_AFTER = re.compile(r"\s+of\b|-", re.IGNORECASE)


def unit_count(m: re.Match[str]) -> float | None:
    """The number of units of "two weeks", "a minute and a half"; None for "several weeks"."""
    count = count_value(m["count"])
    return count + 0.5 if count is not None and m["half"] else count


def norm_duration(m: re.Match[str], ctx: Context) -> Found | None:
    count = unit_count(m)
    if count is not None and count > 10_000:
        return None
    if not_a_duration(m, ctx):
        return None
    return Found("DURATION", duration_value(count, m["unit"]))


def not_a_duration(m: re.Match[str], ctx: Context) -> bool:
    """Rates ("$35 a night"), fractions ("three-quarters of"), ordinals ("a second group")."""
    unit = m["unit"].lower()
    article = m["count"].lower() in ("a", "an")
    if article and unit == "second":
        return True
    if unit == "quarter" and _FRACTION_AFTER.match(ctx.text, m.end()):
        return True
    if article and m.start("count") == m.start():
        return _RATE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()) is not None
    return False


_OF_AFTER = re.compile(r"\s+of\b")
_APART = re.compile(r"\s+apart\b", re.IGNORECASE)
_BEFORE_EVENT = re.compile(r"\s+(?:before|after|leading\s+up\s+to|following)\b", re.IGNORECASE)


def norm_plural_unit(m: re.Match[str], ctx: Context) -> Found | None:
    if (m["rel"] or "").lower() in ("recent", "past") and m["unit"].lower() == "year":
        return Found("DATE", "PAST_REF")
    after_the = (
        m[0].lower().startswith("the") or ctx.text[max(0, m.start() - 4) : m.start()].lower() == "the "
    )
    if after_the and not m["rel"] and _BEFORE_EVENT.match(ctx.text, m.end()):
        return None  # "the days before the shooting": a stretch of time tied to an event, with no length
    if not m["rel"] and _APART.match(ctx.text, m.end()):
        return None  # "minutes apart": a vague gap between two events
    return Found("DURATION", duration_value(None, m["unit"]))


def shifted(ref: dt.date, count: int, unit: str) -> str:
    """The reference date moved by count units, at the unit's granularity."""
    key = unit_key(unit)
    if key in ("day", "night"):
        return (ref + dt.timedelta(days=count)).isoformat()
    if key in ("week", "fortnight"):
        return cal.iso_week(ref + dt.timedelta(days=7 * count * (2 if key == "fortnight" else 1)))
    if key == "month":
        return cal.month_value(*cal.shift_months(ref.year, ref.month, count))
    if key == "quarter":
        year, quarter = cal.shift_quarter(ref.year, cal.quarter_of(ref), count)
        return f"{year:04d}-Q{quarter}"
    if key == "decade":
        return f"{(ref.year + 10 * count) // 10:03d}"
    if key in ("centurie", "century"):
        return f"{(ref.year + 100 * count) // 100:02d}"
    if key in TIME_UNITS:
        return ref.isoformat()
    return f"{ref.year + count:04d}"


def norm_ago(m: re.Match[str], ctx: Context) -> Found | None:
    direction = " ".join(m["dir"].lower().split())
    sign = -1 if direction in ("ago", "earlier", "before", "back", "previously") else 1
    count = unit_count(m)
    key = unit_key(m["unit"])
    if direction in ("later", "earlier", "before", "after") and key in ("day", "week", "hour", "minute"):
        return _stretch_between(m, ctx, count)
    ref = ctx.need_ref()
    if count is None:
        return Found("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if key == "year" and round(count) == 1 and sign < 0 and ctx.last_quarter and _in_report(m, ctx):
        year, quarter = ctx.last_quarter
        return Found("DATE", f"{year - 1:04d}-Q{quarter}")
    return Found("DATE", shifted(ref, sign * round(count), key))


def _in_report(m: re.Match[str], ctx: Context) -> bool:
    return _FINANCE.search(ctx.sentence_text(m.start())) is not None


def _stretch_between(m: re.Match[str], ctx: Context, count: float | None) -> Found:
    """The length of time between two events ("three days later", "a few hours earlier"), which TimeML
    annotates as a duration without the direction word."""
    unit_end = m.end("half") if m["half"] else m.end("unit")
    plural = ctx.text[unit_end : unit_end + 1].lower() == "s"
    return Found("DURATION", duration_value(count, m["unit"]), span_end=unit_end + plural)


def norm_year_earlier(m: re.Match[str], ctx: Context) -> Found | None:
    ref = ctx.need_ref()
    if ctx.last_quarter and _FINANCE.search(ctx.sentence_text(m.start())):
        year, quarter = ctx.last_quarter
        return Found("DATE", f"{year - 1:04d}-Q{quarter}")
    return Found("DATE", f"{ref.year - 1:04d}")


def norm_relative_unit(m: re.Match[str], ctx: Context) -> Found | None:
    relation = m["rel"].lower()
    unit = m["unit"].lower()
    if relation in ("past", "previous") and m["the"] and unit in ("decade", "century"):
        return Found("DURATION", duration_value(1, unit))  # "over the past decade": a span of ten years
    ref = ctx.need_ref()
    delta = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[
        relation
    ]
    if unit == "weekend":
        return Found("DATE", cal.iso_week(ref + dt.timedelta(days=7 * delta)) + "-WE")
    return Found("DATE", shifted(ref, delta, unit))


def norm_ref_word(m: re.Match[str], ctx: Context) -> Found | None:
    word = " ".join(m["word"].lower().split())
    if word in ("now", "currently") and _opens_sentence_with_comma(m, ctx):
        return None  # "Now, he says, ...": a sentence-opening frame, not a time
    if word == "the future" and _OF_AFTER.match(ctx.text, m.end()):
        return None  # "the future of our peoples": their prospects
    return Found("DATE", REF_WORDS[word])


def _opens_sentence_with_comma(m: re.Match[str], ctx: Context) -> bool:
    before = ctx.text[ctx.sentence_of(m.start())[0] : m.start()]
    return ctx.text.startswith(", ", m.end()) and not before.strip(" \n\"'`“‘")


def norm_the_week(m: re.Match[str], ctx: Context) -> Found:
    """The week of the events told ("For the week, the index dropped 3.8%"): TimeBank leaves it
    underspecified within the reference year."""
    return Found("DATE", f"{ctx.need_ref('XXXX-WXX').year:04d}-WXX")


def norm_set_word(m: re.Match[str], ctx: Context) -> Found:
    return Found("SET", SET_WORDS[m["word"].lower()])


def norm_every(m: re.Match[str], ctx: Context) -> Found:
    return Found("SET", duration_value(1, m["unit"]))


def norm_the_year(m: re.Match[str], ctx: Context) -> Found | None:
    following = ctx.text[m.end() : m.end() + 20].lower()
    if following.lstrip().startswith(("ended", "ending", "that ended", "to ", "through")):
        return Found("DURATION", "P1Y")
    return Found("DATE", f"{ctx.need_ref().year:04d}")


def norm_weekend(m: re.Match[str], ctx: Context) -> Found:
    ref = ctx.need_ref()
    tense = ctx.tense(m.start(), m.end())
    if tense == "future" or ref.weekday() >= 5:
        return Found("DATE", cal.iso_week(ref) + "-WE")
    return Found("DATE", cal.iso_week(ref - dt.timedelta(days=7)) + "-WE")


def norm_period(m: re.Match[str], ctx: Context) -> Found | None:
    ref = ctx.need_ref()
    year, quarter = ctx.last_quarter or cal.shift_quarter(ref.year, cal.quarter_of(ref), -1)
    if m["year"]:
        year = int(m["year"])
    elif (m["rel"] or "").lower() in ("year-earlier", "year-ago"):
        year -= 1
    return Found("DATE", f"{year:04d}-Q{quarter}")


def norm_quarter_a_year_ago(m: re.Match[str], ctx: Context) -> Found | None:
    """The reported quarter, a year back ("the quarter a year ago", "last year's quarter")."""
    ref = ctx.need_ref()
    year, quarter = ctx.last_quarter or cal.shift_quarter(ref.year, cal.quarter_of(ref), -1)
    return Found("DATE", f"{year - 1:04d}-Q{quarter}")


def norm_that_year(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.last_year is None:
        return None
    shift = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get((m["which"] or "").lower(), 0)
    return Found("DATE", f"{ctx.last_year + shift:04d}")


def norm_year_end(m: re.Match[str], ctx: Context) -> Found:
    return Found("DATE", f"{ctx.need_ref().year:04d}", mod="END")


def norm_century(m: re.Match[str], ctx: Context) -> Found | None:
    number = int(m["n"])
    return Found("DATE", f"{number - 1:02d}") if 0 < number <= 21 else None


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip


def norm_decade_word(m: re.Match[str], ctx: Context) -> Found:
    return Found("DATE", f"19{_DECADE_WORDS[m['decade'].lower()]}")


def norm_spelled_year(m: re.Match[str], ctx: Context) -> Found | None:
    year = year_number(m["year"])
    ctx.last_year = year
    return Found("DATE", f"{year:04d}")


_COUNT_UNIT = (
    rf"(?P<count>{COUNT})(?:\s+(?:more|additional|extra|full|long))?[\s-]+"
    r"(?:(?:trading|business|working|calendar|straight|consecutive)\s+)?"
    r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
    r"(?P<half>\s+and\s+a\s+half)?"
)
_DURATION_LEAD = (
    r"(?:the\s+(?:(?:past|last|next|first|previous|coming|following|latest|final|ensuing|remaining|"
    r"entire|whole|full|initial|same)\s+)?|(?:past|last|next|first|previous|coming|recent)\s+)?"
)
_PLURAL_UNIT = (
    r"(?P<unit>minute|hour|day|week|month|year|decade|centurie)s"
    r"(?:\s+(?:or|and)\s+(?:hour|day|week|month|year|decade|centurie)s)?"  # "weeks or months": one stretch
)
_ANCHOR_DIR = r"(?P<dir>ago|earlier|later|from\s+now|hence|back|(?:before|after)(?!\s+[\w$]))"
RELATIVE_RULES = [
    Rule("ago", rf"{_COUNT_UNIT}(?:\s+or\s+so)?\s+{_ANCHOR_DIR}", norm_ago),
    Rule("duration", rf"{_DURATION_LEAD}{_COUNT_UNIT}(?![\s-]+old)", norm_duration),
    Rule("plural_unit", r"(?:the\s+)?(?:(?P<rel>past|last|next|coming|recent|ensuing|following)\s+)?"
         rf"{_PLURAL_UNIT}(?![\s-]+old)", norm_plural_unit),
    Rule("year_earlier", r"(?:the\s+)?(?:comparable\s+)?year-(?:earlier|ago)(?:\s+(?:period|quarter))?",
         norm_year_earlier),
    Rule("relative_unit", r"(?:(?P<the>the)\s+)?(?P<rel>last|past|previous|this|current|next|coming)\s+"
         r"(?P<unit>week|weekend|month|year|decade|century)", norm_relative_unit),
    *DAY_RULES,
    Rule("the_year", r"the\s+(?:(?:fiscal|full|calendar|current)\s+)?year(?!['’-])", norm_the_year),
    Rule("weekend", r"the\s+weekend", norm_weekend),
    Rule("the_week", r"the\s+week(?!\s+(?:of|ended|ending|to|through)\b)", norm_the_week),
    Rule("quarter_a_year_ago", r"(?:the\s+)?(?:quarter|period)\s+a\s+year\s+(?:ago|earlier)|"
         r"last\s+year's\s+(?:quarter|period)|the\s+(?:corresponding|comparable|same)\s+(?:period|quarter)\s+"
         r"(?:of\s+)?(?:a\s+year\s+(?:ago|earlier)|last\s+year)", norm_quarter_a_year_ago),
    Rule("period", r"the\s+(?:(?P<rel>latest|year-earlier|year-ago|comparable|same)\s+|(?P<year>\d{4})\s+)"
         r"(?:fiscal\s+)?period", norm_period),
    Rule("spelled_year", rf"(?:the\s+year\s+)?(?P<year>{SPELLED_YEAR})"  # not "two thousand years":
         r"(?!\s+(?!has\b|was\b|is\b)(?-i:[a-z]+s)\b)", norm_spelled_year),
    Rule("that_year", r"(?:that|the\s+(?P<which>same|following|previous|preceding))\s+year", norm_that_year),
    Rule("year_end", r"(?:year[-\s]end|year's\s+end|the\s+end\s+of\s+the\s+year)", norm_year_end),
    Rule("century", r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century", norm_century),
    Rule("decade_word", rf"the\s+(?:nineteen[\s-]+)?(?P<decade>{alternation(_DECADE_WORDS)})",
         norm_decade_word),
    Rule("every_month", rf"(?:every|each)\s+(?P<mon>{MONTH_NAME})",
         lambda m, ctx: Found("SET", f"XXXX-{MONTHS[m['mon'].lower().rstrip('.')]:02d}")),
    Rule("ref_word", rf"(?P<word>{alternation(REF_WORDS)})", norm_ref_word),
    Rule("set_word", rf"(?P<word>{alternation(SET_WORDS)})", norm_set_word),
    Rule("every", r"(?:every|each|per)\s+(?P<unit>second|minute|hour|day|week|month|quarter|year)",
         norm_every),
]  # fmt: skip

__all__ = ["MONTH_NAME", "NUMBER_WORD", "RELATIVE_RULES", "SEASON_NAME", "duration_value"]
